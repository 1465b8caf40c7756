/**
 * Estimating the model: u by comparing random pairs (almost all non-matches), m and the prior λ by
 * expectation–maximisation over candidate pairs with u held fixed (Splink's recipe), term frequencies
 * from the records, and re-estimation from reviewers' decisions.
 */
import {
  FIELD_COUNT,
  FIELD_LEVELS,
  FIELD_NAMES,
  compareRecords,
  decodePattern,
  patternCode,
  type FieldName,
} from './fields.ts';
import {
  DEFAULT_THRESHOLDS,
  type FieldParameters,
  type LinkageModel,
  type TermFrequencies,
} from './model.ts';
import type { PreparedRecord } from './types.ts';

/** Starting m values: agreement likely for a match, shading down the levels. */
const START_M: Record<FieldName, number[]> = {
  given_name: [1, 0.55, 0.15, 0.06, 0.08, 0.06, 0.04, 0.06],
  family_name: [1, 0.6, 0.12, 0.05, 0.08, 0.05, 0.04, 0.06],
  birth: [1, 0.4, 0.08, 0.05, 0.2, 0.17, 0.1],
  sex: [1, 0.98, 0.02],
  relatives: [1, 0.6, 0.15, 0.1, 0.15],
  district: [1, 0.5, 0.2, 0.3],
  address: [1, 0.4, 0.3, 0.3],
  phone: [1, 0.5, 0.05, 0.45],
  id_number: [1, 0.8, 0.1, 0.1],
};

function add(counts: Float64Array, at: number, by: number): void {
  counts[at] = (counts[at] ?? 0) + by;
}

/** Deterministic generator (mulberry32), so training is repeatable run to run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Level counts per field (index f*8+l), normalised over the non-null levels into probabilities. */
function toProbabilities(counts: Float64Array, pseudo: number): Record<FieldName, number[]> {
  const out = {} as Record<FieldName, number[]>;
  FIELD_NAMES.forEach((name, f) => {
    const n = FIELD_LEVELS[name].length;
    let total = 0;
    for (let l = 1; l < n; l++) total += (counts[f * 8 + l] ?? 0) + pseudo;
    const p = [1];
    for (let l = 1; l < n; l++) p.push(((counts[f * 8 + l] ?? 0) + pseudo) / total);
    out[name] = p;
  });
  return out;
}

/** u from `samples` random pairs of distinct records. */
export function estimateU(
  records: readonly PreparedRecord[],
  samples: number,
  seed = 1,
  sides: Uint8Array | null = null,
): Record<FieldName, number[]> {
  const counts = new Float64Array(FIELD_COUNT * 8);
  const levels = new Uint8Array(FIELD_COUNT);
  const random = rng(seed);
  const n = records.length;
  for (let s = 0, tries = 0; s < samples && n > 1 && tries < samples * 4; tries++) {
    const i = Math.floor(random() * n);
    let j = Math.floor(random() * (n - 1));
    if (j >= i) j++;
    // In a link, strangers are pairs across the two files.
    if (sides && sides[i] === sides[j]) continue;
    s++;
    const a = records[i];
    const b = records[j];
    if (!a || !b) continue;
    compareRecords(a, b, levels);
    for (let f = 0; f < FIELD_COUNT; f++) add(counts, f * 8 + (levels[f] ?? 0), 1);
  }
  return toProbabilities(counts, 0.5);
}

/** Frequencies of given and family names (exact and phonetic); the commonest `limit` are kept. */
export function termFrequencies(
  records: readonly PreparedRecord[],
  limit = 50_000,
): { given_name: TermFrequencies; family_name: TermFrequencies } {
  const build = (pick: (r: PreparedRecord) => { joined: string; key: string } | null): TermFrequencies => {
    const exact = new Map<string, number>();
    const phonetic = new Map<string, number>();
    let total = 0;
    for (const r of records) {
      const name = pick(r);
      if (!name?.joined) continue;
      total++;
      exact.set(name.joined, (exact.get(name.joined) ?? 0) + 1);
      phonetic.set(name.key, (phonetic.get(name.key) ?? 0) + 1);
    }
    const top = (m: Map<string, number>) =>
      Object.fromEntries(
        [...m]
          .filter(([, count]) => count >= 2)
          .sort((x, y) => y[1] - x[1])
          .slice(0, limit)
          .map(([k, count]) => [k, count / total]),
      );
    // A value seen once is rare, but never rarer than one in 100,000: the data are not the population.
    return { exact: top(exact), phonetic: top(phonetic), floor: Math.max(1 / Math.max(total, 1), 1e-5) };
  };
  return { given_name: build((r) => r.given), family_name: build((r) => r.family) };
}

export interface EmResult {
  m: Record<FieldName, number[]>;
  lambda: number;
  iterations: number;
  converged: boolean;
}

/**
 * EM over comparison patterns (identical vectors counted once). u stays fixed; m and λ are estimated.
 * λ is the prior of a pair drawn from ALL pairs (`totalPairs`), not from the candidates: the pairs that
 * blocking left out are non-matches to within its recall, so they add to the denominator only. This
 * keeps EM from the degenerate answer "every candidate is a match" that a candidate-level prior with
 * random-pair u falls into, and P(match | comparison vector) stays the same for any pair that blocking
 * selects on compared fields, which is what makes the scores calibrated.
 * Pseudo-counts keep every m above zero, so no single disagreement can veto a pair outright.
 */
export function expectationMaximisation(
  patterns: Map<number, number>,
  u: Record<FieldName, number[]>,
  options: {
    /** All pairs the candidates were drawn from; the others count as non-matches. */
    totalPairs: number;
    maxIterations?: number;
    tolerance?: number;
    lambda?: number;
    m?: Record<FieldName, number[]>;
  },
): EmResult {
  const codes = [...patterns.keys()];
  const counts = codes.map((c) => patterns.get(c) ?? 0);
  const levelsOf = codes.map((code) => {
    const l = new Uint8Array(FIELD_COUNT);
    decodePattern(code, l);
    return l;
  });
  let m = options.m ?? START_M;
  let candidates = 0;
  for (const n of counts) candidates += n;
  const totalPairs = Math.max(options.totalPairs, candidates, 1);
  // Start from "one duplicate for every other record", the usual order of magnitude.
  let lambda = options.lambda ?? Math.min(0.5, candidates / totalPairs / 20);
  const uArr = FIELD_NAMES.map((n) => u[n]);
  let iterations = 0;
  let converged = false;
  for (; iterations < (options.maxIterations ?? 100);) {
    iterations++;
    const mArr = FIELD_NAMES.map((n) => m[n]);
    const matchCounts = new Float64Array(FIELD_COUNT * 8);
    let matchTotal = 0;
    for (let p = 0; p < codes.length; p++) {
      const levels = levelsOf[p] ?? new Uint8Array(FIELD_COUNT);
      let logRatio = Math.log(lambda / (1 - lambda));
      for (let f = 0; f < FIELD_COUNT; f++) {
        const l = levels[f] ?? 0;
        if (l === 0) continue;
        logRatio += Math.log((mArr[f]?.[l] ?? 1e-6) / (uArr[f]?.[l] ?? 1e-6));
      }
      const posterior = 1 / (1 + Math.exp(-logRatio));
      const weight = posterior * (counts[p] ?? 0);
      matchTotal += weight;
      for (let f = 0; f < FIELD_COUNT; f++) add(matchCounts, f * 8 + (levels[f] ?? 0), weight);
    }
    const next = toProbabilities(matchCounts, 0.5);
    const nextLambda = Math.min(0.5, Math.max(1e-12, matchTotal / totalPairs));
    let change = Math.abs(nextLambda - lambda) / lambda;
    for (const n of FIELD_NAMES)
      next[n].forEach((v, l) => (change = Math.max(change, Math.abs(v - (m[n][l] ?? 0)))));
    m = next;
    lambda = nextLambda;
    if (change < (options.tolerance ?? 1e-5)) {
      converged = true;
      break;
    }
  }
  return { m, lambda, iterations, converged };
}

/** Adds the comparison pattern of a pair to a pattern count. */
export function countPattern(
  patterns: Map<number, number>,
  a: PreparedRecord,
  b: PreparedRecord,
  levels: Uint8Array,
): void {
  compareRecords(a, b, levels);
  const code = patternCode(levels);
  patterns.set(code, (patterns.get(code) ?? 0) + 1);
}

export function buildModel(
  m: Record<FieldName, number[]>,
  u: Record<FieldName, number[]>,
  lambda: number,
  tf: LinkageModel['tf'],
  meta: LinkageModel['meta'] = {},
): LinkageModel {
  const fields = {} as Record<FieldName, FieldParameters>;
  for (const n of FIELD_NAMES) fields[n] = { levels: [...FIELD_LEVELS[n]], m: m[n].map(r6), u: u[n].map(r9) };
  return { version: 1, lambda: r9(lambda), fields, tf, thresholds: { ...DEFAULT_THRESHOLDS }, meta };
}

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
const r9 = (x: number) => Number(x.toPrecision(6));

export interface LabelledPair {
  a: PreparedRecord;
  b: PreparedRecord;
  match: boolean;
}

/**
 * Re-estimates m from pairs a reviewer confirmed, blended with the current m as if it were `strength`
 * earlier pairs. u is left alone by default: rejected pairs come from the review queue, so they look
 * alike by construction and would understate how often strangers disagree; pass `updateU` to blend them.
 */
export function reestimateFromLabels(
  model: LinkageModel,
  pairs: readonly LabelledPair[],
  options: { strength?: number; updateU?: boolean } = {},
): LinkageModel {
  const strength = options.strength ?? 200;
  const levels = new Uint8Array(FIELD_COUNT);
  const blend = (which: 'm' | 'u', wanted: boolean) => {
    const counts = new Float64Array(FIELD_COUNT * 8);
    for (const p of pairs) {
      if (p.match !== wanted) continue;
      compareRecords(p.a, p.b, levels);
      for (let f = 0; f < FIELD_COUNT; f++) add(counts, f * 8 + (levels[f] ?? 0), 1);
    }
    const out = {} as Record<FieldName, number[]>;
    FIELD_NAMES.forEach((n, f) => {
      const current = model.fields[n][which];
      let seen = 0;
      for (let l = 1; l < current.length; l++) seen += counts[f * 8 + l] ?? 0;
      out[n] = current.map((v, l) =>
        l === 0 ? 1 : (strength * v + (counts[f * 8 + l] ?? 0)) / (strength + seen),
      );
    });
    return out;
  };
  const m = blend('m', true);
  const u = options.updateU
    ? blend('u', false)
    : Object.fromEntries(FIELD_NAMES.map((n) => [n, model.fields[n].u]));
  const next = buildModel(m, u as Record<FieldName, number[]>, model.lambda, model.tf, {
    ...model.meta,
    labelledPairs: pairs.length,
  });
  return { ...next, thresholds: model.thresholds };
}
