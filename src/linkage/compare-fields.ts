/**
 * Comparators for dates and ages, sex, place, address, phone and identity numbers. Each returns the
 * index of a discrete level (Splink's comparison levels) so a model can hold one weight per level.
 * Level 0 is always `null`: one side has no value, which is no evidence either way.
 */
import { yearOf } from './dates.ts';

export const BIRTH_LEVELS = [
  'null',
  'exact',
  'swap_or_typo',
  'same_year',
  'age_close',
  'age_within',
  'different',
] as const;
export const SEX_LEVELS = ['null', 'same', 'different'] as const;
export const DISTRICT_LEVELS = ['null', 'same_district', 'same_state', 'different'] as const;
export const ADDRESS_LEVELS = ['null', 'high', 'some', 'none'] as const;
export const PHONE_LEVELS = ['null', 'exact', 'near', 'different'] as const;
export const ID_LEVELS = ['null', 'exact', 'masked_agree', 'different'] as const;

/** True when two 8-digit dates differ in one digit or in one swap of neighbouring digits. */
export function oneTypoApart(a: number, b: number): boolean {
  const sa = String(a);
  const sb = String(b);
  if (sa.length !== sb.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < sa.length && diff.length <= 2; i++) if (sa[i] !== sb[i]) diff.push(i);
  if (diff.length === 1) return true;
  const [i, j] = diff;
  return diff.length === 2 && i !== undefined && j === i + 1 && sa[i] === sb[j] && sa[j] === sb[i];
}

/** Day and month exchanged (12/05 written for 05/12). */
export function dayMonthSwapped(a: number, b: number): boolean {
  const am = Math.floor(a / 100) % 100;
  const ad = a % 100;
  return yearOf(a) === yearOf(b) && am !== ad && Math.floor(b / 100) % 100 === ad && b % 100 === am;
}

/**
 * Birth compared as dates when both records have one, else as estimated birth years with a tolerance
 * that grows with the age at which it was estimated (a 40-year-old's age is guessed more loosely than a
 * child's); tolerances of two estimates combine as independent errors.
 */
export function compareBirth(
  a: { dob: number | null; birthYear: number | null; birthTolerance: number },
  b: { dob: number | null; birthYear: number | null; birthTolerance: number },
): number {
  if (a.birthYear === null || b.birthYear === null) return 0;
  if (a.dob !== null && b.dob !== null && a.birthTolerance === 0 && b.birthTolerance === 0) {
    if (a.dob === b.dob) return 1;
    if (dayMonthSwapped(a.dob, b.dob) || oneTypoApart(a.dob, b.dob)) return 2;
    if (yearOf(a.dob) === yearOf(b.dob)) return 3;
  } else if (a.dob !== null && a.dob === b.dob) return 3;
  const gap = Math.abs(a.birthYear - b.birthYear);
  if (gap <= 1) return 4;
  const tolerance = Math.sqrt(a.birthTolerance * a.birthTolerance + b.birthTolerance * b.birthTolerance);
  return gap <= Math.max(tolerance, 1.5) ? 5 : 6;
}

export function compareSex(a: string | null, b: string | null): number {
  if (a === null || b === null) return 0;
  return a === b ? 1 : 2;
}

/** District by LGD code (or name key); when districts differ or are missing, the State decides. */
export function compareDistrict(
  a: { district: string | null; state: string | null },
  b: { district: string | null; state: string | null },
): number {
  if (a.district !== null && a.district === b.district) return 1;
  if (a.state !== null && b.state !== null) return a.state === b.state ? 2 : 3;
  return a.district !== null && b.district !== null ? 3 : 0;
}

/** Address tokens (sorted, stop words removed) by overlap of the smaller set. */
export function compareAddress(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? '';
    const y = b[j] ?? '';
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const overlap = common / Math.min(a.length, b.length);
  return overlap >= 0.5 ? 1 : common > 0 ? 2 : 3;
}

/** Ten-digit phone numbers: equal, one digit or one neighbour swap apart, or different. */
export function comparePhone(a: string | null, b: string | null): number {
  if (a === null || b === null) return 0;
  if (a === b) return 1;
  return oneTypoApartText(a, b) ? 2 : 3;
}

function oneTypoApartText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let first = -1;
  let count = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (++count > 2) return false;
    if (first < 0) first = i;
  }
  if (count === 1) return true;
  return a[first] === b[first + 1] && a[first + 1] === b[first];
}

/**
 * Identity numbers after cleaning: equal, or (when one is masked, e.g. Aadhaar XXXX-XXXX-1234) equal on
 * every digit both show, aligned at the right where masks keep the last digits.
 */
export function compareIdNumber(a: string | null, b: string | null): number {
  if (a === null || b === null) return 0;
  if (a === b) return a.includes('*') ? 2 : 1;
  if (!a.includes('*') && !b.includes('*')) return 3;
  if (a.length !== b.length) return 3;
  let shown = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === '*' || y === '*') continue;
    if (x !== y) return 3;
    shown++;
  }
  return shown >= 4 ? 2 : 0;
}
