import type { TFunction } from 'i18next';
import { isPlaceKind, isRole, isUnitKind } from '../api/types';

export function roleLabel(t: TFunction, role: string): string {
  return isRole(role) ? t(`roles.${role}`) : role;
}

export function unitKindLabel(t: TFunction, kind: string): string {
  return isUnitKind(kind) ? t(`unitKinds.${kind}`) : kind;
}

export function placeKindLabel(t: TFunction, kind: string): string {
  return isPlaceKind(kind) ? t(`placeKinds.${kind}`) : kind;
}

export function levelLabel(t: TFunction, level: string): string {
  return level === 'national' || level === 'state' || level === 'district' ? t(`levels.${level}`) : level;
}
