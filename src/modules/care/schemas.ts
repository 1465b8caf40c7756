/** Shapes of a rescued victim's care plan, referrals, care events and consent. */
import { Type, type Static, type TSchema } from '@fastify/type-provider-typebox';
import type { Role } from '../../server/access.ts';
import { literalUnion } from '../../server/schemas.ts';
import { IsoDate, Lgd } from '../missing/schemas.ts';

const orNull = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });
const Text = Type.Optional(orNull(Type.String({ maxLength: 2000 })));

/** NGO caseworkers read care only for victims referred to (or placed with) their unit: RLS decides. */
export const CARE_READERS: readonly Role[] = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'liaison_officer',
  'auditor',
  'ngo_caseworker',
];
export const CARE_WRITERS: readonly Role[] = ['state_nodal_officer', 'district_officer', 'liaison_officer'];
/** NGOs answer referrals and record services and follow-up visits for victims they accepted. */
export const CARE_WORKERS: readonly Role[] = [...CARE_WRITERS, 'ngo_caseworker'];

export const SERVICE_KINDS = [
  'shelter',
  'medical',
  'counselling',
  'legal_aid',
  'education',
  'skills',
] as const;
export const RISK_FLAGS = [
  'contact_with_trafficker',
  'debt_bondage',
  'out_of_school',
  'family_conflict',
  'plans_to_migrate',
  'missing_again',
] as const;

const PlanFields = {
  shelter: Text,
  medical: Text,
  counselling: Text,
  legalAid: Text,
  educationSkills: Text,
  consentTracing: Type.Optional(orNull(Type.Boolean({ description: 'Consent to tracing the family' }))),
  consentSharing: Type.Optional(
    orNull(Type.Boolean({ description: 'Consent to sharing details with other agencies' })),
  ),
  consentGivenBy: Type.Optional(orNull(literalUnion(['person', 'guardian', 'cwc'] as const))),
  consentRecordedOn: Type.Optional(orNull(IsoDate)),
  bondedLabourCertificateNumber: Type.Optional(orNull(Type.String({ maxLength: 100 }))),
  bondedLabourCertificateOn: Type.Optional(orNull(IsoDate)),
  bondedLabourCertificateBy: Type.Optional(
    orNull(Type.String({ maxLength: 200, description: 'The issuing SDM or DM' })),
  ),
};

export const PlanInput = Type.Object({ foundId: Uuid, ...PlanFields }, { additionalProperties: false });
export type PlanInput = Static<typeof PlanInput>;
export const PlanPatch = Type.Object(PlanFields, { additionalProperties: false });
export type PlanPatch = Static<typeof PlanPatch>;

export const ReferralInput = Type.Object(
  {
    toUnitId: Uuid,
    services: Type.Array(literalUnion(SERVICE_KINDS), { minItems: 1, uniqueItems: true }),
    note: Text,
  },
  { additionalProperties: false },
);
export type ReferralInput = Static<typeof ReferralInput>;

export const ReferralAnswer = Type.Object(
  {
    decision: literalUnion(['accept', 'decline', 'close'] as const),
    reason: Type.Optional(Type.String({ minLength: 3, maxLength: 1000, description: 'Required to decline' })),
  },
  { additionalProperties: false },
);
export type ReferralAnswer = Static<typeof ReferralAnswer>;

export const EventInput = Type.Object(
  {
    kind: literalUnion(['service', 'compensation', 'repatriation', 'follow_up'] as const),
    occurredOn: IsoDate,
    serviceKind: Type.Optional(literalUnion(SERVICE_KINDS)),
    compensationStage: Type.Optional(literalUnion(['applied', 'sanctioned', 'paid', 'rejected'] as const)),
    amountInr: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
    authorityUnitId: Type.Optional(Uuid),
    repatriationStage: Type.Optional(literalUnion(['planned', 'escorted', 'handed_over'] as const)),
    toStateLgd: Type.Optional(Lgd),
    toCountry: Type.Optional(literalUnion(['NP', 'BD'] as const)),
    escortName: Type.Optional(Type.String({ maxLength: 200 })),
    handedOverTo: Type.Optional(Type.String({ maxLength: 200 })),
    riskLevel: Type.Optional(literalUnion(['low', 'medium', 'high'] as const)),
    riskFlags: Type.Optional(Type.Array(literalUnion(RISK_FLAGS), { uniqueItems: true })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type EventInput = Static<typeof EventInput>;

const Ref = Type.Object({ id: Uuid, name: Type.String() });

export const ReferralView = Type.Object({
  id: Uuid,
  toUnit: Ref,
  fromUnit: Ref,
  services: Type.Array(Type.String()),
  note: orNull(Type.String()),
  status: Type.String(),
  declineReason: orNull(Type.String()),
  createdAt: Type.String(),
  respondedAt: orNull(Type.String()),
  mine: Type.Boolean({ description: 'Addressed to your unit: you may accept or decline it' }),
});
export const EventView = Type.Object({
  id: Uuid,
  kind: Type.String(),
  occurredOn: Type.String(),
  serviceKind: orNull(Type.String()),
  compensationStage: orNull(Type.String()),
  amountInr: orNull(Type.Integer()),
  authority: orNull(Ref),
  repatriationStage: orNull(Type.String()),
  toStateLgd: orNull(Type.Integer()),
  toCountry: orNull(Type.String()),
  escortName: orNull(Type.String()),
  handedOverTo: orNull(Type.String()),
  riskLevel: orNull(Type.String()),
  riskFlags: Type.Array(Type.String()),
  note: orNull(Type.String()),
  recordedBy: orNull(Type.String()),
});

export const PlanView = Type.Object({
  id: Uuid,
  found: Type.Object({
    id: Uuid,
    reference: Type.String(),
    pseudonym: Type.String(),
    sex: Type.String(),
    ageYears: orNull(Type.Integer()),
    status: Type.String(),
  }),
  ownerUnit: Ref,
  shelter: orNull(Type.String()),
  medical: orNull(Type.String()),
  counselling: orNull(Type.String()),
  legalAid: orNull(Type.String()),
  educationSkills: orNull(Type.String()),
  consentTracing: orNull(Type.Boolean()),
  consentSharing: orNull(Type.Boolean()),
  consentGivenBy: orNull(Type.String()),
  consentRecordedOn: orNull(Type.String()),
  bondedLabourCertificateNumber: orNull(Type.String()),
  bondedLabourCertificateOn: orNull(Type.String()),
  bondedLabourCertificateBy: orNull(Type.String()),
  followUpUntil: orNull(Type.String()),
  compensation: orNull(Type.String({ description: 'The latest compensation stage' })),
  latestRisk: orNull(Type.String()),
  referrals: Type.Array(ReferralView),
  events: Type.Array(EventView),
  canEdit: Type.Boolean(),
});
export type PlanView = Static<typeof PlanView>;

export const PlanListItem = Type.Object({
  id: Uuid,
  foundId: Uuid,
  reference: Type.String(),
  pseudonym: Type.String(),
  sex: Type.String(),
  ageYears: orNull(Type.Integer()),
  ownerUnit: Type.String(),
  openReferrals: Type.Integer(),
  latestRisk: orNull(Type.String()),
});
export type PlanListItem = Static<typeof PlanListItem>;
