/** Rescue to restoration as the web app uses it: missing and found persons, match candidates, restorations, drives, care. */
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

export interface PlaceView {
  districtLgd: number;
  districtName: string;
  stateLgd: number;
  stateName: string;
}
interface Ref {
  id: string;
  name: string;
}

interface Common {
  id: string;
  reference: string;
  pseudonym: string;
  identityMasked: true;
  sex: string;
  ageYears: number | null;
  ageOn: string | null;
  isChild: boolean | null;
  language: string | null;
  registeredIn: PlaceView;
  registeringUnit: Ref;
  openCandidates: number;
  confirmedMatch: { candidateId: string; otherId: string; otherReference: string } | null;
  version: number;
  /** The server's word on whether you may PATCH this record. */
  canEdit: boolean;
}

export interface MissingReport extends Common {
  policeStation: string | null;
  gdNumber: string | null;
  reportedOn: string;
  lastSeenOn: string;
  lastSeenIn: PlaceView;
  lastSeenPlace: string | null;
  circumstances: string | null;
  status: 'missing' | 'traced' | 'closed';
  statusChangedOn: string;
}

export interface FoundPerson extends Common {
  foundKind: 'rescued' | 'intercepted' | 'unidentified';
  foundOn: string;
  foundIn: PlaceView;
  foundPlace: string | null;
  caseId: string | null;
  driveId: string | null;
  placement: Ref | null;
  placedOn: string | null;
  cwc: Ref | null;
  cwcOrderNumber: string | null;
  cwcOrderOn: string | null;
  status: 'in_care' | 'restored' | 'transferred' | 'closed';
  statusChangedOn: string;
  carePlanId: string | null;
}

export interface TracingIdentity {
  name: string | null;
  aliases: string[];
  dateOfBirth: string | null;
  fatherName: string | null;
  motherName: string | null;
  address: string | null;
  phones: string[];
  photo: string | null;
}

export interface SideSummary {
  id: string;
  reference: string;
  pseudonym: string;
  sex: string;
  ageYears: number | null;
  ageOn: string | null;
  language: string | null;
  on: string;
  place: PlaceView;
  unit: Ref;
  status: string;
}

export interface Explained {
  field: string;
  level: string;
  weight: number;
}

export interface MatchCandidate {
  id: string;
  status: 'proposed' | 'confirmed' | 'rejected' | 'withdrawn';
  probability: number;
  weight: number;
  explanation: Explained[];
  missing: SideSummary | null;
  found: SideSummary | null;
  reviewNote: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  restorationId: string | null;
}

export interface Restoration {
  id: string;
  candidateId: string;
  status: string;
  missing: SideSummary | null;
  found: SideSummary | null;
  homeUnit: Ref;
  verificationRequest: { id: string; reference: string; status: string } | null;
  verification: string;
  verifiedOn: string | null;
  verificationNote: string | null;
  cwc: Ref | null;
  cwcOrderNumber: string | null;
  cwcOrderOn: string | null;
  handedOverOn: string | null;
  handedOverTo: string | null;
  handoverPlace: string | null;
  escortName: string | null;
  followUpDueOn: string | null;
  followUps: { visitedOn: string; outcome: string; note: string | null }[];
  canVerify: boolean;
  canAct: boolean;
}

export interface Drive {
  id: string;
  name: string;
  stateLgd: number | null;
  startsOn: string;
  endsOn: string;
  units: Ref[];
}

interface Counts {
  found: number;
  children: number;
  traced: number;
  restored: number;
}
export interface DriveDashboard {
  drive: Drive;
  totals: Counts;
  districts: (Counts & { districtLgd: number; districtName: string; stateName: string })[];
}

export interface CarePlanListItem {
  id: string;
  foundId: string;
  reference: string;
  pseudonym: string;
  sex: string;
  ageYears: number | null;
  ownerUnit: string;
  openReferrals: number;
  latestRisk: string | null;
}

export interface CareReferral {
  id: string;
  toUnit: Ref;
  fromUnit: Ref;
  services: string[];
  note: string | null;
  status: string;
  declineReason: string | null;
  createdAt: string;
  respondedAt: string | null;
  mine: boolean;
}

export interface CareEvent {
  id: string;
  kind: string;
  occurredOn: string;
  serviceKind: string | null;
  compensationStage: string | null;
  amountInr: number | null;
  authority: Ref | null;
  repatriationStage: string | null;
  toStateLgd: number | null;
  toCountry: string | null;
  escortName: string | null;
  handedOverTo: string | null;
  riskLevel: string | null;
  riskFlags: string[];
  note: string | null;
  recordedBy: string | null;
}

export interface CarePlan {
  id: string;
  found: {
    id: string;
    reference: string;
    pseudonym: string;
    sex: string;
    ageYears: number | null;
    status: string;
  };
  ownerUnit: Ref;
  shelter: string | null;
  medical: string | null;
  counselling: string | null;
  legalAid: string | null;
  educationSkills: string | null;
  consentTracing: boolean | null;
  consentSharing: boolean | null;
  consentGivenBy: string | null;
  consentRecordedOn: string | null;
  bondedLabourCertificateNumber: string | null;
  bondedLabourCertificateOn: string | null;
  bondedLabourCertificateBy: string | null;
  followUpUntil: string | null;
  compensation: string | null;
  latestRisk: string | null;
  referrals: CareReferral[];
  events: CareEvent[];
  canEdit: boolean;
}

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
