/**
 * Webhook delivery job. Each pending delivery is claimed (so parallel runs do not send it twice), POSTed
 * with its signature, and logged. A failure is retried with exponential backoff (30 s, 1 min, 2 min … up
 * to 6 h, MAX_ATTEMPTS in all); after `maxConsecutiveFailures` failed attempts in a row the subscription
 * is turned off and its unit notified. Redirects are not followed.
 *
 * Signature (docs/CHANNEL.md shows how to verify it):
 *   Setu-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 */
import crypto from 'node:crypto';
import dns from 'node:dns/promises';
import type { Database } from '../../db/database.ts';
import type { SecretBox } from '../../lib/secret-box.ts';
import { notify } from './service.ts';
import { isPrivateAddress } from './webhooks.ts';

export const MAX_ATTEMPTS = 8;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 6 * 3_600_000;
/** How long a claimed delivery stays with the run that claimed it before another may retry it. */
const LEASE_MS = 5 * 60_000;

export function signPayload(secret: string, body: string, timestamp: number): string {
  const mac = crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/** What a receiver does: recompute the HMAC over "t.body", compare in constant time, refuse stale timestamps. */
export function verifySignature(
  secret: string,
  header: string,
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
  toleranceSeconds = 300,
): boolean {
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  const given = parts.v1;
  if (!Number.isInteger(t) || !given || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = signPayload(secret, body, t).split('v1=')[1] ?? '';
  return (
    expected.length === given.length && crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(given))
  );
}

export function backoffMs(attempts: number): number {
  return Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
}

export interface WebhookJobOptions {
  secrets: SecretBox;
  allowPrivateNetworks: boolean;
  maxConsecutiveFailures?: number;
  timeoutMs?: number;
  now?: Date;
}

export interface WebhookJobSummary {
  attempted: number;
  delivered: number;
  failed: number;
  disabled: number;
}

interface Claimed {
  id: string;
  subscription_id: string;
  event: string;
  payload: Record<string, unknown>;
  attempts: number;
  url: string;
  secret_encrypted: string;
  unit_id: string;
}

async function post(
  claimed: Claimed,
  secret: string,
  options: WebhookJobOptions,
  now: Date,
): Promise<{ status: number | null; error: string | null }> {
  const url = new URL(claimed.url);
  if (!options.allowPrivateNetworks) {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const addresses = await dns.lookup(host, { all: true }).catch(() => []);
    if (addresses.length === 0) return { status: null, error: `cannot resolve ${host}` };
    if (addresses.some((a) => isPrivateAddress(a.address)))
      return { status: null, error: `refused: ${host} resolves to a private address` };
  }
  const body = JSON.stringify(claimed.payload);
  const timestamp = Math.floor(now.getTime() / 1000);
  try {
    const response = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Setu-Webhooks/1',
        'setu-event': claimed.event,
        'setu-delivery': claimed.id,
        'setu-signature': signPayload(secret, body, timestamp),
      },
      body,
    });
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300) return { status: response.status, error: null };
    return { status: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    return { status: null, error: error instanceof Error ? error.message.slice(0, 500) : String(error) };
  }
}

export async function deliverWebhooks(db: Database, options: WebhookJobOptions): Promise<WebhookJobSummary> {
  const now = options.now ?? new Date();
  const maxFailures = options.maxConsecutiveFailures ?? 10;
  const summary: WebhookJobSummary = { attempted: 0, delivered: 0, failed: 0, disabled: 0 };
  const claimed = await db.asSystem(async (tx) => {
    const { rows } = await tx.query<Claimed>(
      `WITH due AS (
         SELECT d.id FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
         WHERE d.status = 'pending' AND d.next_attempt_at <= $1 AND s.active AND s.deleted_at IS NULL
         ORDER BY d.next_attempt_at LIMIT 50 FOR UPDATE OF d SKIP LOCKED
       )
       UPDATE webhook_deliveries d SET attempts = d.attempts + 1, next_attempt_at = $2
       FROM due, webhook_subscriptions s WHERE d.id = due.id AND s.id = d.subscription_id
       RETURNING d.id, d.subscription_id, d.event, d.payload, d.attempts, s.url, s.secret_encrypted, s.unit_id`,
      [now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString()],
    );
    return rows;
  });
  for (const delivery of claimed) {
    summary.attempted += 1;
    const started = performance.now();
    const result = await post(delivery, options.secrets.open(delivery.secret_encrypted), options, now);
    const ok = result.error === null;
    const disabled = await db.asSystem(async (tx) => {
      await tx.query(
        `INSERT INTO webhook_delivery_attempts (delivery_id, attempted_at, status_code, error, duration_ms)
         VALUES ($1, $2, $3, $4, $5)`,
        [
          delivery.id,
          now.toISOString(),
          result.status,
          result.error,
          Math.round(performance.now() - started),
        ],
      );
      const final = !ok && delivery.attempts >= MAX_ATTEMPTS;
      await tx.query(
        `UPDATE webhook_deliveries SET status = $2, last_status_code = $3, last_error = $4,
           delivered_at = CASE WHEN $2 = 'delivered' THEN $5::timestamptz END, next_attempt_at = $6
         WHERE id = $1`,
        [
          delivery.id,
          ok ? 'delivered' : final ? 'failed' : 'pending',
          result.status,
          result.error,
          now.toISOString(),
          new Date(now.getTime() + backoffMs(delivery.attempts)).toISOString(),
        ],
      );
      const { rows } = await tx.query<{ consecutive_failures: number; active: boolean }>(
        ok
          ? `UPDATE webhook_subscriptions SET consecutive_failures = 0, last_success_at = $2 WHERE id = $1
             RETURNING consecutive_failures, active`
          : `UPDATE webhook_subscriptions SET consecutive_failures = consecutive_failures + 1, last_failure_at = $2
             WHERE id = $1 RETURNING consecutive_failures, active`,
        [delivery.subscription_id, now.toISOString()],
      );
      const subscription = rows[0];
      if (ok || !subscription?.active || subscription.consecutive_failures < maxFailures) return false;
      await tx.query(
        `UPDATE webhook_subscriptions SET active = false, disabled_at = $2, disabled_reason = $3 WHERE id = $1`,
        [
          delivery.subscription_id,
          now.toISOString(),
          `Turned off after ${subscription.consecutive_failures} failed deliveries in a row (last: ${result.error ?? ''})`,
        ],
      );
      await notify(
        tx,
        null,
        { unitId: delivery.unit_id },
        {
          kind: 'webhook.disabled',
          title: `A webhook of your unit was turned off after ${subscription.consecutive_failures} failed deliveries`,
          body: `${delivery.url}: ${result.error ?? ''}. Fix the receiver, then turn the webhook on again.`,
          link: `/webhooks/${delivery.subscription_id}`,
          objectType: 'webhook',
          objectId: delivery.subscription_id,
        },
      );
      return true;
    });
    if (ok) summary.delivered += 1;
    else summary.failed += 1;
    if (disabled) summary.disabled += 1;
  }
  return summary;
}
