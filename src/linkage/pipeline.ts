/** Batch linkage: prepare, block, train, score, cluster. Used by `setu link` and the benchmarks. */
import {
  buildBlocks,
  forEachCandidateOf,
  forEachCandidatePair,
  type BlockIndex,
  type BlockingReport,
  type BlockingRule,
} from './blocking.ts';
import { clusterLinks, type ClusterResult, type ClusterState } from './cluster.ts';
import { FIELD_COUNT } from './fields.ts';
import {
  compileModel,
  pairWeight,
  probabilityOf,
  tierOf,
  withThresholds,
  type LinkageModel,
  type Thresholds,
  type Tier,
} from './model.ts';
import { prepareRecord, type PrepareOptions } from './prepare.ts';
import { MIN_TRAINING_RECORDS, priorModel } from './prior.ts';
import {
  buildModel,
  countPattern,
  estimateU,
  expectationMaximisation,
  rng,
  termFrequencies,
} from './train.ts';
import type { PersonInput, PreparedRecord } from './types.ts';

export interface TrainOptions {
  /** Random pairs for u (default 400,000). */
  uSamples?: number;
  /** Records whose candidate pairs feed EM (default 20,000). */
  emRecords?: number;
  seed?: number;
}

export interface LinkOptions extends PrepareOptions {
  /** A stored model; when absent one is trained on these records. */
  model?: LinkageModel;
  train?: TrainOptions;
  thresholds?: Partial<Thresholds>;
  rules?: readonly BlockingRule[];
  /** Blocks that would produce more pairs than this are skipped and reported (default 50,000). */
  maxBlockPairs?: number;
  /** Called for every pair in the auto-link or review tier, as it is found. */
  onPair?: (pair: ScoredPair) => void;
  /** Keep the pairs in the result (default true; false for streaming with onPair). */
  keepPairs?: boolean;
  /** Identities from an earlier run, so their ids persist (de-duplication only). */
  clusterState?: ClusterState;
  onProgress?: (phase: string, done: number, total: number) => void;
}

export interface ScoredPair {
  left: string;
  right: string;
  probability: number;
  tier: Exclude<Tier, 'non_match'>;
}

export interface LinkResult {
  model: LinkageModel;
  pairs: ScoredPair[];
  blocking: BlockingReport;
  comparisons: number;
  timings: Record<string, number>;
  /** Identities from auto-linked pairs (de-duplication only). */
  clusters?: ClusterResult;
}

const isPrepared = (r: PersonInput | PreparedRecord): r is PreparedRecord => 'addressTokens' in r;

export function prepareAll(
  records: readonly (PersonInput | PreparedRecord)[],
  options: PrepareOptions = {},
): PreparedRecord[] {
  return records.map((r) => (isPrepared(r) ? r : prepareRecord(r, options)));
}

/**
 * Trains a model: u from random pairs, term frequencies from all records, m and λ by EM over candidate
 * pairs. Below MIN_TRAINING_RECORDS records the built-in parameters are used instead (prior.ts).
 */
export function trainModel(
  records: readonly PreparedRecord[],
  options: TrainOptions & {
    index?: BlockIndex;
    rules?: readonly BlockingRule[];
    maxBlockPairs?: number;
    sides?: Uint8Array | null;
  } = {},
): LinkageModel {
  if (records.length < MIN_TRAINING_RECORDS) return priorModel(records);
  const seed = options.seed ?? 7;
  const u = estimateU(records, options.uSamples ?? 400_000, seed, options.sides ?? null);
  const tf = termFrequencies(records);
  const index =
    options.index ??
    buildBlocks(records, {
      rules: options.rules,
      maxBlockPairs: options.maxBlockPairs,
      sides: options.sides ?? null,
    });
  // EM sees the candidate pairs of a random subset of records: the same mixture of matches and
  // non-matches as the whole run, so λ is the prior of a candidate pair.
  const wanted = Math.min(records.length, options.emRecords ?? 20_000);
  const sample = new Uint8Array(records.length);
  const random = rng(seed + 1);
  if (wanted === records.length) sample.fill(1);
  else
    for (let picked = 0; picked < wanted;) {
      const i = Math.floor(random() * records.length);
      if (!sample[i]) {
        sample[i] = 1;
        picked++;
      }
    }
  const patterns = new Map<number, number>();
  const levels = new Uint8Array(FIELD_COUNT);
  let pairs = 0;
  sample.forEach((picked, i) => {
    if (!picked) return;
    forEachCandidateOf(index, i, (j) => {
      // A pair of two sampled records is counted once, from its first record.
      if (sample[j] && j < i) return;
      pairs++;
      countPattern(patterns, records[i] as PreparedRecord, records[j] as PreparedRecord, levels);
    });
  });
  const em = expectationMaximisation(patterns, u, {
    totalPairs: pairsInvolving(sample, options.sides ?? null),
  });
  return buildModel(em.m, u, em.lambda, tf, {
    records: records.length,
    emRecords: wanted,
    emPairs: pairs,
    emIterations: em.iterations,
    emConverged: em.converged,
    uSamples: options.uSamples ?? 400_000,
  });
}

/** How many pairs have at least one sampled record (across sides in a link). */
function pairsInvolving(sample: Uint8Array, sides: Uint8Array | null): number {
  const n = sample.length;
  let s = 0;
  if (!sides) {
    for (const x of sample) s += x;
    return s * (n - 1) - (s * (s - 1)) / 2;
  }
  const count = [0, 0];
  const picked = [0, 0];
  sides.forEach((side, i) => {
    count[side] = (count[side] ?? 0) + 1;
    picked[side] = (picked[side] ?? 0) + (sample[i] ?? 0);
  });
  const [nl = 0, nr = 0] = count;
  const [sl = 0, sr = 0] = picked;
  return nl * nr - (nl - sl) * (nr - sr);
}

function run(
  records: PreparedRecord[],
  sides: Uint8Array | null,
  options: LinkOptions,
  timings: Record<string, number>,
): Omit<LinkResult, 'clusters'> {
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - t);
    t = now;
  };
  const index = buildBlocks(records, { rules: options.rules, maxBlockPairs: options.maxBlockPairs, sides });
  lap('blockingMs');
  let model = options.model ?? trainModel(records, { ...options.train, index, sides });
  if (options.thresholds) model = withThresholds(model, options.thresholds);
  lap('trainingMs');
  const c = compileModel(model);
  const keep = options.keepPairs ?? true;
  const pairs: ScoredPair[] = [];
  const levels = new Uint8Array(FIELD_COUNT);
  const total = index.report.candidatePairs;
  let comparisons = 0;
  forEachCandidatePair(index, (i, j) => {
    const a = records[i] as PreparedRecord;
    const b = records[j] as PreparedRecord;
    const weight = pairWeight(c, a, b, levels);
    comparisons++;
    if (options.onProgress && (comparisons & 0x3ffff) === 0)
      options.onProgress('scoring', comparisons, total);
    if (weight < c.reviewWeight) return;
    const tier = tierOf(c, weight, levels);
    if (tier === 'non_match') return;
    const pair: ScoredPair = { left: a.id, right: b.id, probability: probabilityOf(weight), tier };
    options.onPair?.(pair);
    if (keep) pairs.push(pair);
  });
  options.onProgress?.('scoring', comparisons, comparisons);
  lap('scoringMs');
  timings.comparisonsPerSecond = Math.round((comparisons / Math.max(timings.scoringMs ?? 1, 1)) * 1000);
  return { model, pairs, blocking: index.report, comparisons, timings };
}

/** De-duplicates one set of records; auto-linked pairs are clustered into identities. */
export function dedupe(
  records: readonly (PersonInput | PreparedRecord)[],
  options: LinkOptions = {},
): LinkResult {
  const timings: Record<string, number> = {};
  const start = performance.now();
  const prepared = prepareAll(records, options);
  timings.prepareMs = Math.round(performance.now() - start);
  // Links are gathered here too, so identities are built even when the caller streams pairs away.
  const links: (readonly [string, string])[] = [];
  const result = run(
    prepared,
    null,
    {
      ...options,
      onPair: (pair) => {
        if (pair.tier === 'auto_link') links.push([pair.left, pair.right]);
        options.onPair?.(pair);
      },
    },
    timings,
  );
  const t = performance.now();
  const clusters = clusterLinks(
    prepared.map((r) => r.id),
    links,
    options.clusterState,
  );
  timings.clusterMs = Math.round(performance.now() - t);
  return { ...result, clusters };
}

/** Links two sets: every candidate pair has one record from each (left, right). */
export function link(
  left: readonly (PersonInput | PreparedRecord)[],
  right: readonly (PersonInput | PreparedRecord)[],
  options: LinkOptions = {},
): LinkResult {
  const timings: Record<string, number> = {};
  const start = performance.now();
  const prepared = prepareAll([...left, ...right], options);
  const sides = new Uint8Array(prepared.length);
  sides.fill(1, left.length);
  timings.prepareMs = Math.round(performance.now() - start);
  return run(prepared, sides, options, timings);
}
