/**
 * The figures read from the pre-aggregated counts (migration 20261202_0014_analytics_counts.sql): the same
 * answers as the live queries in cases.ts, places.ts and dataset.ts, summed from a few thousand rows of
 * counts per month instead of every case. Counts exist per month of registration, so they answer ranges
 * made of whole months (figures.ts chooses); the tests check that both paths agree after every kind of
 * change to cases, persons and routes.
 */
import type { Tx } from '../../db/database.ts';
import {
  AGE_BANDS,
  toMixRow,
  type Granularity,
  type MixRow,
  type Performance,
  type TrendRow,
  type VictimRow,
} from './cases.ts';
import { Params, whereClause, type Filters } from './filters.ts';
import {
  queryNamedHubs,
  type DistrictStageCounts,
  toDistrictRoleRow,
  type CorridorLevel,
  type DistrictRoleRow,
  type HubRow,
} from './places.ts';

/** A level of the counts: 0/0 India, S/0 a State, S/D a district (where cases were registered). */
interface Level {
  state: number;
  district: number;
}

/** Case figures select by the registering State or district: the narrowest of the filter and the scope. */
function caseLevel(f: Filters): Level {
  if (f.district !== null) return { state: f.state ?? 0, district: f.district };
  if (f.state !== null) return { state: f.state, district: 0 };
  return scopeLevel(f);
}

/** Place figures filter places, not cases: the level is the caller's jurisdiction. */
function scopeLevel(f: Filters): Level {
  if (f.scopeDistrict) return { state: f.scopeState ?? 0, district: f.scopeDistrict };
  if (f.scopeState) return { state: f.scopeState, district: 0 };
  return { state: 0, district: 0 };
}

const isFirstOfMonth = (date: string) => date.endsWith('-01');
function isLastOfMonth(date: string): boolean {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.getUTCDate() === 1;
}

/** Whether the counts answer this range exactly: it starts and ends on month boundaries (or is open). */
export function countsCover(f: Filters): boolean {
  return (f.from === null || isFirstOfMonth(f.from)) && (f.to === null || isLastOfMonth(f.to));
}

/**
 * Conditions on the counts view `k`: one level, some figures, the months of the range. An open range reads
 * the all-time rows (month 'infinity'), unless the figure needs the months themselves (`byMonth`).
 */
function countConditions(
  level: Level,
  figures: readonly string[],
  f: Filters,
  p: Params,
  byMonth = false,
): string[] {
  const where = [
    `k.scope_state = ${p.add(level.state)}`,
    `k.scope_district = ${p.add(level.district)}`,
    `k.figure = ANY (${p.add(figures)}::text[])`,
  ];
  if (!f.from && !f.to && !byMonth) return [...where, `k.month = 'infinity'`];
  where.push(`k.month < 'infinity'`);
  if (f.from) where.push(`k.month >= date_trunc('month', ${p.add(f.from)}::date)::date`);
  if (f.to) where.push(`k.month <= ${p.add(f.to)}::date`);
  return where;
}

/** Place figures' own filter: where the route event happened. */
function placeConditions(f: Filters, p: Params): string[] {
  if (f.district !== null) return [`k.place_district = ${p.add(f.district)}`];
  if (f.state !== null) return [`k.place_state = ${p.add(f.state)}`];
  return [];
}

export async function trendsFromCounts(tx: Tx, f: Filters, granularity: Granularity): Promise<TrendRow[]> {
  const p = new Params();
  const where = whereClause(countConditions(caseLevel(f), ['case', 'person'], f, p, true));
  const fmt = granularity === 'month' ? 'YYYY-MM' : 'YYYY';
  const { rows } = await tx.query<TrendRow>(
    `SELECT to_char(k.month, '${fmt}') AS period,
       coalesce(sum(k.n) FILTER (WHERE k.figure = 'case'), 0)::int AS cases,
       coalesce(sum(k.n) FILTER (WHERE k.figure = 'person' AND k.a = 'victim'), 0)::int AS victims,
       coalesce(sum(k.n) FILTER (WHERE k.figure = 'person' AND k.a = 'accused'), 0)::int AS accused
     FROM analytics_counts_current k ${where}
     GROUP BY 1 HAVING coalesce(sum(k.n) FILTER (WHERE k.figure = 'case'), 0) > 0 ORDER BY 1`,
    p.values,
  );
  return rows;
}

export async function exploitationMixFromCounts(tx: Tx, f: Filters): Promise<MixRow[]> {
  const p = new Params();
  const where = whereClause(countConditions(caseLevel(f), ['form', 'with_forms'], f, p));
  const { rows } = await tx.query<{
    form: string;
    title: string;
    title_hi: string;
    cases: number;
    total: number;
  }>(
    `WITH summed AS (
       SELECT k.figure, k.a, sum(k.n)::int AS n FROM analytics_counts_current k ${where} GROUP BY 1, 2),
     total AS (SELECT coalesce(sum(n), 0)::int AS n FROM summed WHERE figure = 'with_forms')
     SELECT s.a AS form, ef.title, ef.title_hi, s.n AS cases, t.n AS total
     FROM summed s CROSS JOIN total t LEFT JOIN exploitation_forms ef ON ef.code = s.a
     WHERE s.figure = 'form' AND s.n > 0
     ORDER BY s.n DESC, s.a`,
    p.values,
  );
  return rows.map(toMixRow);
}

export async function victimsByAgeSexFromCounts(tx: Tx, f: Filters): Promise<VictimRow[]> {
  const p = new Params();
  const where = whereClause(countConditions(caseLevel(f), ['victim'], f, p));
  const { rows } = await tx.query<{ age_band: string; sex: string; victims: number }>(
    `SELECT k.a AS age_band, k.b AS sex, sum(k.n)::int AS victims
     FROM analytics_counts_current k ${where} GROUP BY 1, 2 HAVING sum(k.n) > 0`,
    p.values,
  );
  const order = (band: string) => AGE_BANDS.indexOf(band as (typeof AGE_BANDS)[number]);
  return rows
    .map((r) => ({ ageBand: r.age_band, sex: r.sex, victims: r.victims }))
    .sort((a, b) => order(a.ageBand) - order(b.ageBand) || a.sex.localeCompare(b.sex));
}

/** percentile_cont(0.5) of values given as (value, how many): the mean of the middle two when even. */
export function medianOfCounts(counts: readonly { value: number; n: number }[]): number | null {
  const sorted = counts.filter((c) => c.n > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, c) => sum + c.n, 0);
  if (total === 0) return null;
  const at = (index: number): number => {
    let seen = 0;
    for (const c of sorted) {
      seen += c.n;
      if (index < seen) return c.value;
    }
    return sorted[sorted.length - 1]?.value ?? 0;
  };
  const position = (total - 1) / 2;
  const lower = at(Math.floor(position));
  const upper = at(Math.ceil(position));
  return lower + (upper - lower) * (position - Math.floor(position));
}

export async function performanceFromCounts(tx: Tx, f: Filters, today?: string): Promise<Performance> {
  const p = new Params();
  const where = whereClause(
    countConditions(
      caseLevel(f),
      ['deadline', 'status', 'charge_sheeted', 'days_to_charge_sheet', 'days_arrest_to_charge_sheet'],
      f,
      p,
    ),
  );
  // A case awaiting its charge-sheet is counted under its due date; whether that is past depends on the
  // day, so the dates collapse here into 'past' and 'within' (the day is the database's, as live).
  const now = today ? `${p.add(today)}::date` : 'current_date';
  const { rows } = await tx.query<{ figure: string; a: string; b: string; n: number }>(
    `SELECT k.figure, k.a,
       CASE WHEN k.b LIKE 'awaiting:%'
         THEN CASE WHEN substr(k.b, 10)::date < ${now} THEN 'past' ELSE 'within' END
         ELSE k.b END AS b,
       sum(k.n)::int AS n
     FROM analytics_counts_current k ${where}
     GROUP BY 1, 2, 3 HAVING sum(k.n) <> 0`,
    p.values,
  );
  const sum = (figure: string, a?: string) =>
    rows.filter((r) => r.figure === figure && (a === undefined || r.a === a)).reduce((s, r) => s + r.n, 0);

  interface Tally {
    withDeadline: number;
    onTime: number;
    late: number;
    past: number;
    within: number;
  }
  const tallies = new Map<string, Tally>();
  const all: Tally = { withDeadline: 0, onTime: 0, late: 0, past: 0, within: 0 };
  for (const r of rows.filter((row) => row.figure === 'deadline')) {
    const t = tallies.get(r.a) ?? { withDeadline: 0, onTime: 0, late: 0, past: 0, within: 0 };
    tallies.set(r.a, t);
    for (const target of [t, all]) {
      target.withDeadline += r.n;
      if (r.b === 'on_time') target.onTime += r.n;
      else if (r.b === 'late') target.late += r.n;
      else if (r.b === 'past') target.past += r.n;
      else if (r.b === 'within') target.within += r.n;
    }
  }
  const deadlineRow = (deadline: string, t: Tally) => {
    const due = t.onTime + t.late + t.past;
    return {
      deadline,
      withDeadline: t.withDeadline,
      chargeSheetedOnTime: t.onTime,
      chargeSheetedLate: t.late,
      pendingPastDeadline: t.past,
      pendingWithinDeadline: t.within,
      onTimeRate: due > 0 ? t.onTime / due : null,
    };
  };
  const histogram = (figure: string) =>
    rows.filter((r) => r.figure === figure).map((r) => ({ value: Number(r.a), n: r.n }));
  const convicted = sum('status', 'convicted');
  const acquitted = sum('status', 'acquitted');
  const discharged = sum('status', 'discharged');
  const decided = convicted + acquitted + discharged;
  return {
    deadlines: [
      ...[...tallies.entries()]
        .sort(([a], [b]) => Number(a) - Number(b))
        .map(([days, t]) => deadlineRow(days, t)),
      deadlineRow('all', all),
    ],
    decided,
    convicted,
    acquitted,
    discharged,
    convictionRate: decided > 0 ? convicted / decided : null,
    chargeSheeted: sum('charge_sheeted'),
    medianDaysToChargeSheet: medianOfCounts(histogram('days_to_charge_sheet')),
    medianDaysArrestToChargeSheet: medianOfCounts(histogram('days_arrest_to_charge_sheet')),
  };
}

export async function districtRolesFromCounts(tx: Tx, f: Filters): Promise<DistrictRoleRow[]> {
  const p = new Params();
  const where = whereClause([...countConditions(scopeLevel(f), ['place'], f, p), ...placeConditions(f, p)]);
  const { rows } = await tx.query<DistrictStageCounts>(
    `WITH counted AS (
       SELECT k.place_district AS district_lgd,
         coalesce(sum(k.n) FILTER (WHERE k.a = 'recruitment'), 0)::int AS source,
         coalesce(sum(k.n) FILTER (WHERE k.a = 'transit'), 0)::int AS transit,
         coalesce(sum(k.n) FILTER (WHERE k.a = 'exploitation'), 0)::int AS destination,
         coalesce(sum(k.n) FILTER (WHERE k.a = 'any'), 0)::int AS cases
       FROM analytics_counts_current k ${where}
       GROUP BY 1)
     SELECT k.*, d.name AS district_name, d.state_lgd, s.name AS state_name
     FROM counted k JOIN districts d ON d.lgd_code = k.district_lgd JOIN states s ON s.lgd_code = d.state_lgd
     WHERE k.cases > 0
     ORDER BY k.cases DESC, d.name, d.lgd_code`,
    p.values,
  );
  return rows.map(toDistrictRoleRow);
}

/**
 * Corridor keys as the counts hold them (LGD codes or `country:XX`). State flows have keys of their own;
 * a district's or a State's corridors at district level are found by the ends' codes, or their States.
 */
export async function corridorCountsFromCounts(
  tx: Tx,
  f: Filters,
  level: CorridorLevel,
  limit: number,
): Promise<{ origin: string; destination: string; cases: number }[]> {
  const p = new Params();
  // State flows through one district need the district ends: read district keys and name their States.
  const byDistrict = level === 'district' || f.district !== null;
  const where = countConditions(scopeLevel(f), [byDistrict ? 'corridor' : 'corridor_state'], f, p);
  let origin = 'k.a';
  let destination = 'k.b';
  let joins = '';
  if (f.district !== null) {
    const d = p.add(String(f.district));
    where.push(`(k.a = ${d} OR k.b = ${d})`);
  } else if (f.state !== null && !byDistrict) {
    const s = p.add(String(f.state));
    where.push(`(k.a = ${s} OR k.b = ${s})`);
  }
  if (byDistrict && (level === 'state' || (f.state !== null && f.district === null))) {
    joins = `LEFT JOIN districts od ON od.lgd_code = CASE WHEN k.a ~ '^[0-9]+$' THEN k.a::int END
      LEFT JOIN districts xd ON xd.lgd_code = CASE WHEN k.b ~ '^[0-9]+$' THEN k.b::int END`;
    if (f.state !== null && f.district === null) {
      const s = p.add(f.state);
      where.push(`(od.state_lgd = ${s} OR xd.state_lgd = ${s})`);
    }
    if (level === 'state') {
      origin = 'coalesce(od.state_lgd::text, k.a)';
      destination = 'coalesce(xd.state_lgd::text, k.b)';
    }
  }
  const lim = p.add(limit);
  // India's district pairs over a few years are a few hundred thousand rows to hash; the default 4 MB of
  // work memory spills them to disk (twice the time). For this transaction only.
  await tx.query(`SET LOCAL work_mem = '32MB'`);
  const { rows } = await tx.query<{ origin: string; destination: string; cases: number }>(
    `SELECT ${origin} AS origin, ${destination} AS destination, sum(k.n)::int AS cases
     FROM analytics_counts_current k ${joins}
     ${whereClause(where)}
     GROUP BY 1, 2 HAVING sum(k.n) > 0 ORDER BY cases DESC, 1, 2 LIMIT ${lim}`,
    p.values,
  );
  return rows;
}

export function transitHubsFromCounts(tx: Tx, f: Filters, limit: number): Promise<HubRow[]> {
  const p = new Params();
  const where = whereClause([...countConditions(scopeLevel(f), ['hub'], f, p), ...placeConditions(f, p)]);
  const lim = p.add(limit);
  return queryNamedHubs(
    tx,
    `SELECT split_part(k.a, ':', 1) AS kind, substr(k.a, strpos(k.a, ':') + 1) AS code,
       nullif(min(k.place_district), 0) AS district_lgd,
       coalesce(sum(k.n) FILTER (WHERE k.b = 'any'), 0)::int AS cases,
       coalesce(sum(k.n) FILTER (WHERE k.b = 'transit'), 0)::int AS transit,
       coalesce(sum(k.n) FILTER (WHERE k.b = 'rescue'), 0)::int AS rescue
     FROM analytics_counts_current k ${where}
     GROUP BY 1, 2 HAVING coalesce(sum(k.n) FILTER (WHERE k.b = 'any'), 0) > 0
     ORDER BY cases DESC, code LIMIT ${lim}`,
    p.values,
  );
}

/** Cells of the publishable dataset: State × a column, at the State level (or the district asked for). */
export async function datasetCellsFromCounts(
  tx: Tx,
  f: Filters,
  figure: 'case' | 'victim',
  column: 'year' | 'a' | 'b',
): Promise<{ row: string; col: string; n: number }[]> {
  const p = new Params();
  const level = caseLevel(f);
  const where = [`k.figure = ${p.add(figure)}`];
  if (level.state === 0) where.push('k.scope_state > 0', 'k.scope_district = 0');
  else where.push(`k.scope_state = ${p.add(level.state)}`, `k.scope_district = ${p.add(level.district)}`);
  // By year for the cases table; all-time rows for the others when the range is open.
  if (column !== 'year' && !f.from && !f.to) where.push(`k.month = 'infinity'`);
  else where.push(`k.month < 'infinity'`);
  if (f.from) where.push(`k.month >= date_trunc('month', ${p.add(f.from)}::date)::date`);
  if (f.to) where.push(`k.month <= ${p.add(f.to)}::date`);
  const col = column === 'year' ? `to_char(k.month, 'YYYY')` : `k.${column}`;
  const { rows } = await tx.query<{ row: string; col: string; n: number }>(
    `SELECT s.name AS row, ${col} AS col, sum(k.n)::int AS n
     FROM analytics_counts_current k JOIN states s ON s.lgd_code = k.scope_state
     ${whereClause(where)} GROUP BY 1, 2 HAVING sum(k.n) > 0`,
    p.values,
  );
  return rows;
}

/** Folds the deltas appended by the triggers into the counts; run by `setu jobs run`. */
export async function foldAnalyticsDeltas(tx: Tx): Promise<number> {
  const { rows } = await tx.query<{ folded: number }>('SELECT analytics_fold_deltas() AS folded');
  return rows[0]?.folded ?? 0;
}

/** Recounts every case from the rows (operators: `setu analytics rebuild`); returns the rows of counts. */
export async function rebuildAnalyticsCounts(tx: Tx): Promise<number> {
  const { rows } = await tx.query<{ counted: string }>('SELECT analytics_rebuild() AS counted');
  return Number(rows[0]?.counted ?? 0);
}
