/**
 * The pure half of incremental matching (one new record against stored ones): blocking keys as 53-bit
 * hashes with the largest block each rule accepts, and scoring of the fetched candidates. The database half
 * (src/modules/linkage/matcher.ts) stores the keys in an indexed table and fetches the records that share one.
 */
import { DEFAULT_RULES, type BlockingRule } from './blocking.ts';
import { FIELD_COUNT } from './fields.ts';
import { compileModel, pairWeight, scorePair, tierOf, type LinkageModel, type PairScore } from './model.ts';
import type { PreparedRecord } from './types.ts';

/** Batch blocking skips blocks producing more than this many pairs; the same default holds here. */
const DEFAULT_MAX_BLOCK_PAIRS = 5_000;

export interface HashedKey {
  hash: number;
  /** Members a block of this key may hold before it is too common to say anything (skipped, as in batch). */
  cap: number;
  /** Index into the rules, so `requireOne` can be applied to what the key finds. */
  rule: number;
}

/**
 * cyrb53: a fast 53-bit string hash that fits a JavaScript number and a PostgreSQL bigint exactly.
 * Two keys sharing a hash only add a candidate, which scoring then judges like any other.
 */
export function hashKey(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The largest block size s whose s·(s−1)/2 pairs stay within `maxPairs`. */
export const blockCap = (maxPairs: number) => Math.floor((1 + Math.sqrt(1 + 8 * maxPairs)) / 2);

/** The record's blocking keys, hashed and de-duplicated, each with its rule's block cap. */
export function hashedKeys(
  r: PreparedRecord,
  rules: readonly BlockingRule[] = DEFAULT_RULES,
  maxBlockPairs = DEFAULT_MAX_BLOCK_PAIRS,
): HashedKey[] {
  const seen = new Set<number>();
  const out: HashedKey[] = [];
  rules.forEach((rule, index) => {
    const cap = blockCap(Math.min(maxBlockPairs, rule.maxBlockPairs ?? maxBlockPairs));
    for (const key of rule.keys(r)) {
      const hash = hashKey(`${rule.name}:${key}`);
      if (seen.has(hash)) continue;
      seen.add(hash);
      out.push({ hash, cap, rule: index });
    }
  });
  return out;
}

/**
 * Which fetched records are candidates: members of blocks within their cap (a key that found more than
 * `cap` others is as common as a skipped batch block), and for rules with `requireOne`, only when one of
 * the two records satisfies it.
 */
export function candidatesFromBlocks(
  record: PreparedRecord,
  keys: readonly HashedKey[],
  members: ReadonlyMap<number, readonly number[]>,
  recordOf: (seq: number) => PreparedRecord | undefined,
  rules: readonly BlockingRule[] = DEFAULT_RULES,
): Set<number> {
  const out = new Set<number>();
  for (const key of keys) {
    const found = members.get(key.hash) ?? [];
    if (found.length > key.cap) continue;
    const require = rules[key.rule]?.requireOne;
    for (const seq of found) {
      if (require && !require(record)) {
        const other = recordOf(seq);
        if (!other || !require(other)) continue;
      }
      out.add(seq);
    }
  }
  return out;
}

export interface IncrementalHit<T> {
  other: T;
  score: PairScore;
}

/** Scores `record` against each candidate; returns those in the auto-link or review tier, best first. */
export function scoreCandidates<T>(
  model: LinkageModel,
  record: PreparedRecord,
  candidates: readonly T[],
  preparedOf: (candidate: T) => PreparedRecord,
): IncrementalHit<T>[] {
  const c = compileModel(model);
  const levels = new Uint8Array(FIELD_COUNT);
  const hits: IncrementalHit<T>[] = [];
  for (const other of candidates) {
    const b = preparedOf(other);
    const weight = pairWeight(c, record, b, levels);
    if (weight < c.reviewWeight || tierOf(c, weight, levels) === 'non_match') continue;
    hits.push({ other, score: scorePair(model, record, b) });
  }
  return hits.sort((x, y) => y.score.weight - x.score.weight);
}
