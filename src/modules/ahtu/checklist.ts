/**
 * The AHTU functionality checklist and its score. An RTI study found only about a quarter of the units
 * reported "operational" really functioning, so a review asks about what a working unit has and does,
 * not whether it exists on paper. Each item carries a weight; the score is the weighted share of the
 * applicable items that are met (a "partly" counts half), from 0 to 100.
 */

export const CHECKLIST_VERSION = 1;

export const CHECKLIST_ITEMS = [
  // What the unit has.
  { key: 'premises', weight: 8 },
  { key: 'staff_posted', weight: 12 },
  { key: 'woman_officer', weight: 8 },
  { key: 'vehicle', weight: 8 },
  { key: 'equipment', weight: 6 },
  { key: 'trained_staff', weight: 10 },
  // What the unit does.
  { key: 'cases_investigated', weight: 14 },
  { key: 'rescue_operations', weight: 10 },
  { key: 'victim_care_linkage', weight: 10 },
  { key: 'inter_state_coordination', weight: 6 },
  { key: 'records_on_setu', weight: 8 },
] as const;

export type ChecklistKey = (typeof CHECKLIST_ITEMS)[number]['key'];
export const CHECKLIST_KEYS: readonly ChecklistKey[] = CHECKLIST_ITEMS.map((item) => item.key);

export const ANSWERS = ['yes', 'partly', 'no', 'not_applicable'] as const;
export type Answer = (typeof ANSWERS)[number];

const CREDIT: Record<Answer, number | null> = { yes: 1, partly: 0.5, no: 0, not_applicable: null };

/** The bands a score falls in, for scorecards and the map. */
export type ScoreBand = 'functional' | 'partly_functional' | 'not_functional';

export function scoreBand(score: number): ScoreBand {
  if (score >= 70) return 'functional';
  if (score >= 40) return 'partly_functional';
  return 'not_functional';
}

export interface ReviewScore {
  /** 0–100, one decimal. */
  score: number;
  band: ScoreBand;
  /** Items answered yes/partly/no (not "not applicable"). */
  applicable: number;
}

/**
 * The weighted share of applicable items met, 0–100 rounded to one decimal. Every checklist item must
 * be answered; "not applicable" leaves the item out of both sides of the share. Throws when an item is
 * missing or unknown, or when nothing is applicable (a review that says nothing has no score).
 */
export function scoreReview(answers: Readonly<Record<string, Answer>>): ReviewScore {
  const unknown = Object.keys(answers).filter((key) => !CHECKLIST_KEYS.includes(key as ChecklistKey));
  if (unknown.length > 0) throw new ChecklistError(`Unknown checklist items: ${unknown.join(', ')}.`);
  const missing = CHECKLIST_KEYS.filter((key) => answers[key] === undefined);
  if (missing.length > 0)
    throw new ChecklistError(`Answer every checklist item; missing: ${missing.join(', ')}.`);
  let earned = 0;
  let possible = 0;
  let applicable = 0;
  for (const item of CHECKLIST_ITEMS) {
    const credit = CREDIT[answers[item.key] as Answer];
    if (credit === null) continue;
    applicable += 1;
    possible += item.weight;
    earned += item.weight * credit;
  }
  if (possible === 0)
    throw new ChecklistError('At least one checklist item must apply to the unit to give a score.');
  const score = Math.round((earned / possible) * 1000) / 10;
  return { score, band: scoreBand(score), applicable };
}

export class ChecklistError extends Error {
  override readonly name = 'ChecklistError';
}

/** Police ranks of an AHTU's sanctioned strength, senior first. */
export const RANKS = [
  'dy_sp',
  'inspector',
  'sub_inspector',
  'assistant_sub_inspector',
  'head_constable',
  'constable',
] as const;
export type Rank = (typeof RANKS)[number];
