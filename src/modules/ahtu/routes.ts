import { Type } from '@fastify/type-provider-typebox';
import type { AppContext, SetuApp } from '../../server/app.ts';
import { errorResponses, IdParams, Uuid } from '../../server/schemas.ts';
import { ANSWERS, CHECKLIST_ITEMS, CHECKLIST_VERSION, RANKS } from './checklist.ts';
import { fundTotals, saveFunds } from './funds.ts';
import { allAhtus, fundsOf, getAhtu, listAhtus, scorecards } from './repository.ts';
import {
  AHTU_KEEPERS,
  AHTU_OVERSEERS,
  AHTU_READERS,
  AhtuListItem,
  AhtuListQuery,
  AhtuProfileInput,
  AhtuView,
  ChecklistView,
  FinancialYear,
  FundsInput,
  FundsView,
  FundTotalsQuery,
  FundTotalsView,
  ReviewInput,
  ScorecardsView,
  StateQuery,
} from './schemas.ts';
import { addReview, saveProfile } from './service.ts';

export function registerAhtuRoutes(app: SetuApp, ctx: AppContext): void {
  app.get(
    '/api/ahtus',
    {
      config: { access: { roles: AHTU_READERS } },
      schema: {
        tags: ['ahtu'],
        summary: 'The AHTU registry of your jurisdiction: status, latest functionality score, staffing',
        querystring: AhtuListQuery,
        response: {
          200: Type.Object({ items: Type.Array(AhtuListItem), total: Type.Integer() }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => ctx.inScope(request, (scope) => listAhtus(scope, request.query)),
  );

  app.get(
    '/api/ahtus/map',
    {
      config: { access: { roles: AHTU_READERS } },
      schema: {
        tags: ['ahtu'],
        summary:
          'Every AHTU of your jurisdiction (or one State) with its district, status and score, for the map',
        querystring: StateQuery,
        response: { 200: Type.Object({ items: Type.Array(AhtuListItem) }), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => ({ items: await allAhtus(scope, request.query.state) })),
  );

  app.get(
    '/api/ahtus/scorecards',
    {
      config: { access: { roles: AHTU_READERS } },
      schema: {
        tags: ['ahtu'],
        summary: 'State scorecards: AHTUs by status, average latest functionality score, staffing',
        querystring: StateQuery,
        response: { 200: ScorecardsView, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => ctx.inScope(request, (scope) => scorecards(scope, request.query.state)),
  );

  app.get(
    '/api/ahtus/checklist',
    {
      config: { access: { roles: AHTU_READERS } },
      schema: {
        tags: ['ahtu'],
        summary: 'The functionality checklist (items and weights), the answers it takes, and staff ranks',
        response: { 200: ChecklistView, ...errorResponses(401, 403) },
      },
    },
    () =>
      Promise.resolve({
        version: CHECKLIST_VERSION,
        items: CHECKLIST_ITEMS.map((item) => ({ key: item.key, weight: item.weight })),
        answers: [...ANSWERS],
        ranks: [...RANKS],
      }),
  );

  app.get(
    '/api/ahtus/funds',
    {
      config: { access: { roles: AHTU_READERS } },
      schema: {
        tags: ['ahtu'],
        summary: 'AHTU funds by State and financial year: sanctioned, released, utilised, certificates',
        querystring: FundTotalsQuery,
        response: { 200: FundTotalsView, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => ctx.inScope(request, (scope) => fundTotals(scope, request.query)),
  );

  app.get(
    '/api/ahtus/:id',
    {
      config: { access: { roles: AHTU_READERS } },
      schema: {
        tags: ['ahtu'],
        summary: 'One AHTU with its staff, vehicles and equipment, reviews and funds',
        params: IdParams,
        response: { 200: AhtuView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ctx.inScope(request, (scope) => getAhtu(scope, request.params.id)),
  );

  app.put(
    '/api/ahtus/:id',
    {
      config: { access: { roles: AHTU_KEEPERS } },
      schema: {
        tags: ['ahtu'],
        summary:
          "Record an AHTU's status, dates, staff sanctioned and posted by rank, vehicles and equipment (replaces the lists)",
        params: IdParams,
        body: AhtuProfileInput,
        response: { 200: AhtuView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => {
        await saveProfile(scope, request.params.id, request.body);
        return getAhtu(scope, request.params.id);
      }),
  );

  app.post(
    '/api/ahtus/:id/reviews',
    {
      config: { access: { roles: AHTU_OVERSEERS } },
      schema: {
        tags: ['ahtu'],
        summary: 'Record a functionality review: one answer per checklist item; the score is computed',
        params: IdParams,
        body: ReviewInput,
        response: { 201: AhtuView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const view = await ctx.inScope(request, async (scope) => {
        await addReview(scope, request.params.id, request.body);
        return getAhtu(scope, request.params.id);
      });
      return reply.status(201).send(view);
    },
  );

  app.put(
    '/api/ahtus/:id/funds/:year',
    {
      config: { access: { roles: AHTU_OVERSEERS } },
      schema: {
        tags: ['ahtu'],
        summary:
          "Record an AHTU's funds for a financial year (e.g. 2025-26): released cannot pass sanctioned, nor utilised released",
        params: Type.Object({ id: Uuid, year: FinancialYear }),
        body: FundsInput,
        response: { 200: FundsView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => {
        const year = await saveFunds(scope, request.params.id, request.params.year, request.body);
        return fundsOf(scope, request.params.id, year);
      }),
  );
}
