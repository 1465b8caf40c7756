/** Reading the AHTU registry. Row-Level Security scopes every query; the unit directory itself is open. */
import { Conditions, likePattern } from '../../db/sql.ts';
import type { RequestScope } from '../../server/access.ts';
import { notFound } from '../../server/errors.ts';
import { scoreBand } from './checklist.ts';
import { inJurisdiction, requireStateInScope } from './jurisdiction.ts';
import { financialYearLabel } from './money.ts';
import type { AhtuListItem, AhtuListQuery, AhtuView, FundsView, ReviewView } from './schemas.ts';
import { stateScorecards, type AhtuFigures, type AhtuStatus } from './scorecard.ts';

interface AhtuRow {
  id: string;
  name: string;
  name_hi: string | null;
  state_lgd: number;
  state_name: string;
  district_lgd: number;
  district_name: string;
  hq_lat: number | null;
  hq_lon: number | null;
  status: AhtuStatus | null;
  latest_score: number | null;
  latest_review_on: string | null;
  staff_sanctioned: number;
  staff_posted: number;
}

// Every AHTU in the directory, with its profile, latest review and staff totals where they exist.
const SELECT_AHTU = `SELECT u.id, u.name, u.name_hi, u.state_lgd, s.name AS state_name, u.district_lgd,
  d.name AS district_name, d.hq_lat, d.hq_lon, p.status::text AS status, r.score::float8 AS latest_score,
  r.reviewed_on::text AS latest_review_on, coalesce(st.sanctioned, 0)::int AS staff_sanctioned,
  coalesce(st.posted, 0)::int AS staff_posted
  FROM units u JOIN states s ON s.lgd_code = u.state_lgd JOIN districts d ON d.lgd_code = u.district_lgd
  LEFT JOIN ahtu_profiles p ON p.unit_id = u.id
  LEFT JOIN LATERAL (SELECT score, reviewed_on FROM ahtu_reviews x WHERE x.unit_id = u.id
    ORDER BY x.reviewed_on DESC, x.created_at DESC LIMIT 1) r ON true
  LEFT JOIN LATERAL (SELECT sum(sanctioned) AS sanctioned, sum(posted) AS posted FROM ahtu_staff y
    WHERE y.unit_id = u.id) st ON true`;

function present(row: AhtuRow): AhtuListItem {
  return {
    unitId: row.id,
    name: row.name,
    nameHi: row.name_hi,
    state: { lgdCode: row.state_lgd, name: row.state_name },
    district: { lgdCode: row.district_lgd, name: row.district_name },
    status: row.status,
    latestScore: row.latest_score,
    latestReviewOn: row.latest_review_on,
    staffSanctioned: row.staff_sanctioned,
    staffPosted: row.staff_posted,
    lat: row.hq_lat,
    lon: row.hq_lon,
  };
}

function registryFilter(scope: RequestScope, query: Pick<AhtuListQuery, 'state' | 'status' | 'q'>) {
  requireStateInScope(scope, query.state);
  const filter = new Conditions();
  filter.raw(`u.kind = 'ahtu' AND ${inJurisdiction('u.state_lgd', 'u.district_lgd')}`);
  if (query.state !== undefined) filter.add((p) => `u.state_lgd = ${p}`, query.state);
  if (query.status === 'not_recorded') filter.raw('p.status IS NULL');
  else if (query.status) filter.add((p) => `p.status = ${p}::ahtu_status`, query.status);
  if (query.q)
    filter.add(
      (p) => `(u.name ILIKE ${p} OR d.name ILIKE ${p} OR u.name_hi ILIKE ${p})`,
      likePattern(query.q),
    );
  return filter;
}

export async function listAhtus(
  scope: RequestScope,
  query: AhtuListQuery,
): Promise<{ items: AhtuListItem[]; total: number }> {
  const filter = registryFilter(scope, query);
  const total = await scope.tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM units u JOIN districts d ON d.lgd_code = u.district_lgd
     LEFT JOIN ahtu_profiles p ON p.unit_id = u.id ${filter.where}`,
    filter.params,
  );
  const page = filter.page(query.limit ?? 50, query.offset ?? 0);
  const { rows } = await scope.tx.query<AhtuRow>(
    `${SELECT_AHTU} ${filter.where} ORDER BY s.name, d.name, u.name ${page.sql}`,
    page.params,
  );
  return { items: rows.map(present), total: total.rows[0]?.n ?? 0 };
}

/** Every AHTU in scope, unpaged but compact: for the map and the scorecards. */
export async function allAhtus(scope: RequestScope, state: number | undefined): Promise<AhtuListItem[]> {
  const filter = registryFilter(scope, { state });
  const { rows } = await scope.tx.query<AhtuRow>(
    `${SELECT_AHTU} ${filter.where} ORDER BY s.name, d.name, u.name`,
    filter.params,
  );
  return rows.map(present);
}

export async function scorecards(scope: RequestScope, state: number | undefined) {
  const units = await allAhtus(scope, state);
  const figures: AhtuFigures[] = units.map((u) => ({
    stateLgd: u.state.lgdCode,
    stateName: u.state.name,
    status: u.status as AhtuStatus | null,
    latestScore: u.latestScore,
    staffSanctioned: u.staffSanctioned,
    staffPosted: u.staffPosted,
  }));
  return stateScorecards(figures);
}

export async function getAhtu(scope: RequestScope, unitId: string): Promise<AhtuView> {
  const { tx } = scope;
  const { rows } = await tx.query<
    AhtuRow & {
      sanctioned_on: string | null;
      established_on: string | null;
      notes: string | null;
      updated_at: string | Date | null;
      can_keep: boolean;
      can_oversee: boolean;
    }
  >(
    `SELECT a.*, p.sanctioned_on::text AS sanctioned_on, p.established_on::text AS established_on, p.notes,
       p.updated_at, app_can_keep_ahtu(a.id, a.state_lgd) AS can_keep, app_can_oversee_ahtu(a.state_lgd) AS can_oversee
     FROM (${SELECT_AHTU} WHERE u.id = $1 AND u.kind = 'ahtu' AND app_in_jurisdiction(u.state_lgd, u.district_lgd)) a
     LEFT JOIN ahtu_profiles p ON p.unit_id = a.id`,
    [unitId],
  );
  const row = rows[0];
  if (!row) throw notFound('The AHTU');
  const staff = await tx.query<{ rank: string; sanctioned: number; posted: number }>(
    `SELECT rank, sanctioned, posted FROM ahtu_staff WHERE unit_id = $1
     ORDER BY array_position(ARRAY['dy_sp','inspector','sub_inspector','assistant_sub_inspector','head_constable','constable'], rank), rank`,
    [unitId],
  );
  const assets = await tx.query<{ kind: string; item: string; quantity: number; working: number }>(
    'SELECT kind, item, quantity, working FROM ahtu_assets WHERE unit_id = $1 ORDER BY kind DESC, item',
    [unitId],
  );
  const reviews = await tx.query<{
    id: string;
    reviewed_on: string;
    score: number;
    answers: Record<string, string>;
    remarks: string | null;
    reviewer: string;
    checklist_version: number;
  }>(
    `SELECT r.id, r.reviewed_on::text AS reviewed_on, r.score::float8 AS score, r.answers, r.remarks,
       r.reviewer_name AS reviewer, r.checklist_version
     FROM ahtu_reviews r WHERE r.unit_id = $1 ORDER BY r.reviewed_on DESC, r.created_at DESC`,
    [unitId],
  );
  const funds = await tx.query<FundsRow>(`${SELECT_FUNDS} WHERE unit_id = $1 ORDER BY financial_year DESC`, [
    unitId,
  ]);
  return {
    ...present(row),
    sanctionedOn: row.sanctioned_on,
    establishedOn: row.established_on,
    notes: row.notes,
    updatedAt: row.updated_at === null ? null : new Date(row.updated_at).toISOString(),
    staff: staff.rows,
    assets: assets.rows,
    reviews: reviews.rows.map((r): ReviewView => ({
      id: r.id,
      reviewedOn: r.reviewed_on,
      score: r.score,
      band: scoreBand(r.score),
      answers: r.answers,
      remarks: r.remarks,
      reviewedBy: r.reviewer,
      checklistVersion: r.checklist_version,
    })),
    funds: funds.rows.map(presentFunds),
    canKeep: row.can_keep,
    canOversee: row.can_oversee,
  };
}

interface FundsRow {
  financial_year: number;
  sanctioned: number;
  released: number;
  utilised: number;
  uc_received: boolean;
  uc_received_on: string | null;
}
const SELECT_FUNDS = `SELECT financial_year, sanctioned::float8 AS sanctioned, released::float8 AS released,
  utilised::float8 AS utilised, uc_received, uc_received_on::text AS uc_received_on FROM ahtu_funds`;

const presentFunds = (f: FundsRow): FundsView => ({
  financialYear: financialYearLabel(f.financial_year),
  sanctioned: f.sanctioned,
  released: f.released,
  utilised: f.utilised,
  ucReceived: f.uc_received,
  ucReceivedOn: f.uc_received_on,
});

export async function fundsOf(scope: RequestScope, unitId: string, year: number): Promise<FundsView> {
  const { rows } = await scope.tx.query<FundsRow>(
    `${SELECT_FUNDS} WHERE unit_id = $1 AND financial_year = $2`,
    [unitId, year],
  );
  if (!rows[0]) throw notFound('The funds record');
  return presentFunds(rows[0]);
}
