/**
 * Scoring a missing report against a found person. Pure (no database): the API, the demo seed and the
 * benchmark use the same code.
 *
 * The linkage engine's Fellegi–Sunter model scores names (in any script), relatives, birth/age, sex, address
 * and phone. Tracing adds four pieces of evidence the engine does not know, each as bits (log2 m/u):
 * - sex: a recorded sex that differs costs 40 bits on top of the engine's own, which no agreement of names
 *   can outweigh: the 2018 drive that matched boys with girls is what this guards against (the price is
 *   that a sex recorded wrongly hides a true pair, which a reviewer can still find by reference);
 * - age plausibility: the age on the missing report, grown by the time that passed, against the age
 *   estimated when found; outside the tolerance of two estimates it costs 16 bits, and a person found
 *   before they went missing costs 12;
 * - place last seen against place found: the same district is evidence, a different State is almost none
 *   (trafficked children are found far from home);
 * - the language the person speaks.
 * The prior is the chance that one found person is one given open report, so probabilities are calibrated
 * over the whole collection (bench/restoration measures how well).
 */
import { blockingKeys } from '../../linkage/blocking.ts';
import { scorePair, type LinkageModel } from '../../linkage/model.ts';
import { prepareRecord } from '../../linkage/prepare.ts';
import { priorModel } from '../../linkage/prior.ts';
import { termFrequencies } from '../../linkage/train.ts';
import type { PreparedRecord } from '../../linkage/types.ts';

export interface TracingSubject {
  id: string;
  side: 'missing' | 'found';
  /** The name and its aliases, in any script; empty for a person who gave none. */
  names: string[];
  fatherName: string | null;
  motherName: string | null;
  dateOfBirth: string | null;
  ageYears: number | null;
  /** The date the age refers to (YYYY-MM-DD). */
  ageOn: string | null;
  sex: string;
  language: string | null;
  /** Last seen (missing) or found (found). */
  districtLgd: number;
  stateLgd: number;
  /** Last seen on (missing) or found on (found). */
  eventOn: string;
  address: string | null;
  phone: string | null;
}

export interface ExplainedField {
  field: string;
  level: string;
  /** Bits of evidence: positive for, negative against. */
  weight: number;
}

export interface CandidateScore {
  probability: number;
  weight: number;
  explanation: ExplainedField[];
}

export interface PreparedSubject {
  subject: TracingSubject;
  records: PreparedRecord[];
}

const ENGINE_SEX: Record<string, string | null> = {
  female: 'f',
  male: 'm',
  transgender: null,
  unknown: null,
};

export function prepareSubject(subject: TracingSubject): PreparedSubject {
  const names = subject.names.length > 0 ? subject.names : [''];
  const records = names.map((name, i) =>
    prepareRecord({
      id: `${subject.id}#${i}`,
      fullName: name || null,
      fatherName: subject.fatherName,
      motherName: subject.motherName,
      dob: subject.dateOfBirth,
      age: subject.dateOfBirth ? null : subject.ageYears,
      ageAt: subject.ageOn ?? subject.eventOn,
      sex: ENGINE_SEX[subject.sex] ?? null,
      address: subject.address,
      phone: subject.phone,
    }),
  );
  return { subject, records };
}

/** The blocking keys of a subject: the engine's rules over every name it is known by. */
export function subjectKeys(prepared: PreparedSubject): string[] {
  const keys = new Set<string>();
  for (const record of prepared.records) {
    if (!record.given && !record.family) continue;
    for (const { rule, key } of blockingKeys(record)) keys.add(`${rule}:${key}`);
  }
  return [...keys];
}

/**
 * The engine's built-in m and u with the tracing prior (a found person is one given open report with
 * chance `share / reports`) and, when records are given, name frequencies counted in them: in a register
 * of tribal Jharkhand "Ekka" is common, and agreeing on it says less than agreeing on a rare name.
 */
export function tracingModel(
  openReports: number,
  records: readonly PreparedSubject[] = [],
  share = 0.5,
): LinkageModel {
  const base = priorModel([]);
  const prepared = records.flatMap((r) => r.records);
  const tf = prepared.length >= 200 ? termFrequencies(prepared) : base.tf;
  return {
    ...base,
    tf,
    lambda: Math.min(0.5, share / Math.max(openReports, 1)),
    meta: { ...base.meta, records: prepared.length },
  };
}

const yearsBetween = (from: string, to: string) =>
  (Date.parse(to) - Date.parse(from)) / (365.25 * 86_400_000);

function sexEvidence(a: string, b: string): ExplainedField | null {
  const known = (s: string) => s === 'female' || s === 'male';
  if (!known(a) || !known(b)) return { field: 'sex_check', level: 'not_comparable', weight: 0 };
  return a === b
    ? { field: 'sex_check', level: 'same', weight: 0 }
    : { field: 'sex_check', level: 'different', weight: -40 };
}

function ageEvidence(missing: TracingSubject, found: TracingSubject): ExplainedField {
  if (found.eventOn < missing.eventOn)
    return { field: 'age_check', level: 'found_before_missing', weight: -12 };
  const ageAt = (s: TracingSubject, on: string): number | null => {
    if (s.dateOfBirth) return yearsBetween(s.dateOfBirth, on);
    if (s.ageYears === null) return null;
    return s.ageYears + yearsBetween(s.ageOn ?? s.eventOn, on);
  };
  const expected = ageAt(missing, found.eventOn);
  const seen = ageAt(found, found.eventOn);
  if (expected === null || seen === null) return { field: 'age_check', level: 'not_comparable', weight: 0 };
  const gap = Math.abs(expected - seen);
  // Two estimates of a child's age are each off by a year or two; adults' by more.
  const tolerance = 2 + 0.12 * Math.max(expected, seen);
  if (gap <= 1.5) return { field: 'age_check', level: 'consistent', weight: 0 };
  if (gap <= tolerance) return { field: 'age_check', level: 'plausible', weight: 0 };
  return { field: 'age_check', level: 'implausible', weight: -16 };
}

function placeEvidence(missing: TracingSubject, found: TracingSubject): ExplainedField {
  if (missing.districtLgd === found.districtLgd) return { field: 'place', level: 'same_district', weight: 3 };
  if (missing.stateLgd === found.stateLgd) return { field: 'place', level: 'same_state', weight: 1 };
  return { field: 'place', level: 'other_state', weight: -0.5 };
}

function languageEvidence(a: string | null, b: string | null): ExplainedField {
  if (!a || !b) return { field: 'language', level: 'null', weight: 0 };
  return a === b
    ? { field: 'language', level: 'same', weight: 1.6 }
    : { field: 'language', level: 'different', weight: -2.8 };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Family name, parents' names and village are one piece of evidence about a household, not three
 * independent ones: a brother or sister of the missing child agrees on all three. So the strongest counts
 * in full and the others at a third; and when the given names disagree, the household may add at most
 * 4 bits (a sibling is not the child).
 */
const HOUSEHOLD = new Set(['family_name', 'relatives', 'address']);
function householdCorrection(engine: readonly ExplainedField[]): ExplainedField | null {
  const positive = engine.filter((e) => HOUSEHOLD.has(e.field) && e.weight > 0).map((e) => e.weight);
  if (positive.length === 0) return null;
  const total = positive.reduce((a, b) => a + b, 0);
  const strongest = Math.max(...positive);
  const given = engine.find((e) => e.field === 'given_name');
  const siblingLike = given !== undefined && given.weight < 0;
  const allowed = siblingLike ? Math.min(4, strongest) : strongest + (total - strongest) / 3;
  if (allowed >= total) return null;
  return {
    field: 'household',
    level: siblingLike ? 'given_names_differ' : 'counted_once',
    weight: round(allowed - total),
  };
}

/**
 * Recalibration of the summed evidence, p = 1 / (1 + 2^-(SLOPE·w + SHIFT)), fitted by logistic
 * regression on a demo set with another seed than the one the benchmark reports (bench/restoration
 * --fit): the engine's m and u were estimated for de-duplication, not for tracing across States.
 */
export const CALIBRATION = { slope: 0.6792, shift: -3.4601 };

/** Scores a pair: the best reading over the names each side is known by, plus the tracing evidence. */
export function scoreCandidate(
  model: LinkageModel,
  missing: PreparedSubject,
  found: PreparedSubject,
): CandidateScore {
  let best: ReturnType<typeof scorePair> | null = null;
  for (const a of missing.records)
    for (const b of found.records) {
      const score = scorePair(model, a, b);
      if (!best || score.weight > best.weight) best = score;
    }
  if (!best) throw new Error('a subject without a prepared record');
  const engine: ExplainedField[] = best.explanation
    .filter((e) => e.field !== 'district' && e.level !== 'null')
    .map((e) => ({ field: e.field, level: e.level, weight: e.weight }));
  const extra = [
    householdCorrection(engine),
    sexEvidence(missing.subject.sex, found.subject.sex),
    ageEvidence(missing.subject, found.subject),
    placeEvidence(missing.subject, found.subject),
    languageEvidence(missing.subject.language, found.subject.language),
  ].filter((e): e is ExplainedField => e !== null);
  const weight = best.weight + extra.reduce((sum, e) => sum + e.weight, 0);
  return {
    probability: 1 / (1 + Math.pow(2, -(CALIBRATION.slope * weight + CALIBRATION.shift))),
    weight: round(weight),
    explanation: [...engine, ...extra],
  };
}

/** How many candidates a record keeps, and the least probability worth a reviewer's time. */
export const CANDIDATE_LIMIT = 5;
export const CANDIDATE_FLOOR = 0.05;
/** From this probability a new candidate raises an alert to both units. */
export const ALERT_FROM = 0.5;

/** The top candidates of one subject among `others` (already blocked), best first. */
export function rankCandidates(
  model: LinkageModel,
  subject: PreparedSubject,
  others: readonly PreparedSubject[],
  limit = CANDIDATE_LIMIT,
  floor = CANDIDATE_FLOOR,
): { other: PreparedSubject; score: CandidateScore }[] {
  const scored = others.map((other) => ({
    other,
    score:
      subject.subject.side === 'missing'
        ? scoreCandidate(model, subject, other)
        : scoreCandidate(model, other, subject),
  }));
  return scored
    .filter((s) => s.score.probability >= floor)
    .sort((a, b) => b.score.weight - a.score.weight)
    .slice(0, limit);
}
