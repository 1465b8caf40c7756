import type { TFunction } from 'i18next';
import type { DistrictRole, HubRow, MixRow } from '../../api/analytics';

export const roleLabel = (t: TFunction, role: DistrictRole) => t(`analytics.role.${role}`);
export const sexLabel = (t: TFunction, sex: string) =>
  sex === 'female' || sex === 'male' || sex === 'transgender'
    ? t(`analytics.sex.${sex}`)
    : t('analytics.sex.unknown');
export const ageLabel = (t: TFunction, band: string) =>
  band === 'unknown' ? t('analytics.ageUnknown') : band;
export const hubKindLabel = (t: TFunction, kind: HubRow['kind']) => t(`analytics.hubKind.${kind}`);
export const formTitle = (row: MixRow, language: string) => (language === 'hi' ? row.titleHi : row.title);
/** A corridor end: a district with its State, or a foreign country. */
export const placeLabel = (name: string, stateName: string | null) =>
  stateName ? `${name} (${stateName})` : name;
