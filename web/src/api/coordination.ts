/**
 * Types and role lists of the coordination pages: conferences, compendium, campaigns and the tip line.
 * Response types are aliases of the generated API types; code lists are checked against the server's unions.
 */
import type { TFunction } from 'i18next';
import type { ApiQuery, ApiRequestBody, ApiResponse } from './client';
import { allCodes } from './client';
import { hasRole, type Me, type Role } from './types';

type NewConference = ApiRequestBody<'/api/conferences'>;

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

export type ConferenceKind = NewConference['kind'];
export const CONFERENCE_KINDS = allCodes<ConferenceKind>()(['state_conference', 'judicial_colloquium']);
export type ConferenceStatus = NonNullable<ApiQuery<'/api/conferences'>['status']>;
export const CONFERENCE_STATUSES = allCodes<ConferenceStatus>()([
  'proposed',
  'approved',
  'returned',
  'held',
  'closed',
]);
export type Funder = NewConference['budgetLines'][number]['fundedBy'];
export const FUNDERS = allCodes<Funder>()(['mha', 'state', 'other']);
export type ParticipantCategory = NonNullable<NewConference['participants']>[number]['category'];
export const PARTICIPANT_CATEGORIES = allCodes<ParticipantCategory>()([
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
]);
export type PracticeCategory = ApiRequestBody<'/api/compendium'>['category'];
export const PRACTICE_CATEGORIES = allCodes<PracticeCategory>()([
  'prevention',
  'rescue',
  'investigation',
  'prosecution',
  'rehabilitation',
  'technology',
]);
export type Medium = ApiRequestBody<'/api/campaigns'>['medium'];
export const MEDIA = allCodes<Medium>()(['fm_radio', 'tv', 'newspaper', 'social_media', 'transit_placards']);
export type TipStatus = NonNullable<ApiQuery<'/api/tips'>['status']>;
export const TIP_STATUSES = allCodes<TipStatus>()(['new', 'triaged', 'forwarded', 'actioned', 'dismissed']);
export const MHA_CAP_RUPEES = 200_000;

export type ConferenceActionItem = ApiResponse<'/api/conferences/action-items'>['items'][number];
export type ConferenceListItem = ApiResponse<'/api/conferences'>['items'][number];
export type ConferenceView = ApiResponse<'/api/conferences/{id}'>;
export type PracticeListItem = ApiResponse<'/api/compendium'>['items'][number];
export type PracticeView = ApiResponse<'/api/compendium/{id}'>;
export type Campaign = ApiResponse<'/api/campaigns'>['items'][number];
export type MapDistrict = ApiResponse<'/api/campaigns/map'>['districts'][number];
export type TipListItem = ApiResponse<'/api/tips'>['items'][number];
export type TipView = ApiResponse<'/api/tips/{id}'>;
export type PublicPlace = ApiResponse<'/api/public/places'>[number];
export type PublicTipReceipt = ApiResponse<'/api/public/tips', 'post', 201>;

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
