/** Reading meetings and action items. Row-Level Security scopes every query. */
import { Conditions } from '../../db/sql.ts';
import type { RequestScope } from '../../server/access.ts';
import { notFound } from '../../server/errors.ts';
import type {
  ActionItemQuery,
  ActionItemView,
  MeetingListItem,
  MeetingListQuery,
  MeetingView,
} from './schemas.ts';

interface MeetingRow {
  id: string;
  state_lgd: number;
  state_name: string;
  title: string;
  held_on: string;
  location: string | null;
  status: string;
  minutes: string | null;
  agenda_items: number;
  open_items: number;
  overdue_items: number;
  done_items: number;
  created_at: string | Date;
  can_edit: boolean;
}

const SELECT_MEETING = `SELECT m.id, m.state_lgd, s.name AS state_name, m.title, m.held_on::text AS held_on, m.location,
  m.status, m.minutes, (SELECT count(*)::int FROM meeting_agenda_items g WHERE g.meeting_id = m.id) AS agenda_items,
  (SELECT count(*) FILTER (WHERE i.status = 'open')::int FROM meeting_action_items i WHERE i.meeting_id = m.id) AS open_items,
  (SELECT count(*) FILTER (WHERE i.status = 'open' AND i.due_on < current_date)::int FROM meeting_action_items i
   WHERE i.meeting_id = m.id) AS overdue_items,
  (SELECT count(*) FILTER (WHERE i.status = 'done')::int FROM meeting_action_items i WHERE i.meeting_id = m.id) AS done_items,
  m.created_at, app_can_run_meeting(m.state_lgd) AS can_edit
  FROM meetings m JOIN states s ON s.lgd_code = m.state_lgd`;

function presentMeeting(row: MeetingRow): MeetingListItem {
  return {
    id: row.id,
    state: { lgdCode: row.state_lgd, name: row.state_name },
    title: row.title,
    heldOn: row.held_on,
    location: row.location,
    status: row.status,
    agendaItems: row.agenda_items,
    actionItems: { open: row.open_items, overdue: row.overdue_items, done: row.done_items },
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export async function listMeetings(
  scope: RequestScope,
  query: MeetingListQuery,
): Promise<{ items: MeetingListItem[]; total: number }> {
  const filter = new Conditions();
  if (query.state !== undefined) filter.add((p) => `m.state_lgd = ${p}`, query.state);
  if (query.status) filter.add((p) => `m.status = ${p}`, query.status);
  if (query.from) filter.add((p) => `m.held_on >= ${p}::date`, query.from);
  if (query.to) filter.add((p) => `m.held_on <= ${p}::date`, query.to);
  const total = await scope.tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM meetings m ${filter.where}`,
    filter.params,
  );
  const page = filter.page(query.limit ?? 50, query.offset ?? 0);
  const { rows } = await scope.tx.query<MeetingRow>(
    `${SELECT_MEETING} ${filter.where} ORDER BY m.held_on DESC, m.id ${page.sql}`,
    page.params,
  );
  return { items: rows.map(presentMeeting), total: total.rows[0]?.n ?? 0 };
}

interface ActionRow {
  id: string;
  meeting_id: string;
  meeting_title: string | null;
  held_on: string | null;
  state_lgd: number;
  title: string;
  description: string | null;
  owner_user_id: string | null;
  owner_unit_id: string | null;
  owner_name: string;
  due_on: string;
  status: string;
  overdue: boolean;
  done_at: string | Date | null;
  done_note: string | null;
  can_edit: boolean;
}

// The meeting's title and date come through a join that RLS may hide (an owner in another State).
const SELECT_ACTION = `SELECT i.id, i.meeting_id, m.title AS meeting_title, m.held_on::text AS held_on, i.state_lgd,
  i.title, i.description, i.owner_user_id, i.owner_unit_id, i.owner_name, i.due_on::text AS due_on, i.status,
  (i.status = 'open' AND i.due_on < current_date) AS overdue, i.done_at, i.done_note,
  app_can_run_meeting(i.state_lgd) AS can_edit
  FROM meeting_action_items i LEFT JOIN meetings m ON m.id = i.meeting_id`;

function presentAction(row: ActionRow, scope: RequestScope): ActionItemView {
  const owns = row.owner_user_id === scope.actor.userId || row.owner_unit_id === scope.actor.unitId;
  return {
    id: row.id,
    meeting: {
      id: row.meeting_id,
      title: row.meeting_title ?? 'Coordination meeting',
      heldOn: row.held_on ?? '',
    },
    stateLgd: row.state_lgd,
    title: row.title,
    description: row.description,
    owner: { userId: row.owner_user_id, unitId: row.owner_unit_id, name: row.owner_name },
    dueOn: row.due_on,
    status: row.status,
    overdue: row.overdue,
    doneAt: row.done_at === null ? null : new Date(row.done_at).toISOString(),
    doneNote: row.done_note,
    canEdit: row.can_edit,
    canComplete: row.can_edit || (owns && scope.actor.role !== 'auditor'),
  };
}

export async function listActionItems(
  scope: RequestScope,
  query: ActionItemQuery,
): Promise<{ items: ActionItemView[]; total: number }> {
  const filter = new Conditions();
  if (query.state !== undefined) filter.add((p) => `i.state_lgd = ${p}`, query.state);
  if (query.status) filter.add((p) => `i.status = ${p}`, query.status);
  if (query.overdue !== undefined)
    filter.raw(
      query.overdue
        ? `i.status = 'open' AND i.due_on < current_date`
        : `NOT (i.status = 'open' AND i.due_on < current_date)`,
    );
  if (query.meetingId) filter.add((p) => `i.meeting_id = ${p}`, query.meetingId);
  if (query.mine) {
    filter.add(
      (p) => `(i.owner_user_id = (${p}::uuid[])[1] OR i.owner_unit_id = (${p}::uuid[])[2])`,
      [scope.actor.userId, scope.actor.unitId],
    );
  }
  const total = await scope.tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM meeting_action_items i ${filter.where}`,
    filter.params,
  );
  const page = filter.page(query.limit ?? 50, query.offset ?? 0);
  const { rows } = await scope.tx.query<ActionRow>(
    `${SELECT_ACTION} ${filter.where} ORDER BY i.status, i.due_on, i.id ${page.sql}`,
    page.params,
  );
  return { items: rows.map((row) => presentAction(row, scope)), total: total.rows[0]?.n ?? 0 };
}

export async function getActionItem(scope: RequestScope, id: string): Promise<ActionItemView> {
  const { rows } = await scope.tx.query<ActionRow>(`${SELECT_ACTION} WHERE i.id = $1`, [id]);
  if (!rows[0]) throw notFound('The action item');
  return presentAction(rows[0], scope);
}

export async function getMeetingView(scope: RequestScope, id: string): Promise<MeetingView> {
  const { rows } = await scope.tx.query<MeetingRow>(`${SELECT_MEETING} WHERE m.id = $1`, [id]);
  const row = rows[0];
  if (!row) throw notFound('The meeting');
  const agenda = await scope.tx.query<{
    id: string;
    position: number;
    kind: string;
    title: string;
    note: string | null;
    request_id: string | null;
    alert_id: string | null;
  }>(
    'SELECT id, position, kind, title, note, request_id, alert_id FROM meeting_agenda_items WHERE meeting_id = $1 ORDER BY position',
    [id],
  );
  const actions = await scope.tx.query<ActionRow>(
    `${SELECT_ACTION} WHERE i.meeting_id = $1 ORDER BY i.due_on, i.id`,
    [id],
  );
  return {
    ...presentMeeting(row),
    minutes: row.minutes,
    agenda: agenda.rows.map((a) => ({
      id: a.id,
      position: a.position,
      kind: a.kind,
      title: a.title,
      note: a.note,
      requestId: a.request_id,
      alertId: a.alert_id,
    })),
    actionItemList: actions.rows.map((a) => presentAction(a, scope)),
    canEdit: row.can_edit,
  };
}

/** For the home page: open action items owned by the actor or the actor's unit, and how many are overdue. */
export async function actionItemCounts(scope: RequestScope): Promise<{ open: number; overdue: number }> {
  const { rows } = await scope.tx.query<{ open: number; overdue: number }>(
    `SELECT count(*)::int AS open, count(*) FILTER (WHERE due_on < current_date)::int AS overdue
     FROM meeting_action_items WHERE status = 'open' AND (owner_user_id = $1 OR owner_unit_id = $2)`,
    [scope.actor.userId, scope.actor.unitId],
  );
  return rows[0] ?? { open: 0, overdue: 0 };
}
