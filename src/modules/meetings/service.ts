/**
 * The monthly coordination meeting of a State's nodal officers: called with its agenda drawn up from the
 * State's overdue requests and open alerts, minuted, and followed by action items with an owner and a due
 * date until each is done (action-items.ts). Agenda lines name references and units only, never a request's subject: the
 * meeting is read by every district officer of the State, the requests only by their two units.
 */
import type { RequestScope } from '../../server/access.ts';
import { AppError, badRequest, forbidden, notFound } from '../../server/errors.ts';
import { KIND_LABELS, type RequestKind } from '../requests/codes.ts';
import type { MeetingInput, MeetingPatch } from './schemas.ts';

const MONTH = new Intl.DateTimeFormat('en-IN', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const DAY = (value: string | Date) => new Date(value).toISOString().slice(0, 10);

export async function requireChair(scope: RequestScope, state: number): Promise<string> {
  const { rows } = await scope.tx.query<{ ok: boolean; name: string | null }>(
    'SELECT app_can_run_meeting($1) AS ok, (SELECT name FROM states WHERE lgd_code = $1) AS name',
    [state],
  );
  const name = rows[0]?.name;
  if (!name)
    throw new AppError(422, 'unknown_reference', `No State has LGD code ${state}.`, { field: 'stateLgd' });
  if (!rows[0]?.ok)
    throw forbidden(
      `Only the State nodal officer of ${name}, or the Nodal Cell, can run its coordination meetings.`,
    );
  return name;
}

export async function createMeeting(scope: RequestScope, input: MeetingInput): Promise<string> {
  const { tx, actor } = scope;
  const state = input.stateLgd ?? actor.stateLgd;
  if (state === null)
    throw badRequest("Say which State's meeting this is (stateLgd).", { field: 'stateLgd' });
  const stateName = await requireChair(scope, state);
  const title =
    input.title ??
    `Monthly coordination meeting, ${stateName}, ${MONTH.format(new Date(`${input.heldOn}T00:00:00Z`))}`;
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO meetings (state_lgd, title, held_on, location, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [state, title, input.heldOn, input.location ?? null, actor.userId],
  );
  const id = rows[0]?.id ?? '';
  const agenda = await drawAgenda(scope, id, state);
  await scope.audit({
    action: 'meeting.create',
    objectType: 'meeting',
    objectId: id,
    details: { state, agenda },
  });
  return id;
}

/** The State's overdue requests (either side in the State) and its open, unexpired alerts, as agenda lines. */
async function drawAgenda(scope: RequestScope, meetingId: string, state: number): Promise<number> {
  const { tx } = scope;
  const requests = await tx.query<{
    id: string;
    reference: string;
    kind: RequestKind;
    from_name: string;
    to_name: string;
    due_at: string | Date;
    escalation_level: number;
  }>(
    `SELECT r.id, r.reference, r.kind, fu.name AS from_name, tu.name AS to_name, r.due_at, r.escalation_level
     FROM unit_requests r JOIN units fu ON fu.id = r.from_unit_id JOIN units tu ON tu.id = r.to_unit_id
     WHERE r.status IN ('sent', 'acknowledged', 'in_progress') AND r.due_at < now()
       AND (r.state_lgd = $1 OR r.to_state_lgd = $1)
     ORDER BY r.due_at LIMIT 100`,
    [state],
  );
  const alerts = await tx.query<{ id: string; reference: string; title: string }>(
    `SELECT id, reference, title FROM alerts
     WHERE status = 'open' AND $1 = ANY (state_lgds) AND (valid_until IS NULL OR valid_until > now())
     ORDER BY created_at LIMIT 100`,
    [state],
  );
  let position = 0;
  for (const r of requests.rows) {
    position += 1;
    const escalated = r.escalation_level > 0 ? `, escalated (level ${r.escalation_level})` : '';
    await tx.query(
      `INSERT INTO meeting_agenda_items (meeting_id, state_lgd, position, kind, request_id, title)
       VALUES ($1, $2, $3, 'overdue_request', $4, $5)`,
      [
        meetingId,
        state,
        position,
        r.id,
        `Overdue request ${r.reference} (${KIND_LABELS[r.kind]}): ${r.from_name} → ${r.to_name}, due ${DAY(r.due_at)}${escalated}`,
      ],
    );
  }
  for (const a of alerts.rows) {
    position += 1;
    await tx.query(
      `INSERT INTO meeting_agenda_items (meeting_id, state_lgd, position, kind, alert_id, title)
       VALUES ($1, $2, $3, 'open_alert', $4, $5)`,
      [meetingId, state, position, a.id, `Open alert ${a.reference}: ${a.title}`.slice(0, 300)],
    );
  }
  return position;
}

export async function meetingHead(
  scope: RequestScope,
  id: string,
): Promise<{ state_lgd: number; title: string }> {
  const { rows } = await scope.tx.query<{ state_lgd: number; title: string }>(
    'SELECT state_lgd, title FROM meetings WHERE id = $1',
    [id],
  );
  if (!rows[0]) throw notFound('The meeting');
  return rows[0];
}

export async function updateMeeting(scope: RequestScope, id: string, patch: MeetingPatch): Promise<void> {
  const head = await meetingHead(scope, id);
  await requireChair(scope, head.state_lgd);
  await scope.tx.query(
    `UPDATE meetings SET title = coalesce($2, title), held_on = coalesce($3::date, held_on),
       location = CASE WHEN $4::boolean THEN $5 ELSE location END,
       minutes = CASE WHEN $6::boolean THEN $7 ELSE minutes END,
       status = coalesce($8, status), updated_at = now() WHERE id = $1`,
    [
      id,
      patch.title ?? null,
      patch.heldOn ?? null,
      patch.location !== undefined,
      patch.location ?? null,
      patch.minutes !== undefined,
      patch.minutes ?? null,
      patch.status ?? null,
    ],
  );
  await scope.audit({
    action: 'meeting.update',
    objectType: 'meeting',
    objectId: id,
    details: { changed: Object.keys(patch) },
  });
}

export async function addAgendaItem(
  scope: RequestScope,
  id: string,
  input: { title: string; note?: string },
) {
  const head = await meetingHead(scope, id);
  await requireChair(scope, head.state_lgd);
  await scope.tx.query(
    `INSERT INTO meeting_agenda_items (meeting_id, state_lgd, position, kind, title, note)
     VALUES ($1, $2, (SELECT coalesce(max(position), 0) + 1 FROM meeting_agenda_items WHERE meeting_id = $1), 'other', $3, $4)`,
    [id, head.state_lgd, input.title, input.note ?? null],
  );
  await scope.audit({ action: 'meeting.agenda_add', objectType: 'meeting', objectId: id });
}
