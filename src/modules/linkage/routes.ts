import { Type } from '@fastify/type-provider-typebox';
import type { AppContext, SetuApp } from '../../server/app.ts';
import { errorResponses, IdParams } from '../../server/schemas.ts';
import { clusterDecisions } from './matcher.ts';
import {
  CandidateListItem,
  CandidateListQuery,
  CandidateView,
  CandidateViewQuery,
  DecisionInput,
  IdentityView,
  LINKAGE_REVIEWERS,
} from './schemas.ts';
import { decideCandidate, getCandidate, getIdentity, listCandidates } from './service.ts';
import { MatchWorker } from './worker.ts';

/** Requests after which a person may have been added or changed (their transaction has committed by then). */
const PERSON_WRITES = /^\/api\/(cases|persons)\b/;

export function registerLinkageRoutes(app: SetuApp, ctx: AppContext): MatchWorker {
  const worker = new MatchWorker(ctx.db, (message, error) => app.log.error({ err: error }, message));
  app.addHook('onResponse', (request, _reply, done) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && PERSON_WRITES.test(request.url))
      worker.kick();
    done();
  });
  // Catch up with persons queued while no server ran; wait for a drain in progress before closing.
  app.addHook('onReady', (done) => {
    worker.kick();
    done();
  });
  app.addHook('onClose', async () => {
    await worker.stop();
  });
  app.decorate('linkageWorker', worker);

  app.get(
    '/api/linkage/candidates',
    {
      config: { access: { roles: LINKAGE_REVIEWERS } },
      schema: {
        tags: ['linkage'],
        summary:
          'Candidate pairs of person records that may be one person, best first (default: the open review queue)',
        querystring: CandidateListQuery,
        response: {
          200: Type.Object({ items: Type.Array(CandidateListItem), total: Type.Integer() }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => ctx.inScope(request, (scope) => listCandidates(scope, request.query)),
  );

  app.get(
    '/api/linkage/candidates/:id',
    {
      config: { access: { roles: LINKAGE_REVIEWERS } },
      schema: {
        tags: ['linkage'],
        summary:
          'Both records of a pair side by side with the per-field explanation of the match weight; identities stay masked unless you may see them and give a reason',
        params: IdParams,
        querystring: CandidateViewQuery,
        response: { 200: CandidateView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      ctx.inScope(request, (scope) =>
        getCandidate(scope, request.params.id, { reason: request.query.reason, clientIp: request.ip }),
      ),
  );

  app.post(
    '/api/linkage/candidates/:id/decision',
    {
      config: { access: { roles: LINKAGE_REVIEWERS } },
      schema: {
        tags: ['linkage'],
        summary: 'Confirm, reject or mark unsure a candidate pair, with a reason (audited)',
        params: IdParams,
        body: DecisionInput,
        response: { 200: CandidateView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await ctx.inScope(request, (scope) => decideCandidate(scope, request.params.id, request.body));
      // The decision has committed; identities are rebuilt with system rights before answering.
      await clusterDecisions(ctx.db);
      return ctx.inScope(request, (scope) =>
        getCandidate(scope, request.params.id, { clientIp: request.ip }),
      );
    },
  );

  app.get(
    '/api/linkage/persons/:id/identity',
    {
      config: { access: { roles: LINKAGE_REVIEWERS } },
      schema: {
        tags: ['linkage'],
        summary:
          "A person's identity: the records linked to them across States (masked) and its merge/split history",
        params: IdParams,
        response: { 200: IdentityView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ctx.inScope(request, (scope) => getIdentity(scope, request.params.id)),
  );
  return worker;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The in-process person matcher (tests wait for it with `idle()`). */
    linkageWorker: MatchWorker;
  }
}
