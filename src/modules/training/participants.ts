/**
 * People trained, from every service (police, prosecutors, judicial officers, probation officers, labour
 * officials, CWC members, NGOs, lawyers), with or without a Setu account, and their attendance and
 * assessment scores in sessions.
 */
import { Conditions, likePattern } from '../../db/sql.ts';
import type { RequestScope } from '../../server/access.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../server/errors.ts';
import { requireStateInScope } from '../ahtu/jurisdiction.ts';
import type { AttendanceInput, ParticipantInput, ParticipantQuery, ParticipantView } from './schemas.ts';
import { requireManager } from './sessions.ts';

interface ParticipantRow {
  id: string;
  name: string;
  service: string;
  designation: string | null;
  unit_id: string | null;
  unit_name: string | null;
  state_lgd: number;
  state_name: string;
  district_lgd: number | null;
  district_name: string | null;
  is_user: boolean;
  sessions_attended: number;
  last_trained_on: string | null;
}

// Attendance counts only sessions that took place (not cancelled) and were attended.
const SELECT_PARTICIPANT = `SELECT p.id, p.name, p.service::text AS service, p.designation, p.unit_id, u.name AS unit_name,
  p.state_lgd, s.name AS state_name, p.district_lgd, d.name AS district_name, (p.user_id IS NOT NULL) AS is_user,
  (SELECT count(*)::int FROM training_attendance a JOIN training_sessions t ON t.id = a.session_id
    WHERE a.participant_id = p.id AND a.attended AND t.status <> 'cancelled') AS sessions_attended,
  (SELECT max(t.ends_on)::text FROM training_attendance a JOIN training_sessions t ON t.id = a.session_id
    WHERE a.participant_id = p.id AND a.attended AND t.status <> 'cancelled') AS last_trained_on
  FROM training_participants p JOIN states s ON s.lgd_code = p.state_lgd
  LEFT JOIN districts d ON d.lgd_code = p.district_lgd LEFT JOIN units u ON u.id = p.unit_id`;

const present = (row: ParticipantRow): ParticipantView => ({
  id: row.id,
  name: row.name,
  service: row.service,
  designation: row.designation,
  unit: row.unit_id === null ? null : { id: row.unit_id, name: row.unit_name ?? '' },
  stateLgd: row.state_lgd,
  stateName: row.state_name,
  districtLgd: row.district_lgd,
  districtName: row.district_name,
  isSetuUser: row.is_user,
  sessionsAttended: row.sessions_attended,
  lastTrainedOn: row.last_trained_on,
});

export async function listParticipants(
  scope: RequestScope,
  query: ParticipantQuery,
): Promise<{ items: ParticipantView[]; total: number }> {
  requireStateInScope(scope, query.state);
  const filter = new Conditions();
  if (query.q) filter.add((p) => `p.name ILIKE ${p}`, likePattern(query.q));
  if (query.service) filter.add((p) => `p.service = ${p}::training_service`, query.service);
  if (query.state !== undefined) filter.add((p) => `p.state_lgd = ${p}`, query.state);
  if (query.unitId) filter.add((p) => `p.unit_id = ${p}`, query.unitId);
  const total = await scope.tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM training_participants p ${filter.where}`,
    filter.params,
  );
  const page = filter.page(query.limit ?? 50, query.offset ?? 0);
  const { rows } = await scope.tx.query<ParticipantRow>(
    `${SELECT_PARTICIPANT} ${filter.where} ORDER BY p.name, p.id ${page.sql}`,
    page.params,
  );
  return { items: rows.map(present), total: total.rows[0]?.n ?? 0 };
}

export async function getParticipant(scope: RequestScope, id: string): Promise<ParticipantView> {
  const { rows } = await scope.tx.query<ParticipantRow>(`${SELECT_PARTICIPANT} WHERE p.id = $1`, [id]);
  if (!rows[0]) throw notFound('The participant');
  return present(rows[0]);
}

export async function createParticipant(scope: RequestScope, input: ParticipantInput): Promise<string> {
  const { tx, actor } = scope;
  let state = input.stateLgd ?? null;
  let district = input.districtLgd ?? null;
  if (input.unitId) {
    const unit = await tx.query<{ state_lgd: number | null; district_lgd: number | null }>(
      'SELECT state_lgd, district_lgd FROM units WHERE id = $1',
      [input.unitId],
    );
    const row = unit.rows[0];
    if (!row)
      throw new AppError(422, 'unknown_reference', 'The participant’s unit does not exist.', {
        field: 'unitId',
      });
    state = row.state_lgd ?? state;
    district = row.district_lgd ?? district;
  }
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
    if (state !== null && state !== districtState)
      throw badRequest('The district is not in the State given; check both.', { field: 'districtLgd' });
    state = districtState;
  }
  if (state === null)
    throw badRequest('Say where the participant serves: their unit, or their State and district.', {
      field: 'stateLgd',
    });
  if (actor.level !== 'national' && state !== actor.stateLgd)
    throw forbidden(
      'You can register participants from your own State; the other State’s officers register theirs.',
    );
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO training_participants (name, service, designation, unit_id, user_id, state_lgd, district_lgd, phone, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      input.name.trim(),
      input.service,
      input.designation ?? null,
      input.unitId ?? null,
      input.userId ?? null,
      state,
      district,
      input.phone ?? null,
      actor.userId,
    ],
  );
  const id = rows[0]?.id ?? '';
  await scope.audit({
    action: 'training.participant_create',
    objectType: 'training_participant',
    objectId: id,
    details: { service: input.service, state, district },
  });
  return id;
}

/** Adds a participant to a session or changes their attendance and assessment scores. */
export async function recordAttendance(
  scope: RequestScope,
  sessionId: string,
  participantId: string,
  input: AttendanceInput,
): Promise<void> {
  const session = await requireManager(scope, sessionId);
  if (session.status === 'cancelled')
    throw conflict('The session was cancelled; open it again (status planned or held) to record attendance.');
  const participant = await scope.tx.query<{ state_lgd: number; district_lgd: number | null }>(
    'SELECT state_lgd, district_lgd FROM training_participants WHERE id = $1',
    [participantId],
  );
  const person = participant.rows[0];
  if (!person) throw notFound('The participant');
  if (!input.attended && (input.postScore ?? null) !== null)
    throw badRequest('A post-assessment score needs the participant to have attended.', {
      field: 'postScore',
    });
  const existing = await scope.tx.query<{ certificate_code: string | null }>(
    'SELECT certificate_code FROM training_attendance WHERE session_id = $1 AND participant_id = $2',
    [sessionId, participantId],
  );
  if (!input.attended && existing.rows[0]?.certificate_code)
    throw conflict('A certificate was issued for this attendance; it cannot be marked absent.');
  await scope.tx.query(
    `INSERT INTO training_attendance (session_id, participant_id, state_lgd, district_lgd, participant_state_lgd,
       participant_district_lgd, attended, pre_score, post_score)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (session_id, participant_id) DO UPDATE SET attended = EXCLUDED.attended,
       pre_score = CASE WHEN $10::boolean THEN EXCLUDED.pre_score ELSE training_attendance.pre_score END,
       post_score = CASE WHEN $11::boolean THEN EXCLUDED.post_score ELSE training_attendance.post_score END,
       updated_at = now()`,
    [
      sessionId,
      participantId,
      session.state_lgd,
      session.district_lgd,
      person.state_lgd,
      person.district_lgd,
      input.attended,
      input.preScore ?? null,
      input.postScore ?? null,
      input.preScore !== undefined,
      input.postScore !== undefined,
    ],
  );
  await scope.audit({
    action: 'training.attendance',
    objectType: 'training_session',
    objectId: sessionId,
    details: { participantId, ...input },
  });
}
