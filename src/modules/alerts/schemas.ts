import { Type, type Static } from '@fastify/type-provider-typebox';
import type { Role } from '../../server/access.ts';
import { literalUnion, nullable, PageQuery, Uuid } from '../../server/schemas.ts';

export const ALERT_KINDS = [
  'cross_state_person_match',
  'accused_seen_elsewhere',
  'missing_person_match',
  'district_spike',
  'missing_spike',
  'lookout',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export type SystemAlertKind = Exclude<AlertKind, 'lookout'>;
export const SEVERITIES = ['info', 'warning', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Unit kinds a lookout can be broadcast to; border and railway units unless the officer picks others. */
export const LOOKOUT_UNIT_KINDS = [
  'border_unit',
  'railway_post',
  'ahtu',
  'police_station',
  'state_nodal_office',
] as const;

export const ALERT_READERS: readonly Role[] = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'liaison_officer',
  'ngo_caseworker',
  'auditor',
];
/** Acknowledge alerts addressed to their unit. */
export const ALERT_WORKERS: readonly Role[] = ALERT_READERS.filter((role) => role !== 'auditor');
export const LOOKOUT_RAISERS: readonly Role[] = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'liaison_officer',
];

const Lgd = Type.Integer({ minimum: 1, maximum: 99999 });
const Locode = Type.String({
  pattern: '^[A-Z]{5}$',
  description: 'UN/LOCODE of a land border crossing, e.g. INRXL',
});
const StationCode = Type.String({
  pattern: '^[A-Z0-9]{1,8}$',
  description: 'Railway station code, e.g. PNBE',
});

export const LookoutInput = Type.Object(
  {
    title: Type.String({
      minLength: 3,
      maxLength: 200,
      description: 'e.g. "Group of minors expected at Raxaul crossing tonight"; no victim names',
    }),
    body: Type.String({ minLength: 1, maxLength: 5000 }),
    severity: Type.Optional(literalUnion(SEVERITIES)),
    validUntil: Type.Optional(Type.String({ format: 'date-time', description: 'When the lookout lapses' })),
    place: Type.Optional(
      Type.Object(
        {
          borderCrossingLocode: Type.Optional(Locode),
          stationCode: Type.Optional(StationCode),
          districtLgd: Type.Optional(Lgd),
        },
        { additionalProperties: false, description: 'Where it is expected to happen' },
      ),
    ),
    recipients: Type.Object(
      {
        stationCodes: Type.Optional(
          Type.Array(StationCode, { maxItems: 50, description: 'Stations along the route' }),
        ),
        borderCrossingLocodes: Type.Optional(Type.Array(Locode, { maxItems: 20 })),
        districtLgds: Type.Optional(Type.Array(Lgd, { maxItems: 100 })),
        stateLgds: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 99 }), { maxItems: 40 })),
        unitKinds: Type.Optional(
          Type.Array(literalUnion(LOOKOUT_UNIT_KINDS), {
            uniqueItems: true,
            description: 'Which units in those places; default border and railway units',
          }),
        ),
        unitIds: Type.Optional(Type.Array(Uuid, { maxItems: 100, description: 'Particular units besides' })),
      },
      { additionalProperties: false },
    ),
    caseId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type LookoutInput = Static<typeof LookoutInput>;

export const AlertListQuery = Type.Object(
  {
    direction: Type.Optional(
      literalUnion(['received', 'raised'] as const, {
        description: 'received: addressed to your unit; raised: by your unit; omitted: all you can see',
      }),
    ),
    status: Type.Optional(literalUnion(['open', 'closed'] as const)),
    kind: Type.Optional(literalUnion(ALERT_KINDS)),
    unacknowledged: Type.Optional(Type.Boolean({ description: 'Only those your unit has not acknowledged' })),
    state: Type.Optional(Type.Integer({ minimum: 1, maximum: 99 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type AlertListQuery = Static<typeof AlertListQuery>;

const UnitRef = Type.Object({ id: Type.String(), name: Type.String() });

export const AlertListItem = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  kind: Type.String(),
  source: literalUnion(['system', 'user'] as const),
  severity: Type.String(),
  status: Type.String(),
  title: Type.String(),
  raisedByUnit: nullable(UnitRef),
  direction: literalUnion(['received', 'raised', 'oversight'] as const),
  recipientCount: Type.Integer(),
  acknowledgedCount: Type.Integer(),
  /** Your unit's acknowledgement, when it is a recipient. */
  myAcknowledgedAt: nullable(Type.String()),
  validUntil: nullable(Type.String()),
  expired: Type.Boolean(),
  createdAt: Type.String(),
});
export type AlertListItem = Static<typeof AlertListItem>;

export const AlertView = Type.Object({
  ...AlertListItem.properties,
  body: Type.String(),
  place: nullable(
    Type.Object({
      stateLgd: nullable(Type.Integer()),
      stateName: nullable(Type.String()),
      districtLgd: nullable(Type.Integer()),
      districtName: nullable(Type.String()),
    }),
  ),
  raisedByName: nullable(Type.String({ description: 'null when Setu raised it' })),
  case: nullable(Type.Object({ id: Type.String(), reference: Type.String() })),
  target: Type.Record(Type.String(), Type.Unknown()),
  details: Type.Record(Type.String(), Type.Unknown()),
  closedAt: nullable(Type.String()),
  recipients: Type.Array(
    Type.Object({
      unit: Type.Object({
        id: Type.String(),
        name: Type.String(),
        kind: Type.String(),
        stateName: nullable(Type.String()),
      }),
      acknowledgedAt: nullable(Type.String()),
      acknowledgedByName: nullable(Type.String()),
      note: nullable(Type.String()),
    }),
  ),
  canAcknowledge: Type.Boolean(),
  canClose: Type.Boolean(),
});
export type AlertView = Static<typeof AlertView>;
