/**
 * The shapes the Setu API returns, as the web app uses them. Response and request types are aliases of
 * web/src/api/generated/openapi.ts (generated from the server's OpenAPI document: `npm run generate:api`).
 * Code lists the pages iterate at run time stay here, but each is checked against the server's union:
 * `satisfies` rejects a code the server does not know, `AssertNone<MissingCodes<…>>` one it added.
 */
import type { ApiQuery, ApiRequestBody, ApiResponse, AssertNone, MissingCodes } from './client';

type CaseQuery = ApiQuery<'/api/cases'>;
type NewCase = ApiRequestBody<'/api/cases'>;
type NewPerson = ApiRequestBody<'/api/cases/{id}/persons'>;
type NewRouteEvent = ApiRequestBody<'/api/cases/{id}/route', 'put'>['events'][number];

export type Role = ApiRequestBody<'/api/users'>['role'];
export const ROLES = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'liaison_officer',
  'ngo_caseworker',
  'trainer',
  'auditor',
  'system_admin',
] as const satisfies readonly Role[];
type _Roles = AssertNone<MissingCodes<Role, typeof ROLES>>;

export type UnitKind = ApiRequestBody<'/api/units'>['kind'];
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
] as const satisfies readonly UnitKind[];
type _UnitKinds = AssertNone<MissingCodes<UnitKind, typeof UNIT_KINDS>>;

export type PlaceKind = Place['kind'];
export const PLACE_KINDS = [
  'state',
  'district',
  'subdistrict',
  'station',
  'border_crossing',
] as const satisfies readonly PlaceKind[];
type _PlaceKinds = AssertNone<MissingCodes<PlaceKind, typeof PLACE_KINDS>>;

export type JurisdictionLevel = Me['jurisdiction']['level'];

export type Me = ApiResponse<'/api/auth/me'>;
export type SignInStep = LoginResponse['next'];
export type LoginResponse = ApiResponse<'/api/auth/login', 'post'>;
export type MfaEnrolmentStart = ApiResponse<'/api/auth/mfa/enrolment', 'post'>;
export type MfaEnrolmentConfirmed = ApiResponse<'/api/auth/mfa/enrolment/confirm', 'post'>;

/** The envelope of every paginated list. */
export interface Page<T> {
  items: T[];
  total: number;
}

export type Unit = ApiResponse<'/api/units/{id}'>;
export type State = ApiResponse<'/api/reference/states'>[number];
export type Place = ApiResponse<'/api/reference/places'>[number];
export type UserRow = ApiResponse<'/api/users'>['items'][number];
export type NewUser = ApiRequestBody<'/api/users'>;

type AuditOutcome = NonNullable<ApiQuery<'/api/audit'>['outcome']>;
export const AUDIT_OUTCOMES = ['success', 'refused', 'failed'] as const satisfies readonly AuditOutcome[];
type _AuditOutcomes = AssertNone<MissingCodes<AuditOutcome, typeof AUDIT_OUTCOMES>>;

export type AuditRow = ApiResponse<'/api/audit'>['items'][number];
export type AuditVerification = ApiResponse<'/api/audit/verify', 'post'>;
export type DataSource = ApiResponse<'/api/reference/sources'>[number];
export type DistrictDetail = ApiResponse<'/api/reference/districts/{lgdCode}'>;

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

export type CaseKind = NewCase['kind'];
export const CASE_KINDS = [
  'fir',
  'rescue_operation',
  'interception',
  'complaint',
  'missing_person_linked',
] as const satisfies readonly CaseKind[];
type _CaseKinds = AssertNone<MissingCodes<CaseKind, typeof CASE_KINDS>>;

export type CaseStatus = NonNullable<CaseQuery['status']>[number];
export const CASE_STATUSES = [
  'registered',
  'under_investigation',
  'charge_sheeted',
  'on_trial',
  'convicted',
  'acquitted',
  'discharged',
  'closed_final_report',
] as const satisfies readonly CaseStatus[];
type _CaseStatuses = AssertNone<MissingCodes<CaseStatus, typeof CASE_STATUSES>>;

export type ExploitationForm = NonNullable<CaseQuery['form']>;
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
] as const satisfies readonly ExploitationForm[];
type _ExploitationForms = AssertNone<MissingCodes<ExploitationForm, typeof EXPLOITATION_FORMS>>;

export type PersonRole = NewPerson['role'];
export const PERSON_ROLES = [
  'victim',
  'accused',
  'rescuer',
  'witness',
  'complainant',
] as const satisfies readonly PersonRole[];
type _PersonRoles = AssertNone<MissingCodes<PersonRole, typeof PERSON_ROLES>>;
export type Sex = NonNullable<NewPerson['sex']>;
export const SEXES = ['female', 'male', 'transgender', 'unknown'] as const satisfies readonly Sex[];
type _Sexes = AssertNone<MissingCodes<Sex, typeof SEXES>>;
export type AccusedRole = NonNullable<NewPerson['accusedRole']>;
export const ACCUSED_ROLES = [
  'recruiter',
  'transporter',
  'harbourer',
  'buyer',
  'exploiter',
  'financier',
  'other',
] as const satisfies readonly AccusedRole[];
type _AccusedRoles = AssertNone<MissingCodes<AccusedRole, typeof ACCUSED_ROLES>>;
export type ArrestStatus = NonNullable<NewPerson['arrestStatus']>;
export const ARREST_STATUSES = [
  'not_arrested',
  'arrested',
  'absconding',
  'surrendered',
] as const satisfies readonly ArrestStatus[];
type _ArrestStatuses = AssertNone<MissingCodes<ArrestStatus, typeof ARREST_STATUSES>>;
export type BailStatus = NonNullable<NewPerson['bailStatus']>;
export const BAIL_STATUSES = [
  'not_applied',
  'granted',
  'rejected',
  'cancelled',
] as const satisfies readonly BailStatus[];
type _BailStatuses = AssertNone<MissingCodes<BailStatus, typeof BAIL_STATUSES>>;
export type CustodyStatus = NonNullable<NewPerson['custodyStatus']>;
export const CUSTODY_STATUSES = [
  'police',
  'judicial',
  'released',
  'none',
] as const satisfies readonly CustodyStatus[];
type _CustodyStatuses = AssertNone<MissingCodes<CustodyStatus, typeof CUSTODY_STATUSES>>;
export type IdDocumentType = NonNullable<NewPerson['idDocumentType']>;
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
] as const satisfies readonly IdDocumentType[];
type _IdDocumentTypes = AssertNone<MissingCodes<IdDocumentType, typeof ID_DOCUMENT_TYPES>>;
export type RouteStage = NewRouteEvent['stage'];
export const ROUTE_STAGES = [
  'recruitment',
  'transit',
  'exploitation',
  'rescue',
] as const satisfies readonly RouteStage[];
type _RouteStages = AssertNone<MissingCodes<RouteStage, typeof ROUTE_STAGES>>;
export type RoutePlaceKind = NewRouteEvent['placeKind'];
export const ROUTE_PLACE_KINDS = [
  'district',
  'station',
  'border_crossing',
  'foreign_country',
] as const satisfies readonly RoutePlaceKind[];
type _RoutePlaceKinds = AssertNone<MissingCodes<RoutePlaceKind, typeof ROUTE_PLACE_KINDS>>;
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
export type SharePurpose = ApiRequestBody<'/api/cases/{id}/shares'>['purpose'];
export const SHARE_PURPOSES = [
  'assisting',
  'referral',
  'investigation_transfer',
] as const satisfies readonly SharePurpose[];
type _SharePurposes = AssertNone<MissingCodes<SharePurpose, typeof SHARE_PURPOSES>>;
export type CaseSort = NonNullable<CaseQuery['sort']>;
export const CASE_SORTS = [
  '-updated_at',
  'updated_at',
  '-registered_on',
  'registered_on',
  'charge_sheet_due_on',
  'reference',
] as const satisfies readonly CaseSort[];
type _CaseSorts = AssertNone<MissingCodes<CaseSort, typeof CASE_SORTS>>;

export interface Ref {
  id: string;
  name: string;
}

export type CaseListItem = ApiResponse<'/api/cases'>['items'][number];
export type CaseView = ApiResponse<'/api/cases/{id}'>;
export type PersonView = CaseView['persons'][number];
export type PlaceRef = NonNullable<PersonView['homeDistrict']>;
export type IdentityView = ApiResponse<'/api/persons/{id}/reveal', 'post'>;
export type RouteEventView = CaseView['route'][number];
export type StatusEvent = CaseView['timeline'][number];
export type CaseNote = CaseView['notes'][number];
export type Attachment = CaseView['attachments'][number];
export type CaseSummary = ApiResponse<'/api/cases/summary'>;
export type CaseCodes = ApiResponse<'/api/cases/codes'>;
export type LegalSection = CaseCodes['legalSections'][number];
export type PersonPageData = ApiResponse<'/api/persons/{id}'>;
export type CaseShare = ApiResponse<'/api/cases/{id}/shares'>[number];

export type BoundaryCollection = ApiResponse<'/api/reference/boundaries'>;
