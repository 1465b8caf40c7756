/** Reading requests: the filtered list and the thread page. Row-Level Security scopes both. */
import type { Tx } from '../../db/database.ts';
import { Conditions, likePattern } from '../../db/sql.ts';
import type { RequestScope } from '../../server/access.ts';
import { notFound } from '../../server/errors.ts';
import { OPEN_STATUSES, type RequestStatus } from './codes.ts';
import type { RequestListItem, RequestListQuery } from './schemas.ts';

export interface RequestRow {
  id: string;
  reference: string;
  kind: string;
  priority: string;
  status: RequestStatus;
  subject: string;
  body: string;
  from_unit_id: string;
  from_name: string;
  from_kind: string;
  from_state: number | null;
  from_state_name: string | null;
  to_unit_id: string;
  to_name: string;
  to_kind: string;
  to_state: number | null;
  to_state_name: string | null;
  case_id: string | null;
  case_reference: string | null;
  case_shared: boolean;
  identity_shared: boolean;
  due_at: string | Date;
  overdue: boolean;
  round: number;
  escalation_level: number;
  message_count: number;
  acknowledged_at: string | Date | null;
  answered_at: string | Date | null;
  closed_at: string | Date | null;
  declined_at: string | Date | null;
  decline_reason: string | null;
  created_at: string | Date;
  updated_at: string | Date;
}

export const SELECT_REQUEST = `SELECT r.id, r.reference, r.kind, r.priority, r.status, r.subject, r.body,
  r.from_unit_id, fu.name AS from_name, fu.kind AS from_kind, r.state_lgd AS from_state, fs.name AS from_state_name,
  r.to_unit_id, tu.name AS to_name, tu.kind AS to_kind, r.to_state_lgd AS to_state, ts.name AS to_state_name,
  r.case_id, r.case_reference, r.case_shared, r.identity_shared, r.due_at,
  (r.status IN ('sent', 'acknowledged', 'in_progress') AND r.due_at < now()) AS overdue,
  r.round, r.escalation_level,
  (SELECT count(*)::int FROM request_messages m WHERE m.request_id = r.id AND m.body IS NOT NULL) AS message_count,
  r.acknowledged_at, r.answered_at, r.closed_at, r.declined_at, r.decline_reason, r.created_at, r.updated_at
  FROM unit_requests r
  JOIN units fu ON fu.id = r.from_unit_id JOIN units tu ON tu.id = r.to_unit_id
  LEFT JOIN states fs ON fs.lgd_code = r.state_lgd LEFT JOIN states ts ON ts.lgd_code = r.to_state_lgd`;

export const iso = (value: string | Date) => new Date(value).toISOString();
export const isoOrNull = (value: string | Date | null) => (value === null ? null : iso(value));

export function presentListItem(row: RequestRow, unitId: string): RequestListItem {
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind,
    priority: row.priority,
    status: row.status,
    subject: row.subject,
    fromUnit: {
      id: row.from_unit_id,
      name: row.from_name,
      kind: row.from_kind,
      stateLgd: row.from_state,
      stateName: row.from_state_name,
    },
    toUnit: {
      id: row.to_unit_id,
      name: row.to_name,
      kind: row.to_kind,
      stateLgd: row.to_state,
      stateName: row.to_state_name,
    },
    direction: row.to_unit_id === unitId ? 'in' : row.from_unit_id === unitId ? 'out' : 'oversight',
    caseReference: row.case_reference,
    dueAt: iso(row.due_at),
    overdue: row.overdue,
    escalationLevel: row.escalation_level,
    messageCount: row.message_count,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

const SORTS: Record<NonNullable<RequestListQuery['sort']>, string> = {
  '-created_at': 'r.created_at DESC, r.id',
  created_at: 'r.created_at ASC, r.id',
  due_at: 'r.due_at ASC, r.id',
  '-updated_at': 'r.updated_at DESC, r.id',
};

export async function listRequests(
  scope: RequestScope,
  query: RequestListQuery,
): Promise<{ items: RequestListItem[]; total: number }> {
  const filter = new Conditions();
  const unit = scope.actor.unitId;
  if (query.direction === 'in') filter.add((p) => `r.to_unit_id = ${p}`, unit);
  if (query.direction === 'out') filter.add((p) => `r.from_unit_id = ${p}`, unit);
  if (query.status && query.status.length > 0)
    filter.add((p) => `r.status = ANY(${p}::request_status[])`, query.status);
  if (query.overdue !== undefined) {
    const overdue = `(r.status = ANY('{${OPEN_STATUSES.join(',')}}'::request_status[]) AND r.due_at < now())`;
    filter.raw(query.overdue ? overdue : `NOT ${overdue}`);
  }
  if (query.escalated !== undefined)
    filter.raw(query.escalated ? 'r.escalation_level > 0' : 'r.escalation_level = 0');
  if (query.kind) filter.add((p) => `r.kind = ${p}`, query.kind);
  if (query.priority) filter.add((p) => `r.priority = ${p}`, query.priority);
  if (query.caseId) filter.add((p) => `r.case_id = ${p}`, query.caseId);
  if (query.unitId) filter.add((p) => `(r.from_unit_id = ${p} OR r.to_unit_id = ${p})`, query.unitId);
  if (query.state !== undefined)
    filter.add((p) => `(r.state_lgd = ${p} OR r.to_state_lgd = ${p})`, query.state);
  if (query.q) {
    filter.add(
      (p) => `lower(r.reference || ' ' || r.subject || ' ' || coalesce(r.case_reference, '')) LIKE ${p}`,
      likePattern(query.q.trim().toLowerCase()),
    );
  }
  const total = await scope.tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM unit_requests r ${filter.where}`,
    filter.params,
  );
  const page = filter.page(query.limit ?? 50, query.offset ?? 0);
  const { rows } = await scope.tx.query<RequestRow>(
    `${SELECT_REQUEST} ${filter.where} ORDER BY ${SORTS[query.sort ?? '-created_at']} ${page.sql}`,
    page.params,
  );
  return { items: rows.map((row) => presentListItem(row, unit)), total: total.rows[0]?.n ?? 0 };
}

/** The request's row as the actor may see it, or 404. */
export async function findRequest(tx: Tx, id: string): Promise<RequestRow> {
  const { rows } = await tx.query<RequestRow>(`${SELECT_REQUEST} WHERE r.id = $1`, [id]);
  const row = rows[0];
  if (!row) throw notFound('The request');
  return row;
}
