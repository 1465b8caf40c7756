/**
 * Early warning: a district whose cases this month rise well above its own baseline raises a
 * `district_spike` alert to its State nodal office and the Nodal Cell.
 *
 * Method (docs/ANALYTICS.md):
 * - Count cases registered in each district in the month being checked (the month of `now`, to date,
 *   so a surge is flagged while it happens) and in each of the 12 months before it (the baseline).
 * - Expected count λ = the baseline's monthly mean, floored at MIN_EXPECTED (0.5) so that a district
 *   with no history still needs a real rise, not one case.
 * - Under a Poisson model with mean λ, the chance of at least the observed count is p = P(X ≥ n).
 *   The district is flagged when n ≥ MIN_COUNT (5) and p < P_WARNING (0.001, about 3 standard deviations);
 *   p < P_CRITICAL (0.000001) makes it critical.
 * - One alert per district per month (the dedupe key), so the job can run every minute.
 * Registration counts are what Setu holds; a district that only starts using Setu will look like a
 * spike in its first months, which the alert text says plainly.
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

/** Checks every district with cases this month; system work (national view), idempotent per month. */
export async function runEarlyWarning(db: Database, now: Date = new Date()): Promise<EarlyWarningSummary> {
  const current = monthStart(now);
  const baselineStart = new Date(
    Date.UTC(current.getUTCFullYear(), current.getUTCMonth() - BASELINE_MONTHS, 1),
  );
  const month = iso(current).slice(0, 7);
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
      [iso(baselineStart), iso(current), iso(now), MIN_COUNT],
    );
    let alerts = 0;
    for (const r of rows) {
      // Months without cases are zeros in the baseline.
      const baseline = [...(r.months ?? [])];
      while (baseline.length < BASELINE_MONTHS) baseline.push(0);
      const verdict = detectSpike(baseline, r.current);
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
