/**
 * The shapes the Setu API returns, as the web app uses them. Response and request types are aliases of
 * web/src/api/generated/openapi.ts (generated from the server's OpenAPI document: `npm run generate:api`).
 * Code lists the pages iterate at run time stay here, each checked both ways against the server's union
 * by `allCodes` (client.ts).
 */
import type { ApiQuery, ApiRequestBody, ApiResponse } from './client';
import { allCodes } from './client';

type CaseQuery = ApiQuery<'/api/cases'>;
type NewCase = ApiRequestBody<'/api/cases'>;
type NewPerson = ApiRequestBody<'/api/cases/{id}/persons'>;
type NewRouteEvent = ApiRequestBody<'/api/cases/{id}/route', 'put'>['events'][number];

export type Role = ApiRequestBody<'/api/users'>['role'];
export const ROLES = allCodes<Role>()([
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'liaison_officer',
  'ngo_caseworker',
  'trainer',
  'auditor',
  'system_admin',
]);

export type UnitKind = ApiRequestBody<'/api/units'>['kind'];
export const UNIT_KINDS = allCodes<UnitKind>()([
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
]);

export type PlaceKind = Place['kind'];
export const PLACE_KINDS = allCodes<PlaceKind>()([
  'state',
  'district',
  'subdistrict',
  'station',
  'border_crossing',
]);

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
export const AUDIT_OUTCOMES = allCodes<AuditOutcome>()(['success', 'refused', 'failed']);

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
export const CASE_KINDS = allCodes<CaseKind>()([
  'fir',
  'rescue_operation',
  'interception',
  'complaint',
  'missing_person_linked',
]);

export type CaseStatus = NonNullable<CaseQuery['status']>[number];
export const CASE_STATUSES = allCodes<CaseStatus>()([
  'registered',
  'under_investigation',
  'charge_sheeted',
  'on_trial',
  'convicted',
  'acquitted',
  'discharged',
  'closed_final_report',
]);

export type ExploitationForm = NonNullable<CaseQuery['form']>;
export const EXPLOITATION_FORMS = allCodes<ExploitationForm>()([
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
]);

export type PersonRole = NewPerson['role'];
export const PERSON_ROLES = allCodes<PersonRole>()([
  'victim',
  'accused',
  'rescuer',
  'witness',
  'complainant',
]);
export type Sex = NonNullable<NewPerson['sex']>;
export const SEXES = allCodes<Sex>()(['female', 'male', 'transgender', 'unknown']);
export type AccusedRole = NonNullable<NewPerson['accusedRole']>;
export const ACCUSED_ROLES = allCodes<AccusedRole>()([
  'recruiter',
  'transporter',
  'harbourer',
  'buyer',
  'exploiter',
  'financier',
  'other',
]);
export type ArrestStatus = NonNullable<NewPerson['arrestStatus']>;
export const ARREST_STATUSES = allCodes<ArrestStatus>()([
  'not_arrested',
  'arrested',
  'absconding',
  'surrendered',
]);
export type BailStatus = NonNullable<NewPerson['bailStatus']>;
export const BAIL_STATUSES = allCodes<BailStatus>()(['not_applied', 'granted', 'rejected', 'cancelled']);
export type CustodyStatus = NonNullable<NewPerson['custodyStatus']>;
export const CUSTODY_STATUSES = allCodes<CustodyStatus>()(['police', 'judicial', 'released', 'none']);
export type IdDocumentType = NonNullable<NewPerson['idDocumentType']>;
export const ID_DOCUMENT_TYPES = allCodes<IdDocumentType>()([
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
]);
export type RouteStage = NewRouteEvent['stage'];
export const ROUTE_STAGES = allCodes<RouteStage>()(['recruitment', 'transit', 'exploitation', 'rescue']);
export type RoutePlaceKind = NewRouteEvent['placeKind'];
export const ROUTE_PLACE_KINDS = allCodes<RoutePlaceKind>()([
  'district',
  'station',
  'border_crossing',
  'foreign_country',
]);
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
export const SHARE_PURPOSES = allCodes<SharePurpose>()(['assisting', 'referral', 'investigation_transfer']);
export type CaseSort = NonNullable<CaseQuery['sort']>;
export const CASE_SORTS = allCodes<CaseSort>()([
  '-updated_at',
  'updated_at',
  '-registered_on',
  'registered_on',
  'charge_sheet_due_on',
  'reference',
]);

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
