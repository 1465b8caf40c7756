/** Pairwise accuracy against known truth: precision, recall and F1 per tier, and calibration. */
import { buildBlocks, forEachCandidatePair } from '../../src/linkage/blocking.ts';
import {
  FIELD_COUNT,
  FIELD_LEVELS,
  FIELD_NAMES,
  compareRecords,
  type FieldName,
} from '../../src/linkage/fields.ts';
import {
  compileModel,
  pairWeight,
  probabilityOf,
  tierOf,
  type LinkageModel,
  type Tier,
} from '../../src/linkage/model.ts';
import { trainModel } from '../../src/linkage/pipeline.ts';
import { buildModel, estimateU, termFrequencies } from '../../src/linkage/train.ts';
import type { PreparedRecord } from '../../src/linkage/types.ts';

export interface Accuracy {
  records: number;
  truePairs: number;
  candidatePairs: number;
  blockingRecall: number;
  tiers: Record<
    Exclude<Tier, 'non_match'> | 'auto_link+review',
    { pairs: number; precision: number; recall: number; f1: number }
  >;
  calibration: { bin: string; pairs: number; meanPredicted: number; observed: number }[];
  comparisonsPerSecond: number;
  model: LinkageModel;
}

const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

export function evaluate(
  records: PreparedRecord[],
  truth: readonly (string | number)[],
  model?: LinkageModel,
): Accuracy {
  const sizes = new Map<string | number, number>();
  for (const t of truth) sizes.set(t, (sizes.get(t) ?? 0) + 1);
  let truePairs = 0;
  for (const n of sizes.values()) truePairs += (n * (n - 1)) / 2;
  const index = buildBlocks(records);
  const trained = model ?? trainModel(records, { index });
  const c = compileModel(trained);
  const levels = new Uint8Array(FIELD_COUNT);
  const counts = { auto_link: [0, 0], review: [0, 0] };
  const bins = Array.from({ length: 10 }, () => ({ n: 0, p: 0, t: 0 }));
  let candidates = 0;
  let trueCandidates = 0;
  const start = performance.now();
  forEachCandidatePair(index, (i, j) => {
    const a = records[i] as PreparedRecord;
    const b = records[j] as PreparedRecord;
    const w = pairWeight(c, a, b, levels);
    const same = truth[i] === truth[j];
    candidates++;
    if (same) trueCandidates++;
    const p = probabilityOf(w);
    const bin = bins[Math.min(9, Math.floor(p * 10))];
    if (bin) {
      bin.n++;
      bin.p += p;
      if (same) bin.t++;
    }
    const tier = tierOf(c, w, levels);
    if (tier === 'non_match') return;
    const cell = counts[tier];
    cell[0] = (cell[0] ?? 0) + 1;
    if (same) cell[1] = (cell[1] ?? 0) + 1;
  });
  const seconds = (performance.now() - start) / 1000;
  const stat = (pairs: number, correct: number) => {
    const precision = pairs === 0 ? 1 : correct / pairs;
    const recall = truePairs === 0 ? 1 : correct / truePairs;
    return { pairs, precision: round(precision), recall: round(recall), f1: round(f1(precision, recall)) };
  };
  const [ap, ac] = counts.auto_link as [number, number];
  const [rp, rc] = counts.review as [number, number];
  return {
    records: records.length,
    truePairs,
    candidatePairs: candidates,
    blockingRecall: round(trueCandidates / Math.max(truePairs, 1)),
    tiers: { auto_link: stat(ap, ac), review: stat(rp, rc), 'auto_link+review': stat(ap + rp, ac + rc) },
    calibration: bins.map((b, i) => ({
      bin: `${i / 10}-${(i + 1) / 10}`,
      pairs: b.n,
      meanPredicted: round(b.n ? b.p / b.n : 0),
      observed: round(b.n ? b.t / b.n : 0),
    })),
    comparisonsPerSecond: Math.round(candidates / seconds),
    model: trained,
  };
}

const round = (x: number) => Math.round(x * 10000) / 10000;

/**
 * The ceiling: a model whose m comes from the true pairs themselves (u from random pairs, λ the true
 * share of matches). Its recall over ALL true pairs, blocked or not, is how many duplicates the
 * comparisons can identify at all; no estimate of m can do better than this on average.
 */
export function oracle(
  records: PreparedRecord[],
  truth: readonly (string | number)[],
): { model: LinkageModel; identifiable: number } {
  const byTruth = new Map<string | number, number[]>();
  truth.forEach((t, i) => byTruth.set(t, [...(byTruth.get(t) ?? []), i]));
  const counts = new Float64Array(FIELD_COUNT * 8);
  const levels = new Uint8Array(FIELD_COUNT);
  const pairs: [number, number][] = [];
  for (const members of byTruth.values())
    for (let x = 0; x < members.length; x++)
      for (let y = x + 1; y < members.length; y++) pairs.push([members[x] ?? 0, members[y] ?? 0]);
  for (const [i, j] of pairs) {
    compareRecords(records[i] as PreparedRecord, records[j] as PreparedRecord, levels);
    for (let f = 0; f < FIELD_COUNT; f++) {
      const at = f * 8 + (levels[f] ?? 0);
      counts[at] = (counts[at] ?? 0) + 1;
    }
  }
  const m = {} as Record<FieldName, number[]>;
  FIELD_NAMES.forEach((name, f) => {
    const n = FIELD_LEVELS[name].length;
    let total = 0;
    for (let l = 1; l < n; l++) total += (counts[f * 8 + l] ?? 0) + 0.5;
    m[name] = [1, ...Array.from({ length: n - 1 }, (_v, l) => ((counts[f * 8 + l + 1] ?? 0) + 0.5) / total)];
  });
  const n = records.length;
  const model = buildModel(
    m,
    estimateU(records, 400_000, 7),
    pairs.length / ((n * (n - 1)) / 2),
    termFrequencies(records),
    {
      records: n,
    },
  );
  const c = compileModel(model);
  let found = 0;
  for (const [i, j] of pairs)
    if (pairWeight(c, records[i] as PreparedRecord, records[j] as PreparedRecord) >= c.reviewWeight) found++;
  return { model, identifiable: round(found / Math.max(pairs.length, 1)) };
}
