import { Type, type Static } from '@fastify/type-provider-typebox';
import type { Role } from '../../server/access.ts';
import { literalUnion, nullable, PageQuery } from '../../server/schemas.ts';
import { ANSWERS, CHECKLIST_KEYS, RANKS } from './checklist.ts';
import { AHTU_STATUSES } from './scorecard.ts';

/** Read the registry: oversight and the district units themselves. */
export const AHTU_READERS: readonly Role[] = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'auditor',
];
/** Keep a unit's own record (status, staff, equipment): Row-Level Security narrows district officers to their unit. */
export const AHTU_KEEPERS: readonly Role[] = ['national_analyst', 'state_nodal_officer', 'district_officer'];
/** Review units and record funds. */
export const AHTU_OVERSEERS: readonly Role[] = ['national_analyst', 'state_nodal_officer'];

const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const StateLgd = Type.Integer({ minimum: 1, maximum: 99 });
const Rupees = Type.Integer({ minimum: 0, maximum: 100_000_000_000, description: 'Whole rupees' });
export const FinancialYear = Type.String({ pattern: '^\\d{4}-\\d{2}$', description: 'e.g. 2025-26' });

export const AhtuListQuery = Type.Object(
  {
    state: Type.Optional(StateLgd),
    status: Type.Optional(literalUnion([...AHTU_STATUSES, 'not_recorded'] as const)),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type AhtuListQuery = Static<typeof AhtuListQuery>;

export const AhtuListItem = Type.Object({
  unitId: Type.String(),
  name: Type.String(),
  nameHi: nullable(Type.String()),
  state: Type.Object({ lgdCode: Type.Integer(), name: Type.String() }),
  district: Type.Object({ lgdCode: Type.Integer(), name: Type.String() }),
  status: nullable(Type.String({ description: 'null: not recorded yet' })),
  latestScore: nullable(Type.Number()),
  latestReviewOn: nullable(Type.String()),
  staffSanctioned: Type.Integer(),
  staffPosted: Type.Integer(),
  lat: nullable(Type.Number({ description: 'District headquarters, for the map' })),
  lon: nullable(Type.Number()),
});
export type AhtuListItem = Static<typeof AhtuListItem>;

const StaffLine = Type.Object(
  {
    rank: literalUnion(RANKS),
    sanctioned: Type.Integer({ minimum: 0, maximum: 500 }),
    posted: Type.Integer({ minimum: 0, maximum: 500 }),
  },
  { additionalProperties: false },
);
const AssetLine = Type.Object(
  {
    kind: literalUnion(['vehicle', 'equipment'] as const),
    item: Type.String({ minLength: 2, maxLength: 120 }),
    quantity: Type.Integer({ minimum: 0, maximum: 1000 }),
    working: Type.Integer({ minimum: 0, maximum: 1000 }),
  },
  { additionalProperties: false },
);

export const AhtuProfileInput = Type.Object(
  {
    status: literalUnion(AHTU_STATUSES),
    sanctionedOn: Type.Optional(nullable(IsoDate)),
    establishedOn: Type.Optional(nullable(IsoDate)),
    notes: Type.Optional(nullable(Type.String({ maxLength: 5000 }))),
    staff: Type.Array(StaffLine, { maxItems: RANKS.length }),
    assets: Type.Array(AssetLine, { maxItems: 100 }),
  },
  { additionalProperties: false },
);
export type AhtuProfileInput = Static<typeof AhtuProfileInput>;

export const ReviewInput = Type.Object(
  {
    reviewedOn: IsoDate,
    answers: Type.Record(Type.String(), literalUnion(ANSWERS), {
      description: `One answer per checklist item: ${CHECKLIST_KEYS.join(', ')}`,
    }),
    remarks: Type.Optional(Type.String({ maxLength: 5000 })),
  },
  { additionalProperties: false },
);
export type ReviewInput = Static<typeof ReviewInput>;

export const FundsInput = Type.Object(
  {
    sanctioned: Rupees,
    released: Rupees,
    utilised: Rupees,
    ucReceived: Type.Boolean({ description: 'Utilisation certificate received' }),
    ucReceivedOn: Type.Optional(nullable(IsoDate)),
  },
  { additionalProperties: false },
);
export type FundsInput = Static<typeof FundsInput>;

export const ReviewView = Type.Object({
  id: Type.String(),
  reviewedOn: Type.String(),
  score: Type.Number(),
  band: Type.String(),
  answers: Type.Record(Type.String(), Type.String()),
  remarks: nullable(Type.String()),
  reviewedBy: Type.String(),
  checklistVersion: Type.Integer(),
});
export type ReviewView = Static<typeof ReviewView>;

export const FundsView = Type.Object({
  financialYear: Type.String(),
  sanctioned: Type.Number(),
  released: Type.Number(),
  utilised: Type.Number(),
  ucReceived: Type.Boolean(),
  ucReceivedOn: nullable(Type.String()),
});
export type FundsView = Static<typeof FundsView>;

export const AhtuView = Type.Object({
  ...AhtuListItem.properties,
  sanctionedOn: nullable(Type.String()),
  establishedOn: nullable(Type.String()),
  notes: nullable(Type.String()),
  updatedAt: nullable(Type.String()),
  staff: Type.Array(Type.Object({ rank: Type.String(), sanctioned: Type.Integer(), posted: Type.Integer() })),
  assets: Type.Array(
    Type.Object({
      kind: Type.String(),
      item: Type.String(),
      quantity: Type.Integer(),
      working: Type.Integer(),
    }),
  ),
  reviews: Type.Array(ReviewView),
  funds: Type.Array(FundsView),
  canKeep: Type.Boolean({ description: 'You may change status, staff and equipment' }),
  canOversee: Type.Boolean({ description: 'You may record reviews and funds' }),
});
export type AhtuView = Static<typeof AhtuView>;

export const ChecklistView = Type.Object({
  version: Type.Integer(),
  items: Type.Array(Type.Object({ key: Type.String(), weight: Type.Integer() })),
  answers: Type.Array(Type.String()),
  ranks: Type.Array(Type.String()),
});

const StatusCounts = Type.Object({
  sanctioned: Type.Integer(),
  established: Type.Integer(),
  functional: Type.Integer(),
  defunct: Type.Integer(),
  not_recorded: Type.Integer(),
});
export const ScorecardView = Type.Object({
  stateLgd: nullable(Type.Integer()),
  stateName: Type.String(),
  units: Type.Integer(),
  byStatus: StatusCounts,
  reviewed: Type.Integer(),
  averageScore: nullable(Type.Number()),
  staffSanctioned: Type.Integer(),
  staffPosted: Type.Integer(),
  staffingPercent: nullable(Type.Number()),
});
export const ScorecardsView = Type.Object({ states: Type.Array(ScorecardView), total: ScorecardView });

export const FundTotalsQuery = Type.Object(
  { state: Type.Optional(StateLgd), year: Type.Optional(FinancialYear) },
  { additionalProperties: false },
);
export type FundTotalsQuery = Static<typeof FundTotalsQuery>;

export const FundTotalsView = Type.Object({
  items: Type.Array(
    Type.Object({
      stateLgd: Type.Integer(),
      stateName: Type.String(),
      financialYear: Type.String(),
      units: Type.Integer(),
      sanctioned: Type.Number(),
      released: Type.Number(),
      utilised: Type.Number(),
      ucReceived: Type.Integer({ description: 'Units whose utilisation certificate was received' }),
      ucPending: Type.Integer({ description: 'Units that used money and owe a certificate' }),
    }),
  ),
});
export type FundTotalsView = Static<typeof FundTotalsView>;

export const StateQuery = Type.Object({ state: Type.Optional(StateLgd) }, { additionalProperties: false });
