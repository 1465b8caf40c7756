import { Type, type Static } from '@fastify/type-provider-typebox';
import type { Role } from '../../server/access.ts';
import { literalUnion, nullable, PageQuery, Uuid } from '../../server/schemas.ts';
import { SERVICES } from './coverage.ts';

export const TRAINING_READERS: readonly Role[] = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'trainer',
  'auditor',
];
/** Hold sessions and record attendance: Row-Level Security narrows each to their own sessions and place. */
export const TRAINING_MANAGERS: readonly Role[] = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'trainer',
];
export const PROGRAMME_AUTHORS: readonly Role[] = ['national_analyst', 'state_nodal_officer', 'trainer'];
export const TARGET_SETTERS: readonly Role[] = ['national_analyst', 'state_nodal_officer'];

export const PROGRAMME_KINDS = ['tot', 'induction', 'refresher', 'specialised'] as const;
export const SESSION_STATUSES = ['planned', 'held', 'cancelled'] as const;

const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const StateLgd = Type.Integer({ minimum: 1, maximum: 99 });
const DistrictLgd = Type.Integer({ minimum: 1, maximum: 999999 });
const Score = Type.Number({ minimum: 0, maximum: 100, description: 'Per cent, 0–100' });
export const ServiceSchema = literalUnion(SERVICES);

export const ProgrammeInput = Type.Object(
  {
    kind: literalUnion(PROGRAMME_KINDS),
    title: Type.String({ minLength: 3, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    stateLgd: Type.Optional(nullable(StateLgd)),
  },
  { additionalProperties: false },
);
export type ProgrammeInput = Static<typeof ProgrammeInput>;

export const ProgrammeView = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  description: nullable(Type.String()),
  stateLgd: nullable(Type.Integer()),
  stateName: nullable(Type.String()),
  sessions: Type.Integer(),
  createdAt: Type.String(),
});
export type ProgrammeView = Static<typeof ProgrammeView>;

const TrainerInput = Type.Object(
  {
    userId: Type.Optional(Uuid),
    name: Type.String({ minLength: 2, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const SessionInput = Type.Object(
  {
    programmeId: Uuid,
    unitId: Type.Optional(Uuid),
    startsOn: IsoDate,
    endsOn: IsoDate,
    place: Type.String({ minLength: 2, maxLength: 300 }),
    trainers: Type.Array(TrainerInput, { maxItems: 30 }),
    runByMe: Type.Optional(Type.Boolean({ description: 'Add yourself as a trainer' })),
  },
  { additionalProperties: false },
);
export type SessionInput = Static<typeof SessionInput>;

export const SessionPatch = Type.Object(
  {
    startsOn: Type.Optional(IsoDate),
    endsOn: Type.Optional(IsoDate),
    place: Type.Optional(Type.String({ minLength: 2, maxLength: 300 })),
    status: Type.Optional(literalUnion(SESSION_STATUSES)),
    trainers: Type.Optional(Type.Array(TrainerInput, { maxItems: 30 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type SessionPatch = Static<typeof SessionPatch>;

export const SessionListQuery = Type.Object(
  {
    programmeId: Type.Optional(Uuid),
    state: Type.Optional(StateLgd),
    status: Type.Optional(literalUnion(SESSION_STATUSES)),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    mine: Type.Optional(Type.Boolean({ description: 'Sessions you run' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type SessionListQuery = Static<typeof SessionListQuery>;

export const SessionListItem = Type.Object({
  id: Type.String(),
  programme: Type.Object({ id: Type.String(), kind: Type.String(), title: Type.String() }),
  unit: Type.Object({ id: Type.String(), name: Type.String() }),
  stateLgd: Type.Integer(),
  stateName: Type.String(),
  districtLgd: nullable(Type.Integer()),
  districtName: nullable(Type.String()),
  startsOn: Type.String(),
  endsOn: Type.String(),
  place: Type.String(),
  status: Type.String(),
  participants: Type.Integer(),
  attended: Type.Integer(),
  trainers: Type.Array(Type.Object({ userId: nullable(Type.String()), name: Type.String() })),
});
export type SessionListItem = Static<typeof SessionListItem>;

export const AttendanceView = Type.Object({
  participant: Type.Object({
    id: Type.String(),
    name: Type.String(),
    service: Type.String(),
    designation: nullable(Type.String()),
    unitName: nullable(Type.String()),
  }),
  attended: Type.Boolean(),
  preScore: nullable(Type.Number()),
  postScore: nullable(Type.Number()),
  certificateCode: nullable(Type.String()),
  certificateIssuedAt: nullable(Type.String()),
});
export type AttendanceView = Static<typeof AttendanceView>;

export const SessionView = Type.Object({
  ...SessionListItem.properties,
  attendance: Type.Array(AttendanceView),
  averagePre: nullable(Type.Number()),
  averagePost: nullable(Type.Number()),
  canManage: Type.Boolean(),
});
export type SessionView = Static<typeof SessionView>;

export const ParticipantInput = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 200 }),
    service: ServiceSchema,
    designation: Type.Optional(Type.String({ maxLength: 200 })),
    unitId: Type.Optional(Uuid),
    stateLgd: Type.Optional(StateLgd),
    districtLgd: Type.Optional(DistrictLgd),
    phone: Type.Optional(Type.String({ maxLength: 40, pattern: '^[0-9+ -]*$' })),
    userId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type ParticipantInput = Static<typeof ParticipantInput>;

export const ParticipantView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  service: Type.String(),
  designation: nullable(Type.String()),
  unit: nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  stateLgd: Type.Integer(),
  stateName: Type.String(),
  districtLgd: nullable(Type.Integer()),
  districtName: nullable(Type.String()),
  isSetuUser: Type.Boolean(),
  sessionsAttended: Type.Integer(),
  lastTrainedOn: nullable(Type.String()),
});
export type ParticipantView = Static<typeof ParticipantView>;

export const ParticipantQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    service: Type.Optional(ServiceSchema),
    state: Type.Optional(StateLgd),
    unitId: Type.Optional(Uuid),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ParticipantQuery = Static<typeof ParticipantQuery>;

export const AttendanceInput = Type.Object(
  {
    attended: Type.Boolean(),
    preScore: Type.Optional(nullable(Score)),
    postScore: Type.Optional(nullable(Score)),
  },
  { additionalProperties: false },
);
export type AttendanceInput = Static<typeof AttendanceInput>;

export const AttendanceParams = Type.Object({ id: Uuid, participantId: Uuid });

export const DueQuery = Type.Object(
  {
    asOf: Type.Optional(IsoDate),
    withinDays: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 365, description: 'Also those falling due within this many days' }),
    ),
    unitId: Type.Optional(Uuid),
    state: Type.Optional(StateLgd),
    service: Type.Optional(ServiceSchema),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type DueQuery = Static<typeof DueQuery>;

export const DueItem = Type.Object({
  participant: Type.Object({
    id: Type.String(),
    name: Type.String(),
    service: Type.String(),
    designation: nullable(Type.String()),
  }),
  unit: nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  stateName: Type.String(),
  districtName: nullable(Type.String()),
  lastTrainedOn: Type.String(),
  lastProgramme: Type.String(),
  dueOn: Type.String(),
  daysOverdue: Type.Integer(),
});
export type DueItem = Static<typeof DueItem>;

export const DueView = Type.Object({
  asOf: Type.String(),
  items: Type.Array(DueItem),
  total: Type.Integer(),
  byUnit: Type.Array(
    Type.Object({ unitId: nullable(Type.String()), unitName: Type.String(), due: Type.Integer() }),
  ),
});
export type DueView = Static<typeof DueView>;

export const CoverageQuery = Type.Object(
  {
    state: Type.Optional(StateLgd),
    since: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export type CoverageQuery = Static<typeof CoverageQuery>;

const ServiceCounts = Type.Record(Type.String(), Type.Integer());
export const CoverageView = Type.Object({
  since: nullable(Type.String()),
  trained: Type.Integer(),
  byService: ServiceCounts,
  targets: Type.Array(
    Type.Object({
      id: Type.String(),
      stateLgd: nullable(Type.Integer()),
      stateName: nullable(Type.String()),
      districtLgd: nullable(Type.Integer()),
      districtName: nullable(Type.String()),
      service: nullable(Type.String()),
      target: Type.Integer(),
      trained: Type.Integer(),
      percent: Type.Number(),
      remaining: Type.Integer(),
    }),
  ),
  districts: Type.Array(
    Type.Object({
      stateLgd: Type.Integer(),
      stateName: Type.String(),
      districtLgd: nullable(Type.Integer()),
      districtName: nullable(Type.String()),
      byService: ServiceCounts,
      total: Type.Integer(),
    }),
  ),
});
export type CoverageView = Static<typeof CoverageView>;

export const TargetInput = Type.Object(
  {
    stateLgd: Type.Optional(nullable(StateLgd)),
    districtLgd: Type.Optional(nullable(DistrictLgd)),
    service: Type.Optional(nullable(ServiceSchema)),
    target: Type.Integer({ minimum: 1, maximum: 10_000_000 }),
  },
  { additionalProperties: false },
);
export type TargetInput = Static<typeof TargetInput>;

export const CertificateView = Type.Object({
  code: Type.String(),
  issuedAt: Type.String(),
  verifyPath: Type.String({ description: 'Public page where anyone can check the code' }),
});

export const PublicCertificate = Type.Object({
  name: Type.String(),
  programme: Type.String(),
  date: Type.String({ description: 'Last day of the session' }),
});
