import { Type, type Static } from '@fastify/type-provider-typebox';
import type { Role } from '../../server/access.ts';
import { literalUnion, nullable, PageQuery, Uuid } from '../../server/schemas.ts';

/** MHA supports a State conference or a judicial colloquium with at most Rs 2 lakh (MHA advisory). */
export const MHA_CAP_RUPEES = 200_000;

export const CONFERENCE_READERS: readonly Role[] = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'liaison_officer',
  'trainer',
  'auditor',
];
export const CONFERENCE_PROPOSERS: readonly Role[] = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'trainer',
];
/** Follow up action items owned by their unit. */
export const ACTION_FOLLOWERS: readonly Role[] = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'liaison_officer',
  'trainer',
  'ngo_caseworker',
];

export const CONFERENCE_KINDS = ['state_conference', 'judicial_colloquium'] as const;
export const CONFERENCE_STATUSES = ['proposed', 'approved', 'returned', 'held', 'closed'] as const;
export type ConferenceStatus = (typeof CONFERENCE_STATUSES)[number];
export const CONFERENCE_ACTIONS = ['approve', 'return', 'resubmit', 'hold', 'close'] as const;
export type ConferenceAction = (typeof CONFERENCE_ACTIONS)[number];
export const FUNDERS = ['mha', 'state', 'other'] as const;
export const PARTICIPANT_CATEGORIES = [
  'high_court_judges',
  'sessions_judges',
  'public_prosecutors',
  'police_officers',
  'district_nodal_officers',
  'labour_officials',
  'cwc_members',
  'probation_officers',
  'ngo_civil_society',
  'lawyers',
  'other',
] as const;
export const ACTION_STATUSES = ['open', 'in_progress', 'done'] as const;

const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const StateLgd = Type.Integer({ minimum: 1, maximum: 99 });

export const BudgetLineInput = Type.Object(
  {
    item: Type.String({ minLength: 2, maxLength: 200 }),
    amountRupees: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
    fundedBy: literalUnion(FUNDERS, {
      description: 'mha (counts against the Rs 2 lakh cap), state or other',
    }),
  },
  { additionalProperties: false },
);

export const ParticipantInput = Type.Object(
  {
    category: literalUnion(PARTICIPANT_CATEGORIES),
    planned: Type.Integer({ minimum: 0, maximum: 100_000 }),
    attended: Type.Optional(nullable(Type.Integer({ minimum: 0, maximum: 100_000 }))),
  },
  { additionalProperties: false },
);
export type ParticipantInput = Static<typeof ParticipantInput>;

export const ConferenceInput = Type.Object(
  {
    stateLgd: Type.Optional(StateLgd),
    kind: literalUnion(CONFERENCE_KINDS),
    title: Type.String({ minLength: 3, maxLength: 200 }),
    venue: Type.Optional(Type.String({ maxLength: 300 })),
    startsOn: IsoDate,
    endsOn: IsoDate,
    objectives: Type.Optional(Type.String({ maxLength: 5000 })),
    budgetLines: Type.Array(BudgetLineInput, { minItems: 1, maxItems: 50 }),
    participants: Type.Optional(Type.Array(ParticipantInput, { maxItems: 11 })),
  },
  { additionalProperties: false },
);
export type ConferenceInput = Static<typeof ConferenceInput>;

export const ConferencePatch = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 3, maxLength: 200 })),
    venue: Type.Optional(nullable(Type.String({ maxLength: 300 }))),
    startsOn: Type.Optional(IsoDate),
    endsOn: Type.Optional(IsoDate),
    objectives: Type.Optional(nullable(Type.String({ maxLength: 5000 }))),
    budgetLines: Type.Optional(Type.Array(BudgetLineInput, { minItems: 1, maxItems: 50 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ConferencePatch = Static<typeof ConferencePatch>;

export const TransitionInput = Type.Object(
  {
    action: literalUnion(CONFERENCE_ACTIONS),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    outcomeSummary: Type.Optional(Type.String({ maxLength: 10000 })),
  },
  { additionalProperties: false },
);
export type TransitionInput = Static<typeof TransitionInput>;

export const ResolutionInput = Type.Object(
  { text: Type.String({ minLength: 3, maxLength: 2000 }) },
  { additionalProperties: false },
);

export const ActionItemInput = Type.Object(
  {
    title: Type.String({ minLength: 3, maxLength: 300 }),
    resolutionId: Type.Optional(Uuid),
    ownerUnitId: Uuid,
    dueOn: IsoDate,
  },
  { additionalProperties: false },
);
export type ActionItemInput = Static<typeof ActionItemInput>;

export const ActionItemPatch = Type.Object(
  {
    status: Type.Optional(literalUnion(ACTION_STATUSES)),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    dueOn: Type.Optional(IsoDate),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ActionItemPatch = Static<typeof ActionItemPatch>;

export const ConferenceListQuery = Type.Object(
  {
    state: Type.Optional(StateLgd),
    status: Type.Optional(literalUnion(CONFERENCE_STATUSES)),
    kind: Type.Optional(literalUnion(CONFERENCE_KINDS)),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ConferenceListQuery = Static<typeof ConferenceListQuery>;

export const ActionItemQuery = Type.Object(
  {
    state: Type.Optional(StateLgd),
    status: Type.Optional(literalUnion(ACTION_STATUSES)),
    overdue: Type.Optional(Type.Boolean({ description: 'Not done and past the due date' })),
    mine: Type.Optional(Type.Boolean({ description: 'Owned by your unit' })),
    conferenceId: Type.Optional(Uuid),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ActionItemQuery = Static<typeof ActionItemQuery>;

export const ActionItemView = Type.Object({
  id: Type.String(),
  conference: Type.Object({ id: Type.String(), title: Type.String() }),
  resolutionId: nullable(Type.String()),
  stateLgd: Type.Integer(),
  title: Type.String(),
  owner: Type.Object({ unitId: Type.String(), name: Type.String() }),
  dueOn: Type.String(),
  status: Type.String(),
  overdue: Type.Boolean(),
  doneAt: nullable(Type.String()),
  note: nullable(Type.String()),
  canUpdate: Type.Boolean(),
});
export type ActionItemView = Static<typeof ActionItemView>;

export const ConferenceListItem = Type.Object({
  id: Type.String(),
  state: Type.Object({ lgdCode: Type.Integer(), name: Type.String() }),
  kind: Type.String(),
  title: Type.String(),
  venue: nullable(Type.String()),
  startsOn: Type.String(),
  endsOn: Type.String(),
  status: Type.String(),
  mhaSupportRupees: Type.Integer(),
  totalBudgetRupees: Type.Integer(),
  proposedBy: Type.Object({ unitId: Type.String(), name: Type.String() }),
  actionItems: Type.Object({ open: Type.Integer(), overdue: Type.Integer(), done: Type.Integer() }),
});
export type ConferenceListItem = Static<typeof ConferenceListItem>;

export const ConferenceView = Type.Object({
  ...ConferenceListItem.properties,
  objectives: nullable(Type.String()),
  decisionNote: nullable(Type.String()),
  decidedAt: nullable(Type.String()),
  outcomeSummary: nullable(Type.String()),
  mhaCapRupees: Type.Integer(),
  budgetLines: Type.Array(
    Type.Object({
      id: Type.String(),
      position: Type.Integer(),
      item: Type.String(),
      amountRupees: Type.Integer(),
      fundedBy: Type.String(),
    }),
  ),
  participants: Type.Array(
    Type.Object({ category: Type.String(), planned: Type.Integer(), attended: nullable(Type.Integer()) }),
  ),
  resolutions: Type.Array(Type.Object({ id: Type.String(), position: Type.Integer(), text: Type.String() })),
  actionItemList: Type.Array(ActionItemView),
  allowedActions: Type.Array(Type.String()),
  canEdit: Type.Boolean({
    description: 'You may change the budget and the proposal (while proposed or returned)',
  }),
  canRecord: Type.Boolean({ description: 'You may record participants, resolutions and action items' }),
});
export type ConferenceView = Static<typeof ConferenceView>;
