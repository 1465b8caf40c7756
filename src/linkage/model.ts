/**
 * The Fellegi–Sunter model: per field and level, m = P(level | match) and u = P(level | non-match);
 * a pair's weight is log2 of the prior odds plus the sum of log2(m/u) (bits of evidence), and its
 * probability is the posterior. Exact and phonetic name agreement use the value's own frequency instead
 * of the average u, so "Kumar" = "Kumar" counts for less than "Pranjal" = "Pranjal".
 */
import {
  FIELD_COUNT,
  FIELD_LEVELS,
  FIELD_NAMES,
  FAMILY,
  GIVEN,
  SEX,
  compareRecords,
  type FieldName,
} from './fields.ts';
import type { PreparedName, PreparedRecord } from './types.ts';

export type Tier = 'auto_link' | 'review' | 'non_match';

export interface Thresholds {
  /** Probability at or above which a pair is linked without review. */
  autoLink: number;
  /** Probability at or above which a pair goes to review. */
  review: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { autoLink: 0.99, review: 0.5 };

export interface FieldParameters {
  levels: string[];
  /** Indexed like `levels`; the `null` level (index 0) is never used and kept as 1. */
  m: number[];
  u: number[];
}

/** Relative frequencies of name values, for the term-frequency adjustment. */
export interface TermFrequencies {
  exact: Record<string, number>;
  phonetic: Record<string, number>;
  /** Frequency assumed for values not in the table (rare ones). */
  floor: number;
}

export interface LinkageModel {
  version: 1;
  /** Prior probability that a candidate pair (one that blocking produced) is a match. */
  lambda: number;
  fields: Record<FieldName, FieldParameters>;
  tf: { given_name: TermFrequencies; family_name: TermFrequencies };
  thresholds: Thresholds;
  meta: Record<string, number | string | boolean>;
}

export interface Explanation {
  field: FieldName;
  level: string;
  /** log2 Bayes factor contributed by this field. */
  weight: number;
  tfAdjusted: boolean;
}

export interface PairScore {
  probability: number;
  /** Total match weight in bits, prior included. */
  weight: number;
  tier: Tier;
  explanation: Explanation[];
}

/** What scoring needs, precomputed from a model once. */
export interface CompiledModel {
  model: LinkageModel;
  priorWeight: number;
  /** weights[field * 8 + level] = log2(m/u). */
  weights: Float64Array;
  m: Float64Array;
  tfExact: [Map<string, number>, Map<string, number>];
  tfPhonetic: [Map<string, number>, Map<string, number>];
  tfFloor: [number, number];
  autoLinkWeight: number;
  reviewWeight: number;
}

const compiled = new WeakMap<LinkageModel, CompiledModel>();
const logit2 = (p: number) => Math.log2(p / (1 - p));
const clampP = (p: number) => Math.min(1 - 1e-12, Math.max(1e-12, p));

export function compileModel(model: LinkageModel): CompiledModel {
  const hit = compiled.get(model);
  if (hit) return hit;
  const weights = new Float64Array(FIELD_COUNT * 8);
  const m = new Float64Array(FIELD_COUNT * 8);
  FIELD_NAMES.forEach((name, f) => {
    const p = model.fields[name];
    for (let l = 1; l < p.levels.length; l++) {
      const mi = Math.max(p.m[l] ?? 1e-6, 1e-6);
      const ui = Math.max(p.u[l] ?? 1e-6, 1e-6);
      weights[f * 8 + l] = Math.log2(mi / ui);
      m[f * 8 + l] = mi;
    }
  });
  const tfMap = (r: Record<string, number>) => new Map(Object.entries(r));
  const c: CompiledModel = {
    model,
    priorWeight: logit2(clampP(model.lambda)),
    weights,
    m,
    tfExact: [tfMap(model.tf.given_name.exact), tfMap(model.tf.family_name.exact)],
    tfPhonetic: [tfMap(model.tf.given_name.phonetic), tfMap(model.tf.family_name.phonetic)],
    tfFloor: [model.tf.given_name.floor, model.tf.family_name.floor],
    autoLinkWeight: logit2(clampP(model.thresholds.autoLink)),
    reviewWeight: logit2(clampP(model.thresholds.review)),
  };
  compiled.set(model, c);
  return c;
}

function nameOf(r: PreparedRecord, field: number, swapped: boolean): PreparedName | null {
  return (field === GIVEN) !== swapped ? r.given : r.family;
}

/**
 * The weight of one name field at exact or phonetic agreement, from the value's frequency. Swapped
 * names are looked up in both tables and the commoner reading wins, which is the cautious one.
 */
function tfWeight(
  c: CompiledModel,
  f: number,
  level: number,
  a: PreparedRecord,
  swapped: boolean,
): number | null {
  if (level !== 1 && level !== 2) return null;
  const name = nameOf(a, f, swapped);
  if (!name) return null;
  const value = level === 1 ? name.joined : name.key;
  const tables = level === 1 ? c.tfExact : c.tfPhonetic;
  let tf = tables[f]?.get(value) ?? c.tfFloor[f] ?? 1e-5;
  if (swapped) tf = Math.max(tf, tables[1 - f]?.get(value) ?? 0);
  return Math.log2((c.m[f * 8 + level] ?? 1) / Math.max(tf, 1e-6));
}

const scratch = new Uint8Array(FIELD_COUNT);

/** Weight in bits (prior included) of a pair; fills `levels` when given. The batch hot path. */
export function pairWeight(
  c: CompiledModel,
  a: PreparedRecord,
  b: PreparedRecord,
  levels: Uint8Array = scratch,
): number {
  const swapped = compareRecords(a, b, levels);
  let w = c.priorWeight;
  for (let f = 0; f < FIELD_COUNT; f++) {
    const l = levels[f] ?? 0;
    if (l === 0) continue;
    if (f === GIVEN || f === FAMILY) {
      const tf = tfWeight(c, f, l, a, swapped);
      if (tf !== null) {
        w += tf;
        continue;
      }
    }
    w += c.weights[f * 8 + l] ?? 0;
  }
  return w;
}

export const probabilityOf = (weight: number) => 1 / (1 + Math.pow(2, -weight));

/**
 * The tier of a pair. A pair whose recorded sexes differ is never linked without a person looking at
 * it, however strong the rest: matching that confuses boys with girls is what discredits a system.
 */
export function tierOf(c: CompiledModel, weight: number, levels: Uint8Array): Tier {
  if (weight >= c.autoLinkWeight && levels[SEX] !== 2) return 'auto_link';
  if (weight >= c.reviewWeight) return 'review';
  return 'non_match';
}

/** Scores one pair with a per-field explanation of its weight. */
export function scorePair(model: LinkageModel, a: PreparedRecord, b: PreparedRecord): PairScore {
  const c = compileModel(model);
  const levels = new Uint8Array(FIELD_COUNT);
  const weight = pairWeight(c, a, b, levels);
  const swapped = compareRecords(a, b, levels);
  const explanation: Explanation[] = FIELD_NAMES.map((field, f) => {
    const l = levels[f] ?? 0;
    const tf = f === GIVEN || f === FAMILY ? tfWeight(c, f, l, a, swapped) : null;
    const w = l === 0 ? 0 : (tf ?? c.weights[f * 8 + l] ?? 0);
    return { field, level: FIELD_LEVELS[field][l] ?? 'null', weight: round(w), tfAdjusted: tf !== null };
  });
  return {
    probability: probabilityOf(weight),
    weight: round(weight),
    tier: tierOf(c, weight, levels),
    explanation,
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The model as JSON text, to store and re-estimate later. */
export function serialiseModel(model: LinkageModel): string {
  return JSON.stringify(model);
}

export function parseModel(json: string): LinkageModel {
  const value = JSON.parse(json) as Partial<LinkageModel>;
  if (value.version !== 1 || !value.fields || !value.tf || typeof value.lambda !== 'number') {
    throw new Error('not a Setu linkage model (version 1)');
  }
  for (const name of FIELD_NAMES) {
    const p = value.fields[name] as FieldParameters | undefined;
    if (p?.levels.length !== FIELD_LEVELS[name].length)
      throw new Error(`model field ${name} does not match this engine`);
  }
  return { thresholds: DEFAULT_THRESHOLDS, meta: {}, ...value } as LinkageModel;
}

export function withThresholds(model: LinkageModel, thresholds: Partial<Thresholds>): LinkageModel {
  return { ...model, thresholds: { ...model.thresholds, ...thresholds } };
}

/**
 * The model for a collection of `records` records. λ is the prior that two records drawn at random are
 * one person, so it falls as the collection grows (each person has about the same number of duplicates
 * however many strangers are added): rescale it when a model trained on one collection scores another,
 * e.g. one new record against everything stored.
 */
export function withPopulation(model: LinkageModel, records: number): LinkageModel {
  const trainedOn = typeof model.meta.records === 'number' ? model.meta.records : records;
  const lambda = Math.min(0.5, (model.lambda * Math.max(trainedOn - 1, 1)) / Math.max(records - 1, 1));
  return { ...model, lambda, meta: { ...model.meta, records } };
}
