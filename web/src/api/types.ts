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

// ---------------------------------------------------------------- cases

/** Roles that work with cases (the server's CASE_READERS / CASE_WRITERS). */
export const CASE_READER_ROLES: readonly Role[] = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'liaison_officer',
  'ngo_caseworker',
  'auditor',
];
export const CASE_WRITER_ROLES: readonly Role[] = [
  'district_officer',
  'state_nodal_officer',
  'liaison_officer',
];

export const CASE_KINDS = [
  'fir',
  'rescue_operation',
  'interception',
  'complaint',
  'missing_person_linked',
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_STATUSES = [
  'registered',
  'under_investigation',
  'charge_sheeted',
  'on_trial',
  'convicted',
  'acquitted',
  'discharged',
  'closed_final_report',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const EXPLOITATION_FORMS = [
  'forced_labour',
  'bonded_labour',
  'child_labour',
  'sexual_exploitation',
  'child_sexual_abuse_material',
  'forced_marriage',
  'domestic_servitude',
  'forced_begging',
  'organ_removal',
  'drug_couriers',
  'arms_smuggling',
  'other_illicit_activity',
  'other',
] as const;
export type ExploitationForm = (typeof EXPLOITATION_FORMS)[number];

export const PERSON_ROLES = ['victim', 'accused', 'rescuer', 'witness', 'complainant'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];
export const SEXES = ['female', 'male', 'transgender', 'unknown'] as const;
export const ACCUSED_ROLES = [
  'recruiter',
  'transporter',
  'harbourer',
  'buyer',
  'exploiter',
  'financier',
  'other',
] as const;
export const ARREST_STATUSES = ['not_arrested', 'arrested', 'absconding', 'surrendered'] as const;
export const BAIL_STATUSES = ['not_applied', 'granted', 'rejected', 'cancelled'] as const;
export const CUSTODY_STATUSES = ['police', 'judicial', 'released', 'none'] as const;
export const ID_DOCUMENT_TYPES = [
  'aadhaar',
  'voter_id',
  'passport',
  'ration_card',
  'driving_licence',
  'pan',
  'birth_certificate',
  'school_certificate',
  'nepal_citizenship',
  'other',
] as const;
export const ROUTE_STAGES = ['recruitment', 'transit', 'exploitation', 'rescue'] as const;
export type RouteStage = (typeof ROUTE_STAGES)[number];
export const ROUTE_PLACE_KINDS = ['district', 'station', 'border_crossing', 'foreign_country'] as const;
export type RoutePlaceKind = (typeof ROUTE_PLACE_KINDS)[number];
/** Countries a route most often starts or ends in, neighbours first (ISO 3166 codes). */
export const FOREIGN_COUNTRIES = [
  'NP',
  'BD',
  'BT',
  'MM',
  'PK',
  'CN',
  'LK',
  'AE',
  'SA',
  'OM',
  'QA',
  'KW',
  'MY',
  'TH',
] as const;
export const SHARE_PURPOSES = ['assisting', 'referral', 'investigation_transfer'] as const;
export const CASE_SORTS = [
  '-updated_at',
  'updated_at',
  '-registered_on',
  'registered_on',
  'charge_sheet_due_on',
  'reference',
] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

export interface Ref {
  id: string;
  name: string;
}

export interface CaseListItem {
  id: string;
  reference: string;
  title: string;
  kind: string;
  status: string;
  firNumber: string | null;
  registeredOn: string;
  state: { lgdCode: number; name: string };
  district: { lgdCode: number; name: string };
  registeringUnit: Ref;
  exploitationForms: string[];
  victimCount: number;
  accusedCount: number;
  isInterState: boolean;
  isCrossBorder: boolean;
  chargeSheetDueOn: string | null;
  chargeSheetOverdue: boolean;
  updatedAt: string;
}

export interface PlaceRef {
  lgdCode: number;
  name: string;
  stateLgd: number;
  stateName: string;
}

export interface PersonView {
  id: string;
  caseId: string;
  role: string;
  pseudonym: string;
  /** The name for accused, rescuers and complainants; null (masked) for victims and witnesses. */
  displayName: string | null;
  identityMasked: boolean;
  sex: string;
  ageYears: number | null;
  ageOn: string | null;
  ageIsEstimate: boolean;
  isChild: boolean | null;
  nationality: string;
  homeDistrict: PlaceRef | null;
  accusedRole: string | null;
  arrestStatus: string | null;
  arrestedOn: string | null;
  bailStatus: string | null;
  custodyStatus: string | null;
  rescuedOn: string | null;
}

export interface IdentityView {
  name: string;
  aliases: string[];
  dateOfBirth: string | null;
  fatherName: string | null;
  motherName: string | null;
  spouseName: string | null;
  address: string | null;
  phones: string[];
  idDocumentType: string | null;
  idNumberLast4: string | null;
  photoAttachmentId: string | null;
}

export interface RouteEventView {
  id: string;
  position: number;
  stage: string;
  placeKind: string;
  placeName: string;
  districtLgd: number | null;
  stationCode: string | null;
  borderCrossingLocode: string | null;
  countryCode: string | null;
  placeStateLgd: number | null;
  placeStateName: string | null;
  placeDistrictLgd: number | null;
  placeDistrictName: string | null;
  lat: number | null;
  lon: number | null;
  placeNote: string | null;
  occurredOn: string | null;
}

export interface StatusEvent {
  status: string;
  effectiveOn: string;
  note: string | null;
  recordedBy: string | null;
  recordedAt: string;
}

export interface CaseNote {
  id: string;
  body: string;
  author: string | null;
  unit: string | null;
  createdAt: string;
}

export interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  isIdentity: boolean;
  personId: string | null;
  description: string | null;
  uploadedAt: string;
}

export interface CaseView extends CaseListItem {
  summary: string | null;
  firDate: string | null;
  policeStation: { unitId: string | null; name: string } | null;
  investigatingOfficer: { userId: string | null; name: string } | null;
  legalSections: { code: string; title: string; titleHi: string | null; replacedBy: string | null }[];
  statusChangedOn: string;
  firstArrestOn: string | null;
  chargeSheetedOn: string | null;
  nextStatuses: string[];
  /** owner | assisting_identity | assisting | jurisdiction */
  standing: string;
  canEdit: boolean;
  version: number;
  persons: PersonView[];
  route: RouteEventView[];
  timeline: StatusEvent[];
  notes: CaseNote[];
  attachments: Attachment[];
  links: { caseId: string; reference: string; relation: string }[];
  createdAt: string;
}

export interface CaseSummary {
  openCases: number;
  myUnitOpenCases: number;
  overdueChargeSheets: number;
  dueWithin14Days: number;
  byStatus: Record<string, number>;
  deadlines: {
    id: string;
    reference: string;
    title: string;
    status: string;
    chargeSheetDueOn: string;
    /** Negative when overdue. */
    daysLeft: number;
  }[];
  recentlyUpdated: { id: string; reference: string; title: string; status: string; updatedAt: string }[];
}

export interface LegalSection {
  code: string;
  act: string;
  section: string;
  title: string;
  titleHi: string | null;
  replacedBy: string | null;
  chargeSheetDays: number;
}

export interface CaseCodes {
  legalSections: LegalSection[];
  exploitationForms: { code: string; title: string; titleHi: string }[];
  statuses: string[];
}

export interface PersonPageData {
  person: PersonView;
  case: { id: string; reference: string; title: string; status: string; standing: string };
}

export interface CaseShare {
  unitId: string;
  unitName: string;
  purpose: string;
  identityAccess: boolean;
  reason: string;
  grantedAt: string;
}

export interface BoundaryCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    id?: number | string;
    properties: { lgdCode: number; name: string; stateLgd: number };
    geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
  }[];
}
