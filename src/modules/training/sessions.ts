/**
 * Training sessions: a programme held on dates at a place by a unit, with its trainers. Trainers who are
 * Setu accounts manage the session (attendance, assessments, certificates) wherever it is held.
 */
import { Conditions } from '../../db/sql.ts';
import type { RequestScope } from '../../server/access.ts';
import { AppError, badRequest, forbidden, notFound } from '../../server/errors.ts';
import { requireStateInScope } from '../ahtu/jurisdiction.ts';
import { getProgramme } from './programmes.ts';
import type {
  SessionInput,
  SessionListItem,
  SessionListQuery,
  SessionPatch,
  SessionView,
} from './schemas.ts';

interface SessionRow {
  id: string;
  programme_id: string;
  programme_kind: string;
  programme_title: string;
  unit_id: string;
  unit_name: string;
  state_lgd: number;
  state_name: string;
  district_lgd: number | null;
  district_name: string | null;
  starts_on: string;
  ends_on: string;
  place: string;
  status: string;
  participants: number;
  attended: number;
  trainers: { userId: string | null; name: string }[] | null;
}

const SELECT_SESSION = `SELECT t.id, t.programme_id, p.kind::text AS programme_kind, p.title AS programme_title,
  t.unit_id, u.name AS unit_name, t.state_lgd, s.name AS state_name, t.district_lgd, d.name AS district_name,
  t.starts_on::text AS starts_on, t.ends_on::text AS ends_on, t.place, t.status,
  (SELECT count(*)::int FROM training_attendance a WHERE a.session_id = t.id) AS participants,
  (SELECT count(*) FILTER (WHERE a.attended)::int FROM training_attendance a WHERE a.session_id = t.id) AS attended,
  (SELECT json_agg(json_build_object('userId', r.user_id, 'name', r.name) ORDER BY r.name)
     FROM training_session_trainers r WHERE r.session_id = t.id) AS trainers
  FROM training_sessions t JOIN training_programmes p ON p.id = t.programme_id JOIN units u ON u.id = t.unit_id
  JOIN states s ON s.lgd_code = t.state_lgd LEFT JOIN districts d ON d.lgd_code = t.district_lgd`;

function present(row: SessionRow): SessionListItem {
  return {
    id: row.id,
    programme: { id: row.programme_id, kind: row.programme_kind, title: row.programme_title },
    unit: { id: row.unit_id, name: row.unit_name },
    stateLgd: row.state_lgd,
    stateName: row.state_name,
    districtLgd: row.district_lgd,
    districtName: row.district_name,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    place: row.place,
    status: row.status,
    participants: row.participants,
    attended: row.attended,
    trainers: row.trainers ?? [],
  };
}

export async function listSessions(
  scope: RequestScope,
  query: SessionListQuery,
): Promise<{ items: SessionListItem[]; total: number }> {
  requireStateInScope(scope, query.state);
  const filter = new Conditions();
  if (query.programmeId) filter.add((p) => `t.programme_id = ${p}`, query.programmeId);
  if (query.state !== undefined) filter.add((p) => `t.state_lgd = ${p}`, query.state);
  if (query.status) filter.add((p) => `t.status = ${p}`, query.status);
  if (query.from) filter.add((p) => `t.ends_on >= ${p}::date`, query.from);
  if (query.to) filter.add((p) => `t.starts_on <= ${p}::date`, query.to);
  if (query.mine) filter.raw('t.id = ANY ((SELECT app_my_session_ids())::uuid[])');
  const total = await scope.tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM training_sessions t ${filter.where}`,
    filter.params,
  );
  const page = filter.page(query.limit ?? 50, query.offset ?? 0);
  const { rows } = await scope.tx.query<SessionRow>(
    `${SELECT_SESSION} ${filter.where} ORDER BY t.starts_on DESC, t.id ${page.sql}`,
    page.params,
  );
  return { items: rows.map(present), total: total.rows[0]?.n ?? 0 };
}

export async function getSession(scope: RequestScope, id: string): Promise<SessionView> {
  const { rows } = await scope.tx.query<SessionRow & { can_manage: boolean }>(
    `${SELECT_SESSION.replace('SELECT t.id,', 'SELECT app_can_manage_session(t.id) AS can_manage, t.id,')} WHERE t.id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) throw notFound('The training session');
  const attendance = await scope.tx.query<{
    participant_id: string;
    name: string;
    service: string;
    designation: string | null;
    unit_name: string | null;
    attended: boolean;
    pre_score: number | null;
    post_score: number | null;
    certificate_code: string | null;
    certificate_issued_at: string | Date | null;
  }>(
    `SELECT a.participant_id, p.name, p.service::text AS service, p.designation, u.name AS unit_name, a.attended,
       a.pre_score::float8 AS pre_score, a.post_score::float8 AS post_score, a.certificate_code, a.certificate_issued_at
     FROM training_attendance a JOIN training_participants p ON p.id = a.participant_id
     LEFT JOIN units u ON u.id = p.unit_id WHERE a.session_id = $1 ORDER BY p.name, p.id`,
    [id],
  );
  const list = attendance.rows.map((a) => ({
    participant: {
      id: a.participant_id,
      name: a.name,
      service: a.service,
      designation: a.designation,
      unitName: a.unit_name,
    },
    attended: a.attended,
    preScore: a.pre_score,
    postScore: a.post_score,
    certificateCode: row.can_manage ? a.certificate_code : null,
    certificateIssuedAt:
      a.certificate_issued_at === null ? null : new Date(a.certificate_issued_at).toISOString(),
  }));
  const mean = (values: (number | null)[]) => {
    const known = values.filter((v): v is number => v !== null);
    return known.length === 0
      ? null
      : Math.round((known.reduce((s, v) => s + v, 0) / known.length) * 10) / 10;
  };
  return {
    ...present(row),
    attendance: list,
    averagePre: mean(list.map((a) => a.preScore)),
    averagePost: mean(list.map((a) => a.postScore)),
    canManage: row.can_manage,
  };
}

function checkDates(startsOn: string, endsOn: string): void {
  if (endsOn < startsOn)
    throw badRequest('The session cannot end before it starts; check the two dates.', { field: 'endsOn' });
  if (Date.parse(endsOn) - Date.parse(startsOn) > 366 * 86_400_000)
    throw badRequest('A session lasts a year at most; record a long course as several sessions.', {
      field: 'endsOn',
    });
}

async function writeTrainers(scope: RequestScope, sessionId: string, trainers: SessionInput['trainers']) {
  const names = new Set<string>();
  for (const trainer of trainers) {
    const key = trainer.name.trim().toLowerCase();
    if (names.has(key))
      throw badRequest(`${trainer.name} is listed twice as a trainer.`, { field: 'trainers' });
    names.add(key);
    await scope.tx.query(
      'INSERT INTO training_session_trainers (session_id, user_id, name) VALUES ($1, $2, $3)',
      [sessionId, trainer.userId ?? null, trainer.name.trim()],
    );
  }
}

export async function createSession(scope: RequestScope, input: SessionInput): Promise<string> {
  const { tx, actor } = scope;
  const programme = await getProgramme(scope, input.programmeId);
  checkDates(input.startsOn, input.endsOn);
  const unitId = input.unitId ?? actor.unitId;
  const units = await tx.query<{
    state_lgd: number | null;
    district_lgd: number | null;
    name: string;
    ok: boolean;
  }>(
    `SELECT state_lgd, district_lgd, name, (id = $2 OR app_in_jurisdiction(state_lgd, district_lgd)) AS ok
     FROM units WHERE id = $1`,
    [unitId, actor.unitId],
  );
  const unit = units.rows[0];
  if (!unit)
    throw new AppError(422, 'unknown_reference', 'The unit holding the session does not exist.', {
      field: 'unitId',
    });
  if (unit.state_lgd === null)
    throw badRequest('A session is held somewhere: choose a State or district unit to hold it.', {
      field: 'unitId',
    });
  if (!unit.ok) throw forbidden(`${unit.name} is outside your jurisdiction; it can record its own sessions.`);
  if (programme.stateLgd !== null && programme.stateLgd !== unit.state_lgd)
    throw badRequest(
      `The programme "${programme.title}" is ${programme.stateName ?? 'another State'}'s; hold it there.`,
      {
        field: 'programmeId',
      },
    );
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO training_sessions (programme_id, unit_id, state_lgd, district_lgd, starts_on, ends_on, place, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      input.programmeId,
      unitId,
      unit.state_lgd,
      unit.district_lgd,
      input.startsOn,
      input.endsOn,
      input.place,
      actor.userId,
    ],
  );
  const id = rows[0]?.id ?? '';
  const trainers = [...input.trainers];
  if (input.runByMe && !trainers.some((t) => t.userId === actor.userId))
    trainers.push({ userId: actor.userId, name: actor.displayName });
  await writeTrainers(scope, id, trainers);
  await scope.audit({
    action: 'training.session_create',
    objectType: 'training_session',
    objectId: id,
    details: { programmeId: input.programmeId, unitId, trainers: trainers.length },
  });
  return id;
}

/** 404 when the session is not visible, 403 with a reason when it is but the actor does not manage it. */
export async function requireManager(scope: RequestScope, id: string) {
  const { rows } = await scope.tx.query<{
    can_manage: boolean;
    state_lgd: number;
    district_lgd: number | null;
    starts_on: string;
    ends_on: string;
    status: string;
    programme_title: string;
  }>(
    `SELECT app_can_manage_session(t.id) AS can_manage, t.state_lgd, t.district_lgd, t.starts_on::text AS starts_on,
       t.ends_on::text AS ends_on, t.status, p.title AS programme_title
     FROM training_sessions t JOIN training_programmes p ON p.id = t.programme_id WHERE t.id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) throw notFound('The training session');
  if (!row.can_manage)
    throw forbidden('Only the session’s trainers, its organisers and oversight of its place manage it.');
  return row;
}

export async function updateSession(scope: RequestScope, id: string, patch: SessionPatch): Promise<void> {
  const head = await requireManager(scope, id);
  checkDates(patch.startsOn ?? head.starts_on, patch.endsOn ?? head.ends_on);
  await scope.tx.query(
    `UPDATE training_sessions SET starts_on = coalesce($2::date, starts_on), ends_on = coalesce($3::date, ends_on),
       place = coalesce($4, place), status = coalesce($5, status), updated_at = now() WHERE id = $1`,
    [id, patch.startsOn ?? null, patch.endsOn ?? null, patch.place ?? null, patch.status ?? null],
  );
  if (patch.trainers) {
    await scope.tx.query('DELETE FROM training_session_trainers WHERE session_id = $1', [id]);
    await writeTrainers(scope, id, patch.trainers);
  }
  await scope.audit({
    action: 'training.session_update',
    objectType: 'training_session',
    objectId: id,
    details: { changed: Object.keys(patch) },
  });
}
