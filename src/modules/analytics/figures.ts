/**
 * The figures as the API serves them: from the pre-aggregated counts when the range is whole months (every
 * range the dashboard offers), else live from the cases. Both give the same answer (counts.test.ts).
 */
import type { Tx } from '../../db/database.ts';
import * as live from './cases.ts';
import * as counted from './counts.ts';
import { crossTabs, liveCells, type DatasetTable } from './dataset.ts';
import type { Filters } from './filters.ts';
import * as places from './places.ts';

export function trends(tx: Tx, f: Filters, granularity: live.Granularity): Promise<live.TrendRow[]> {
  return counted.countsCover(f)
    ? counted.trendsFromCounts(tx, f, granularity)
    : live.trends(tx, f, granularity);
}

export function exploitationMix(tx: Tx, f: Filters): Promise<live.MixRow[]> {
  return counted.countsCover(f) ? counted.exploitationMixFromCounts(tx, f) : live.exploitationMix(tx, f);
}

export function victimsByAgeSex(tx: Tx, f: Filters): Promise<live.VictimRow[]> {
  return counted.countsCover(f) ? counted.victimsByAgeSexFromCounts(tx, f) : live.victimsByAgeSex(tx, f);
}

export function performance(tx: Tx, f: Filters, today?: string): Promise<live.Performance> {
  return counted.countsCover(f)
    ? counted.performanceFromCounts(tx, f, today)
    : live.performance(tx, f, today);
}

export function districtRoles(tx: Tx, f: Filters): Promise<places.DistrictRoleRow[]> {
  return counted.countsCover(f) ? counted.districtRolesFromCounts(tx, f) : places.districtRoles(tx, f);
}

export async function corridors(
  tx: Tx,
  f: Filters,
  level: places.CorridorLevel,
  limit: number,
): Promise<places.CorridorRow[]> {
  if (!counted.countsCover(f)) return places.corridors(tx, f, level, limit);
  return places.nameCorridors(tx, level, await counted.corridorCountsFromCounts(tx, f, level, limit));
}

export function transitHubs(tx: Tx, f: Filters, limit: number): Promise<places.HubRow[]> {
  return counted.countsCover(f)
    ? counted.transitHubsFromCounts(tx, f, limit)
    : places.transitHubs(tx, f, limit);
}

export function publishableDataset(tx: Tx, f: Filters): Promise<DatasetTable[]> {
  return crossTabs(
    counted.countsCover(f)
      ? {
          casesByYear: () => counted.datasetCellsFromCounts(tx, f, 'case', 'year'),
          victimsBySex: () => counted.datasetCellsFromCounts(tx, f, 'victim', 'b'),
          victimsByAge: () => counted.datasetCellsFromCounts(tx, f, 'victim', 'a'),
        }
      : liveCells(tx, f),
  );
}
