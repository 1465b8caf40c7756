/**
 * The default blocking rules for Indian person records, and the key builders they share. Each key is
 * computed from one record alone (see blocking.ts).
 */
import type { BlockingRule } from './blocking.ts';
import type { PreparedRecord } from './types.ts';

// Key builders run tens of millions of times on a million records: plain concatenation, no arrays.
const NONE: string[] = [];
const one = (a: string | null | undefined, b?: string | null, c?: string | null): string[] => {
  if (!a || b === null || b === '' || c === null || c === '') return NONE;
  return [b === undefined ? a : c === undefined ? `${a}|${b}` : `${a}|${b}|${c}`];
};
const place = (r: PreparedRecord) => r.district ?? null;
const initialOnly = (r: PreparedRecord) => r.given !== null && r.given.joined === '';
const given = (r: PreparedRecord) => r.given?.principal ?? null;

/**
 * The family name, or else the last word of the father's name: children mostly carry their father's
 * surname, and "Mallika d/o Bhudev Mahto" should meet "Mallika Mahto".
 */
export function surnameKey(r: PreparedRecord): string | null {
  if (r.family?.principal) return r.family.principal;
  const keys = r.father?.wordKeys ?? NONE;
  return keys.length >= 2 ? (keys.at(-1) ?? null) : null;
}

/**
 * Keys with a birth year: the record's own, or for an estimated age every year its tolerance reaches
 * (at most `spread` either way). Single years keep blocks small at a million records.
 */
function withYears(
  r: PreparedRecord,
  spread: number,
  a: string | null | undefined,
  b: string | null | undefined,
): string[] {
  if (r.birthYear === null || !a || !b) return NONE;
  const prefix = `${a}|${b}|`;
  const s = Math.min(spread, Math.ceil(r.birthTolerance));
  const centre = Math.round(r.birthYear);
  if (s === 0) return [prefix + String(centre)];
  const out: string[] = [];
  for (let y = centre - s; y <= centre + s; y++) out.push(prefix + String(y));
  return out;
}

const initial = (r: PreparedRecord) => r.given?.initials[0] ?? null;
const names = (r: PreparedRecord) => {
  const g = given(r);
  const f = surnameKey(r);
  // Sorted, so a swapped given and family name still meet.
  return g && f ? (g < f ? `${g}|${f}` : `${f}|${g}`) : null;
};

/**
 * The rules in the order they claim pairs. Coarse rules carry a small cap: a name pair shared by a few
 * dozen people is blocked on the name alone, a commoner one ("Sunita Devi") only together with a birth
 * year or a district, so comparisons per record stay flat as the collection grows.
 */
export const DEFAULT_RULES: readonly BlockingRule[] = [
  { name: 'names', keys: (r) => one(names(r)), maxBlockPairs: 2_000 },
  { name: 'names_birth', keys: (r) => withYears(r, 1, names(r), 'y') },
  { name: 'names_district', keys: (r) => one(names(r), place(r)) },
  { name: 'phone', keys: (r) => one(r.phone) },
  {
    name: 'id_number',
    keys: (r) => {
      if (!r.idNumber) return [];
      const tail = r.idNumber.slice(-4);
      const out = r.idNumber.includes('*') ? [] : [r.idNumber];
      if (/^\d{4}$/.test(tail) && r.given) out.push(`${tail}|${initial(r) ?? ''}`);
      return out;
    },
  },
  {
    // Either name's initial, so a name written in the other order still meets its date of birth.
    name: 'dob_initial',
    keys: (r) => {
      if (r.dob === null || r.birthTolerance !== 0) return [];
      const initials = new Set([initial(r), r.family?.initials[0] ?? null].filter((x) => x !== null));
      return [...initials].map((i) => `${String(r.dob)}|${i}`);
    },
  },
  { name: 'given_district', keys: (r) => one(given(r), place(r)) },
  { name: 'surname_district', keys: (r) => one(surnameKey(r), initial(r), place(r)) },
  { name: 'father_given', keys: (r) => one(r.father?.principal, given(r)) },
  { name: 'given_birth', keys: (r) => withYears(r, 2, given(r), r.sex), maxBlockPairs: 300 },
  { name: 'father_birth', keys: (r) => withYears(r, 1, r.father?.principal, initial(r)) },
  {
    name: 'initials_surname',
    keys: (r) => withYears(r, 2, initial(r), surnameKey(r)),
    requireOne: initialOnly,
    maxBlockPairs: 200,
  },
  {
    // The village or street a person gives, with the given name or the surname: it survives a move of
    // district, a swapped or dropped surname and a misspelt given name.
    name: 'name_address',
    keys: (r) => {
      if (r.addressTokens.length === 0) return NONE;
      const g = given(r);
      const f = surnameKey(r);
      const out: string[] = [];
      for (const t of r.addressTokens) {
        if (/\d/.test(t)) continue;
        if (g) out.push(`${g}|${t}`);
        if (f && f !== g) out.push(`${f}|${t}`);
      }
      return out;
    },
    maxBlockPairs: 300,
  },
];
