import { Type } from '@fastify/type-provider-typebox';
import type { AppContext, SetuApp } from '../../server/app.ts';
import { errorResponses, IdParams } from '../../server/schemas.ts';
import { requireSearchText } from '../reference/search.ts';
import { searchPublicPlaces, submitPublicTip } from './public.ts';
import {
  PublicPlace,
  PublicPlacesQuery,
  PublicTipInput,
  PublicTipReceipt,
  TIP_BODY_LIMIT,
  TIP_HANDLERS,
  TIP_READERS,
  TIPS_PER_MINUTE,
  TipListItem,
  TipQuery,
  TipView,
  TriageInput,
} from './schemas.ts';
import { getTip, listTips, triageTip } from './service.ts';

export function registerTipRoutes(app: SetuApp, ctx: AppContext): void {
  app.post(
    '/api/public/tips',
    {
      config: { access: { public: true }, rateLimit: { max: TIPS_PER_MINUTE, timeWindow: '1 minute' } },
      bodyLimit: TIP_BODY_LIMIT,
      // The request log line would carry the sender's address: this route logs warnings and errors only.
      logLevel: 'warn',
      schema: {
        tags: ['tips'],
        summary:
          'Report suspected trafficking without an account; the tip goes to the AHTU of the district. Nothing about the sender’s connection is stored.',
        body: PublicTipInput,
        response: { 201: PublicTipReceipt, ...errorResponses(400, 413, 422, 429, 503) },
      },
    },
    async (request, reply) => {
      const receipt = await submitPublicTip(ctx.db, request.body, request.ip);
      return reply.status(201).send(receipt);
    },
  );

  app.get(
    '/api/public/places',
    {
      config: { access: { public: true }, rateLimit: { max: 60, timeWindow: '1 minute' } },
      logLevel: 'warn',
      schema: {
        tags: ['tips'],
        summary:
          'Districts by name (Latin or Devanagari, or a railway station in them), for the public tip page',
        querystring: PublicPlacesQuery,
        response: { 200: Type.Array(PublicPlace), ...errorResponses(400, 429) },
      },
    },
    async (request) => searchPublicPlaces(ctx.db, requireSearchText(request.query.q, 'a place')),
  );

  app.get(
    '/api/tips',
    {
      config: { access: { roles: TIP_READERS } },
      schema: {
        tags: ['tips'],
        summary: 'Tips for your unit and district (your State for State officers), new ones first',
        querystring: TipQuery,
        response: {
          200: Type.Object({ items: Type.Array(TipListItem), total: Type.Integer() }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => ctx.inScope(request, (scope) => listTips(scope, request.query)),
  );

  app.get(
    '/api/tips/:id',
    {
      config: { access: { roles: TIP_READERS } },
      schema: {
        tags: ['tips'],
        summary: 'One tip with its triage history (the view is audited)',
        params: IdParams,
        response: { 200: TipView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ctx.inScope(request, (scope) => getTip(scope, request.params.id)),
  );

  app.post(
    '/api/tips/:id/triage',
    {
      config: { access: { roles: TIP_HANDLERS } },
      schema: {
        tags: ['tips'],
        summary: 'Mark a tip triaged, forwarded (to a unit), actioned or dismissed (with a reason)',
        params: IdParams,
        body: TriageInput,
        response: { 200: TipView, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => {
        await triageTip(scope, request.params.id, request.body);
        return getTip(scope, request.params.id, false);
      }),
  );
}
