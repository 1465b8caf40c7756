/** Types and role lists of the coordination pages: conferences, compendium, campaigns and the tip line. */
import type { TFunction } from 'i18next';
import { hasRole, type Me, type Role } from './types';

export const CONFERENCE_READER_ROLES: readonly Role[] = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'liaison_officer',
  'trainer',
  'auditor',
];
export const CONFERENCE_PROPOSER_ROLES: readonly Role[] = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'trainer',
];
export const PRACTICE_SUBMITTER_ROLES: readonly Role[] = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'liaison_officer',
  'ngo_caseworker',
  'trainer',
];
export const CAMPAIGN_READER_ROLES = CONFERENCE_READER_ROLES;
export const CAMPAIGN_WRITER_ROLES: readonly Role[] = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
];
export const TIP_READER_ROLES: readonly Role[] = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'liaison_officer',
  'auditor',
];

export const CONFERENCE_KINDS = ['state_conference', 'judicial_colloquium'] as const;
export const CONFERENCE_STATUSES = ['proposed', 'approved', 'returned', 'held', 'closed'] as const;
export const FUNDERS = ['mha', 'state', 'other'] as const;
export type Funder = (typeof FUNDERS)[number];
export const PARTICIPANT_CATEGORIES = [
  'high_court_judges',
  'sessions_judges',
  'public_prosecutors',
  'police_officers',
  'district_nodal_officers',
  'labour_officials',
  'cwc_members',
  'probation_officers',
  'ngo_civil_society',
  'lawyers',
  'other',
] as const;
export const PRACTICE_CATEGORIES = [
  'prevention',
  'rescue',
  'investigation',
  'prosecution',
  'rehabilitation',
  'technology',
] as const;
export const MEDIA = ['fm_radio', 'tv', 'newspaper', 'social_media', 'transit_placards'] as const;
export const TIP_STATUSES = ['new', 'triaged', 'forwarded', 'actioned', 'dismissed'] as const;
export const MHA_CAP_RUPEES = 200_000;

export interface ConferenceActionItem {
  id: string;
  conference: { id: string; title: string };
  resolutionId: string | null;
  stateLgd: number;
  title: string;
  owner: { unitId: string; name: string };
  dueOn: string;
  status: string;
  overdue: boolean;
  doneAt: string | null;
  note: string | null;
  canUpdate: boolean;
}

export interface ConferenceListItem {
  id: string;
  state: { lgdCode: number; name: string };
  kind: string;
  title: string;
  venue: string | null;
  startsOn: string;
  endsOn: string;
  status: string;
  mhaSupportRupees: number;
  totalBudgetRupees: number;
  proposedBy: { unitId: string; name: string };
  actionItems: { open: number; overdue: number; done: number };
}

export interface ConferenceView extends ConferenceListItem {
  objectives: string | null;
  decisionNote: string | null;
  decidedAt: string | null;
  outcomeSummary: string | null;
  mhaCapRupees: number;
  budgetLines: { id: string; position: number; item: string; amountRupees: number; fundedBy: string }[];
  participants: { category: string; planned: number; attended: number | null }[];
  resolutions: { id: string; position: number; text: string }[];
  actionItemList: ConferenceActionItem[];
  allowedActions: string[];
  canEdit: boolean;
  canRecord: boolean;
}

export interface PracticeListItem {
  id: string;
  category: string;
  language: string;
  title: string;
  summary: string;
  state: { lgdCode: number; name: string };
  unit: { id: string; name: string };
  status: string;
  publishedAt: string | null;
  attachments: number;
}

export interface PracticeView extends PracticeListItem {
  body: string;
  outcomes: string | null;
  reviewNote: string | null;
  createdAt: string;
  attachmentList: {
    id: string;
    fileName: string;
    contentType: string;
    sizeBytes: number;
    sha256: string;
    uploadedAt: string;
  }[];
  canReview: boolean;
  canEdit: boolean;
}

export interface Campaign {
  id: string;
  title: string;
  medium: string;
  state: { lgdCode: number; name: string };
  district: { lgdCode: number; name: string };
  station: { code: string; name: string } | null;
  unit: { id: string; name: string };
  startsOn: string;
  endsOn: string;
  reach: number;
  languages: string[];
  notes: string | null;
}

export interface MapDistrict {
  districtLgd: number;
  name: string;
  stateLgd: number;
  stateName: string;
  lat: number | null;
  lon: number | null;
  campaigns: number;
  reach: number;
  media: string[];
  recruitmentEvents: number;
  vulnerable: boolean;
  uncovered: boolean;
}

export interface TipListItem {
  id: string;
  reference: string;
  state: { lgdCode: number; name: string };
  district: { lgdCode: number; name: string };
  routedUnit: { id: string; name: string };
  forwardedTo: { id: string; name: string } | null;
  status: string;
  excerpt: string;
  hasContact: boolean;
  receivedAt: string;
}

export interface TipView extends TipListItem {
  whatSeen: string;
  placeDetail: string | null;
  seenAt: string | null;
  contact: string | null;
  language: string;
  triageNote: string | null;
  history: {
    at: string;
    fromStatus: string | null;
    toStatus: string;
    note: string | null;
    by: string | null;
  }[];
  allowedStatuses: string[];
}

export interface PublicPlace {
  districtLgd: number;
  district: string;
  state: string;
  label: string;
}

export interface PublicTipReceipt {
  received: boolean;
  reference: string | null;
  routedTo: string | null;
}

/** Rupees as Indians write them (2,00,000). */
export function formatRupees(value: number): string {
  return `₹${new Intl.NumberFormat('en-IN').format(value)}`;
}

/** The coordination pages in the navigation, as far as the role may open them. */
export function coordinationNavItems(me: Me, t: TFunction): { to: string; label: string }[] {
  const items: { to: string; label: string }[] = [];
  if (hasRole(me, CONFERENCE_READER_ROLES))
    items.push({ to: '/coordination/conferences', label: t('coordination.nav.conferences') });
  items.push({ to: '/coordination/compendium', label: t('coordination.nav.compendium') });
  if (hasRole(me, CAMPAIGN_READER_ROLES))
    items.push({ to: '/coordination/campaigns', label: t('coordination.nav.campaigns') });
  if (hasRole(me, TIP_READER_ROLES))
    items.push({ to: '/coordination/tips', label: t('coordination.nav.tips') });
  return items;
}
