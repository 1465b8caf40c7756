/** Types and role lists of the capacity API: the AHTU registry and training. */
import type { Role } from './types';

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

export const AHTU_STATUSES = ['sanctioned', 'established', 'functional', 'defunct'] as const;
export type AhtuStatus = (typeof AHTU_STATUSES)[number];
export const ANSWERS = ['yes', 'partly', 'no', 'not_applicable'] as const;
export type Answer = (typeof ANSWERS)[number];
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
export const BANDS = ['functional', 'partly_functional', 'not_functional'] as const;
export const RANKS = [
  'dy_sp',
  'inspector',
  'sub_inspector',
  'assistant_sub_inspector',
  'head_constable',
  'constable',
] as const;
export const PROGRAMME_KINDS = ['tot', 'induction', 'refresher', 'specialised'] as const;
export const SERVICES = [
  'police',
  'prosecutor',
  'judicial_officer',
  'probation_officer',
  'labour_official',
  'cwc_member',
  'ngo',
  'lawyer',
] as const;
export type Service = (typeof SERVICES)[number];
export const SESSION_STATUSES = ['planned', 'held', 'cancelled'] as const;

export interface AhtuListItem {
  unitId: string;
  name: string;
  nameHi: string | null;
  state: { lgdCode: number; name: string };
  district: { lgdCode: number; name: string };
  status: AhtuStatus | null;
  latestScore: number | null;
  latestReviewOn: string | null;
  staffSanctioned: number;
  staffPosted: number;
  lat: number | null;
  lon: number | null;
}

export interface ReviewView {
  id: string;
  reviewedOn: string;
  score: number;
  band: 'functional' | 'partly_functional' | 'not_functional';
  answers: Record<string, Answer>;
  remarks: string | null;
  reviewedBy: string;
  checklistVersion: number;
}

export interface FundsView {
  financialYear: string;
  sanctioned: number;
  released: number;
  utilised: number;
  ucReceived: boolean;
  ucReceivedOn: string | null;
}

export interface AhtuView extends AhtuListItem {
  sanctionedOn: string | null;
  establishedOn: string | null;
  notes: string | null;
  updatedAt: string | null;
  staff: { rank: string; sanctioned: number; posted: number }[];
  assets: { kind: 'vehicle' | 'equipment'; item: string; quantity: number; working: number }[];
  reviews: ReviewView[];
  funds: FundsView[];
  canKeep: boolean;
  canOversee: boolean;
}

export interface Checklist {
  version: number;
  items: { key: string; weight: number }[];
  answers: Answer[];
  ranks: string[];
}

export interface Scorecard {
  stateLgd: number | null;
  stateName: string;
  units: number;
  byStatus: Record<AhtuStatus | 'not_recorded', number>;
  reviewed: number;
  averageScore: number | null;
  staffSanctioned: number;
  staffPosted: number;
  staffingPercent: number | null;
}

export interface FundTotal {
  stateLgd: number;
  stateName: string;
  financialYear: string;
  units: number;
  sanctioned: number;
  released: number;
  utilised: number;
  ucReceived: number;
  ucPending: number;
}

export interface Programme {
  id: string;
  kind: string;
  title: string;
  description: string | null;
  stateLgd: number | null;
  stateName: string | null;
  sessions: number;
  createdAt: string;
}

export interface SessionItem {
  id: string;
  programme: { id: string; kind: string; title: string };
  unit: { id: string; name: string };
  stateLgd: number;
  stateName: string;
  districtLgd: number | null;
  districtName: string | null;
  startsOn: string;
  endsOn: string;
  place: string;
  status: string;
  participants: number;
  attended: number;
  trainers: { userId: string | null; name: string }[];
}

export interface Attendance {
  participant: {
    id: string;
    name: string;
    service: string;
    designation: string | null;
    unitName: string | null;
  };
  attended: boolean;
  preScore: number | null;
  postScore: number | null;
  certificateCode: string | null;
  certificateIssuedAt: string | null;
}

export interface SessionDetail extends SessionItem {
  attendance: Attendance[];
  averagePre: number | null;
  averagePost: number | null;
  canManage: boolean;
}

export interface Participant {
  id: string;
  name: string;
  service: string;
  designation: string | null;
  unit: { id: string; name: string } | null;
  stateLgd: number;
  stateName: string;
  districtLgd: number | null;
  districtName: string | null;
  isSetuUser: boolean;
  sessionsAttended: number;
  lastTrainedOn: string | null;
}

export interface DueItem {
  participant: { id: string; name: string; service: string; designation: string | null };
  unit: { id: string; name: string } | null;
  stateName: string;
  districtName: string | null;
  lastTrainedOn: string;
  lastProgramme: string;
  dueOn: string;
  daysOverdue: number;
}

export interface DueList {
  asOf: string;
  items: DueItem[];
  total: number;
  byUnit: { unitId: string | null; unitName: string; due: number }[];
}

export interface Coverage {
  since: string | null;
  trained: number;
  byService: Record<string, number>;
  targets: {
    id: string;
    stateLgd: number | null;
    stateName: string | null;
    districtLgd: number | null;
    districtName: string | null;
    service: string | null;
    target: number;
    trained: number;
    percent: number;
    remaining: number;
  }[];
  districts: {
    stateLgd: number;
    stateName: string;
    districtLgd: number | null;
    districtName: string | null;
    byService: Record<string, number>;
    total: number;
  }[];
}

export interface PublicCertificate {
  name: string;
  programme: string;
  date: string;
}
