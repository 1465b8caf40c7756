import { Type } from '@fastify/type-provider-typebox';
import type { AppContext, SetuApp } from '../../server/app.ts';
import { errorResponses, IdParams } from '../../server/schemas.ts';
import { TRACING_READERS, TRACING_WRITERS } from '../missing/schemas.ts';
import { getCandidate, listCandidates, reviewCandidate } from './candidates.ts';
import { createDrive, driveDashboard, getDrive, listDrives } from './drives.ts';
import {
  CandidateQuery,
  CandidateView,
  DriveDashboard,
  DriveInput,
  DriveView,
  RestorationView,
  ReviewInput,
  StepInput,
} from './schemas.ts';
import { getRestoration, listRestorations, recordStep } from './workflow.ts';

const READERS = TRACING_READERS.filter((r) => r !== 'ngo_caseworker');

export function registerRestorationRoutes(app: SetuApp, ctx: AppContext): void {
  app.get(
    '/api/restoration/candidates',
    {
      config: { access: { roles: READERS } },
      schema: {
        tags: ['restoration'],
        summary:
          'Match candidates between missing reports and found persons, most probable first, with their explanation',
        querystring: CandidateQuery,
        response: {
          200: Type.Object({ items: Type.Array(CandidateView), total: Type.Integer() }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => ctx.inScope(request, (scope) => listCandidates(scope, request.query)),
  );

  app.get(
    '/api/restoration/candidates/:id',
    {
      config: { access: { roles: READERS } },
      schema: {
        tags: ['restoration'],
        summary: 'One match candidate with its field-by-field explanation',
        params: IdParams,
        response: { 200: CandidateView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ctx.inScope(request, (scope) => getCandidate(scope, request.params.id)),
  );

  app.post(
    '/api/restoration/candidates/:id/review',
    {
      config: { access: { roles: TRACING_WRITERS } },
      schema: {
        tags: ['restoration'],
        summary:
          'Confirm or reject a candidate, with what was checked. Confirming marks the report traced, withdraws the other candidates and opens the restoration (with a family-verification request to the home unit).',
        params: IdParams,
        body: ReviewInput,
        response: { 200: CandidateView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      ctx.inScope(request, (scope) => reviewCandidate(scope, request.params.id, request.body)),
  );

  app.get(
    '/api/restoration/restorations',
    {
      config: { access: { roles: READERS } },
      schema: {
        tags: ['restoration'],
        summary: 'Restorations on either side of your jurisdiction',
        querystring: Type.Object(
          { status: Type.Optional(Type.String({ maxLength: 20 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(RestorationView) }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => ({ items: await listRestorations(scope, request.query.status) })),
  );

  app.get(
    '/api/restoration/restorations/:id',
    {
      config: { access: { roles: READERS } },
      schema: {
        tags: ['restoration'],
        summary: 'One restoration: verification, CWC order, handover and follow-up visits',
        params: IdParams,
        response: { 200: RestorationView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ctx.inScope(request, (scope) => getRestoration(scope, request.params.id)),
  );

  app.post(
    '/api/restoration/restorations/:id/steps',
    {
      config: { access: { roles: TRACING_WRITERS } },
      schema: {
        tags: ['restoration'],
        summary:
          'Record a step: verified / verification_failed (home unit), cwc_order / handover (where the person is), follow_up, complete, stop',
        params: IdParams,
        body: StepInput,
        response: { 200: RestorationView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ctx.inScope(request, (scope) => recordStep(scope, request.params.id, request.body)),
  );

  app.get(
    '/api/restoration/drives',
    {
      config: { access: { roles: READERS } },
      schema: {
        tags: ['restoration'],
        summary: 'Operation Muskan / Smile drives: national ones and your State’s',
        response: { 200: Type.Object({ items: Type.Array(DriveView) }), ...errorResponses(401, 403) },
      },
    },
    async (request) => ctx.inScope(request, async (scope) => ({ items: await listDrives(scope) })),
  );

  app.post(
    '/api/restoration/drives',
    {
      config: { access: { roles: ['national_analyst', 'state_nodal_officer'] } },
      schema: {
        tags: ['restoration'],
        summary:
          'Start a drive (the Nodal Cell nationally, a State nodal officer in the State) with its participating units',
        body: DriveInput,
        response: { 201: DriveView, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const view = await ctx.inScope(request, async (scope) =>
        getDrive(scope, await createDrive(scope, request.body)),
      );
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/api/restoration/drives/:id/dashboard',
    {
      config: { access: { roles: READERS } },
      schema: {
        tags: ['restoration'],
        summary: 'Persons found, children among them, traced and restored during the drive, per district',
        params: IdParams,
        response: { 200: DriveDashboard, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ctx.inScope(request, (scope) => driveDashboard(scope, request.params.id)),
  );
}
