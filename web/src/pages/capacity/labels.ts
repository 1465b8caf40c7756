import type { TFunction } from 'i18next';
import {
  AHTU_STATUSES,
  ANSWERS,
  BANDS,
  CHECKLIST_KEYS,
  PROGRAMME_KINDS,
  RANKS,
  SERVICES,
  SESSION_STATUSES,
} from '../../api/capacity';

const one = <K extends string>(keys: readonly K[], value: string): value is K =>
  (keys as readonly string[]).includes(value);

export function ahtuStatusLabel(t: TFunction, status: string | null): string {
  const value = status ?? 'not_recorded';
  return one([...AHTU_STATUSES, 'not_recorded'] as const, value) ? t(`capacity.status.${value}`) : value;
}

export const rankLabel = (t: TFunction, rank: string) =>
  one(RANKS, rank) ? t(`capacity.rank.${rank}`) : rank;
export const checklistLabel = (t: TFunction, key: string) =>
  one(CHECKLIST_KEYS, key) ? t(`capacity.checklist.${key}`) : key;
export const answerLabel = (t: TFunction, answer: string) =>
  one(ANSWERS, answer) ? t(`capacity.answer.${answer}`) : answer;
export const bandLabel = (t: TFunction, band: string) =>
  one(BANDS, band) ? t(`capacity.band.${band}`) : band;
export const sessionStatusLabel = (t: TFunction, status: string) =>
  one(SESSION_STATUSES, status) ? t(`capacity.sessionStatus.${status}`) : status;
export const assetKindLabel = (t: TFunction, kind: string) =>
  kind === 'vehicle' || kind === 'equipment' ? t(`capacity.assetKind.${kind}`) : kind;
export const serviceLabel = (t: TFunction, service: string) =>
  one(SERVICES, service) ? t(`capacity.service.${service}`) : service;
export const programmeKindLabel = (t: TFunction, kind: string) =>
  one(PROGRAMME_KINDS, kind) ? t(`capacity.programmeKind.${kind}`) : kind;

export function statusTone(status: string | null): 'good' | 'bad' | 'neutral' {
  if (status === 'functional') return 'good';
  if (status === 'defunct') return 'bad';
  return 'neutral';
}

export function bandTone(score: number | null): 'good' | 'bad' | 'neutral' {
  if (score === null) return 'neutral';
  if (score >= 70) return 'good';
  if (score < 40) return 'bad';
  return 'neutral';
}

/** Rupees in the Indian grouping (12,00,000). */
export function formatRupees(amount: number, language: string): string {
  return `₹${new Intl.NumberFormat(language === 'hi' ? 'hi-IN' : 'en-IN', { maximumFractionDigits: 0 }).format(amount)}`;
}

export function percent(value: number | null, language: string): string {
  if (value === null) return '—';
  return `${new Intl.NumberFormat(language === 'hi' ? 'hi-IN' : 'en-IN', { maximumFractionDigits: 1 }).format(value)}%`;
}

/** Today's date in India, YYYY-MM-DD. */
export function todayInIndia(): string {
  return new Date(Date.now() + 330 * 60_000).toISOString().slice(0, 10);
}
