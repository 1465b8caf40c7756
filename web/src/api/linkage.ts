/**
 * Person linkage as the web app uses it: the review queue, a pair side by side, a person's identity.
 * Response types are aliases of the generated API types; code lists are checked against the server's unions.
 */
import type { ApiQuery, ApiRequestBody, ApiResponse } from './client';
import { allCodes } from './client';
import type { Role } from './types';

/** The server's LINKAGE_REVIEWERS: district AHTU officers, State nodal officers, Nodal Cell analysts. */
export const LINKAGE_REVIEWER_ROLES: readonly Role[] = [
  'district_officer',
  'state_nodal_officer',
  'national_analyst',
];

export type CandidateStatus = NonNullable<ApiQuery<'/api/linkage/candidates'>['status']>;
export const CANDIDATE_STATUSES = allCodes<CandidateStatus>()([
  'pending',
  'unsure',
  'confirmed',
  'rejected',
  'auto_linked',
  'withdrawn',
]);
export type Decision = ApiRequestBody<'/api/linkage/candidates/{id}/decision'>['decision'];
export const DECISIONS = allCodes<Decision>()(['confirmed', 'rejected', 'unsure']);

// The server's schemas type the explanation's fields and levels, identity events and tiers as plain
// strings, so these lists (for labels) stay hand-written.

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

export type CandidateListItem = ApiResponse<'/api/linkage/candidates'>['items'][number];
export type PairSide = CandidateListItem['a'];
export type CandidateView = ApiResponse<'/api/linkage/candidates/{id}'>;
export type FieldExplanation = CandidateView['explanation'][number];
export type IdentityView = ApiResponse<'/api/linkage/persons/{id}/identity'>;
