/**
 * Creating and changing cases. Every statement runs as `setu_app` under Row-Level Security; the checks
 * here give people clear messages, the policies make the rules hold regardless.
 */
import type { Tx } from '../../db/database.ts';
import type { RequestScope } from '../../server/access.ts';
import { AppError, badRequest, conflict, notFound } from '../../server/errors.ts';
import { NEXT_STATUSES, STATE_SHORT_CODES, type CaseStatus } from './codes.ts';
import { insertPerson } from './persons.ts';
import { replaceRoute } from './route-events.ts';
import type { CaseInput, CasePatch } from './schemas.ts';

const today = () => new Date().toISOString().slice(0, 10);

async function validateSections(tx: Tx, codes: readonly string[] | undefined): Promise<void> {
  if (!codes || codes.length === 0) return;
  const { rows } = await tx.query<{ code: string }>('SELECT code FROM legal_sections WHERE code = ANY($1)', [
    codes,
  ]);
  const known = new Set(rows.map((row) => row.code));
  const unknown = codes.filter((code) => !known.has(code));
  if (unknown.length > 0) {
    throw new AppError(
      422,
      'unknown_legal_section',
      `Unknown legal section code(s): ${unknown.join(', ')}. See GET /api/cases/codes.`,
      { unknown },
    );
  }
}

function validateDates(input: { firDate?: string | null; registeredOn?: string }): void {
  const now = today();
  if (input.registeredOn && input.registeredOn > now)
    throw badRequest('registeredOn cannot be in the future.', { field: 'registeredOn' });
  if (input.firDate && input.firDate > now)
    throw badRequest('firDate cannot be in the future.', { field: 'firDate' });
  if (input.registeredOn && input.registeredOn < '1990-01-01')
    throw badRequest('registeredOn is implausibly early.', { field: 'registeredOn' });
}

async function nextReference(tx: Tx, stateLgd: number, registeredOn: string): Promise<string> {
  const year = Number(registeredOn.slice(0, 4));
  const { rows } = await tx.query<{ last_number: number }>(
    `INSERT INTO case_reference_counters (state_lgd, year, last_number) VALUES ($1, $2, 1)
     ON CONFLICT (state_lgd, year) DO UPDATE SET last_number = case_reference_counters.last_number + 1
     RETURNING last_number`,
    [stateLgd, year],
  );
  const number = rows[0]?.last_number ?? 1;
  return `${STATE_SHORT_CODES[stateLgd] ?? String(stateLgd)}-${year}-${String(number).padStart(6, '0')}`;
}

/**
 * Recomputes what follows from the rest of the case: the first arrest, the BNSS charge-sheet deadline
 * (60 or 90 days after the first arrest, by the gravest section), and the inter-State / cross-border flags.
 */
export async function recomputeDerived(tx: Tx, caseId: string): Promise<void> {
  await tx.query(
    `WITH arrest AS (
       SELECT min(arrested_on) AS first_arrest FROM case_persons WHERE case_id = $1 AND role = 'accused' AND arrested_on IS NOT NULL
     ), limits AS (
       SELECT coalesce(max(ls.charge_sheet_days), 90) AS days FROM cases c
       LEFT JOIN legal_sections ls ON ls.code = ANY (c.legal_sections) WHERE c.id = $1
     ), route AS (
       SELECT count(DISTINCT place_state_lgd) FILTER (WHERE place_state_lgd IS NOT NULL) AS states,
              bool_or(place_state_lgd IS NOT NULL AND place_state_lgd <> (SELECT state_lgd FROM cases WHERE id = $1)) AS other_state,
              bool_or(place_kind IN ('foreign_country', 'border_crossing')) AS border
       FROM case_route_events WHERE case_id = $1
     )
     UPDATE cases SET
       first_arrest_on = arrest.first_arrest,
       charge_sheet_due_on = arrest.first_arrest + limits.days,
       is_inter_state = coalesce(route.states > 1 OR route.other_state, false),
       is_cross_border = coalesce(route.border, false)
     FROM arrest, limits, route WHERE cases.id = $1`,
    [caseId],
  );
}

export async function createCase(scope: RequestScope, input: CaseInput): Promise<string> {
  validateDates(input);
  if (input.kind === 'fir' && !input.firNumber)
    throw badRequest('An FIR case needs its FIR number.', { field: 'firNumber' });
  await validateSections(scope.tx, input.legalSections);
  const unitId = input.registeringUnitId ?? scope.actor.unitId;
  const unit = await scope.tx.query<{ state_lgd: number | null; district_lgd: number | null; name: string }>(
    'SELECT state_lgd, district_lgd, name FROM units WHERE id = $1',
    [unitId],
  );
  const registering = unit.rows[0];
  if (!registering)
    throw new AppError(422, 'unknown_reference', 'The registering unit does not exist.', {
      field: 'registeringUnitId',
    });
  if (registering.district_lgd === null || registering.state_lgd === null) {
    throw badRequest(
      `${registering.name} is not a district unit; register the case for the district unit that investigates it.`,
      {
        field: 'registeringUnitId',
      },
    );
  }
  if (unitId !== scope.actor.unitId && scope.actor.role !== 'state_nodal_officer') {
    throw new AppError(403, 'forbidden', 'You can register cases only for your own unit.');
  }
  const registeredOn = input.registeredOn ?? today();
  const reference = await nextReference(scope.tx, registering.state_lgd, registeredOn);
  const { rows } = await scope.tx.query<{ id: string }>(
    `INSERT INTO cases (reference, state_lgd, district_lgd, registering_unit_id, police_station_unit_id, police_station_name, kind,
       fir_number, fir_date, registered_on, status_changed_on, investigating_officer_id, investigating_officer_name,
       exploitation_forms, legal_sections, title, summary, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
    [
      reference,
      registering.state_lgd,
      registering.district_lgd,
      unitId,
      input.policeStationUnitId ?? null,
      input.policeStationName ?? null,
      input.kind,
      input.firNumber ?? null,
      input.firDate ?? null,
      registeredOn,
      input.investigatingOfficerId ?? null,
      input.investigatingOfficerName ?? null,
      input.exploitationForms ?? [],
      input.legalSections ?? [],
      input.title,
      input.summary ?? null,
      scope.actor.userId,
    ],
  );
  const caseId = rows[0]?.id;
  if (!caseId)
    throw new AppError(403, 'forbidden', 'Your jurisdiction does not allow registering this case.');
  await scope.tx.query(
    `INSERT INTO case_status_events (case_id, state_lgd, status, effective_on, note, recorded_by) VALUES ($1, $2, 'registered', $3, NULL, $4)`,
    [caseId, registering.state_lgd, registeredOn, scope.actor.userId],
  );
  for (const person of input.persons ?? [])
    await insertPerson(scope, caseId, registering.state_lgd, registeredOn, person);
  if (input.route && input.route.length > 0)
    await replaceRoute(scope, caseId, registering.state_lgd, input.route);
  await recomputeDerived(scope.tx, caseId);
  await scope.audit({
    action: 'case.create',
    objectType: 'case',
    objectId: caseId,
    details: { reference, persons: input.persons?.length ?? 0, routeEvents: input.route?.length ?? 0 },
  });
  return caseId;
}

interface CaseHead {
  id: string;
  state_lgd: number;
  status: CaseStatus;
  version: number;
  registered_on: string;
}

export async function caseHead(tx: Tx, caseId: string): Promise<CaseHead> {
  const { rows } = await tx.query<CaseHead>(
    'SELECT id, state_lgd, status, version, registered_on::text AS registered_on FROM cases WHERE id = $1',
    [caseId],
  );
  const row = rows[0];
  if (!row) throw notFound('The case');
  return row;
}

/** Requires edit rights with a clear message (RLS would silently change nothing). */
export async function requireEditable(tx: Tx, caseId: string): Promise<CaseHead> {
  const head = await caseHead(tx, caseId);
  const { rows } = await tx.query<{ can: boolean }>('SELECT app_can_edit_case($1) AS can', [caseId]);
  if (!rows[0]?.can)
    throw new AppError(
      403,
      'forbidden',
      'You can see this case but not change it; ask its unit or your State nodal officer.',
    );
  return head;
}

const PATCH_COLUMNS: Record<string, string> = {
  kind: 'kind',
  title: 'title',
  summary: 'summary',
  firNumber: 'fir_number',
  firDate: 'fir_date',
  policeStationUnitId: 'police_station_unit_id',
  policeStationName: 'police_station_name',
  investigatingOfficerId: 'investigating_officer_id',
  investigatingOfficerName: 'investigating_officer_name',
  exploitationForms: 'exploitation_forms',
  legalSections: 'legal_sections',
};

export async function updateCase(scope: RequestScope, caseId: string, patch: CasePatch): Promise<void> {
  const head = await requireEditable(scope.tx, caseId);
  if (head.version !== patch.version) {
    throw conflict(
      `Someone changed this case since you opened it (version ${head.version}, yours ${patch.version}). Reload and apply your change again.`,
      {
        currentVersion: head.version,
      },
    );
  }
  if (patch.registeredOn !== undefined)
    throw badRequest('The registration date cannot be changed.', { field: 'registeredOn' });
  validateDates(patch);
  await validateSections(scope.tx, patch.legalSections);
  const sets: string[] = [];
  const params: unknown[] = [caseId];
  for (const [key, value] of Object.entries(patch)) {
    const column = PATCH_COLUMNS[key];
    if (!column) continue;
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  }
  if (sets.length === 0) throw badRequest('Nothing to change: send at least one field besides version.');
  await scope.tx.query(
    `UPDATE cases SET ${sets.join(', ')}, updated_at = now(), version = version + 1 WHERE id = $1`,
    params,
  );
  const kind = await scope.tx.query<{ ok: boolean }>(
    `SELECT kind <> 'fir' OR fir_number IS NOT NULL AS ok FROM cases WHERE id = $1`,
    [caseId],
  );
  if (!kind.rows[0]?.ok) throw badRequest('An FIR case needs its FIR number.', { field: 'firNumber' });
  await recomputeDerived(scope.tx, caseId);
  await scope.audit({
    action: 'case.update',
    objectType: 'case',
    objectId: caseId,
    details: { changed: Object.keys(patch).filter((k) => k !== 'version') },
  });
}

export async function changeStatus(
  scope: RequestScope,
  caseId: string,
  input: { status: CaseStatus; effectiveOn?: string; note?: string },
): Promise<void> {
  const head = await requireEditable(scope.tx, caseId);
  const allowed = NEXT_STATUSES[head.status];
  if (!allowed.includes(input.status)) {
    throw new AppError(
      409,
      'invalid_transition',
      `A case that is ${head.status.replaceAll('_', ' ')} cannot become ${input.status.replaceAll('_', ' ')}. Next can be: ${allowed.join(', ') || 'nothing (final)'}.`,
      {
        allowed,
      },
    );
  }
  const effectiveOn = input.effectiveOn ?? today();
  if (effectiveOn > today())
    throw badRequest('effectiveOn cannot be in the future.', { field: 'effectiveOn' });
  if (effectiveOn < head.registered_on)
    throw badRequest('effectiveOn cannot be before the case was registered.', { field: 'effectiveOn' });
  await scope.tx.query(
    `UPDATE cases SET status = $2::case_status, status_changed_on = $3::date, updated_at = now(), version = version + 1,
       charge_sheeted_on = CASE WHEN $2::case_status = 'charge_sheeted' THEN $3::date ELSE charge_sheeted_on END
     WHERE id = $1`,
    [caseId, input.status, effectiveOn],
  );
  await scope.tx.query(
    `INSERT INTO case_status_events (case_id, state_lgd, status, effective_on, note, recorded_by) VALUES ($1, $2, $3, $4, $5, $6)`,
    [caseId, head.state_lgd, input.status, effectiveOn, input.note ?? null, scope.actor.userId],
  );
  await scope.audit({
    action: 'case.status',
    objectType: 'case',
    objectId: caseId,
    details: { from: head.status, to: input.status, effectiveOn },
  });
}

export async function touchCase(tx: Tx, caseId: string): Promise<void> {
  await tx.query('UPDATE cases SET updated_at = now(), version = version + 1 WHERE id = $1', [caseId]);
}
