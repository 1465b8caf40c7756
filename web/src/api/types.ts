/** The shapes the Setu API returns, as the web app uses them. */

export const ROLES = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'liaison_officer',
  'ngo_caseworker',
  'trainer',
  'auditor',
  'system_admin',
] as const;
export type Role = (typeof ROLES)[number];

export const UNIT_KINDS = [
  'nodal_cell',
  'state_nodal_office',
  'ahtu',
  'police_station',
  'border_unit',
  'railway_post',
  'ngo',
  'shelter_home',
  'cwc',
  'dlsa',
  'prosecution',
  'court',
  'training_institute',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const PLACE_KINDS = ['state', 'district', 'subdistrict', 'station', 'border_crossing'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export type JurisdictionLevel = 'national' | 'state' | 'district';

export interface Me {
  id: string;
  username: string;
  displayName: string;
  role: string;
  unit: { id: string; name: string };
  jurisdiction: { level: JurisdictionLevel; stateLgd: number | null; districtLgd: number | null };
  mfaEnrolled: boolean;
  mfaPassed: boolean;
}

export type SignInStep = 'complete' | 'mfa_required' | 'mfa_enrolment_required';

export interface LoginResponse {
  next: SignInStep;
  user: Me;
}

export interface MfaEnrolmentStart {
  secret: string;
  otpauthUri: string;
}

export interface MfaEnrolmentConfirmed {
  recoveryCodes: string[];
  user: Me;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface Unit {
  id: string;
  kind: string;
  name: string;
  nameHi: string | null;
  level: JurisdictionLevel;
  stateLgd: number | null;
  stateName: string | null;
  districtLgd: number | null;
  districtName: string | null;
  force: string | null;
  phone: string | null;
  email: string | null;
}

export interface State {
  lgdCode: number;
  name: string;
  nameHi: string | null;
  isUnionTerritory: boolean;
  districtCount: number;
}

export interface Place {
  kind: string;
  /** LGD code, station code or UN/LOCODE. */
  code: string;
  name: string;
  stateLgd: number | null;
  stateName: string | null;
  districtLgd: number | null;
  districtName: string | null;
  lat: number | null;
  lon: number | null;
}

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  role: string;
  unit: { id: string; name: string };
  locked: boolean;
  disabled: boolean;
  mfaEnrolled: boolean;
  lastLoginAt: string | null;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  unitId: string;
  email?: string;
  password: string;
}

export const AUDIT_OUTCOMES = ['success', 'refused', 'failed'] as const;

export interface AuditRow {
  seq: number;
  occurredAt: string;
  actorUsername: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  outcome: string;
  reason: string | null;
  clientIp: string | null;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  lastSeq: number | null;
  problem?: { seq: number; problem: string; message: string };
}

export interface DataSource {
  name: string;
  what: string;
  source: string;
  licence: string;
  files?: string[];
}

export interface DistrictDetail {
  lgdCode: number;
  name: string;
  state: { lgdCode: number; name: string; nameHi: string | null };
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isUnitKind(value: string): value is UnitKind {
  return (UNIT_KINDS as readonly string[]).includes(value);
}

export function isPlaceKind(value: string): value is PlaceKind {
  return (PLACE_KINDS as readonly string[]).includes(value);
}

/** Who may see the users page and the audit log; the server enforces the same. */
export const USERS_PAGE_ROLES: readonly Role[] = ['system_admin', 'auditor', 'state_nodal_officer'];
export const AUDIT_PAGE_ROLES: readonly Role[] = ['auditor', 'system_admin'];

export function hasRole(me: Me | null | undefined, roles: readonly Role[]): boolean {
  return !!me && isRole(me.role) && roles.includes(me.role);
}
