/** Response schemas of the analytics API: every figure's rows, so OpenAPI documents them and nothing else leaks. */
import { Type } from '@fastify/type-provider-typebox';
import { literalUnion, nullable } from '../../server/schemas.ts';
import { DISTRICT_ROLES } from './classify.ts';

const Filters = Type.Object({
  from: nullable(Type.String()),
  to: nullable(Type.String()),
  state: nullable(Type.Integer()),
  district: nullable(Type.Integer()),
});

/** Every figure answers with the filters it applied (after the jurisdiction check) and its rows. */
export const figure = <T extends Parameters<typeof Type.Array>[0]>(row: T) =>
  Type.Object({ filters: Filters, rows: Type.Array(row) });

export const DistrictRoleRow = Type.Object({
  districtLgd: Type.Integer(),
  districtName: Type.String(),
  stateLgd: Type.Integer(),
  stateName: Type.String(),
  sourceCases: Type.Integer(),
  transitCases: Type.Integer(),
  destinationCases: Type.Integer(),
  cases: Type.Integer({ description: 'distinct cases touching the district in a counted role' }),
  sourceShare: Type.Number(),
  transitShare: Type.Number(),
  destinationShare: Type.Number(),
  role: literalUnion(DISTRICT_ROLES),
});

export const CorridorRow = Type.Object({
  originCode: Type.String({ description: 'LGD code, or country:XX for a foreign country' }),
  originName: Type.String(),
  originStateName: nullable(Type.String()),
  destinationCode: Type.String(),
  destinationName: Type.String(),
  destinationStateName: nullable(Type.String()),
  cases: Type.Integer(),
  originPoint: nullable(
    Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: '[lon, lat] of the district HQ' }),
  ),
  destinationPoint: nullable(Type.Array(Type.Number(), { minItems: 2, maxItems: 2 })),
});

export const HubRow = Type.Object({
  kind: literalUnion(['station', 'border_crossing'] as const),
  code: Type.String(),
  name: Type.String(),
  districtLgd: nullable(Type.Integer()),
  districtName: nullable(Type.String()),
  stateName: nullable(Type.String()),
  cases: Type.Integer(),
  transitCases: Type.Integer(),
  rescueCases: Type.Integer(),
});

export const TrendRow = Type.Object({
  period: Type.String({ description: 'YYYY-MM or YYYY' }),
  cases: Type.Integer(),
  victims: Type.Integer(),
  accused: Type.Integer(),
});

export const MixRow = Type.Object({
  form: Type.String(),
  title: Type.String(),
  titleHi: Type.String(),
  cases: Type.Integer(),
  share: Type.Number(),
});

export const VictimRow = Type.Object({ ageBand: Type.String(), sex: Type.String(), victims: Type.Integer() });

export const DeadlineRow = Type.Object({
  deadline: Type.String({ description: "'60', '90' (days after first arrest) or 'all'" }),
  withDeadline: Type.Integer(),
  chargeSheetedOnTime: Type.Integer(),
  chargeSheetedLate: Type.Integer(),
  pendingPastDeadline: Type.Integer(),
  pendingWithinDeadline: Type.Integer(),
  onTimeRate: nullable(Type.Number()),
});

export const PerformanceView = Type.Object({
  filters: Filters,
  deadlines: Type.Array(DeadlineRow),
  decided: Type.Integer(),
  convicted: Type.Integer(),
  acquitted: Type.Integer(),
  discharged: Type.Integer(),
  convictionRate: nullable(Type.Number()),
  chargeSheeted: Type.Integer(),
  medianDaysToChargeSheet: nullable(Type.Number()),
  medianDaysArrestToChargeSheet: nullable(Type.Number()),
});

export const SuppressedTableView = Type.Object({
  name: Type.String(),
  title: Type.String(),
  rows: Type.Array(Type.String()),
  columns: Type.Array(Type.String()),
  cells: Type.Array(Type.Array(nullable(Type.Integer())), { description: 'null = suppressed' }),
  rowTotals: Type.Array(nullable(Type.Integer())),
  columnTotals: Type.Array(nullable(Type.Integer())),
  grandTotal: nullable(Type.Integer()),
  suppressedCells: Type.Integer(),
});

export const DatasetView = Type.Object({
  filters: Filters,
  k: Type.Integer({ description: 'counts from 1 to k−1 are suppressed' }),
  method: Type.String(),
  tables: Type.Array(SuppressedTableView),
});
