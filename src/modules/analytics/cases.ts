/** Case figures: trends, exploitation mix, victims by age and sex, and investigation performance. */
import type { Tx } from '../../db/database.ts';
import { caseConditions, Params, whereClause, type Filters } from './filters.ts';

export type Granularity = 'month' | 'year';

export interface TrendRow {
  period: string;
  cases: number;
  victims: number;
  accused: number;
}

export async function trends(tx: Tx, f: Filters, granularity: Granularity): Promise<TrendRow[]> {
  const p = new Params();
  const where = whereClause(caseConditions(f, p));
  const fmt = granularity === 'month' ? 'YYYY-MM' : 'YYYY';
  const { rows } = await tx.query<TrendRow>(
    // Cases first (through the scope index), then their persons by case id: under RLS the planner
    // expects ~1 visible case, so anything it must re-scan per case would be rescanned thousands of times.
    `WITH scoped AS MATERIALIZED (SELECT c.id, to_char(c.registered_on, '${fmt}') AS period FROM cases c ${where}),
     counted AS (SELECT period, count(*)::int AS cases FROM scoped GROUP BY period),
     people AS (
       SELECT s.period, count(*) FILTER (WHERE p.role = 'victim')::int AS victims,
         count(*) FILTER (WHERE p.role = 'accused')::int AS accused
       FROM scoped s JOIN case_persons p ON p.case_id = s.id GROUP BY s.period)
     SELECT k.period, k.cases, coalesce(pp.victims, 0)::int AS victims, coalesce(pp.accused, 0)::int AS accused
     FROM counted k LEFT JOIN people pp ON pp.period = k.period
     ORDER BY k.period`,
    p.values,
  );
  return rows;
}

export interface MixRow {
  form: string;
  title: string;
  titleHi: string;
  cases: number;
  /** Of the cases in the selection that name any form; a case may name several, so shares add past 1. */
  share: number;
}

export async function exploitationMix(tx: Tx, f: Filters): Promise<MixRow[]> {
  const p = new Params();
  const where = whereClause(caseConditions(f, p));
  const { rows } = await tx.query<{
    form: string;
    title: string;
    title_hi: string;
    cases: number;
    total: number;
  }>(
    `WITH scoped AS (SELECT c.exploitation_forms FROM cases c ${where}),
     total AS (SELECT count(*)::int AS n FROM scoped WHERE cardinality(exploitation_forms) > 0),
     counted AS (SELECT form, count(*)::int AS cases FROM scoped, unnest(exploitation_forms) AS form GROUP BY form)
     SELECT k.form, ef.title, ef.title_hi, k.cases, t.n AS total
     FROM counted k CROSS JOIN total t LEFT JOIN exploitation_forms ef ON ef.code = k.form
     ORDER BY k.cases DESC, k.form`,
    p.values,
  );
  return rows.map(toMixRow);
}

/** A form's count with its titles; `total` is the number of cases naming any form. */
export function toMixRow(r: {
  form: string;
  title: string;
  title_hi: string;
  cases: number;
  total: number;
}): MixRow {
  return {
    form: r.form,
    title: r.title,
    titleHi: r.title_hi,
    cases: r.cases,
    share: r.total > 0 ? r.cases / r.total : 0,
  };
}

/** Age bands aligned with the law's thresholds: under 12, 12–15, 16–17 (children), then adults. */
export const AGE_BANDS = ['0-11', '12-15', '16-17', '18-25', '26-35', '36-50', '51+', 'unknown'] as const;
export const AGE_BAND_SQL = `CASE
  WHEN p.age_years IS NULL THEN 'unknown'
  WHEN p.age_years < 12 THEN '0-11'
  WHEN p.age_years < 16 THEN '12-15'
  WHEN p.age_years < 18 THEN '16-17'
  WHEN p.age_years <= 25 THEN '18-25'
  WHEN p.age_years <= 35 THEN '26-35'
  WHEN p.age_years <= 50 THEN '36-50'
  ELSE '51+' END`;

export interface VictimRow {
  ageBand: string;
  sex: string;
  victims: number;
}

export async function victimsByAgeSex(tx: Tx, f: Filters): Promise<VictimRow[]> {
  const p = new Params();
  const where = whereClause(caseConditions(f, p));
  const { rows } = await tx.query<{ age_band: string; sex: string; victims: number }>(
    `WITH scoped AS MATERIALIZED (SELECT c.id FROM cases c ${where})
     SELECT ${AGE_BAND_SQL} AS age_band, p.sex::text AS sex, count(*)::int AS victims
     FROM scoped s JOIN case_persons p ON p.case_id = s.id WHERE p.role = 'victim'
     GROUP BY 1, 2`,
    p.values,
  );
  const order = (band: string) => AGE_BANDS.indexOf(band as (typeof AGE_BANDS)[number]);
  return rows
    .map((r) => ({ ageBand: r.age_band, sex: r.sex, victims: r.victims }))
    .sort((a, b) => order(a.ageBand) - order(b.ageBand) || a.sex.localeCompare(b.sex));
}

export interface DeadlineRow {
  /** 60 or 90 days after the first arrest (BNSS s.193), or 'all'. */
  deadline: string;
  withDeadline: number;
  chargeSheetedOnTime: number;
  chargeSheetedLate: number;
  pendingPastDeadline: number;
  pendingWithinDeadline: number;
  /** On time ÷ (on time + late + pending past the deadline): cases whose deadline has come. */
  onTimeRate: number | null;
}

export interface Performance {
  deadlines: DeadlineRow[];
  decided: number;
  convicted: number;
  acquitted: number;
  discharged: number;
  /** Convicted ÷ decided by a court (convicted + acquitted + discharged). */
  convictionRate: number | null;
  chargeSheeted: number;
  medianDaysToChargeSheet: number | null;
  medianDaysArrestToChargeSheet: number | null;
}

const AWAITING = `c.charge_sheeted_on IS NULL AND c.status IN ('registered', 'under_investigation')`;

/**
 * Charge-sheeting against the BNSS deadline. A case has a deadline once someone is arrested
 * (charge_sheet_due_on, 60 or 90 days after the first arrest, kept by the cases module). It was
 * charge-sheeted on time when charge_sheeted_on ≤ the due date; it is pending past the deadline when
 * still under investigation after the due date (as the cases module's home summary counts overdue).
 */
export async function performance(tx: Tx, f: Filters, today?: string): Promise<Performance> {
  const p = new Params();
  const where = whereClause(caseConditions(f, p));
  const now = today ? `${p.add(today)}::date` : 'current_date';
  const { rows: deadlineRows } = await tx.query<{
    deadline: string;
    with_deadline: number;
    on_time: number;
    late: number;
    past: number;
    within: number;
  }>(
    `WITH scoped AS (
       SELECT c.*, (c.charge_sheet_due_on - c.first_arrest_on) AS days FROM cases c ${where}),
     d AS (SELECT * FROM scoped c WHERE c.first_arrest_on IS NOT NULL AND c.charge_sheet_due_on IS NOT NULL)
     SELECT coalesce(days::text, 'all') AS deadline,
       count(*)::int AS with_deadline,
       count(*) FILTER (WHERE c.charge_sheeted_on <= c.charge_sheet_due_on)::int AS on_time,
       count(*) FILTER (WHERE c.charge_sheeted_on > c.charge_sheet_due_on)::int AS late,
       count(*) FILTER (WHERE ${AWAITING} AND c.charge_sheet_due_on < ${now})::int AS past,
       count(*) FILTER (WHERE ${AWAITING} AND c.charge_sheet_due_on >= ${now})::int AS within
     FROM d c GROUP BY ROLLUP (days) ORDER BY days NULLS LAST`,
    p.values,
  );
  const q = new Params();
  const where2 = whereClause(caseConditions(f, q));
  const { rows } = await tx.query<{
    convicted: number;
    acquitted: number;
    discharged: number;
    charge_sheeted: number;
    median_days: number | null;
    median_arrest_days: number | null;
  }>(
    `SELECT count(*) FILTER (WHERE c.status = 'convicted')::int AS convicted,
       count(*) FILTER (WHERE c.status = 'acquitted')::int AS acquitted,
       count(*) FILTER (WHERE c.status = 'discharged')::int AS discharged,
       count(c.charge_sheeted_on)::int AS charge_sheeted,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY c.charge_sheeted_on - c.registered_on)
         FILTER (WHERE c.charge_sheeted_on IS NOT NULL)::float8 AS median_days,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY c.charge_sheeted_on - c.first_arrest_on)
         FILTER (WHERE c.charge_sheeted_on IS NOT NULL AND c.first_arrest_on IS NOT NULL)::float8 AS median_arrest_days
     FROM cases c ${where2}`,
    q.values,
  );
  const r = rows[0];
  const convicted = r?.convicted ?? 0;
  const acquitted = r?.acquitted ?? 0;
  const discharged = r?.discharged ?? 0;
  const decided = convicted + acquitted + discharged;
  return {
    deadlines: deadlineRows.map((d) => {
      const due = d.on_time + d.late + d.past;
      return {
        deadline: d.deadline,
        withDeadline: d.with_deadline,
        chargeSheetedOnTime: d.on_time,
        chargeSheetedLate: d.late,
        pendingPastDeadline: d.past,
        pendingWithinDeadline: d.within,
        onTimeRate: due > 0 ? d.on_time / due : null,
      };
    }),
    decided,
    convicted,
    acquitted,
    discharged,
    convictionRate: decided > 0 ? convicted / decided : null,
    chargeSheeted: r?.charge_sheeted ?? 0,
    medianDaysToChargeSheet: r?.median_days ?? null,
    medianDaysArrestToChargeSheet: r?.median_arrest_days ?? null,
  };
}
