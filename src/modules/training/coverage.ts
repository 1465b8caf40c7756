/**
 * Training coverage against targets (the documents' "Training of Trainers to reach 10,000 police
 * officers"). Pure functions over counts of people trained, so they are tested on known inputs.
 */

export const SERVICES = [
  'police',
  'prosecutor',
  'judicial_officer',
  'probation_officer',
  'labour_official',
  'cwc_member',
  'ngo',
  'lawyer',
] as const;
export type Service = (typeof SERVICES)[number];

/** People trained (each counted once) from one district and service. */
export interface TrainedCount {
  stateLgd: number;
  districtLgd: number | null;
  service: Service;
  trained: number;
}

/** A target: national when stateLgd is null, State-wide when districtLgd is null; all services when service is null. */
export interface Target {
  stateLgd: number | null;
  districtLgd: number | null;
  service: Service | null;
  target: number;
}

export interface CoverageLine extends Target {
  trained: number;
  /** trained / target × 100, one decimal; can pass 100. */
  percent: number;
  /** People still to train to reach the target (0 once reached). */
  remaining: number;
}

function covers(target: Target, count: TrainedCount): boolean {
  if (target.stateLgd !== null && target.stateLgd !== count.stateLgd) return false;
  if (target.districtLgd !== null && target.districtLgd !== count.districtLgd) return false;
  return target.service === null || target.service === count.service;
}

/** Each target with how many of the counted people fall under it. */
export function coverageAgainstTargets(
  counts: readonly TrainedCount[],
  targets: readonly Target[],
): CoverageLine[] {
  return targets.map((target) => {
    const trained = counts.filter((count) => covers(target, count)).reduce((sum, c) => sum + c.trained, 0);
    return {
      ...target,
      trained,
      percent: Math.round((trained / target.target) * 1000) / 10,
      remaining: Math.max(0, target.target - trained),
    };
  });
}

export interface DistrictCoverage {
  stateLgd: number;
  districtLgd: number | null;
  byService: Record<Service, number>;
  total: number;
}

const emptyServices = (): Record<Service, number> =>
  Object.fromEntries(SERVICES.map((service) => [service, 0])) as Record<Service, number>;

/** Counts pivoted to one line per district with a column per service, most trained first. */
export function coverageByDistrict(counts: readonly TrainedCount[]): DistrictCoverage[] {
  const lines = new Map<string, DistrictCoverage>();
  for (const count of counts) {
    const key = `${count.stateLgd}:${count.districtLgd ?? ''}`;
    const line = lines.get(key) ?? {
      stateLgd: count.stateLgd,
      districtLgd: count.districtLgd,
      byService: emptyServices(),
      total: 0,
    };
    line.byService[count.service] += count.trained;
    line.total += count.trained;
    lines.set(key, line);
  }
  return [...lines.values()].sort((a, b) => b.total - a.total || a.stateLgd - b.stateLgd);
}

/** People trained per service over all the counts. */
export function trainedByService(counts: readonly TrainedCount[]): Record<Service, number> {
  const totals = emptyServices();
  for (const count of counts) totals[count.service] += count.trained;
  return totals;
}
