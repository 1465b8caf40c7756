/** The comparison vector: which fields a pair is compared on, and each field's levels. */
import {
  ADDRESS_LEVELS,
  BIRTH_LEVELS,
  compareAddress,
  compareBirth,
  compareDistrict,
  compareIdNumber,
  comparePhone,
  compareSex,
  DISTRICT_LEVELS,
  ID_LEVELS,
  PHONE_LEVELS,
  SEX_LEVELS,
} from './compare-fields.ts';
import { compareNames, compareRelatives, NAME_LEVELS, RELATIVE_LEVELS, SWAPPED } from './compare.ts';
import type { PreparedRecord } from './types.ts';

export const FIELD_NAMES = [
  'given_name',
  'family_name',
  'birth',
  'sex',
  'relatives',
  'district',
  'address',
  'phone',
  'id_number',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

export const FIELD_LEVELS: Record<FieldName, readonly string[]> = {
  given_name: NAME_LEVELS,
  family_name: NAME_LEVELS,
  birth: BIRTH_LEVELS,
  sex: SEX_LEVELS,
  relatives: RELATIVE_LEVELS,
  district: DISTRICT_LEVELS,
  address: ADDRESS_LEVELS,
  phone: PHONE_LEVELS,
  id_number: ID_LEVELS,
};

export const FIELD_COUNT = FIELD_NAMES.length;
export const GIVEN = 0;
export const FAMILY = 1;
export const SEX = 3;

/**
 * Fills `out` with the level index of each field (in FIELD_NAMES order) and returns whether the
 * names were read swapped (given against family), which decides whose name frequency applies.
 */
export function compareRecords(a: PreparedRecord, b: PreparedRecord, out: Uint8Array): boolean {
  const names = compareNames(a.given, a.family, b.given, b.family);
  out[0] = names & 15;
  out[1] = (names >> 4) & 15;
  out[2] = compareBirth(a, b);
  out[3] = compareSex(a.sex, b.sex);
  out[4] = compareRelatives(a, b);
  out[5] = compareDistrict(a, b);
  out[6] = compareAddress(a.addressTokens, b.addressTokens);
  out[7] = comparePhone(a.phone, b.phone);
  out[8] = compareIdNumber(a.idNumber, b.idNumber);
  return (names & SWAPPED) !== 0;
}

/** Mixed-radix code of a comparison vector, so identical vectors can be counted together in EM. */
export function patternCode(levels: Uint8Array): number {
  let code = 0;
  for (let f = 0; f < FIELD_COUNT; f++) code = code * 8 + (levels[f] ?? 0);
  return code;
}

export function decodePattern(code: number, out: Uint8Array): void {
  for (let f = FIELD_COUNT - 1; f >= 0; f--) {
    out[f] = code % 8;
    code = Math.floor(code / 8);
  }
}
