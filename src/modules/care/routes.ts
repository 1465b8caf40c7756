import { Type } from '@fastify/type-provider-typebox';
import type { AppContext, SetuApp } from '../../server/app.ts';
import { errorResponses, IdParams } from '../../server/schemas.ts';
import {
  CARE_READERS,
  CARE_WORKERS,
  CARE_WRITERS,
  EventInput,
  PlanInput,
  PlanListItem,
  PlanPatch,
  PlanView,
  ReferralAnswer,
  ReferralInput,
} from './schemas.ts';
import {
  addEvent,
  addReferral,
  answerReferral,
  createPlan,
  getPlan,
  listPlans,
  patchPlan,
} from './service.ts';

export function registerCareRoutes(app: SetuApp, ctx: AppContext): void {
  app.get(
    '/api/care/plans',
    {
      config: { access: { roles: CARE_READERS } },
      schema: {
        tags: ['care'],
        summary: 'Care plans you may see; an NGO or shelter sees only the victims referred or placed with it',
        response: { 200: Type.Object({ items: Type.Array(PlanListItem) }), ...errorResponses(401, 403) },
      },
    },
    async (request) => ctx.inScope(request, async (scope) => ({ items: await listPlans(scope) })),
  );

  app.get(
    '/api/care/plans/:id',
    {
      config: { access: { roles: CARE_READERS } },
      schema: {
        tags: ['care'],
        summary:
          'One care plan with referrals, services, compensation, repatriation, follow-up visits and consent',
        params: IdParams,
        response: { 200: PlanView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => {
        const view = await getPlan(scope, request.params.id);
        await scope.audit({ action: 'care.plan_view', objectType: 'care_plan', objectId: view.id });
        return view;
      }),
  );

  app.post(
    '/api/care/plans',
    {
      config: { access: { roles: CARE_WRITERS } },
      schema: {
        tags: ['care'],
        summary:
          'Open the care plan of a found person (shelter, medical, counselling, legal aid, education and skills, consent)',
        body: PlanInput,
        response: { 201: PlanView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const view = await ctx.inScope(request, async (scope) =>
        getPlan(scope, await createPlan(scope, request.body)),
      );
      return reply.status(201).send(view);
    },
  );

  app.patch(
    '/api/care/plans/:id',
    {
      config: { access: { roles: CARE_WRITERS } },
      schema: {
        tags: ['care'],
        summary: 'Change the plan, the recorded consent or the bonded-labour release certificate',
        params: IdParams,
        body: PlanPatch,
        response: { 200: PlanView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => {
        await patchPlan(scope, request.params.id, request.body);
        return getPlan(scope, request.params.id);
      }),
  );

  app.post(
    '/api/care/plans/:id/referrals',
    {
      config: { access: { roles: CARE_WRITERS } },
      schema: {
        tags: ['care'],
        summary:
          'Refer the victim to an NGO or shelter home for services; it sees the victim while the referral is open',
        params: IdParams,
        body: ReferralInput,
        response: { 201: PlanView, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const view = await ctx.inScope(request, async (scope) => {
        await addReferral(scope, request.params.id, request.body);
        return getPlan(scope, request.params.id);
      });
      return reply.status(201).send(view);
    },
  );

  app.post(
    '/api/care/referrals/:id/answer',
    {
      config: { access: { roles: CARE_WORKERS } },
      schema: {
        tags: ['care'],
        summary: 'Accept or decline (with a reason) a referral to your unit; the referring unit may close it',
        params: IdParams,
        body: ReferralAnswer,
        response: {
          200: Type.Object({ planId: Type.String(), status: Type.String() }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => ({
        planId: await answerReferral(scope, request.params.id, request.body),
        status: { accept: 'accepted', decline: 'declined', close: 'closed' }[request.body.decision],
      })),
  );

  app.post(
    '/api/care/plans/:id/events',
    {
      config: { access: { roles: CARE_WORKERS } },
      schema: {
        tags: ['care'],
        summary:
          'Record a service delivered, a compensation stage (DLSA), a repatriation stage or a follow-up visit with risk flags. NGOs: services and visits, after accepting the referral.',
        params: IdParams,
        body: EventInput,
        response: { 201: PlanView, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const view = await ctx.inScope(request, async (scope) => {
        await addEvent(scope, request.params.id, request.body);
        return getPlan(scope, request.params.id);
      });
      return reply.status(201).send(view);
    },
  );
}
