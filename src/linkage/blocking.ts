/**
 * Blocking: only records that agree on some cheap key are compared. Several rules run in union, each
 * catching what the others miss (a dropped surname, a re-estimated age, another district). A pair is
 * produced once: by the first rule whose block holds both records. Keys are computed from one record
 * alone, so they can be stored in an indexed table and looked up for one new record.
 */
import { DEFAULT_RULES } from './blocking-rules.ts';
import type { PreparedRecord } from './types.ts';

export { DEFAULT_RULES, surnameKey } from './blocking-rules.ts';

export interface BlockingRule {
  name: string;
  keys(r: PreparedRecord): string[];
  /** Blocks that would produce more pairs are skipped (and reported); default: the index's limit. */
  maxBlockPairs?: number;
  /** When set, a pair is produced only if at least one of its records satisfies this. */
  requireOne?: (r: PreparedRecord) => boolean;
}

export interface RuleReport {
  rule: string;
  blocks: number;
  pairs: number;
  oversizedBlocks: number;
  /** Records that sit only in oversized blocks of this rule. */
  largest: { key: string; records: number }[];
}

export interface BlockingReport {
  rules: RuleReport[];
  candidatePairs: number;
  maxBlockPairs: number;
}

interface RuleIndex {
  rule: BlockingRule;
  /** Keys of record i: recKeys[recStart[i] .. recStart[i+1]). */
  recStart: Int32Array;
  recKeys: Int32Array;
  /** Members of block k: members[blockStart[k] .. blockStart[k+1]), ascending. */
  blockStart: Int32Array;
  members: Int32Array;
  skipped: Uint8Array;
  required: Uint8Array | null;
}

export interface BlockIndex {
  size: number;
  /** Side of each record in a link (0 left, 1 right); null when de-duplicating one set. */
  sides: Uint8Array | null;
  rules: RuleIndex[];
  report: BlockingReport;
}

function indexRule(
  records: readonly PreparedRecord[],
  rule: BlockingRule,
  sides: Uint8Array | null,
  maxBlockPairs: number,
): { index: RuleIndex; report: RuleReport } {
  const n = records.length;
  const ids = new Map<string, number>();
  const recStart = new Int32Array(n + 1);
  const keyList: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = records[i];
    if (r)
      for (const k of rule.keys(r)) {
        let id = ids.get(k);
        if (id === undefined) ids.set(k, (id = ids.size));
        keyList.push(id);
      }
    recStart[i + 1] = keyList.length;
  }
  const recKeys = Int32Array.from(keyList);
  const blocks = ids.size;
  const required = rule.requireOne ? new Uint8Array(n) : null;
  if (required && rule.requireOne)
    for (let i = 0; i < n; i++) required[i] = rule.requireOne(records[i] as PreparedRecord) ? 1 : 0;
  const sizes = new Int32Array(blocks);
  const left = new Int32Array(blocks);
  const req = new Int32Array(blocks);
  for (let i = 0; i < n; i++)
    for (let p = recStart[i] ?? 0; p < (recStart[i + 1] ?? 0); p++) {
      const k = recKeys[p] ?? 0;
      sizes[k] = (sizes[k] ?? 0) + 1;
      if (sides?.[i] === 0) left[k] = (left[k] ?? 0) + 1;
      if (required?.[i]) req[k] = (req[k] ?? 0) + 1;
    }
  const blockStart = new Int32Array(blocks + 1);
  for (let k = 0; k < blocks; k++) blockStart[k + 1] = (blockStart[k] ?? 0) + (sizes[k] ?? 0);
  const fill = blockStart.slice(0, blocks);
  const members = new Int32Array(recKeys.length);
  for (let i = 0; i < n; i++)
    for (let p = recStart[i] ?? 0; p < (recStart[i + 1] ?? 0); p++) {
      const k = recKeys[p] ?? 0;
      members[fill[k] ?? 0] = i;
      fill[k] = (fill[k] ?? 0) + 1;
    }
  const skipped = new Uint8Array(blocks);
  const names = [...ids.keys()];
  const largest: { key: string; records: number }[] = [];
  let pairs = 0;
  let oversizedBlocks = 0;
  for (let k = 0; k < blocks; k++) {
    const s = sizes[k] ?? 0;
    const l = left[k] ?? 0;
    let cost = sides ? l * (s - l) : (s * (s - 1)) / 2;
    if (required) cost = Math.min(cost, (req[k] ?? 0) * s);
    if (cost > maxBlockPairs) {
      skipped[k] = 1;
      oversizedBlocks++;
      largest.push({ key: names[k] ?? '', records: s });
    } else pairs += cost;
  }
  largest.sort((a, b) => b.records - a.records);
  return {
    index: { rule, recStart, recKeys, blockStart, members, skipped, required },
    report: { rule: rule.name, blocks, pairs, oversizedBlocks, largest: largest.slice(0, 10) },
  };
}

export function buildBlocks(
  records: readonly PreparedRecord[],
  options: { rules?: readonly BlockingRule[]; maxBlockPairs?: number; sides?: Uint8Array | null } = {},
): BlockIndex {
  const maxBlockPairs = options.maxBlockPairs ?? 5_000;
  const sides = options.sides ?? null;
  const built = (options.rules ?? DEFAULT_RULES).map((rule) =>
    indexRule(records, rule, sides, Math.min(maxBlockPairs, rule.maxBlockPairs ?? maxBlockPairs)),
  );
  const reports = built.map((b) => b.report);
  return {
    size: records.length,
    sides,
    rules: built.map((b) => b.index),
    report: { rules: reports, candidatePairs: reports.reduce((s, r) => s + r.pairs, 0), maxBlockPairs },
  };
}

/** Whether records i and j share a usable key of `rule` that is smaller than `below`. */
function share(ix: RuleIndex, i: number, j: number, below: number): boolean {
  if (ix.required && !ix.required[i] && !ix.required[j]) return false;
  for (let p = ix.recStart[i] ?? 0; p < (ix.recStart[i + 1] ?? 0); p++) {
    const k = ix.recKeys[p] ?? 0;
    if (k >= below || ix.skipped[k]) continue;
    for (let q = ix.recStart[j] ?? 0; q < (ix.recStart[j + 1] ?? 0); q++)
      if (ix.recKeys[q] === k) return true;
  }
  return false;
}

/**
 * Calls `visit(i, j)` once for every candidate pair (i < j in de-duplication; i left, j right in a link).
 * With `only`, just the pairs that have at least one record for which it is true (a sample for training).
 */
export function forEachCandidatePair(
  index: BlockIndex,
  visit: (i: number, j: number) => void,
  only?: (i: number) => boolean,
  onBlock?: (rule: number, block: number, blocks: number) => void,
): number {
  let produced = 0;
  const { rules, sides } = index;
  rules.forEach((ix, r) => {
    const blocks = ix.skipped.length;
    for (let k = 0; k < blocks; k++) {
      if (onBlock && (k & 4095) === 0) onBlock(r, k, blocks);
      if (ix.skipped[k]) continue;
      const start = ix.blockStart[k] ?? 0;
      const end = ix.blockStart[k + 1] ?? 0;
      if (end - start < 2) continue;
      for (let x = start; x < end; x++) {
        const i = ix.members[x] ?? 0;
        const iOnly = only ? only(i) : true;
        for (let y = x + 1; y < end; y++) {
          const j = ix.members[y] ?? 0;
          if (only && !iOnly && !only(j)) continue;
          if (sides && sides[i] === sides[j]) continue;
          if (ix.required && !ix.required[i] && !ix.required[j]) continue;
          if (share(ix, i, j, k)) continue;
          let covered = false;
          for (let e = 0; e < r && !covered; e++)
            covered = share(rules[e] as RuleIndex, i, j, Number.MAX_SAFE_INTEGER);
          if (covered) continue;
          produced++;
          if (sides && sides[i] === 1) visit(j, i);
          else visit(i, j);
        }
      }
    }
  });
  return produced;
}

/**
 * Calls `visit(j)` once for every candidate partner of record `i` (the same pairs `forEachCandidatePair`
 * produces, seen from one record): the batch form of "match one new record against the stored ones".
 */
export function forEachCandidateOf(index: BlockIndex, i: number, visit: (j: number) => void): void {
  const { rules, sides } = index;
  rules.forEach((ix, r) => {
    for (let p = ix.recStart[i] ?? 0; p < (ix.recStart[i + 1] ?? 0); p++) {
      const k = ix.recKeys[p] ?? 0;
      if (ix.skipped[k]) continue;
      for (let x = ix.blockStart[k] ?? 0; x < (ix.blockStart[k + 1] ?? 0); x++) {
        const j = ix.members[x] ?? 0;
        if (j === i || (sides && sides[i] === sides[j])) continue;
        if (ix.required && !ix.required[i] && !ix.required[j]) continue;
        if (share(ix, i, j, k)) continue;
        let covered = false;
        for (let e = 0; e < r && !covered; e++)
          covered = share(rules[e] as RuleIndex, i, j, Number.MAX_SAFE_INTEGER);
        if (!covered) visit(j);
      }
    }
  });
}

/** The blocking keys of one record, rule by rule: what an incremental matcher stores in an indexed table. */
export function blockingKeys(
  r: PreparedRecord,
  rules: readonly BlockingRule[] = DEFAULT_RULES,
): { rule: string; key: string }[] {
  return rules.flatMap((rule) => rule.keys(r).map((key) => ({ rule: rule.name, key })));
}
