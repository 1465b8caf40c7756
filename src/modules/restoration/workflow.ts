/**
 * Restoration after a confirmed match: the home side verifies the family; the side where the person is
 * records the Child Welfare Committee's order and the handover; both record follow-up visits for a year.
 */
import type { RequestScope } from '../../server/access.ts';
import { AppError, badRequest, conflict, notFound } from '../../server/errors.ts';
import { requireUnit } from '../missing/common.ts';
import { presentCandidate, SELECT_CANDIDATE } from './candidates.ts';
import type { RestorationView, StepInput } from './schemas.ts';

interface RestorationRow {
  id: string;
  candidate_id: string;
  status: string;
  home_unit_id: string;
  home_unit_name: string;
  found_unit_id: string;
  home_state_lgd: number;
  home_district_lgd: number;
  state_lgd: number;
  district_lgd: number;
  found_id: string;
  request_id: string | null;
  request_reference: string | null;
  request_status: string | null;
  verification: string;
  verified_on: string | null;
  verification_note: string | null;
  cwc_unit_id: string | null;
  cwc_name: string | null;
  cwc_order_number: string | null;
  cwc_order_on: string | null;
  handed_over_on: string | null;
  handed_over_to: string | null;
  handover_place: string | null;
  escort_name: string | null;
  follow_up_due_on: string | null;
  home_side: boolean;
  found_side: boolean;
}

const SELECT = `SELECT r.id, r.candidate_id, r.status, r.home_unit_id, hu.name AS home_unit_name, r.found_unit_id,
  r.home_state_lgd, r.home_district_lgd, r.state_lgd, r.district_lgd, r.found_id,
  q.id AS request_id, q.reference AS request_reference, q.status::text AS request_status, r.verification,
  r.verified_on::text AS verified_on, r.verification_note, r.cwc_unit_id, cu.name AS cwc_name, r.cwc_order_number,
  r.cwc_order_on::text AS cwc_order_on, r.handed_over_on::text AS handed_over_on, r.handed_over_to, r.handover_place,
  r.escort_name, r.follow_up_due_on::text AS follow_up_due_on,
  (r.home_unit_id = app_user_unit() OR (app_tracing_writer() AND app_in_jurisdiction(r.home_state_lgd, r.home_district_lgd))) AS home_side,
  (r.found_unit_id = app_user_unit() OR (app_tracing_writer() AND app_in_jurisdiction(r.state_lgd, r.district_lgd))) AS found_side
  FROM restorations r JOIN units hu ON hu.id = r.home_unit_id
  LEFT JOIN units cu ON cu.id = r.cwc_unit_id
  LEFT JOIN unit_requests q ON q.id = r.verification_request_id`;

async function loadRow(scope: RequestScope, id: string): Promise<RestorationRow> {
  const { rows } = await scope.tx.query<RestorationRow>(`${SELECT} WHERE r.id = $1`, [id]);
  const row = rows[0];
  if (!row) throw notFound('The restoration');
  return row;
}

async function present(scope: RequestScope, row: RestorationRow): Promise<RestorationView> {
  const cand = await scope.tx.query<Parameters<typeof presentCandidate>[0]>(
    `${SELECT_CANDIDATE} WHERE c.id = $1`,
    [row.candidate_id],
  );
  const candidate = cand.rows[0] ? presentCandidate(cand.rows[0]) : null;
  const visits = await scope.tx.query<{ visited_on: string; outcome: string; note: string | null }>(
    `SELECT visited_on::text AS visited_on, outcome, note FROM restoration_followups WHERE restoration_id = $1
     ORDER BY visited_on, created_at`,
    [row.id],
  );
  return {
    id: row.id,
    candidateId: row.candidate_id,
    status: row.status,
    missing: candidate?.missing ?? null,
    found: candidate?.found ?? null,
    homeUnit: { id: row.home_unit_id, name: row.home_unit_name },
    verificationRequest:
      row.request_id && row.request_reference
        ? { id: row.request_id, reference: row.request_reference, status: row.request_status ?? '' }
        : null,
    verification: row.verification,
    verifiedOn: row.verified_on,
    verificationNote: row.verification_note,
    cwc: row.cwc_unit_id && row.cwc_name ? { id: row.cwc_unit_id, name: row.cwc_name } : null,
    cwcOrderNumber: row.cwc_order_number,
    cwcOrderOn: row.cwc_order_on,
    handedOverOn: row.handed_over_on,
    handedOverTo: row.handed_over_to,
    handoverPlace: row.handover_place,
    escortName: row.escort_name,
    followUpDueOn: row.follow_up_due_on,
    followUps: visits.rows.map((v) => ({ visitedOn: v.visited_on, outcome: v.outcome, note: v.note })),
    canVerify: row.home_side,
    canAct: row.found_side,
  };
}

export async function getRestoration(scope: RequestScope, id: string): Promise<RestorationView> {
  return present(scope, await loadRow(scope, id));
}

export async function listRestorations(scope: RequestScope, status?: string): Promise<RestorationView[]> {
  const { rows } = await scope.tx.query<RestorationRow>(
    `${SELECT} ${status ? 'WHERE r.status = $1' : ''} ORDER BY r.updated_at DESC LIMIT 200`,
    status ? [status] : [],
  );
  const out: RestorationView[] = [];
  for (const row of rows) out.push(await present(scope, row));
  return out;
}

const needs = (value: unknown, field: string, what: string) => {
  if (value === undefined || value === null || value === '')
    throw badRequest(`${what} is required for this step.`, { field });
};

export async function recordStep(
  scope: RequestScope,
  id: string,
  input: StepInput,
): Promise<RestorationView> {
  const { tx } = scope;
  const row = await loadRow(scope, id);
  if (['completed', 'stopped'].includes(row.status))
    throw conflict(`This restoration is already ${row.status}.`);
  const homeOnly = () => {
    if (!row.home_side)
      throw new AppError(403, 'forbidden', "Only the home district's unit verifies the family.");
  };
  const foundOnly = () => {
    if (!row.found_side)
      throw new AppError(
        403,
        'forbidden',
        'Only the unit where the person stays records the CWC order and the handover.',
      );
  };
  let sql: string;
  let params: unknown[];
  switch (input.step) {
    case 'verified':
    case 'verification_failed':
      homeOnly();
      if (input.step === 'verification_failed') needs(input.note, 'note', 'What was found');
      sql = `UPDATE restorations SET verification = $2, verified_on = $3, verification_note = $4,
               status = CASE WHEN $2 = 'verified' THEN 'cwc_order' ELSE 'verification' END, updated_at = now() WHERE id = $1`;
      params = [id, input.step === 'verified' ? 'verified' : 'failed', input.on, input.note ?? null];
      break;
    case 'cwc_order':
      foundOnly();
      if (row.verification !== 'verified')
        throw conflict('The family has not been verified yet: the home unit records the verification first.');
      needs(input.cwcOrderNumber, 'cwcOrderNumber', 'The CWC order number');
      await requireUnit(tx, input.cwcUnitId, 'cwcUnitId', ['cwc']);
      sql = `UPDATE restorations SET cwc_unit_id = coalesce($2, cwc_unit_id), cwc_order_number = $3, cwc_order_on = $4,
               status = 'handover', updated_at = now() WHERE id = $1`;
      params = [id, input.cwcUnitId ?? null, input.cwcOrderNumber, input.on];
      break;
    case 'handover':
      foundOnly();
      if (!row.cwc_order_number)
        throw conflict('Record the Child Welfare Committee order before the handover.');
      needs(input.handedOverTo, 'handedOverTo', 'Who received the person');
      sql = `UPDATE restorations SET handed_over_on = $2, handed_over_to = $3, handover_place = $4, escort_name = $5,
               follow_up_due_on = $2::date + 30, status = 'follow_up', updated_at = now() WHERE id = $1`;
      params = [id, input.on, input.handedOverTo, input.handoverPlace ?? null, input.escortName ?? null];
      await tx.query(
        `UPDATE found_persons SET status = 'restored', status_changed_on = $2, version = version + 1, updated_at = now()
         WHERE id = $1`,
        [row.found_id, input.on],
      );
      break;
    case 'follow_up':
      if (!row.handed_over_on) throw conflict('Follow-up visits start after the handover.');
      needs(input.outcome, 'outcome', 'The outcome of the visit');
      await tx.query(
        `INSERT INTO restoration_followups (restoration_id, state_lgd, visited_on, outcome, note, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, row.home_state_lgd, input.on, input.outcome, input.note ?? null, scope.actor.userId],
      );
      // Visits continue for at least a year after the handover; the next one is due in three months.
      sql = `UPDATE restorations SET follow_up_due_on = $2::date + 90, updated_at = now() WHERE id = $1`;
      params = [id, input.on];
      break;
    case 'complete':
      if (!row.handed_over_on)
        throw conflict('A restoration completes after the handover and a year of follow-up.');
      if (input.on < addYear(row.handed_over_on))
        throw conflict('Follow-up continues for at least a year after the handover; complete it after that.');
      sql = `UPDATE restorations SET status = 'completed', follow_up_due_on = NULL, updated_at = now() WHERE id = $1`;
      params = [id];
      break;
    case 'stop':
      needs(input.note, 'note', 'The reason');
      sql = `UPDATE restorations SET status = 'stopped', verification_note = coalesce($2, verification_note), updated_at = now() WHERE id = $1`;
      params = [id, input.note];
      break;
  }
  const { rowCount } = await tx.query(sql, params);
  if (rowCount === 0)
    throw new AppError(403, 'forbidden', 'Your role or jurisdiction does not allow this step.');
  await scope.audit({
    action: `restoration.${input.step}`,
    objectType: 'restoration',
    objectId: id,
    ...(input.note ? { reason: input.note } : {}),
    details: { on: input.on, outcome: input.outcome ?? null },
  });
  return getRestoration(scope, id);
}

function addYear(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}
