/** Rescue to restoration as the web app uses it: missing and found persons, match candidates, restorations, drives, care. */
import type { ApiResponse } from './client';
import type { Role } from './types';

export const TRACING_READER_ROLES: readonly Role[] = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'liaison_officer',
  'auditor',
];
export const TRACING_WRITER_ROLES: readonly Role[] = [
  'state_nodal_officer',
  'district_officer',
  'liaison_officer',
];
export const CARE_READER_ROLES: readonly Role[] = [...TRACING_READER_ROLES, 'ngo_caseworker'];
export const DRIVE_CREATOR_ROLES: readonly Role[] = ['national_analyst', 'state_nodal_officer'];

export type MissingReport = ApiResponse<'/api/missing/{id}'>;
export type FoundPerson = ApiResponse<'/api/found/{id}'>;
export type PlaceView = MissingReport['registeredIn'];
export type TracingIdentity = ApiResponse<'/api/missing/{id}/reveal', 'post'>;

export type MatchCandidate = ApiResponse<'/api/restoration/candidates/{id}'>;
export type SideSummary = NonNullable<MatchCandidate['missing']>;
export type Explained = MatchCandidate['explanation'][number];
export type Restoration = ApiResponse<'/api/restoration/restorations/{id}'>;

export type Drive = ApiResponse<'/api/restoration/drives'>['items'][number];
export type DriveDashboard = ApiResponse<'/api/restoration/drives/{id}/dashboard'>;

export type CarePlanListItem = ApiResponse<'/api/care/plans'>['items'][number];
export type CarePlan = ApiResponse<'/api/care/plans/{id}'>;
export type CareReferral = CarePlan['referrals'][number];
export type CareEvent = CarePlan['events'][number];

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
export const FOLLOW_UP_OUTCOMES = [
  'with_family',
  'not_found',
  're_missing',
  'in_school',
  'working',
  'other',
] as const;
