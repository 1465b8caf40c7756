import { Type } from '@fastify/type-provider-typebox';
import type { AppContext, SetuApp } from '../../server/app.ts';
import { idempotent } from '../../server/idempotency.ts';
import { errorResponses, IdParams } from '../../server/schemas.ts';
import { matchAfterCommit } from '../restoration/matching.ts';
import { revealTracingIdentity, type Side } from './common.ts';
import { createFound, getFound, listFound, patchFound } from './found.ts';
import { createMissing, getMissing, listMissing, patchMissing } from './missing.ts';
import {
  FoundInput,
  FoundListQuery,
  FoundPatch,
  FoundView,
  MissingInput,
  MissingListQuery,
  MissingPatch,
  MissingView,
  RevealBody,
  TRACING_READERS,
  TRACING_WRITERS,
  TracingIdentityView,
} from './schemas.ts';

const MISSING_READERS = TRACING_READERS.filter((r) => r !== 'ngo_caseworker');
const Idem = Type.Object({ 'idempotency-key': Type.Optional(Type.String()) });

export function registerMissingRoutes(app: SetuApp, ctx: AppContext): void {
  const rematch = (side: Side, id: string, log: (e: unknown) => void) =>
    matchAfterCommit(ctx.db, side, id, log);

  app.get(
    '/api/missing',
    {
      config: { access: { roles: MISSING_READERS } },
      schema: {
        tags: ['restoration'],
        summary: 'Missing-person reports you may see (your jurisdiction, and the other side of your matches)',
        description:
          'Filters narrow what you may see, never widen it. `district` is the registering unit’s district (the ' +
          'jurisdiction); `lastSeenDistrict` is where the person was last seen, whichever of your units ' +
          'registered the report: the district a `missing_spike` alert names. An LGD code that names no ' +
          'district is refused with 422.',
        querystring: MissingListQuery,
        response: {
          200: Type.Object({ items: Type.Array(MissingView), total: Type.Integer() }),
          ...errorResponses(400, 401, 403, 422),
        },
      },
    },
    async (request) => ctx.inScope(request, (scope) => listMissing(scope, request.query)),
  );

  app.get(
    '/api/missing/:id',
    {
      config: { access: { roles: MISSING_READERS } },
      schema: {
        tags: ['restoration'],
        summary: 'One missing-person report, identity masked',
        params: IdParams,
        response: { 200: MissingView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => {
        const view = await getMissing(scope, request.params.id);
        await scope.audit({ action: 'missing.view', objectType: 'missing_report', objectId: view.id });
        return view;
      }),
  );

  app.post(
    '/api/missing',
    {
      config: { access: { roles: TRACING_WRITERS } },
      schema: {
        tags: ['restoration'],
        summary:
          'Register a missing-person report; it is matched against found persons in every State right after it is saved. Send an Idempotency-Key header so a retry cannot register it twice.',
        headers: Idem,
        body: MissingInput,
        response: { 201: MissingView, ...errorResponses(400, 401, 403, 413, 422) },
      },
    },
    async (request, reply) => {
      const { body } = await ctx.inScope(request, (scope) =>
        idempotent(scope, request.headers['idempotency-key'], request.body, async () => ({
          id: await createMissing(scope, request.body),
        })),
      );
      await rematch('missing', body.id, (e) => request.log.error(e));
      const view = await ctx.inScope(request, (scope) => getMissing(scope, body.id));
      return reply.status(201).send(view);
    },
  );

  app.patch(
    '/api/missing/:id',
    {
      config: { access: { roles: TRACING_WRITERS } },
      schema: {
        tags: ['restoration'],
        summary: 'Change a report (status missing/traced/closed, details); it is matched again',
        params: IdParams,
        body: MissingPatch,
        response: { 200: MissingView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await ctx.inScope(request, (scope) => patchMissing(scope, request.params.id, request.body));
      await rematch('missing', request.params.id, (e) => request.log.error(e));
      return ctx.inScope(request, (scope) => getMissing(scope, request.params.id));
    },
  );

  app.post(
    '/api/missing/:id/reveal',
    {
      config: { access: { roles: TRACING_WRITERS } },
      schema: {
        tags: ['restoration'],
        summary:
          "Reveal the missing person's identity to someone with need-to-know; children need a reason. Audited.",
        params: IdParams,
        body: RevealBody,
        response: { 200: TracingIdentityView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      ctx.inScope(request, (scope) =>
        revealTracingIdentity(scope, 'missing', request.params.id, request.body.reason, request.ip),
      ),
  );

  app.get(
    '/api/found',
    {
      config: { access: { roles: TRACING_READERS } },
      schema: {
        tags: ['restoration'],
        summary: 'Found persons you may see (NGOs and shelters: only those referred or placed with them)',
        description:
          'Filters narrow what you may see, never widen it. `district` is the registering unit’s district; ' +
          '`foundDistrict` is where the person was found. An LGD code that names no district is refused with 422.',
        querystring: FoundListQuery,
        response: {
          200: Type.Object({ items: Type.Array(FoundView), total: Type.Integer() }),
          ...errorResponses(400, 401, 403, 422),
        },
      },
    },
    async (request) => ctx.inScope(request, (scope) => listFound(scope, request.query)),
  );

  app.get(
    '/api/found/:id',
    {
      config: { access: { roles: TRACING_READERS } },
      schema: {
        tags: ['restoration'],
        summary: 'One found person, identity masked',
        params: IdParams,
        response: { 200: FoundView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => {
        const view = await getFound(scope, request.params.id);
        await scope.audit({ action: 'found.view', objectType: 'found_person', objectId: view.id });
        return view;
      }),
  );

  app.post(
    '/api/found',
    {
      config: { access: { roles: TRACING_WRITERS } },
      schema: {
        tags: ['restoration'],
        summary:
          'Register a rescued, intercepted or unidentified person; matched against missing reports in every State right after it is saved',
        headers: Idem,
        body: FoundInput,
        response: { 201: FoundView, ...errorResponses(400, 401, 403, 413, 422) },
      },
    },
    async (request, reply) => {
      const { body } = await ctx.inScope(request, (scope) =>
        idempotent(scope, request.headers['idempotency-key'], request.body, async () => ({
          id: await createFound(scope, request.body),
        })),
      );
      await rematch('found', body.id, (e) => request.log.error(e));
      const view = await ctx.inScope(request, (scope) => getFound(scope, body.id));
      return reply.status(201).send(view);
    },
  );

  app.patch(
    '/api/found/:id',
    {
      config: { access: { roles: TRACING_WRITERS } },
      schema: {
        tags: ['restoration'],
        summary: 'Change a found person (placement, CWC order, status, details); it is matched again',
        params: IdParams,
        body: FoundPatch,
        response: { 200: FoundView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await ctx.inScope(request, (scope) => patchFound(scope, request.params.id, request.body));
      await rematch('found', request.params.id, (e) => request.log.error(e));
      return ctx.inScope(request, (scope) => getFound(scope, request.params.id));
    },
  );

  app.post(
    '/api/found/:id/reveal',
    {
      config: { access: { roles: TRACING_READERS } },
      schema: {
        tags: ['restoration'],
        summary:
          "Reveal the found person's identity to someone with need-to-know; children need a reason. Audited.",
        params: IdParams,
        body: RevealBody,
        response: { 200: TracingIdentityView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      ctx.inScope(request, (scope) =>
        revealTracingIdentity(scope, 'found', request.params.id, request.body.reason, request.ip),
      ),
  );
}
