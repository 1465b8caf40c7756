/**
 * State scorecards from the AHTUs of each State: how many units are in each status, the average of each
 * unit's latest functionality score, and the share of sanctioned posts that are filled. Pure, so it is
 * tested on known inputs; the repository only fetches one row per AHTU.
 */

export const AHTU_STATUSES = ['sanctioned', 'established', 'functional', 'defunct'] as const;
export type AhtuStatus = (typeof AHTU_STATUSES)[number];

export interface AhtuFigures {
  stateLgd: number;
  stateName: string;
  /** null: the unit exists in the directory but nobody has recorded its status yet. */
  status: AhtuStatus | null;
  latestScore: number | null;
  staffSanctioned: number;
  staffPosted: number;
}

export interface Scorecard {
  stateLgd: number | null;
  stateName: string;
  units: number;
  byStatus: Record<AhtuStatus | 'not_recorded', number>;
  reviewed: number;
  /** Mean of the latest score of each reviewed unit, one decimal; null when none was reviewed. */
  averageScore: number | null;
  staffSanctioned: number;
  staffPosted: number;
  /** Posted as a share of sanctioned, one decimal; null when no posts are sanctioned. */
  staffingPercent: number | null;
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

function summarise(stateLgd: number | null, stateName: string, units: AhtuFigures[]): Scorecard {
  const byStatus: Scorecard['byStatus'] = {
    sanctioned: 0,
    established: 0,
    functional: 0,
    defunct: 0,
    not_recorded: 0,
  };
  let scoreSum = 0;
  let reviewed = 0;
  let staffSanctioned = 0;
  let staffPosted = 0;
  for (const unit of units) {
    byStatus[unit.status ?? 'not_recorded'] += 1;
    if (unit.latestScore !== null) {
      reviewed += 1;
      scoreSum += unit.latestScore;
    }
    staffSanctioned += unit.staffSanctioned;
    staffPosted += unit.staffPosted;
  }
  return {
    stateLgd,
    stateName,
    units: units.length,
    byStatus,
    reviewed,
    averageScore: reviewed === 0 ? null : oneDecimal(scoreSum / reviewed),
    staffSanctioned,
    staffPosted,
    staffingPercent: staffSanctioned === 0 ? null : oneDecimal((staffPosted / staffSanctioned) * 100),
  };
}

/** One scorecard per State (by name), and the total over all of them. */
export function stateScorecards(units: readonly AhtuFigures[]): { states: Scorecard[]; total: Scorecard } {
  const byState = new Map<number, AhtuFigures[]>();
  for (const unit of units) {
    const list = byState.get(unit.stateLgd) ?? [];
    list.push(unit);
    byState.set(unit.stateLgd, list);
  }
  const states = [...byState.entries()]
    .map(([state, list]) => summarise(state, list[0]?.stateName ?? '', list))
    .sort((a, b) => a.stateName.localeCompare(b.stateName));
  return { states, total: summarise(null, 'All States', [...units]) };
}
