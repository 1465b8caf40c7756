/** Funds of an AHTU per financial year, and their totals by State. */
import { Conditions } from '../../db/sql.ts';
import type { RequestScope } from '../../server/access.ts';
import { badRequest, forbidden } from '../../server/errors.ts';
import { todayInIndia } from '../training/refresher.ts';
import { requireStateInScope } from './jurisdiction.ts';
import { financialYearLabel, financialYearOf, fundProblems, parseFinancialYear } from './money.ts';
import type { FundsInput, FundTotalsQuery, FundTotalsView } from './schemas.ts';
import { ahtuHead } from './service.ts';

export async function saveFunds(
  scope: RequestScope,
  unitId: string,
  yearLabel: string,
  input: FundsInput,
): Promise<number> {
  const head = await ahtuHead(scope, unitId);
  if (!head.can_oversee)
    throw forbidden(
      `Only the State nodal officer of ${head.state_name} or the Nodal Cell records funds of ${head.name}.`,
    );
  const year = parseFinancialYear(yearLabel);
  if (year === undefined)
    throw badRequest(`"${yearLabel}" is not a financial year; write it like 2025-26.`, { field: 'year' });
  const current = financialYearOf(todayInIndia());
  if (year > current + 1)
    throw badRequest(
      `Funds can be recorded up to ${financialYearLabel(current + 1)}; ${yearLabel} is too far ahead.`,
      { field: 'year' },
    );
  const problems = fundProblems(year, input);
  if (problems[0])
    throw badRequest(problems.map((p) => p.message).join(' '), { field: problems[0].field, problems });
  await scope.tx.query(
    `INSERT INTO ahtu_funds (unit_id, state_lgd, district_lgd, financial_year, sanctioned, released, utilised,
       uc_received, uc_received_on, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (unit_id, financial_year) DO UPDATE SET sanctioned = EXCLUDED.sanctioned,
       released = EXCLUDED.released, utilised = EXCLUDED.utilised, uc_received = EXCLUDED.uc_received,
       uc_received_on = EXCLUDED.uc_received_on, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [
      unitId,
      head.state_lgd,
      head.district_lgd,
      year,
      input.sanctioned,
      input.released,
      input.utilised,
      input.ucReceived,
      input.ucReceivedOn ?? null,
      scope.actor.userId,
    ],
  );
  await scope.audit({
    action: 'ahtu.funds',
    objectType: 'unit',
    objectId: unitId,
    details: { financialYear: yearLabel, ...input },
  });
  return year;
}

export async function fundTotals(scope: RequestScope, query: FundTotalsQuery): Promise<FundTotalsView> {
  requireStateInScope(scope, query.state);
  const filter = new Conditions();
  if (query.state !== undefined) filter.add((p) => `f.state_lgd = ${p}`, query.state);
  if (query.year !== undefined) {
    const year = parseFinancialYear(query.year);
    if (year === undefined)
      throw badRequest(`"${query.year}" is not a financial year; write it like 2025-26.`, { field: 'year' });
    filter.add((p) => `f.financial_year = ${p}`, year);
  }
  const { rows } = await scope.tx.query<{
    state_lgd: number;
    state_name: string;
    financial_year: number;
    units: number;
    sanctioned: number;
    released: number;
    utilised: number;
    uc_received: number;
    uc_pending: number;
  }>(
    `SELECT f.state_lgd, s.name AS state_name, f.financial_year, count(*)::int AS units,
       sum(f.sanctioned)::float8 AS sanctioned, sum(f.released)::float8 AS released, sum(f.utilised)::float8 AS utilised,
       count(*) FILTER (WHERE f.uc_received)::int AS uc_received,
       count(*) FILTER (WHERE NOT f.uc_received AND f.utilised > 0)::int AS uc_pending
     FROM ahtu_funds f JOIN states s ON s.lgd_code = f.state_lgd ${filter.where}
     GROUP BY f.state_lgd, s.name, f.financial_year ORDER BY f.financial_year DESC, s.name`,
    filter.params,
  );
  return {
    items: rows.map((r) => ({
      stateLgd: r.state_lgd,
      stateName: r.state_name,
      financialYear: financialYearLabel(r.financial_year),
      units: r.units,
      sanctioned: r.sanctioned,
      released: r.released,
      utilised: r.utilised,
      ucReceived: r.uc_received,
      ucPending: r.uc_pending,
    })),
  };
}
