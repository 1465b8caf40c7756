/**
 * Types and role lists of the capacity API: the AHTU registry and training. Response types are aliases of
 * the generated API types; code lists are checked against the server's unions.
 */
import type { ApiQuery, ApiRequestBody, ApiResponse } from './client';
import { allCodes } from './client';
import type { Role } from './types';

type AhtuUpdate = ApiRequestBody<'/api/ahtus/{id}', 'put'>;

export const AHTU_READERS: readonly Role[] = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'auditor',
];
export const TRAINING_READERS: readonly Role[] = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'trainer',
  'auditor',
];
export const TRAINING_MANAGERS: readonly Role[] = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'trainer',
];
export const PROGRAMME_AUTHORS: readonly Role[] = ['national_analyst', 'state_nodal_officer', 'trainer'];
export const TARGET_SETTERS: readonly Role[] = ['national_analyst', 'state_nodal_officer'];

export type AhtuStatus = AhtuUpdate['status'];
export const AHTU_STATUSES = allCodes<AhtuStatus>()(['sanctioned', 'established', 'functional', 'defunct']);
export type Answer = ApiRequestBody<'/api/ahtus/{id}/reviews'>['answers'][string];
export const ANSWERS = allCodes<Answer>()(['yes', 'partly', 'no', 'not_applicable']);
/**
 * The review checklist's items. The server checks them against its checklist (GET /api/ahtus/checklist)
 * at run time; its OpenAPI document has no union of them, so this list stays hand-written.
 */
export const CHECKLIST_KEYS = [
  'premises',
  'staff_posted',
  'woman_officer',
  'vehicle',
  'equipment',
  'trained_staff',
  'cases_investigated',
  'rescue_operations',
  'victim_care_linkage',
  'inter_state_coordination',
  'records_on_setu',
] as const;
/** The score bands; the server's schema types a review's band as a plain string. */
export const BANDS = ['functional', 'partly_functional', 'not_functional'] as const;
export type Rank = AhtuUpdate['staff'][number]['rank'];
export const RANKS = allCodes<Rank>()([
  'dy_sp',
  'inspector',
  'sub_inspector',
  'assistant_sub_inspector',
  'head_constable',
  'constable',
]);
export type ProgrammeKind = ApiRequestBody<'/api/training/programmes'>['kind'];
export const PROGRAMME_KINDS = allCodes<ProgrammeKind>()(['tot', 'induction', 'refresher', 'specialised']);
export type Service = ApiRequestBody<'/api/training/participants'>['service'];
export const SERVICES = allCodes<Service>()([
  'police',
  'prosecutor',
  'judicial_officer',
  'probation_officer',
  'labour_official',
  'cwc_member',
  'ngo',
  'lawyer',
]);
export type SessionStatus = NonNullable<ApiQuery<'/api/training/sessions'>['status']>;
export const SESSION_STATUSES = allCodes<SessionStatus>()(['planned', 'held', 'cancelled']);

export type AhtuListItem = ApiResponse<'/api/ahtus'>['items'][number];
export type AhtuView = ApiResponse<'/api/ahtus/{id}'>;
export type ReviewView = AhtuView['reviews'][number];
export type FundsView = AhtuView['funds'][number];
export type Checklist = ApiResponse<'/api/ahtus/checklist'>;
export type Scorecard = ApiResponse<'/api/ahtus/scorecards'>['states'][number];
export type FundTotal = ApiResponse<'/api/ahtus/funds'>['items'][number];
export type Programme = ApiResponse<'/api/training/programmes'>['items'][number];
export type SessionItem = ApiResponse<'/api/training/sessions'>['items'][number];
export type SessionDetail = ApiResponse<'/api/training/sessions/{id}'>;
export type Attendance = SessionDetail['attendance'][number];
export type Participant = ApiResponse<'/api/training/participants'>['items'][number];
export type DueList = ApiResponse<'/api/training/refresher-due'>;
export type DueItem = DueList['items'][number];
export type Coverage = ApiResponse<'/api/training/coverage'>;
export type PublicCertificate = ApiResponse<'/api/public/certificates/{code}'>;
