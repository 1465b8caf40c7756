/**
 * String and name comparators. ONE Jaro–Winkler implementation for the whole project, pinned by
 * known-answer tests, because libraries disagree in the third decimal (boost threshold, prefix cap).
 */
import type { PreparedName } from './types.ts';

let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

/** Jaro similarity (Jaro 1989). Two empty strings are identical. */
export function jaro(s1: string, s2: string): number {
  if (s1 === s2) return 1;
  const l1 = s1.length;
  const l2 = s2.length;
  if (l1 === 0 || l2 === 0) return 0;
  if (flagsA.length < l1) flagsA = new Uint8Array(l1 * 2);
  if (flagsB.length < l2) flagsB = new Uint8Array(l2 * 2);
  flagsA.fill(0, 0, l1);
  flagsB.fill(0, 0, l2);
  const window = Math.max(0, (Math.max(l1, l2) >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < l1; i++) {
    const c = s1.charCodeAt(i);
    const end = Math.min(i + window + 1, l2);
    for (let j = Math.max(0, i - window); j < end; j++) {
      if (flagsB[j] === 0 && s2.charCodeAt(j) === c) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < l1; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (s1.charCodeAt(i) !== s2.charCodeAt(k)) transpositions++;
    k++;
  }
  return (matches / l1 + matches / l2 + (matches - transpositions / 2) / matches) / 3;
}

/**
 * Jaro–Winkler with the standard prefix scale 0.1 and a prefix of at most 4 characters, applied only
 * when the Jaro similarity exceeds 0.7 (Winkler's boost threshold, as rapidfuzz and Splink's DuckDB do).
 * MARTHA/MARHTA 0.961, DWAYNE/DUANE 0.840, DIXON/DICKSONX 0.813.
 */
export function jaroWinkler(s1: string, s2: string): number {
  const j = jaro(s1, s2);
  if (j <= 0.7) return j;
  const max = Math.min(4, s1.length, s2.length);
  let prefix = 0;
  while (prefix < max && s1.charCodeAt(prefix) === s2.charCodeAt(prefix)) prefix++;
  return j + prefix * 0.1 * (1 - j);
}

/**
 * Similarity of two token lists regardless of order: each token of the shorter list is matched to its
 * best unused partner in the longer one (Jaro–Winkler), and the scores are averaged. "Salim Mohammad"
 * and "Mohammad Salim" score 1; so does "Salim" against "Mohammad Salim" (the subset case).
 */
export function tokenSetSimilarity(a: readonly string[], b: readonly string[]): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === 0) return 0;
  const used = new Uint8Array(long.length);
  let total = 0;
  for (const t of short) {
    let best = 0;
    let at = -1;
    for (let j = 0; j < long.length; j++) {
      if (used[j]) continue;
      const s = jaroWinkler(t, long[j] ?? '');
      if (s > best) {
        best = s;
        at = j;
      }
    }
    if (at >= 0) used[at] = 1;
    total += best;
  }
  return total / short.length;
}

/** Levels of a name comparison, best first after `null` (either side missing). */
export const NAME_LEVELS = [
  'null',
  'exact',
  'phonetic',
  'subset',
  'fuzzy_high',
  'fuzzy',
  'initials',
  'different',
] as const;
export type NameLevel = (typeof NAME_LEVELS)[number];
export const NAME = {
  null: 0,
  exact: 1,
  phonetic: 2,
  subset: 3,
  fuzzyHigh: 4,
  fuzzy: 5,
  initials: 6,
  different: 7,
} as const;

/** Initials-only names ("R. K.") agree with a name whose words start with those letters, in order. */
export function initialsCompatible(a: PreparedName, b: PreparedName): boolean {
  if (a.joined !== '' && b.joined !== '') return false;
  const [short, long] = a.joined === '' ? [a, b] : [b, a];
  if (short.initials.length === 0) return false;
  return long.initials.startsWith(short.initials) || long.initials.endsWith(short.initials);
}

/** Every word of the shorter name appears (spelt alike or sounding alike) in the longer one. */
function isSubset(a: PreparedName, b: PreparedName): boolean {
  const [short, long] = a.words.length <= b.words.length ? [a, b] : [b, a];
  if (short.words.length === 0 || short.words.length === long.words.length) return false;
  for (let i = 0; i < short.words.length; i++) {
    if (!long.words.includes(short.words[i] ?? '') && !long.wordKeys.includes(short.wordKeys[i] ?? ''))
      return false;
  }
  return true;
}

/** Compares two names (given or family) into one of NAME_LEVELS, returned as its index. */
export function compareName(a: PreparedName | null, b: PreparedName | null): number {
  if (!a || !b) return NAME.null;
  if (a.joined && b.joined) {
    if (a.joined === b.joined) return NAME.exact;
    if (a.key === b.key) return NAME.phonetic;
    if (a.words.length !== b.words.length && isSubset(a, b)) return NAME.subset;
    let s = jaroWinkler(a.joined, b.joined);
    if (s < 0.9 && a.words.length > 1 && b.words.length > 1)
      s = Math.max(s, tokenSetSimilarity(a.words, b.words));
    if (s >= 0.9) return NAME.fuzzyHigh;
    if (s >= 0.75) return NAME.fuzzy;
    return NAME.different;
  }
  return initialsCompatible(a, b) ? NAME.initials : NAME.different;
}

/** How good a name level is, to choose between the straight and the swapped reading of two names. */
const QUALITY = [0.5, 6, 5, 4, 4, 2, 1, 0];

/** A given name and the other record's family name start alike: only then can a swap win. */
const startAlike = (x: PreparedName | null, y: PreparedName | null) =>
  x !== null && y !== null && x.initials.charCodeAt(0) === y.initials.charCodeAt(0);

/** Bit set in the result of `compareNames` when the names were read swapped. */
export const SWAPPED = 256;

/**
 * Given and family names compared together, allowing for names written in the other order. Returns
 * given level | family level << 4 | SWAPPED (one number, because this runs for every candidate pair).
 */
export function compareNames(
  ag: PreparedName | null,
  af: PreparedName | null,
  bg: PreparedName | null,
  bf: PreparedName | null,
): number {
  const given = compareName(ag, bg);
  const family = compareName(af, bf);
  const straightCode = given | (family << 4);
  if ((given === NAME.exact && family <= NAME.exact) || (!af && !bf)) return straightCode;
  if (!startAlike(af, bg) && !startAlike(ag, bf)) return straightCode;
  const g2 = compareName(af, bg);
  const f2 = compareName(ag, bf);
  const straight = (QUALITY[given] ?? 0) + (QUALITY[family] ?? 0);
  const crossed = (QUALITY[g2] ?? 0) + (QUALITY[f2] ?? 0);
  return crossed > straight + 1 ? g2 | (f2 << 4) | SWAPPED : straightCode;
}

export const RELATIVE_LEVELS = ['null', 'exact', 'phonetic', 'fuzzy', 'different'] as const;

/** One relative's name: the first real word carries it (surnames repeat the person's own). */
function compareRelative(a: PreparedName | null, b: PreparedName | null): number {
  if (!a || !b) return 0;
  if (a.joined && a.joined === b.joined) return 1;
  const wa = a.words[0];
  const wb = b.words[0];
  if (wa !== undefined && wa === wb) return 1;
  if (a.principal !== null && a.principal === b.principal) return 2;
  if (wa !== undefined && wb !== undefined && jaroWinkler(wa, wb) >= 0.88) return 3;
  return initialsCompatible(a, b) ? 3 : 4;
}

/** Father, mother and spouse compared role by role; the best agreement counts. */
export function compareRelatives(
  a: { father: PreparedName | null; mother: PreparedName | null; spouse: PreparedName | null },
  b: { father: PreparedName | null; mother: PreparedName | null; spouse: PreparedName | null },
): number {
  let best = 0;
  for (const level of [
    compareRelative(a.father, b.father),
    compareRelative(a.mother, b.mother),
    compareRelative(a.spouse, b.spouse),
  ]) {
    if (level !== 0 && (best === 0 || level < best)) best = level;
  }
  return best;
}
