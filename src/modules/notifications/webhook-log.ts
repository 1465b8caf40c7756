/** The delivery log of a webhook subscription: each event sent, its state, and every attempt. */
import type { RequestScope } from '../../server/access.ts';
import { getWebhook } from './webhooks.ts';

export interface DeliveryView {
  id: string;
  event: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
  log: { attemptedAt: string; statusCode: number | null; error: string | null; durationMs: number }[];
}

const iso = (value: string | Date) => new Date(value).toISOString();

export async function listDeliveries(
  scope: RequestScope,
  webhookId: string,
  query: { status?: string; limit?: number; offset?: number },
): Promise<{ items: DeliveryView[]; total: number }> {
  await getWebhook(scope, webhookId);
  const params: unknown[] = [webhookId];
  let filter = '';
  if (query.status) {
    params.push(query.status);
    filter = ` AND d.status = $${params.length}`;
  }
  const total = await scope.tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM webhook_deliveries d WHERE d.subscription_id = $1${filter}`,
    params,
  );
  params.push(query.limit ?? 50, query.offset ?? 0);
  const { rows } = await scope.tx.query<{
    id: string;
    event: string;
    status: string;
    attempts: number;
    last_status_code: number | null;
    last_error: string | null;
    next_attempt_at: string | Date;
    delivered_at: string | Date | null;
    created_at: string | Date;
  }>(
    `SELECT d.id, d.event, d.status, d.attempts, d.last_status_code, d.last_error, d.next_attempt_at, d.delivered_at,
       d.created_at FROM webhook_deliveries d WHERE d.subscription_id = $1${filter}
     ORDER BY d.created_at DESC, d.id LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  const attempts = await scope.tx.query<{
    delivery_id: string;
    attempted_at: string | Date;
    status_code: number | null;
    error: string | null;
    duration_ms: number;
  }>(
    `SELECT delivery_id, attempted_at, status_code, error, duration_ms FROM webhook_delivery_attempts
     WHERE delivery_id = ANY($1::uuid[]) ORDER BY id`,
    [rows.map((r) => r.id)],
  );
  return {
    total: total.rows[0]?.n ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      event: r.event,
      status: r.status,
      attempts: r.attempts,
      lastStatusCode: r.last_status_code,
      lastError: r.last_error,
      nextAttemptAt: r.status === 'pending' ? iso(r.next_attempt_at) : null,
      deliveredAt: r.delivered_at === null ? null : iso(r.delivered_at),
      createdAt: iso(r.created_at),
      log: attempts.rows
        .filter((a) => a.delivery_id === r.id)
        .map((a) => ({
          attemptedAt: iso(a.attempted_at),
          statusCode: a.status_code,
          error: a.error,
          durationMs: a.duration_ms,
        })),
    })),
  };
}
