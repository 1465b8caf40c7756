/** Reading conferences and their action items. Row-Level Security scopes every query. */
import { Conditions } from '../../db/sql.ts';
import type { RequestScope } from '../../server/access.ts';
import { notFound } from '../../server/errors.ts';
import {
  MHA_CAP_RUPEES,
  type ActionItemQuery,
  type ActionItemView,
  type ConferenceListItem,
  type ConferenceListQuery,
  type ConferenceStatus,
  type ConferenceView,
} from './schemas.ts';
import { allowedActions } from './service.ts';

interface ConferenceRow {
  id: string;
  state_lgd: number;
  state_name: string;
  kind: string;
  title: string;
  venue: string | null;
  starts_on: string;
  ends_on: string;
  status: ConferenceStatus;
  // bigint: a string or a number depending on the driver.
  mha_support_rupees: number | string;
  total_budget_rupees: number | string;
  proposed_by_unit_id: string;
  unit_name: string;
  objectives: string | null;
  decision_note: string | null;
  decided_at: string | Date | null;
  outcome_summary: string | null;
  open_items: number;
  overdue_items: number;
  done_items: number;
  approver: boolean;
}

const SELECT_CONFERENCE = `SELECT c.id, c.state_lgd, s.name AS state_name, c.kind, c.title, c.venue,
  c.starts_on::text AS starts_on, c.ends_on::text AS ends_on, c.status, c.mha_support_rupees, c.total_budget_rupees,
  c.proposed_by_unit_id, un.name AS unit_name, c.objectives, c.decision_note, c.decided_at, c.outcome_summary,
  (SELECT count(*) FILTER (WHERE i.status <> 'done')::int FROM conference_action_items i WHERE i.conference_id = c.id) AS open_items,
  (SELECT count(*) FILTER (WHERE i.status <> 'done' AND i.due_on < current_date)::int FROM conference_action_items i
   WHERE i.conference_id = c.id) AS overdue_items,
  (SELECT count(*) FILTER (WHERE i.status = 'done')::int FROM conference_action_items i WHERE i.conference_id = c.id) AS done_items,
  app_can_run_meeting(c.state_lgd) AS approver
  FROM conferences c JOIN states s ON s.lgd_code = c.state_lgd JOIN units un ON un.id = c.proposed_by_unit_id`;

function present(row: ConferenceRow): ConferenceListItem {
  return {
    id: row.id,
    state: { lgdCode: row.state_lgd, name: row.state_name },
    kind: row.kind,
    title: row.title,
    venue: row.venue,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    status: row.status,
    mhaSupportRupees: Number(row.mha_support_rupees),
    totalBudgetRupees: Number(row.total_budget_rupees),
    proposedBy: { unitId: row.proposed_by_unit_id, name: row.unit_name },
    actionItems: { open: row.open_items, overdue: row.overdue_items, done: row.done_items },
  };
}

export async function listConferences(
  scope: RequestScope,
  query: ConferenceListQuery,
): Promise<{ items: ConferenceListItem[]; total: number }> {
  const filter = new Conditions();
  if (query.state !== undefined) filter.add((p) => `c.state_lgd = ${p}`, query.state);
  if (query.status) filter.add((p) => `c.status = ${p}`, query.status);
  if (query.kind) filter.add((p) => `c.kind = ${p}`, query.kind);
  const total = await scope.tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM conferences c ${filter.where}`,
    filter.params,
  );
  const page = filter.page(query.limit ?? 50, query.offset ?? 0);
  const { rows } = await scope.tx.query<ConferenceRow>(
    `${SELECT_CONFERENCE} ${filter.where} ORDER BY c.starts_on DESC, c.id ${page.sql}`,
    page.params,
  );
  return { items: rows.map(present), total: total.rows[0]?.n ?? 0 };
}

interface ActionRow {
  id: string;
  conference_id: string;
  conference_title: string | null;
  resolution_id: string | null;
  state_lgd: number;
  title: string;
  owner_unit_id: string;
  owner_name: string;
  due_on: string;
  status: string;
  overdue: boolean;
  done_at: string | Date | null;
  note: string | null;
  approver: boolean;
}

// The conference's title comes through a join RLS may hide (an owner unit in another State).
const SELECT_ACTION = `SELECT i.id, i.conference_id, c.title AS conference_title, i.resolution_id, i.state_lgd, i.title,
  i.owner_unit_id, i.owner_name, i.due_on::text AS due_on, i.status,
  (i.status <> 'done' AND i.due_on < current_date) AS overdue, i.done_at, i.note,
  app_can_run_meeting(i.state_lgd) AS approver
  FROM conference_action_items i LEFT JOIN conferences c ON c.id = i.conference_id`;

function presentAction(row: ActionRow, scope: RequestScope): ActionItemView {
  const follower = scope.actor.role !== 'auditor';
  return {
    id: row.id,
    conference: { id: row.conference_id, title: row.conference_title ?? 'Conference' },
    resolutionId: row.resolution_id,
    stateLgd: row.state_lgd,
    title: row.title,
    owner: { unitId: row.owner_unit_id, name: row.owner_name },
    dueOn: row.due_on,
    status: row.status,
    overdue: row.overdue,
    doneAt: row.done_at === null ? null : new Date(row.done_at).toISOString(),
    note: row.note,
    canUpdate: follower && (row.approver || row.owner_unit_id === scope.actor.unitId),
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
        ? `i.status <> 'done' AND i.due_on < current_date`
        : `NOT (i.status <> 'done' AND i.due_on < current_date)`,
    );
  if (query.conferenceId) filter.add((p) => `i.conference_id = ${p}`, query.conferenceId);
  if (query.mine) filter.add((p) => `i.owner_unit_id = ${p}`, scope.actor.unitId);
  const total = await scope.tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM conference_action_items i ${filter.where}`,
    filter.params,
  );
  const page = filter.page(query.limit ?? 50, query.offset ?? 0);
  const { rows } = await scope.tx.query<ActionRow>(
    `${SELECT_ACTION} ${filter.where} ORDER BY i.status = 'done', i.due_on, i.id ${page.sql}`,
    page.params,
  );
  return { items: rows.map((r) => presentAction(r, scope)), total: total.rows[0]?.n ?? 0 };
}

export async function getActionItem(scope: RequestScope, id: string): Promise<ActionItemView> {
  const { rows } = await scope.tx.query<ActionRow>(`${SELECT_ACTION} WHERE i.id = $1`, [id]);
  if (!rows[0]) throw notFound('The action item');
  return presentAction(rows[0], scope);
}

export async function getConferenceView(scope: RequestScope, id: string): Promise<ConferenceView> {
  const { rows } = await scope.tx.query<ConferenceRow>(`${SELECT_CONFERENCE} WHERE c.id = $1`, [id]);
  const row = rows[0];
  if (!row) throw notFound('The conference');
  const [budget, participants, resolutions, actions] = [
    await scope.tx.query<{
      id: string;
      position: number;
      item: string;
      amount_rupees: number | string;
      funded_by: string;
    }>(
      'SELECT id, position, item, amount_rupees, funded_by FROM conference_budget_lines WHERE conference_id = $1 ORDER BY position',
      [id],
    ),
    await scope.tx.query<{ category: string; planned: number; attended: number | null }>(
      'SELECT category, planned, attended FROM conference_participants WHERE conference_id = $1 ORDER BY category',
      [id],
    ),
    await scope.tx.query<{ id: string; position: number; text: string }>(
      'SELECT id, position, text FROM conference_resolutions WHERE conference_id = $1 ORDER BY position',
      [id],
    ),
    await scope.tx.query<ActionRow>(`${SELECT_ACTION} WHERE i.conference_id = $1 ORDER BY i.due_on, i.id`, [
      id,
    ]),
  ];
  const writer = scope.actor.role !== 'auditor';
  const recorder = writer && (row.approver || row.proposed_by_unit_id === scope.actor.unitId);
  return {
    ...present(row),
    objectives: row.objectives,
    decisionNote: row.decision_note,
    decidedAt: row.decided_at === null ? null : new Date(row.decided_at).toISOString(),
    outcomeSummary: row.outcome_summary,
    mhaCapRupees: MHA_CAP_RUPEES,
    budgetLines: budget.rows.map((b) => ({
      id: b.id,
      position: b.position,
      item: b.item,
      amountRupees: Number(b.amount_rupees),
      fundedBy: b.funded_by,
    })),
    participants: participants.rows,
    resolutions: resolutions.rows,
    actionItemList: actions.rows.map((a) => presentAction(a, scope)),
    allowedActions: writer
      ? allowedActions(
          {
            state_lgd: row.state_lgd,
            status: row.status,
            title: row.title,
            proposed_by_unit_id: row.proposed_by_unit_id,
            approver: row.approver,
          },
          scope.actor.unitId,
        )
      : [],
    canEdit: recorder && (row.status === 'proposed' || row.status === 'returned'),
    canRecord: recorder && row.status === 'held',
  };
}
