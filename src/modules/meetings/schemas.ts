import { Type, type Static } from '@fastify/type-provider-typebox';
import type { Role } from '../../server/access.ts';
import { literalUnion, nullable, PageQuery, Uuid } from '../../server/schemas.ts';

export const MEETING_READERS: readonly Role[] = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'liaison_officer',
  'auditor',
];
/** Run meetings (State nodal officers for their State, national analysts for any). */
export const MEETING_CHAIRS: readonly Role[] = ['national_analyst', 'state_nodal_officer'];
/** Follow up their action items. */
export const ACTION_OWNERS: readonly Role[] = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'liaison_officer',
  'ngo_caseworker',
];

const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const StateLgd = Type.Integer({ minimum: 1, maximum: 99 });
export const MEETING_STATUSES = ['scheduled', 'held', 'cancelled'] as const;

export const MeetingInput = Type.Object(
  {
    stateLgd: Type.Optional(StateLgd),
    heldOn: IsoDate,
    title: Type.Optional(Type.String({ minLength: 3, maxLength: 200 })),
    location: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);
export type MeetingInput = Static<typeof MeetingInput>;

export const MeetingPatch = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 3, maxLength: 200 })),
    heldOn: Type.Optional(IsoDate),
    location: Type.Optional(nullable(Type.String({ maxLength: 300 }))),
    minutes: Type.Optional(nullable(Type.String({ maxLength: 50000 }))),
    status: Type.Optional(literalUnion(MEETING_STATUSES)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type MeetingPatch = Static<typeof MeetingPatch>;

export const AgendaItemInput = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 300 }),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export const ActionItemInput = Type.Object(
  {
    title: Type.String({ minLength: 3, maxLength: 300 }),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    ownerUserId: Type.Optional(Uuid),
    ownerUnitId: Type.Optional(Uuid),
    dueOn: IsoDate,
  },
  { additionalProperties: false },
);
export type ActionItemInput = Static<typeof ActionItemInput>;

export const ActionItemPatch = Type.Object(
  {
    status: Type.Optional(literalUnion(['open', 'done'] as const)),
    note: Type.Optional(Type.String({ maxLength: 2000, description: 'What was done' })),
    title: Type.Optional(Type.String({ minLength: 3, maxLength: 300 })),
    description: Type.Optional(nullable(Type.String({ maxLength: 5000 }))),
    dueOn: Type.Optional(IsoDate),
    ownerUserId: Type.Optional(Uuid),
    ownerUnitId: Type.Optional(Uuid),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ActionItemPatch = Static<typeof ActionItemPatch>;

export const MeetingListQuery = Type.Object(
  {
    state: Type.Optional(StateLgd),
    status: Type.Optional(literalUnion(MEETING_STATUSES)),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type MeetingListQuery = Static<typeof MeetingListQuery>;

export const ActionItemQuery = Type.Object(
  {
    state: Type.Optional(StateLgd),
    status: Type.Optional(literalUnion(['open', 'done'] as const)),
    overdue: Type.Optional(Type.Boolean({ description: 'Open and past the due date' })),
    mine: Type.Optional(Type.Boolean({ description: 'Owned by you or your unit' })),
    meetingId: Type.Optional(Uuid),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ActionItemQuery = Static<typeof ActionItemQuery>;

export const ActionItemView = Type.Object({
  id: Type.String(),
  meeting: Type.Object({ id: Type.String(), title: Type.String(), heldOn: Type.String() }),
  stateLgd: Type.Integer(),
  title: Type.String(),
  description: nullable(Type.String()),
  owner: Type.Object({
    userId: nullable(Type.String()),
    unitId: nullable(Type.String()),
    name: Type.String(),
  }),
  dueOn: Type.String(),
  status: Type.String(),
  overdue: Type.Boolean(),
  doneAt: nullable(Type.String()),
  doneNote: nullable(Type.String()),
  canEdit: Type.Boolean({ description: 'You chair the meeting: every field' }),
  canComplete: Type.Boolean({ description: 'You may mark it done or open again' }),
});
export type ActionItemView = Static<typeof ActionItemView>;

export const MeetingListItem = Type.Object({
  id: Type.String(),
  state: Type.Object({ lgdCode: Type.Integer(), name: Type.String() }),
  title: Type.String(),
  heldOn: Type.String(),
  location: nullable(Type.String()),
  status: Type.String(),
  agendaItems: Type.Integer(),
  actionItems: Type.Object({ open: Type.Integer(), overdue: Type.Integer(), done: Type.Integer() }),
  createdAt: Type.String(),
});
export type MeetingListItem = Static<typeof MeetingListItem>;

export const MeetingView = Type.Object({
  ...MeetingListItem.properties,
  minutes: nullable(Type.String()),
  agenda: Type.Array(
    Type.Object({
      id: Type.String(),
      position: Type.Integer(),
      kind: Type.String(),
      title: Type.String(),
      note: nullable(Type.String()),
      requestId: nullable(Type.String()),
      alertId: nullable(Type.String()),
    }),
  ),
  actionItemList: Type.Array(ActionItemView),
  canEdit: Type.Boolean(),
});
export type MeetingView = Static<typeof MeetingView>;
