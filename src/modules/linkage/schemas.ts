import { Type, type Static } from '@fastify/type-provider-typebox';
import type { Role } from '../../server/access.ts';
import { literalUnion, nullable, PageQuery } from '../../server/schemas.ts';

/** Who reviews candidate pairs: district AHTU officers, State nodal officers, Nodal Cell analysts. */
export const LINKAGE_REVIEWERS: readonly Role[] = [
  'district_officer',
  'state_nodal_officer',
  'national_analyst',
];

export const CANDIDATE_STATUSES = [
  'pending',
  'unsure',
  'confirmed',
  'rejected',
  'auto_linked',
  'withdrawn',
] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];
export const DECISIONS = ['confirmed', 'rejected', 'unsure'] as const;

export const CandidateListQuery = Type.Object(
  {
    status: Type.Optional(
      literalUnion(CANDIDATE_STATUSES, { description: 'Default: pending and unsure (the open queue)' }),
    ),
    crossState: Type.Optional(
      Type.Boolean({ description: 'Only pairs whose two records lie in different States' }),
    ),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type CandidateListQuery = Static<typeof CandidateListQuery>;

/**
 * One side of a pair as the reviewer may see it. `masked` = the reviewer cannot see this record's case
 * (another State, not shared): pseudonym, role, sex, age and where it is, never a name.
 */
export const PairSide = Type.Object({
  personId: Type.String(),
  pseudonym: Type.String(),
  role: Type.String(),
  sex: Type.String(),
  ageYears: nullable(Type.Integer()),
  ageIsEstimate: Type.Boolean(),
  caseId: Type.String(),
  caseReference: Type.String(),
  state: Type.Object({ lgdCode: Type.Integer(), name: Type.String() }),
  district: nullable(Type.Object({ lgdCode: Type.Integer(), name: Type.String() })),
  unit: Type.Object({ id: Type.String(), name: Type.String() }),
  masked: Type.Boolean({ description: 'True when the case lies outside what you may see' }),
  /** The name, when you may see it: an accused's name in a case you see, or an identity revealed with a reason. */
  name: nullable(Type.String()),
  identityMasked: Type.Boolean({
    description: 'The name is withheld (protected identity, or outside your cases)',
  }),
  canReveal: Type.Boolean({ description: 'You may see the identity by stating a reason (need-to-know)' }),
  identityId: nullable(Type.String()),
});
export type PairSide = Static<typeof PairSide>;

export const FieldExplanation = Type.Object({
  field: Type.String(),
  level: Type.String(),
  weight: Type.Number({ description: 'log2 Bayes factor this field contributes' }),
  tfAdjusted: Type.Boolean(),
});

export const CandidateListItem = Type.Object({
  id: Type.String(),
  probability: Type.Number(),
  tier: Type.String(),
  status: Type.String(),
  crossState: Type.Boolean(),
  createdAt: Type.String(),
  a: PairSide,
  b: PairSide,
});
export type CandidateListItem = Static<typeof CandidateListItem>;

export const DecisionView = Type.Object({
  decision: Type.String(),
  reason: Type.String(),
  decidedBy: Type.String(),
  decidedAt: Type.String(),
});

export const CandidateView = Type.Object({
  ...CandidateListItem.properties,
  weight: Type.Number(),
  explanation: Type.Array(FieldExplanation),
  decisions: Type.Array(DecisionView),
  alertId: nullable(Type.String()),
});
export type CandidateView = Static<typeof CandidateView>;

export const CandidateViewQuery = Type.Object(
  {
    reason: Type.Optional(
      Type.String({
        minLength: 5,
        maxLength: 500,
        description:
          'Why you need to see the identities you are entitled to (audited); without it they stay masked',
      }),
    ),
  },
  { additionalProperties: false },
);

export const DecisionInput = Type.Object(
  {
    decision: literalUnion(DECISIONS),
    reason: Type.String({ minLength: 5, maxLength: 1000, description: 'Why: what you compared and found' }),
  },
  { additionalProperties: false },
);
export type DecisionInput = Static<typeof DecisionInput>;

export const IdentityEvent = Type.Object({
  identityId: Type.String(),
  kind: Type.String(),
  detail: Type.Record(Type.String(), Type.Unknown()),
  at: Type.String(),
});

export const IdentityView = Type.Object({
  personId: Type.String(),
  identityId: nullable(Type.String()),
  records: Type.Array(PairSide),
  history: Type.Array(IdentityEvent),
});
export type IdentityView = Static<typeof IdentityView>;
