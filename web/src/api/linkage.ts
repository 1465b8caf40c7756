/** Person linkage as the web app uses it: the review queue, a pair side by side, a person's identity. */
import type { Role } from './types';

/** The server's LINKAGE_REVIEWERS: district AHTU officers, State nodal officers, Nodal Cell analysts. */
export const LINKAGE_REVIEWER_ROLES: readonly Role[] = [
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
export type Decision = (typeof DECISIONS)[number];

/** The fields the model compares, in the order the explanation lists them. */
export const LINKAGE_FIELDS = [
  'given_name',
  'family_name',
  'birth',
  'sex',
  'relatives',
  'district',
  'address',
  'phone',
  'id_number',
] as const;

/** Every comparison level the engine reports (src/linkage/compare*.ts). */
export const LINKAGE_LEVELS = [
  'null',
  'exact',
  'phonetic',
  'subset',
  'fuzzy_high',
  'fuzzy',
  'initials',
  'different',
  'swap_or_typo',
  'same_year',
  'age_close',
  'age_within',
  'same',
  'same_district',
  'same_state',
  'high',
  'some',
  'none',
  'near',
  'masked_agree',
] as const;
export const IDENTITY_EVENTS = ['create', 'grow', 'merge', 'split'] as const;
export const TIERS = ['auto_link', 'review'] as const;

export interface PairSide {
  personId: string;
  pseudonym: string;
  role: string;
  sex: string;
  ageYears: number | null;
  ageIsEstimate: boolean;
  caseId: string;
  caseReference: string;
  state: { lgdCode: number; name: string };
  district: { lgdCode: number; name: string } | null;
  unit: { id: string; name: string };
  /** The case lies outside what you may see. */
  masked: boolean;
  name: string | null;
  identityMasked: boolean;
  canReveal: boolean;
  identityId: string | null;
}

export interface CandidateListItem {
  id: string;
  probability: number;
  tier: string;
  status: CandidateStatus;
  crossState: boolean;
  createdAt: string;
  a: PairSide;
  b: PairSide;
}

export interface FieldExplanation {
  field: string;
  level: string;
  weight: number;
  tfAdjusted: boolean;
}

export interface CandidateView extends CandidateListItem {
  weight: number;
  explanation: FieldExplanation[];
  decisions: { decision: Decision; reason: string; decidedBy: string; decidedAt: string }[];
  alertId: string | null;
}

export interface IdentityView {
  personId: string;
  identityId: string | null;
  records: PairSide[];
  history: { identityId: string; kind: string; detail: Record<string, unknown>; at: string }[];
}
