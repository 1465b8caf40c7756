/** Shapes of match candidates, their review, restorations and Operation Muskan drives. */
import { Type, type Static, type TSchema } from '@fastify/type-provider-typebox';
import { literalUnion } from '../../server/schemas.ts';
import { IsoDate, Lgd, PlaceView } from '../missing/schemas.ts';

const orNull = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });

export const CANDIDATE_STATUSES = ['proposed', 'confirmed', 'rejected', 'withdrawn'] as const;

const Explained = Type.Object({
  field: Type.String({
    description:
      'given_name, family_name, birth, sex, relatives, address, phone, sex_check, age_check, place, language',
  }),
  level: Type.String(),
  weight: Type.Number({ description: 'Bits of evidence: positive for a match, negative against' }),
});

const SideSummary = Type.Object({
  id: Uuid,
  reference: Type.String(),
  pseudonym: Type.String(),
  sex: Type.String(),
  ageYears: orNull(Type.Integer()),
  ageOn: orNull(Type.String()),
  language: orNull(Type.String()),
  on: Type.String({ description: 'Last seen on (missing) or found on (found)' }),
  place: PlaceView,
  unit: Type.Object({ id: Uuid, name: Type.String() }),
  status: Type.String(),
});
export type SideSummary = Static<typeof SideSummary>;

export const CandidateView = Type.Object({
  id: Uuid,
  status: literalUnion(CANDIDATE_STATUSES),
  probability: Type.Number({ description: 'Calibrated probability that both records are one person' }),
  weight: Type.Number({ description: 'Total evidence in bits, prior included' }),
  explanation: Type.Array(Explained),
  missing: orNull(SideSummary),
  found: orNull(SideSummary),
  reviewNote: orNull(Type.String()),
  reviewedBy: orNull(Type.String()),
  reviewedAt: orNull(Type.String()),
  restorationId: orNull(Uuid),
});
export type CandidateView = Static<typeof CandidateView>;

export const CandidateQuery = Type.Object(
  {
    status: Type.Optional(literalUnion(CANDIDATE_STATUSES)),
    missingId: Type.Optional(Uuid),
    foundId: Type.Optional(Uuid),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
);
export type CandidateQuery = Static<typeof CandidateQuery>;

export const ReviewInput = Type.Object(
  {
    decision: literalUnion(['confirm', 'reject'] as const),
    note: Type.String({
      minLength: 3,
      maxLength: 2000,
      description: 'Why: what was checked (photo, parents, school, marks)',
    }),
  },
  { additionalProperties: false },
);
export type ReviewInput = Static<typeof ReviewInput>;

export const RESTORATION_STEPS = [
  'verified',
  'verification_failed',
  'cwc_order',
  'handover',
  'follow_up',
  'complete',
  'stop',
] as const;
export const FOLLOW_UP_OUTCOMES = [
  'with_family',
  'not_found',
  're_missing',
  'in_school',
  'working',
  'other',
] as const;

export const StepInput = Type.Object(
  {
    step: literalUnion(RESTORATION_STEPS),
    on: IsoDate,
    note: Type.Optional(orNull(Type.String({ maxLength: 2000 }))),
    cwcUnitId: Type.Optional(orNull(Uuid)),
    cwcOrderNumber: Type.Optional(orNull(Type.String({ minLength: 1, maxLength: 100 }))),
    handedOverTo: Type.Optional(
      orNull(
        Type.String({ minLength: 2, maxLength: 200, description: 'Relationship and name, e.g. mother' }),
      ),
    ),
    handoverPlace: Type.Optional(orNull(Type.String({ maxLength: 300 }))),
    escortName: Type.Optional(orNull(Type.String({ maxLength: 200 }))),
    outcome: Type.Optional(literalUnion(FOLLOW_UP_OUTCOMES)),
  },
  { additionalProperties: false },
);
export type StepInput = Static<typeof StepInput>;

export const RestorationView = Type.Object({
  id: Uuid,
  candidateId: Uuid,
  status: Type.String(),
  missing: orNull(SideSummary),
  found: orNull(SideSummary),
  homeUnit: Type.Object({ id: Uuid, name: Type.String() }),
  verificationRequest: orNull(Type.Object({ id: Uuid, reference: Type.String(), status: Type.String() })),
  verification: Type.String(),
  verifiedOn: orNull(Type.String()),
  verificationNote: orNull(Type.String()),
  cwc: orNull(Type.Object({ id: Uuid, name: Type.String() })),
  cwcOrderNumber: orNull(Type.String()),
  cwcOrderOn: orNull(Type.String()),
  handedOverOn: orNull(Type.String()),
  handedOverTo: orNull(Type.String()),
  handoverPlace: orNull(Type.String()),
  escortName: orNull(Type.String()),
  followUpDueOn: orNull(Type.String()),
  followUps: Type.Array(
    Type.Object({ visitedOn: Type.String(), outcome: Type.String(), note: orNull(Type.String()) }),
  ),
  canVerify: Type.Boolean({ description: 'Your unit is on the home side' }),
  canAct: Type.Boolean({ description: 'Your unit is where the person is' }),
});
export type RestorationView = Static<typeof RestorationView>;

export const DriveInput = Type.Object(
  {
    name: Type.String({ minLength: 3, maxLength: 200 }),
    stateLgd: Type.Optional(orNull(Lgd)),
    startsOn: IsoDate,
    endsOn: IsoDate,
    unitIds: Type.Array(Uuid, { maxItems: 500, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type DriveInput = Static<typeof DriveInput>;

export const DriveView = Type.Object({
  id: Uuid,
  name: Type.String(),
  stateLgd: orNull(Type.Integer()),
  startsOn: Type.String(),
  endsOn: Type.String(),
  units: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
});
export type DriveView = Static<typeof DriveView>;

const Counts = {
  found: Type.Integer({ description: 'Persons found during the drive' }),
  children: Type.Integer({ description: 'Of whom children' }),
  traced: Type.Integer({ description: 'Found persons matched to a missing report (confirmed)' }),
  restored: Type.Integer({ description: 'Handed over to their families' }),
};
export const DriveDashboard = Type.Object({
  drive: DriveView,
  totals: Type.Object(Counts),
  districts: Type.Array(
    Type.Object({
      districtLgd: Type.Integer(),
      districtName: Type.String(),
      stateName: Type.String(),
      ...Counts,
    }),
  ),
});
export type DriveDashboard = Static<typeof DriveDashboard>;
