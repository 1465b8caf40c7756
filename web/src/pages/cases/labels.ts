import type { TFunction } from 'i18next';
import {
  ACCUSED_ROLES,
  ARREST_STATUSES,
  BAIL_STATUSES,
  CASE_KINDS,
  CASE_SORTS,
  CASE_STATUSES,
  CUSTODY_STATUSES,
  EXPLOITATION_FORMS,
  FOREIGN_COUNTRIES,
  ID_DOCUMENT_TYPES,
  PERSON_ROLES,
  ROUTE_PLACE_KINDS,
  ROUTE_STAGES,
  SEXES,
  SHARE_PURPOSES,
} from '../../api/types';

/** True when `value` is one of `list` (narrows it for typed translation keys). */
export function oneOf<T extends string>(list: readonly T[], value: string | null | undefined): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

// Each code list has its own translated group; an unknown code (a newer server) shows as it is.
export const statusLabel = (t: TFunction, v: string) => (oneOf(CASE_STATUSES, v) ? t(`caseStatus.${v}`) : v);
export const kindLabel = (t: TFunction, v: string) => (oneOf(CASE_KINDS, v) ? t(`caseKind.${v}`) : v);
export const formLabel = (t: TFunction, v: string) =>
  oneOf(EXPLOITATION_FORMS, v) ? t(`exploitation.${v}`) : v;
export const personRoleLabel = (t: TFunction, v: string) =>
  oneOf(PERSON_ROLES, v) ? t(`personRole.${v}`) : v;
export const sexLabel = (t: TFunction, v: string) => (oneOf(SEXES, v) ? t(`sex.${v}`) : v);
export const accusedRoleLabel = (t: TFunction, v: string) =>
  oneOf(ACCUSED_ROLES, v) ? t(`accusedRole.${v}`) : v;
export const arrestLabel = (t: TFunction, v: string) =>
  oneOf(ARREST_STATUSES, v) ? t(`arrestStatus.${v}`) : v;
export const bailLabel = (t: TFunction, v: string) => (oneOf(BAIL_STATUSES, v) ? t(`bailStatus.${v}`) : v);
export const custodyLabel = (t: TFunction, v: string) =>
  oneOf(CUSTODY_STATUSES, v) ? t(`custodyStatus.${v}`) : v;
export const idDocumentLabel = (t: TFunction, v: string) =>
  oneOf(ID_DOCUMENT_TYPES, v) ? t(`idDocument.${v}`) : v;
export const stageLabel = (t: TFunction, v: string) => (oneOf(ROUTE_STAGES, v) ? t(`routeStage.${v}`) : v);
export const routePlaceKindLabel = (t: TFunction, v: string) =>
  oneOf(ROUTE_PLACE_KINDS, v) ? t(`routePlaceKind.${v}`) : v;
export const countryLabel = (t: TFunction, v: string) =>
  v === 'IN' ? t('country.IN') : oneOf(FOREIGN_COUNTRIES, v) ? t(`country.${v}`) : v;
export const sharePurposeLabel = (t: TFunction, v: string) =>
  oneOf(SHARE_PURPOSES, v) ? t(`sharePurpose.${v}`) : v;
export const sortLabel = (t: TFunction, v: string) => (oneOf(CASE_SORTS, v) ? t(`caseSort.${v}`) : v);

export const LINK_RELATIONS = [
  'same_network',
  'same_accused',
  'same_victim',
  'follow_up',
  'transferred',
  'related',
] as const;
export const linkRelationLabel = (t: TFunction, v: string) =>
  oneOf(LINK_RELATIONS, v) ? t(`linkRelation.${v}`) : v;

/** Badge colours by status: open work in blues, outcomes in green/orange, closed in grey. */
export function statusColour(status: string): string {
  switch (status) {
    case 'registered':
      return 'blue';
    case 'under_investigation':
      return 'indigo';
    case 'charge_sheeted':
      return 'violet';
    case 'on_trial':
      return 'grape';
    case 'convicted':
      return 'teal';
    case 'acquitted':
      return 'orange';
    default:
      return 'gray';
  }
}

/** The statuses a case is still being worked in (the home page's "open cases"). */
export const OPEN_STATUSES = ['registered', 'under_investigation', 'charge_sheeted', 'on_trial'] as const;
