import { Type } from '@fastify/type-provider-typebox';
import type { AppContext, SetuApp } from '../../server/app.ts';
import { errorResponses } from '../../server/schemas.ts';
import { verifyCertificate } from './certificates.ts';
import { coverage, refresherDue, setTarget } from './reports.ts';
import {
  CoverageQuery,
  CoverageView,
  DueQuery,
  DueView,
  PublicCertificate,
  TARGET_SETTERS,
  TargetInput,
  TRAINING_READERS,
} from './schemas.ts';

export function registerTrainingReportRoutes(app: SetuApp, ctx: AppContext): void {
  app.get(
    '/api/training/refresher-due',
    {
      config: { access: { roles: TRAINING_READERS } },
      schema: {
        tags: ['training'],
        summary:
          'People due for refresher training (90 days after their last training) as of a day (default today), by unit',
        querystring: DueQuery,
        response: { 200: DueView, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => ctx.inScope(request, (scope) => refresherDue(scope, request.query)),
  );

  app.get(
    '/api/training/coverage',
    {
      config: { access: { roles: TRAINING_READERS } },
      schema: {
        tags: ['training'],
        summary: 'People trained by district and service, against national, State and district targets',
        querystring: CoverageQuery,
        response: { 200: CoverageView, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => ctx.inScope(request, (scope) => coverage(scope, request.query)),
  );

  app.put(
    '/api/training/targets',
    {
      config: { access: { roles: TARGET_SETTERS } },
      schema: {
        tags: ['training'],
        summary:
          'Set a coverage target: national (Nodal Cell), for a State or a district, for one service or all',
        body: TargetInput,
        response: { 200: CoverageView, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => {
        await setTarget(scope, request.body);
        return coverage(scope, {});
      }),
  );

  app.get(
    '/api/public/certificates/:code',
    {
      // Anyone holding a certificate can have it checked; rate-limited so codes cannot be guessed.
      config: { access: { public: true }, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['training'],
        summary: 'Check a training certificate code: only the name, programme and date are shown',
        params: Type.Object({ code: Type.String({ minLength: 6, maxLength: 20 }) }),
        response: { 200: PublicCertificate, ...errorResponses(400, 404, 429) },
      },
    },
    async (request) => verifyCertificate(ctx.db, request.params.code),
  );
}
