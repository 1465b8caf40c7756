/**
 * The in-app inbox. A notification is addressed to a unit (every account of the unit sees it) or to one
 * account; each account marks its own copy read. A database trigger queues the e-mail and webhook
 * deliveries of every new notification in the same transaction (migration 0006, notifications_fan_out).
 */
import type { Tx } from '../../db/database.ts';
import type { RequestScope } from '../../server/access.ts';
import { notFound } from '../../server/errors.ts';

/** Event types: the inbox shows them, e-mails go out for them, webhook subscriptions choose among them. */
export const EVENT_TYPES = [
  'request.created',
  'request.acknowledged',
  'request.started',
  'request.answered',
  'request.declined',
  'request.closed',
  'request.reopened',
  'request.message',
  'request.escalated',
  'alert.raised',
  'meeting.action_assigned',
  'meeting.action_done',
  'conference.action_assigned',
  'tip.received',
  'tip.forwarded',
  'webhook.disabled',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface NotificationInput {
  kind: EventType;
  /** Short, and free of identifying details: it travels by e-mail and webhook. */
  title: string;
  /** Inbox only. */
  body?: string | null;
  /** A path in the web app, e.g. /requests/<id>. */
  link?: string;
  objectType?: string;
  objectId?: string;
  sendEmail?: boolean;
}

/**
 * Addresses a notification to a unit or an account. `createdBy` is the acting account (the row policy
 * requires it in a signed-in transaction) or null from a system job. No RETURNING: the actor usually
 * cannot read a notification addressed to another unit.
 */
export async function notify(
  tx: Tx,
  createdBy: string | null,
  to: { unitId: string } | { userId: string },
  input: NotificationInput,
): Promise<void> {
  await tx.query(
    `INSERT INTO notifications (unit_id, user_id, kind, title, body, link, object_type, object_id, send_email, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      'unitId' in to ? to.unitId : null,
      'userId' in to ? to.userId : null,
      input.kind,
      input.title.slice(0, 300),
      input.body ? input.body.slice(0, 2000) : null,
      input.link ?? null,
      input.objectType ?? null,
      input.objectId ?? null,
      input.sendEmail ?? true,
      createdBy,
    ],
  );
}

interface NotificationRow {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  object_type: string | null;
  object_id: string | null;
  addressed_to: 'unit' | 'user';
  created_at: string | Date;
  read_at: string | Date | null;
}

export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  objectType: string | null;
  objectId: string | null;
  addressedTo: 'unit' | 'user';
  createdAt: string;
  readAt: string | null;
}

const iso = (value: string | Date) => new Date(value).toISOString();

function present(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    objectType: row.object_type,
    objectId: row.object_id,
    addressedTo: row.addressed_to,
    createdAt: iso(row.created_at),
    readAt: row.read_at === null ? null : iso(row.read_at),
  };
}

/**
 * What this account's inbox holds: notifications to its unit since the account was created (a newcomer
 * does not inherit years of old news) and those to the account itself. Row-Level Security adds the rest.
 */
const INBOX = `FROM notifications n
  LEFT JOIN notification_reads r ON r.notification_id = n.id AND r.user_id = $1
  WHERE n.created_at >= (SELECT created_at FROM users WHERE id = $1)`;

export async function listInbox(
  scope: RequestScope,
  query: { unread?: boolean; kind?: string; limit?: number; offset?: number },
): Promise<{ items: NotificationView[]; total: number; unread: number }> {
  const params: unknown[] = [scope.actor.userId];
  let filter = '';
  if (query.unread) filter += ' AND r.read_at IS NULL';
  if (query.kind) {
    params.push(query.kind);
    filter += ` AND n.kind = $${params.length}`;
  }
  const counts = await scope.tx.query<{ total: number; unread: number }>(
    `SELECT count(*) FILTER (WHERE true ${filter})::int AS total,
            count(*) FILTER (WHERE r.read_at IS NULL)::int AS unread ${INBOX}`,
    params,
  );
  params.push(query.limit ?? 50, query.offset ?? 0);
  const { rows } = await scope.tx.query<NotificationRow>(
    `SELECT n.id, n.kind, n.title, n.body, n.link, n.object_type, n.object_id,
       CASE WHEN n.user_id IS NULL THEN 'unit' ELSE 'user' END AS addressed_to, n.created_at, r.read_at
     ${INBOX} ${filter} ORDER BY n.created_at DESC, n.id LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return {
    items: rows.map(present),
    total: counts.rows[0]?.total ?? 0,
    unread: counts.rows[0]?.unread ?? 0,
  };
}

export async function unreadCount(scope: RequestScope): Promise<number> {
  const { rows } = await scope.tx.query<{ n: number }>(
    `SELECT count(*)::int AS n ${INBOX} AND r.read_at IS NULL`,
    [scope.actor.userId],
  );
  return rows[0]?.n ?? 0;
}

export async function markRead(scope: RequestScope, notificationId: string): Promise<NotificationView> {
  const found = await scope.tx.query<NotificationRow>(
    `SELECT n.id, n.kind, n.title, n.body, n.link, n.object_type, n.object_id,
       CASE WHEN n.user_id IS NULL THEN 'unit' ELSE 'user' END AS addressed_to, n.created_at, r.read_at
     ${INBOX} AND n.id = $2`,
    [scope.actor.userId, notificationId],
  );
  const row = found.rows[0];
  if (!row) throw notFound('The notification');
  if (row.read_at === null) {
    await scope.tx.query(
      'INSERT INTO notification_reads (notification_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [notificationId, scope.actor.userId],
    );
    await scope.audit({ action: 'notification.read', objectType: 'notification', objectId: notificationId });
  }
  return present({ ...row, read_at: row.read_at ?? new Date() });
}

export async function markAllRead(scope: RequestScope): Promise<number> {
  const result = await scope.tx.query(
    `INSERT INTO notification_reads (notification_id, user_id)
     SELECT n.id, $1 ${INBOX} AND r.read_at IS NULL
     ON CONFLICT DO NOTHING`,
    [scope.actor.userId],
  );
  if (result.rowCount > 0)
    await scope.audit({ action: 'notification.read_all', details: { marked: result.rowCount } });
  return result.rowCount;
}
