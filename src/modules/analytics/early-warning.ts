/**
 * Early warning: a district whose cases, or whose missing-person reports, this month rise well above its
 * own baseline raises an alert (`district_spike` for cases, `missing_spike` for missing reports) to its
 * State nodal office and the Nodal Cell.
 *
 * Method (docs/ANALYTICS.md):
 * - Count records of each district in the month being checked (the month of `now`, to date, so a surge is
 *   flagged while it happens) and in each of the 12 months before it (the baseline). Cases count by the
 *   registering district and `registered_on`; missing reports by the district where the person was last
 *   seen and `reported_on`, in total and children (under 18) on their own.
 * - Expected count λ = the baseline's monthly mean, floored at MIN_EXPECTED (0.5) so that a district
 *   with no history still needs a real rise, not one record.
 * - Under a Poisson model with mean λ, the chance of at least the observed count is p = P(X ≥ n).
 *   The district is flagged when n ≥ MIN_COUNT (5) and p < P_WARNING (0.001, about 3 standard deviations);
 *   p < P_CRITICAL (0.000001) makes it critical.
 * - One alert per district per month and kind (the dedupe key), so the job can run every minute.
 * Records are what Setu holds; a district that only starts using Setu will look like a spike in its first
 * months, which the alert text says plainly.
 */
import type { Database } from '../../db/database.ts';
import { raiseSystemAlert } from '../alerts/service.ts';

export const BASELINE_MONTHS = 12;
export const MIN_COUNT = 5;
export const MIN_EXPECTED = 0.5;
export const P_WARNING = 0.001;
export const P_CRITICAL = 0.000001;

/** P(X ≥ n) for X ~ Poisson(λ), summed in log space so large counts do not overflow. */
export function poissonUpperTail(n: number, lambda: number): number {
  if (n <= 0) return 1;
  let below = 0;
  let logTerm = -lambda; // log P(X = 0)
  for (let k = 0; k < n; k++) {
    below += Math.exp(logTerm);
    logTerm += Math.log(lambda) - Math.log(k + 1);
  }
  return Math.max(0, 1 - below);
}

export interface SpikeVerdict {
  expected: number;
  pValue: number;
  severity: 'warning' | 'critical' | null;
}

/** `baseline`: counts of the previous months (missing months are zeros); `count`: this month's. */
export function detectSpike(baseline: readonly number[], count: number): SpikeVerdict {
  const mean = baseline.length > 0 ? baseline.reduce((a, b) => a + b, 0) / baseline.length : 0;
  const expected = Math.max(mean, MIN_EXPECTED);
  const pValue = poissonUpperTail(count, expected);
  const severity =
    count < MIN_COUNT || pValue >= P_WARNING ? null : pValue < P_CRITICAL ? 'critical' : 'warning';
  return { expected, pValue, severity };
}

export interface EarlyWarningSummary {
  month: string;
  districtsChecked: number;
  alerts: number;
}

const monthStart = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The month checked (`YYYY-MM`) and the query bounds: baseline start, month start, and `now`. */
function monthWindow(now: Date): { month: string; params: [string, string, string] } {
  const current = monthStart(now);
  const baselineStart = new Date(
    Date.UTC(current.getUTCFullYear(), current.getUTCMonth() - BASELINE_MONTHS, 1),
  );
  return { month: iso(current).slice(0, 7), params: [iso(baselineStart), iso(current), iso(now)] };
}

/** Months without records are zeros in the baseline. */
function padded(months: readonly number[] | null): number[] {
  const baseline = [...(months ?? [])];
  while (baseline.length < BASELINE_MONTHS) baseline.push(0);
  return baseline;
}

/** Checks every district with cases this month; system work (national view), idempotent per month. */
export async function runEarlyWarning(db: Database, now: Date = new Date()): Promise<EarlyWarningSummary> {
  const { month, params } = monthWindow(now);
  return db.asSystem(async (tx) => {
    const { rows } = await tx.query<{
      district_lgd: number;
      state_lgd: number;
      district_name: string;
      months: number[] | null;
      current: number;
    }>(
      `WITH counts AS (
         SELECT c.district_lgd, date_trunc('month', c.registered_on)::date AS m, count(*)::int AS n
         FROM cases c WHERE c.registered_on >= $1::date AND c.registered_on <= $3::date
         GROUP BY 1, 2)
       SELECT k.district_lgd, d.state_lgd, d.name AS district_name,
         array_agg(k.n ORDER BY k.m) FILTER (WHERE k.m < $2::date) AS months,
         coalesce(sum(k.n) FILTER (WHERE k.m = $2::date), 0)::int AS current
       FROM counts k JOIN districts d ON d.lgd_code = k.district_lgd
       GROUP BY 1, 2, 3 HAVING coalesce(sum(k.n) FILTER (WHERE k.m = $2::date), 0) >= $4`,
      [...params, MIN_COUNT],
    );
    let alerts = 0;
    for (const r of rows) {
      const verdict = detectSpike(padded(r.months), r.current);
      if (!verdict.severity) continue;
      const dedupeKey = `district_spike:${r.district_lgd}:${month}`;
      const { rowCount: seen } = await tx.query('SELECT 1 FROM alerts WHERE dedupe_key = $1', [dedupeKey]);
      if (seen > 0) continue;
      await raiseSystemAlert(tx, {
        kind: 'district_spike',
        severity: verdict.severity,
        title: `Cases rising in ${r.district_name}: ${r.current} this month against about ${verdict.expected.toFixed(1)}`,
        body:
          `${r.current} cases were registered in ${r.district_name} in ${month}, against a monthly average of ` +
          `${verdict.expected.toFixed(1)} over the previous ${BASELINE_MONTHS} months (Poisson p = ${verdict.pValue.toExponential(1)}). ` +
          'Look at the district profile in Analytics for the routes and forms of exploitation behind the rise. ' +
          'A district that has only recently started registering cases in Setu can show a rise that is not real.',
        stateNodalOfficesOf: [r.state_lgd],
        nodalCell: true,
        stateLgd: r.state_lgd,
        districtLgd: r.district_lgd,
        details: { month, count: r.current, expected: verdict.expected, pValue: verdict.pValue },
        dedupeKey,
      });
      alerts += 1;
    }
    return { month, districtsChecked: rows.length, alerts };
  });
}

// ---------------------------------------------------------------- missing-person reports

/** One district's missing reports: this month's count and the baseline months, in total and children. */
export interface MissingCounts {
  districtLgd: number;
  districtName: string;
  stateName: string;
  month: string;
  total: { baseline: readonly number[]; count: number };
  children: { baseline: readonly number[]; count: number };
  /** Reports registered by units of other States: counted here, but not in this State's missing list. */
  registeredInOtherStates: number;
}

export interface MissingSpike {
  severity: 'warning' | 'critical';
  title: string;
  body: string;
  total: SpikeVerdict;
  children: SpikeVerdict;
}

const one = (n: number) => n.toFixed(1);

/**
 * The alert for a district's missing reports, or null when neither the total nor the children rose
 * significantly. Both series are tested because a rise in missing children (the Operation Muskan signal)
 * can hide inside a noisy adult total; one alert carries both.
 */
export function missingSpike(c: MissingCounts): MissingSpike | null {
  const total = detectSpike(c.total.baseline, c.total.count);
  const children = detectSpike(c.children.baseline, c.children.count);
  if (!total.severity && !children.severity) return null;
  const severity = total.severity === 'critical' || children.severity === 'critical' ? 'critical' : 'warning';
  const place = `${c.districtName} (${c.stateName})`;
  const childFigures = `${c.children.count} this month against about ${one(children.expected)}`;
  const title = total.severity
    ? `Missing reports rising in ${c.districtName}: ${c.total.count} this month against about ${one(total.expected)}` +
      (children.severity ? `; children ${c.children.count} against about ${one(children.expected)}` : '')
    : `Missing children rising in ${c.districtName}: ${childFigures}`;
  const body = [
    `${c.total.count} people last seen in ${place} were reported missing in ${c.month}, against a monthly ` +
      `average of ${one(total.expected)} over the previous ${BASELINE_MONTHS} months (Poisson p = ${total.pValue.toExponential(1)}).`,
    c.children.count > 0
      ? `${c.children.count} of them are children under 18, against an average of ${one(children.expected)} ` +
        `(p = ${children.pValue.toExponential(1)}).`
      : '',
    'Reports count where the person was last seen, whichever unit registered them. Open Restoration → Missing ' +
      `persons (/restoration/missing?lastSeenDistrict=${c.districtLgd}) for the reports, and look for what they ` +
      'share: a recruiter or placement agency, a route, a fair, a flood or a migration season. A search drive ' +
      '(Operation Muskan) or a lookout to the railway and border units on the routes out of the district may be due.',
    c.registeredInOtherStates > 0
      ? `${c.registeredInOtherStates} of the reports were registered by units in other States and are listed ` +
        'to those units only; ask the Nodal Cell to put you in touch.'
      : '',
    'A district whose units have only recently started registering missing reports in Setu can show a rise ' +
      'that is not real.',
  ]
    .filter(Boolean)
    .join(' ');
  return { severity, title, body, total, children };
}

/**
 * Checks every district where at least MIN_COUNT people reported missing this month were last seen;
 * system work (national view), idempotent per district and month.
 */
export async function runMissingEarlyWarning(
  db: Database,
  now: Date = new Date(),
): Promise<EarlyWarningSummary> {
  const { month, params } = monthWindow(now);
  return db.asSystem(async (tx) => {
    // Children: the age recorded (at the date last seen) under 18; reports without an age are not counted.
    const { rows } = await tx.query<{
      district_lgd: number;
      state_lgd: number;
      district_name: string;
      state_name: string;
      months: number[] | null;
      child_months: number[] | null;
      current: number;
      children: number;
      elsewhere: number;
    }>(
      `WITH counts AS (
         SELECT r.last_seen_district_lgd AS district_lgd, date_trunc('month', r.reported_on)::date AS m,
           count(*)::int AS n, count(*) FILTER (WHERE r.age_years < 18)::int AS children,
           count(*) FILTER (WHERE r.state_lgd <> r.last_seen_state_lgd)::int AS elsewhere
         FROM missing_reports r WHERE r.reported_on >= $1::date AND r.reported_on <= $3::date
         GROUP BY 1, 2)
       SELECT k.district_lgd, d.state_lgd, d.name AS district_name, s.name AS state_name,
         array_agg(k.n ORDER BY k.m) FILTER (WHERE k.m < $2::date) AS months,
         array_agg(k.children ORDER BY k.m) FILTER (WHERE k.m < $2::date) AS child_months,
         coalesce(sum(k.n) FILTER (WHERE k.m = $2::date), 0)::int AS current,
         coalesce(sum(k.children) FILTER (WHERE k.m = $2::date), 0)::int AS children,
         coalesce(sum(k.elsewhere) FILTER (WHERE k.m = $2::date), 0)::int AS elsewhere
       FROM counts k JOIN districts d ON d.lgd_code = k.district_lgd JOIN states s ON s.lgd_code = d.state_lgd
       GROUP BY 1, 2, 3, 4 HAVING coalesce(sum(k.n) FILTER (WHERE k.m = $2::date), 0) >= $4`,
      [...params, MIN_COUNT],
    );
    let alerts = 0;
    for (const r of rows) {
      const spike = missingSpike({
        districtLgd: r.district_lgd,
        districtName: r.district_name,
        stateName: r.state_name,
        month,
        total: { baseline: padded(r.months), count: r.current },
        children: { baseline: padded(r.child_months), count: r.children },
        registeredInOtherStates: r.elsewhere,
      });
      if (!spike) continue;
      const dedupeKey = `missing_spike:${r.district_lgd}:${month}`;
      const { rowCount: seen } = await tx.query('SELECT 1 FROM alerts WHERE dedupe_key = $1', [dedupeKey]);
      if (seen > 0) continue;
      await raiseSystemAlert(tx, {
        kind: 'missing_spike',
        severity: spike.severity,
        title: spike.title,
        body: spike.body,
        stateNodalOfficesOf: [r.state_lgd],
        nodalCell: true,
        stateLgd: r.state_lgd,
        districtLgd: r.district_lgd,
        details: {
          month,
          basis: 'last_seen_district',
          count: r.current,
          expected: spike.total.expected,
          pValue: spike.total.pValue,
          children: { count: r.children, expected: spike.children.expected, pValue: spike.children.pValue },
          registeredInOtherStates: r.elsewhere,
        },
        dedupeKey,
      });
      alerts += 1;
    }
    return { month, districtsChecked: rows.length, alerts };
  });
}
