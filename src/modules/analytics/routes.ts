/**
 * The Nodal Cell analytics API. Every figure runs inside ctx.inScope as setu_app, so Row-Level Security
 * limits it to the caller's jurisdiction; each has a JSON route and a CSV route (`…/csv`), and every CSV
 * download is written to the audit trail as an export.
 */
import { Type, type Static, type TObject, type TSchema } from '@fastify/type-provider-typebox';
import type { FastifySchema } from 'fastify';
import type { AppContext, SetuApp } from '../../server/app.ts';
import type { RequestScope, Role } from '../../server/access.ts';
import { errorResponses, literalUnion } from '../../server/schemas.ts';
import { toCsv, type CsvTable } from './csv.ts';
import { datasetCsv } from './dataset.ts';
import { describeFilters, FilterQuery, resolveFilters, type Filters } from './filters.ts';
import {
  corridors,
  districtRoles,
  exploitationMix,
  performance,
  publishableDataset,
  transitHubs,
  trends,
  victimsByAgeSex,
} from './figures.ts';
import { DistrictProfile, districtProfile } from './profile.ts';
import { stateMonthlyReport } from './report.ts';
import {
  CorridorRow,
  DatasetView,
  DistrictRoleRow,
  figure,
  HubRow,
  MixRow,
  PerformanceView,
  TrendRow,
  VictimRow,
} from './schemas.ts';
import { K_ANONYMITY } from './suppression.ts';

/** The oversight and investigation roles; NGOs, trainers and administrators have no analytics. */
export const ANALYTICS_READERS: readonly Role[] = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'auditor',
];

/** The monthly State report is for those who answer for a whole State or the country. */
const REPORT_READERS: readonly Role[] = ['national_analyst', 'state_nodal_officer', 'auditor'];

const tags = ['analytics'];
const Limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 20 }));

interface FigureDef<Q extends TObject, R extends TSchema> {
  path: string;
  summary: string;
  query: Q;
  response: R;
  compute(scope: RequestScope, filters: Filters, query: Static<Q>): Promise<Static<R>>;
  csv(data: Static<R>): CsvTable;
}

function registerFigure<Q extends TObject, R extends TSchema>(
  app: SetuApp,
  ctx: AppContext,
  def: FigureDef<Q, R>,
) {
  const run = (scope: RequestScope, query: Static<Q>) =>
    resolveFilters(scope, query).then((filters) => def.compute(scope, filters, query));
  // A plain FastifySchema: the type provider cannot relate a generic R to the reply type; Fastify still
  // validates the query and serialises the body through these schemas.
  const schema: FastifySchema = {
    tags,
    summary: def.summary,
    querystring: def.query,
    response: { 200: def.response, ...errorResponses(400, 401, 403, 404) },
  };
  app.get(
    `/api/analytics/${def.path}`,
    { config: { access: { roles: ANALYTICS_READERS } }, schema },
    async (request) => ctx.inScope(request, (scope) => run(scope, request.query as Static<Q>)),
  );
  app.get(
    `/api/analytics/${def.path}/csv`,
    {
      config: { access: { roles: ANALYTICS_READERS } },
      schema: {
        tags,
        summary: `${def.summary} (CSV download, audited as an export)`,
        querystring: def.query,
        response: { 200: Type.String(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const body = await ctx.inScope(request, async (scope) => {
        const query = request.query as Static<Q>;
        const filters = await resolveFilters(scope, query);
        const data = await def.compute(scope, filters, query);
        const table = def.csv(data);
        await scope.audit({
          action: 'analytics.export',
          objectType: 'analytics_figure',
          objectId: def.path,
          details: { format: 'csv', rows: table.rows.length, filters: describeFilters(filters) },
        });
        return toCsv(table);
      });
      const stamp = new Date().toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="setu-${def.path.replace(/\//g, '-')}-${stamp}.csv"`,
        )
        .send(body);
    },
  );
}

const withFilters = <T>(filters: Filters, rows: T[]) => ({ filters, rows });

export function registerAnalyticsRoutes(app: SetuApp, ctx: AppContext): void {
  registerFigure(app, ctx, {
    path: 'district-roles',
    summary:
      'Districts as source, transit, destination or mixed, from the route events of cases (docs/ANALYTICS.md)',
    query: FilterQuery,
    response: figure(DistrictRoleRow),
    compute: async ({ tx }, f) => withFilters(f, await districtRoles(tx, f)),
    csv: (d) => ({
      columns: [
        'district_lgd',
        'district',
        'state_lgd',
        'state',
        'role',
        'source_cases',
        'transit_cases',
        'destination_cases',
        'cases',
        'source_share',
        'transit_share',
        'destination_share',
      ],
      rows: d.rows.map((r) => [
        r.districtLgd,
        r.districtName,
        r.stateLgd,
        r.stateName,
        r.role,
        r.sourceCases,
        r.transitCases,
        r.destinationCases,
        r.cases,
        r.sourceShare,
        r.transitShare,
        r.destinationShare,
      ]),
    }),
  });

  registerFigure(app, ctx, {
    path: 'corridors',
    summary: 'Top corridors: first recruitment place → last exploitation place, by district or State',
    query: Type.Object({
      ...FilterQuery.properties,
      level: Type.Optional(literalUnion(['district', 'state'] as const)),
      limit: Limit,
    }),
    response: figure(CorridorRow),
    compute: async ({ tx }, f, q) =>
      withFilters(f, await corridors(tx, f, q.level ?? 'district', q.limit ?? 20)),
    csv: (d) => ({
      columns: [
        'origin_code',
        'origin',
        'origin_state',
        'destination_code',
        'destination',
        'destination_state',
        'cases',
      ],
      rows: d.rows.map((r) => [
        r.originCode,
        r.originName,
        r.originStateName,
        r.destinationCode,
        r.destinationName,
        r.destinationStateName,
        r.cases,
      ]),
    }),
  });

  registerFigure(app, ctx, {
    path: 'hubs',
    summary: 'Transit hubs: railway stations and border crossings on case routes, ranked by cases',
    query: Type.Object({ ...FilterQuery.properties, limit: Limit }),
    response: figure(HubRow),
    compute: async ({ tx }, f, q) => withFilters(f, await transitHubs(tx, f, q.limit ?? 20)),
    csv: (d) => ({
      columns: [
        'kind',
        'code',
        'name',
        'district_lgd',
        'district',
        'state',
        'cases',
        'transit_cases',
        'rescue_cases',
      ],
      rows: d.rows.map((r) => [
        r.kind,
        r.code,
        r.name,
        r.districtLgd,
        r.districtName,
        r.stateName,
        r.cases,
        r.transitCases,
        r.rescueCases,
      ]),
    }),
  });

  registerFigure(app, ctx, {
    path: 'trends',
    summary: 'Cases, victims and accused by month or year of registration',
    query: Type.Object({
      ...FilterQuery.properties,
      granularity: Type.Optional(literalUnion(['month', 'year'] as const)),
    }),
    response: figure(TrendRow),
    compute: async ({ tx }, f, q) => withFilters(f, await trends(tx, f, q.granularity ?? 'month')),
    csv: (d) => ({
      columns: ['period', 'cases', 'victims', 'accused'],
      rows: d.rows.map((r) => [r.period, r.cases, r.victims, r.accused]),
    }),
  });

  registerFigure(app, ctx, {
    path: 'exploitation',
    summary: 'Exploitation mix: cases naming each form of exploitation',
    query: FilterQuery,
    response: figure(MixRow),
    compute: async ({ tx }, f) => withFilters(f, await exploitationMix(tx, f)),
    csv: (d) => ({
      columns: ['form', 'title', 'cases', 'share'],
      rows: d.rows.map((r) => [r.form, r.title, r.cases, r.share]),
    }),
  });

  registerFigure(app, ctx, {
    path: 'victims',
    summary: 'Victims by age band and sex',
    query: FilterQuery,
    response: figure(VictimRow),
    compute: async ({ tx }, f) => withFilters(f, await victimsByAgeSex(tx, f)),
    csv: (d) => ({
      columns: ['age_band', 'sex', 'victims'],
      rows: d.rows.map((r) => [r.ageBand, r.sex, r.victims]),
    }),
  });

  registerFigure(app, ctx, {
    path: 'performance',
    summary:
      'Charge-sheeting within 60/90 days, pendency past the deadline, conviction rate, median time to charge-sheet',
    query: FilterQuery,
    response: PerformanceView,
    compute: async ({ tx }, f) => ({ filters: f, ...(await performance(tx, f)) }),
    csv: (d) => ({
      columns: ['measure', 'deadline_days', 'value'],
      rows: [
        ...d.deadlines.flatMap((r) => [
          ['with_deadline', r.deadline, r.withDeadline],
          ['charge_sheeted_on_time', r.deadline, r.chargeSheetedOnTime],
          ['charge_sheeted_late', r.deadline, r.chargeSheetedLate],
          ['pending_past_deadline', r.deadline, r.pendingPastDeadline],
          ['pending_within_deadline', r.deadline, r.pendingWithinDeadline],
          ['on_time_rate', r.deadline, r.onTimeRate],
        ]),
        ['decided', '', d.decided],
        ['convicted', '', d.convicted],
        ['acquitted', '', d.acquitted],
        ['discharged', '', d.discharged],
        ['conviction_rate', '', d.convictionRate],
        ['charge_sheeted', '', d.chargeSheeted],
        ['median_days_registration_to_charge_sheet', '', d.medianDaysToChargeSheet],
        ['median_days_arrest_to_charge_sheet', '', d.medianDaysArrestToChargeSheet],
      ],
    }),
  });

  registerFigure(app, ctx, {
    path: 'dataset',
    summary: `Publishable aggregate dataset: counts by State with cells below ${K_ANONYMITY} suppressed, plus complementary suppression`,
    query: FilterQuery,
    response: DatasetView,
    compute: async ({ tx }, f) => ({
      filters: f,
      k: K_ANONYMITY,
      method: `Counts 1–${K_ANONYMITY - 1} suppressed; then in every row and column (with its total) a second entry is suppressed wherever only one is, so no suppressed count can be recomputed from the totals.`,
      tables: await publishableDataset(tx, f),
    }),
    csv: (d) => datasetCsv(d.tables),
  });

  app.get(
    '/api/analytics/districts/:lgd',
    {
      config: { access: { roles: ANALYTICS_READERS } },
      schema: {
        tags,
        summary:
          "A district's profile: role and counts, corridors, hubs, registrations by year, exploitation mix, NCRB missing persons",
        params: Type.Object({ lgd: Type.Integer({ minimum: 1, maximum: 999999 }) }),
        querystring: Type.Object({ from: FilterQuery.properties.from, to: FilterQuery.properties.to }),
        response: { 200: DistrictProfile, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      ctx.inScope(request, (scope) => districtProfile(scope, request.params.lgd, request.query)),
  );

  app.get(
    '/api/analytics/reports/state-monthly',
    {
      config: { access: { roles: REPORT_READERS } },
      schema: {
        tags,
        summary: 'Monthly State report as PDF (English and Hindi headings), audited as an export',
        querystring: Type.Object({
          state: Type.Integer({ minimum: 1, maximum: 999999, description: 'State LGD code' }),
          month: Type.String({ pattern: '^\\d{4}-\\d{2}$', description: 'YYYY-MM' }),
        }),
        response: { 200: Type.Unknown(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const pdf = await ctx.inScope(request, (scope) => stateMonthlyReport(scope, request.query));
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="setu-state-${String(request.query.state)}-${request.query.month}.pdf"`,
        )
        .send(pdf);
    },
  );
}
