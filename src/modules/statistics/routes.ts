/** NCRB official statistics beside Setu's own figures, each answer with its source and citation. */
import { Type } from '@fastify/type-provider-typebox';
import type { AppContext, SetuApp } from '../../server/app.ts';
import type { RequestScope } from '../../server/access.ts';
import { errorResponses } from '../../server/schemas.ts';
import { toCsv, type CsvTable } from '../analytics/csv.ts';
import {
  getSource,
  listSources,
  missingPersons,
  missingPersonsCsv,
  MissingPersonsRow,
  SourceView,
  StateFigureRow,
  stateFigures,
  stateFiguresCsv,
} from './service.ts';
import { DATASETS } from './import.ts';

const tags = ['statistics'];
// Published government statistics: any signed-in account may read them.
const access = { access: { signedIn: true as const } };
const Lgd = Type.Integer({ minimum: 1, maximum: 999999 });
const MissingQuery = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  state: Type.Optional(Lgd),
  district: Type.Optional(Lgd),
});
const StateQuery = Type.Object({
  dataset: Type.Unsafe<string>({
    type: 'string',
    enum: DATASETS.filter((d) => d.dataset !== 'ncrb_missing_persons_district').map((d) => d.dataset),
  }),
  state: Type.Optional(Lgd),
});

async function csvExport(
  scope: RequestScope,
  name: string,
  table: CsvTable,
  details: Record<string, unknown>,
) {
  await scope.audit({
    action: 'statistics.export',
    objectType: 'official_statistics',
    objectId: name,
    details: { format: 'csv', rows: table.rows.length, ...details },
  });
  return toCsv(table);
}

export function registerStatisticsRoutes(app: SetuApp, ctx: AppContext): void {
  app.get(
    '/api/statistics/sources',
    {
      config: access,
      schema: {
        tags,
        summary: 'Imported official statistics with publisher, citation and licence',
        response: { 200: Type.Array(SourceView), ...errorResponses(401) },
      },
    },
    async (request) => ctx.inScope(request, ({ tx }) => listSources(tx)),
  );

  app.get(
    '/api/statistics/missing-persons',
    {
      config: access,
      schema: {
        tags,
        summary: 'NCRB missing persons by district (2021–2022), for a map, with the source',
        querystring: MissingQuery,
        response: {
          200: Type.Object({ source: SourceView, rows: Type.Array(MissingPersonsRow) }),
          ...errorResponses(400, 401, 404),
        },
      },
    },
    async (request) =>
      ctx.inScope(request, async ({ tx }) => ({
        source: await getSource(tx, 'ncrb_missing_persons_district'),
        rows: await missingPersons(tx, request.query),
      })),
  );

  app.get(
    '/api/statistics/missing-persons/csv',
    {
      config: access,
      schema: {
        tags,
        summary: 'NCRB missing persons by district as CSV (audited as an export)',
        querystring: MissingQuery,
        response: { 200: Type.String(), ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const body = await ctx.inScope(request, async (scope) => {
        const source = await getSource(scope.tx, 'ncrb_missing_persons_district');
        const rows = await missingPersons(scope.tx, request.query);
        return csvExport(scope, 'missing-persons', missingPersonsCsv(rows, source), { ...request.query });
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="ncrb-missing-persons.csv"')
        .send(body);
    },
  );

  app.get(
    '/api/statistics/states',
    {
      config: access,
      schema: {
        tags,
        summary:
          'NCRB State-wise figures of one dataset (trafficking purpose 2016, victims by age and sex 2016, crimes against women 2023, …) with the source',
        querystring: StateQuery,
        response: {
          200: Type.Object({ source: SourceView, rows: Type.Array(StateFigureRow) }),
          ...errorResponses(400, 401, 404),
        },
      },
    },
    async (request) =>
      ctx.inScope(request, async ({ tx }) => ({
        source: await getSource(tx, request.query.dataset),
        rows: await stateFigures(tx, request.query.dataset, request.query),
      })),
  );

  app.get(
    '/api/statistics/states/csv',
    {
      config: access,
      schema: {
        tags,
        summary: 'NCRB State-wise figures of one dataset as CSV (audited as an export)',
        querystring: StateQuery,
        response: { 200: Type.String(), ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const body = await ctx.inScope(request, async (scope) => {
        const source = await getSource(scope.tx, request.query.dataset);
        const rows = await stateFigures(scope.tx, request.query.dataset, request.query);
        return csvExport(scope, request.query.dataset, stateFiguresCsv(rows, source), { ...request.query });
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${request.query.dataset}.csv"`)
        .send(body);
    },
  );
}
