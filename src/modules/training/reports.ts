/**
 * Who is due for refresher training (90 days after their last training, per unit), coverage by district
 * and service against targets, and setting those targets.
 */
import { Conditions } from '../../db/sql.ts';
import type { RequestScope } from '../../server/access.ts';
import { AppError, badRequest, forbidden } from '../../server/errors.ts';
import { requireStateInScope } from '../ahtu/jurisdiction.ts';
import {
  coverageAgainstTargets,
  coverageByDistrict,
  trainedByService,
  type Service,
  type Target,
  type TrainedCount,
} from './coverage.ts';
import { addDays, REFRESHER_DAYS, refresherStatus, todayInIndia } from './refresher.ts';
import type { CoverageQuery, CoverageView, DueQuery, DueView, TargetInput } from './schemas.ts';

export async function refresherDue(scope: RequestScope, query: DueQuery): Promise<DueView> {
  requireStateInScope(scope, query.state);
  const asOf = query.asOf ?? todayInIndia();
  // Trained on or before `lastBy` means the refresher is due by `asOf` (+ withinDays).
  const lastBy = addDays(asOf, (query.withinDays ?? 0) - REFRESHER_DAYS);
  // Row-Level Security decides whom the actor sees: people of their jurisdiction, and those they trained.
  const filter = new Conditions();
  filter.raw('true');
  if (query.unitId) filter.add((p) => `p.unit_id = ${p}`, query.unitId);
  if (query.state !== undefined) filter.add((p) => `p.state_lgd = ${p}`, query.state);
  if (query.service) filter.add((p) => `p.service = ${p}::training_service`, query.service);
  const asOfParam = filter.params.push(asOf);
  const lastByParam = filter.params.push(lastBy);
  // The last training each person finished by `asOf`; they are due when it is old enough. Grouped, not
  // sorted: the title of that last programme is looked up only for the rows on the page.
  const last = `WITH last AS (
      SELECT a.participant_id, max(t.ends_on) AS ends_on
      FROM training_attendance a JOIN training_sessions t ON t.id = a.session_id
      WHERE a.attended AND t.status <> 'cancelled' AND t.ends_on <= $${asOfParam}::date
      GROUP BY a.participant_id HAVING max(t.ends_on) <= $${lastByParam}::date)`;
  const byUnit = await scope.tx.query<{ unit_id: string | null; unit_name: string | null; due: number }>(
    `${last} SELECT p.unit_id, u.name AS unit_name, count(*)::int AS due
     FROM last l JOIN training_participants p ON p.id = l.participant_id LEFT JOIN units u ON u.id = p.unit_id
     ${filter.where} GROUP BY p.unit_id, u.name ORDER BY count(*) DESC, u.name NULLS LAST`,
    filter.params,
  );
  const page = filter.page(query.limit ?? 50, query.offset ?? 0);
  const { rows } = await scope.tx.query<{
    id: string;
    name: string;
    service: string;
    designation: string | null;
    unit_id: string | null;
    unit_name: string | null;
    state_name: string;
    district_name: string | null;
    last_trained_on: string;
    last_programme: string | null;
  }>(
    `${last} SELECT p.id, p.name, p.service::text AS service, p.designation, p.unit_id, u.name AS unit_name,
       s.name AS state_name, d.name AS district_name, l.ends_on::text AS last_trained_on,
       (SELECT g.title FROM training_attendance a JOIN training_sessions t ON t.id = a.session_id
          JOIN training_programmes g ON g.id = t.programme_id
        WHERE a.participant_id = p.id AND a.attended AND t.status <> 'cancelled' AND t.ends_on = l.ends_on
        ORDER BY t.id LIMIT 1) AS last_programme
     FROM last l JOIN training_participants p ON p.id = l.participant_id JOIN states s ON s.lgd_code = p.state_lgd
     LEFT JOIN districts d ON d.lgd_code = p.district_lgd LEFT JOIN units u ON u.id = p.unit_id
     ${filter.where} ORDER BY l.ends_on, p.name, p.id ${page.sql}`,
    page.params,
  );
  return {
    asOf,
    items: rows.map((r) => {
      const status = refresherStatus(r.last_trained_on, asOf);
      return {
        participant: { id: r.id, name: r.name, service: r.service, designation: r.designation },
        unit: r.unit_id === null ? null : { id: r.unit_id, name: r.unit_name ?? '' },
        stateName: r.state_name,
        districtName: r.district_name,
        lastTrainedOn: r.last_trained_on,
        lastProgramme: r.last_programme ?? '',
        dueOn: status.dueOn,
        daysOverdue: status.daysOverdue,
      };
    }),
    total: byUnit.rows.reduce((sum, u) => sum + u.due, 0),
    byUnit: byUnit.rows.map((u) => ({
      unitId: u.unit_id,
      unitName: u.unit_name ?? 'No unit recorded',
      due: u.due,
    })),
  };
}

export async function coverage(scope: RequestScope, query: CoverageQuery): Promise<CoverageView> {
  requireStateInScope(scope, query.state);
  const filter = new Conditions();
  filter.raw(`a.attended AND t.status <> 'cancelled'`);
  if (query.state !== undefined) filter.add((p) => `p.state_lgd = ${p}`, query.state);
  if (query.since) filter.add((p) => `t.ends_on >= ${p}::date`, query.since);
  // Each person counts once, however many sessions they attended.
  const counted = await scope.tx.query<{
    state_lgd: number;
    district_lgd: number | null;
    service: Service;
    trained: number;
  }>(
    `SELECT p.state_lgd, p.district_lgd, p.service::text AS service, count(DISTINCT p.id)::int AS trained
     FROM training_attendance a JOIN training_sessions t ON t.id = a.session_id
     JOIN training_participants p ON p.id = a.participant_id ${filter.where}
     GROUP BY p.state_lgd, p.district_lgd, p.service`,
    filter.params,
  );
  const counts: TrainedCount[] = counted.rows.map((r) => ({
    stateLgd: r.state_lgd,
    districtLgd: r.district_lgd,
    service: r.service,
    trained: r.trained,
  }));
  const { actor } = scope;
  const scopeState = query.state ?? (actor.level === 'national' ? null : actor.stateLgd);
  // Targets that concern what is shown: national ones always, and those of the State (and district) in view.
  const targets = await scope.tx.query<{
    id: string;
    state_lgd: number | null;
    state_name: string | null;
    district_lgd: number | null;
    district_name: string | null;
    service: Service | null;
    target: number;
  }>(
    `SELECT g.id, g.state_lgd, s.name AS state_name, g.district_lgd, d.name AS district_name, g.service::text AS service, g.target
     FROM training_targets g LEFT JOIN states s ON s.lgd_code = g.state_lgd LEFT JOIN districts d ON d.lgd_code = g.district_lgd
     WHERE ($1::int IS NULL OR g.state_lgd IS NULL OR g.state_lgd = $1)
       AND ($2::int IS NULL OR g.district_lgd IS NULL OR g.district_lgd = $2)
     ORDER BY g.state_lgd NULLS FIRST, g.district_lgd NULLS FIRST, g.service NULLS FIRST`,
    [scopeState, actor.level === 'district' ? actor.districtLgd : null],
  );
  const lines = coverageAgainstTargets(
    counts,
    targets.rows.map((t): Target => ({
      stateLgd: t.state_lgd,
      districtLgd: t.district_lgd,
      service: t.service,
      target: t.target,
    })),
  );
  const names = await scope.tx.query<{ kind: string; code: number; name: string }>(
    `SELECT 's' AS kind, lgd_code AS code, name FROM states WHERE lgd_code = ANY($1::int[])
     UNION ALL SELECT 'd', lgd_code, name FROM districts WHERE lgd_code = ANY($2::int[])`,
    [[...new Set(counts.map((c) => c.stateLgd))], [...new Set(counts.map((c) => c.districtLgd ?? 0))]],
  );
  const nameOf = (kind: string, code: number | null) =>
    code === null ? null : (names.rows.find((n) => n.kind === kind && n.code === code)?.name ?? null);
  return {
    since: query.since ?? null,
    trained: counts.reduce((sum, c) => sum + c.trained, 0),
    byService: trainedByService(counts),
    targets: lines.map((line, index) => {
      const row = targets.rows[index];
      return {
        id: row?.id ?? '',
        stateLgd: line.stateLgd,
        stateName: row?.state_name ?? null,
        districtLgd: line.districtLgd,
        districtName: row?.district_name ?? null,
        service: line.service,
        target: line.target,
        trained: line.trained,
        percent: line.percent,
        remaining: line.remaining,
      };
    }),
    districts: coverageByDistrict(counts).map((d) => ({
      stateLgd: d.stateLgd,
      stateName: nameOf('s', d.stateLgd) ?? '',
      districtLgd: d.districtLgd,
      districtName: nameOf('d', d.districtLgd),
      byService: d.byService,
      total: d.total,
    })),
  };
}

export async function setTarget(scope: RequestScope, input: TargetInput): Promise<void> {
  const { actor, tx } = scope;
  const state = input.stateLgd ?? null;
  const district = input.districtLgd ?? null;
  if (actor.level !== 'national' && (state === null || state !== actor.stateLgd))
    throw forbidden(
      'You can set targets for your own State and its districts; national targets are the Nodal Cell’s.',
    );
  if (district !== null) {
    const place = await tx.query<{ state_lgd: number }>(
      'SELECT state_lgd FROM districts WHERE lgd_code = $1',
      [district],
    );
    const districtState = place.rows[0]?.state_lgd;
    if (districtState === undefined)
      throw new AppError(422, 'unknown_reference', `No district has LGD code ${district}.`, {
        field: 'districtLgd',
      });
    if (state === null || districtState !== state)
      throw badRequest('Give the district’s State with a district target.', { field: 'stateLgd' });
  }
  await tx.query(
    `DELETE FROM training_targets WHERE coalesce(state_lgd, 0) = coalesce($1::int, 0)
       AND coalesce(district_lgd, 0) = coalesce($2::int, 0) AND coalesce(service::text, '') = coalesce($3::text, '')`,
    [state, district, input.service ?? null],
  );
  await tx.query(
    `INSERT INTO training_targets (state_lgd, district_lgd, service, target, updated_by) VALUES ($1, $2, $3, $4, $5)`,
    [state, district, input.service ?? null, input.target, actor.userId],
  );
  await scope.audit({ action: 'training.target_set', objectType: 'training_target', details: { ...input } });
}
