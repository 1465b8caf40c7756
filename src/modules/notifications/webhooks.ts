/**
 * Outbound webhook subscriptions of a unit: where to POST which events. The signing secret is generated
 * here, shown once, and kept sealed with the server key (the app role cannot read it back).
 */
import crypto from 'node:crypto';
import net from 'node:net';
import type { RequestScope } from '../../server/access.ts';
import { AppError, badRequest, forbidden, notFound } from '../../server/errors.ts';
import { randomToken, type SecretBox } from '../../lib/secret-box.ts';
import { EVENT_TYPES } from './service.ts';

export interface WebhookView {
  id: string;
  unit: { id: string; name: string };
  url: string;
  eventTypes: string[];
  description: string | null;
  active: boolean;
  secretPrefix: string;
  consecutiveFailures: number;
  disabledAt: string | null;
  disabledReason: string | null;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  createdAt: string;
}

interface Row {
  id: string;
  unit_id: string;
  unit_name: string;
  url: string;
  event_types: string[];
  description: string | null;
  active: boolean;
  secret_prefix: string;
  consecutive_failures: number;
  disabled_at: string | Date | null;
  disabled_reason: string | null;
  last_success_at: string | Date | null;
  last_failure_at: string | Date | null;
  created_at: string | Date;
}

const SELECT = `SELECT w.id, w.unit_id, u.name AS unit_name, w.url, w.event_types, w.description, w.active, w.secret_prefix,
  w.consecutive_failures, w.disabled_at, w.disabled_reason, w.last_success_at, w.last_failure_at, w.created_at
  FROM webhook_subscriptions w JOIN units u ON u.id = w.unit_id WHERE w.deleted_at IS NULL`;

const isoOrNull = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());

function present(row: Row): WebhookView {
  return {
    id: row.id,
    unit: { id: row.unit_id, name: row.unit_name },
    url: row.url,
    eventTypes: row.event_types,
    description: row.description,
    active: row.active,
    secretPrefix: row.secret_prefix,
    consecutiveFailures: row.consecutive_failures,
    disabledAt: isoOrNull(row.disabled_at),
    disabledReason: row.disabled_reason,
    lastSuccessAt: isoOrNull(row.last_success_at),
    lastFailureAt: isoOrNull(row.last_failure_at),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Loopback, private, link-local and unique-local ranges: no webhook may reach them in production. */
export const PRIVATE_NETWORKS = new net.BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const)
  PRIVATE_NETWORKS.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['::ffff:0:0', 96],
] as const)
  PRIVATE_NETWORKS.addSubnet(network, prefix, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 0) return false;
  return PRIVATE_NETWORKS.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export function checkWebhookUrl(text: string, allowPrivate: boolean): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badRequest('The webhook URL is not a valid URL.', { field: 'url' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw badRequest('The webhook URL must start with https://.', { field: 'url' });
  if (url.username || url.password)
    throw badRequest('Put no credentials in the webhook URL; verify the Setu-Signature header instead.', {
      field: 'url',
    });
  if (!allowPrivate) {
    if (url.protocol !== 'https:') throw badRequest('The webhook URL must use https://.', { field: 'url' });
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (host === 'localhost' || host.endsWith('.localhost') || isPrivateAddress(host))
      throw badRequest('The webhook URL must point to a public address.', { field: 'url' });
  }
  return url.toString();
}

function checkEvents(events: readonly string[]): void {
  const unknown = events.filter((e) => !(EVENT_TYPES as readonly string[]).includes(e));
  if (unknown.length > 0) {
    throw new AppError(422, 'unknown_event_type', `Unknown event type(s): ${unknown.join(', ')}.`, {
      unknown,
      known: EVENT_TYPES,
    });
  }
}

export async function listWebhooks(scope: RequestScope, unitId: string | undefined): Promise<WebhookView[]> {
  const { rows } = await scope.tx.query<Row>(
    `${SELECT} AND ($1::uuid IS NULL OR w.unit_id = $1) ORDER BY u.name, w.created_at`,
    [unitId ?? null],
  );
  return rows.map(present);
}

export async function getWebhook(scope: RequestScope, id: string): Promise<WebhookView> {
  const { rows } = await scope.tx.query<Row>(`${SELECT} AND w.id = $1`, [id]);
  if (!rows[0]) throw notFound('The webhook subscription');
  return present(rows[0]);
}

function newSecret(): { secret: string; prefix: string } {
  const secret = `whsec_${randomToken(32)}`;
  return { secret, prefix: secret.slice(0, 10) };
}

export async function createWebhook(
  scope: RequestScope,
  secrets: SecretBox,
  input: { unitId?: string; url: string; eventTypes: string[]; description?: string },
  allowPrivate: boolean,
): Promise<{ webhook: WebhookView; secret: string }> {
  const unitId = input.unitId ?? scope.actor.unitId;
  const url = checkWebhookUrl(input.url, allowPrivate);
  checkEvents(input.eventTypes);
  const may = await scope.tx.query<{ ok: boolean }>('SELECT app_can_manage_webhooks($1) AS ok', [unitId]);
  if (!may.rows[0]?.ok)
    throw forbidden(
      'You can manage webhooks of your own unit; administrators, of units in their jurisdiction.',
    );
  const { secret, prefix } = newSecret();
  const { rows } = await scope.tx.query<{ id: string }>(
    `INSERT INTO webhook_subscriptions (unit_id, url, secret_encrypted, secret_prefix, event_types, description, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      unitId,
      url,
      secrets.seal(secret),
      prefix,
      [...new Set(input.eventTypes)],
      input.description ?? null,
      scope.actor.userId,
    ],
  );
  const id = rows[0]?.id ?? '';
  await scope.audit({
    action: 'webhook.create',
    objectType: 'webhook',
    objectId: id,
    details: { unitId, url },
  });
  return { webhook: await getWebhook(scope, id), secret };
}

export async function updateWebhook(
  scope: RequestScope,
  id: string,
  patch: { url?: string; eventTypes?: string[]; description?: string | null; active?: boolean },
  allowPrivate: boolean,
): Promise<WebhookView> {
  const current = await getWebhook(scope, id);
  const url = patch.url === undefined ? current.url : checkWebhookUrl(patch.url, allowPrivate);
  if (patch.eventTypes) checkEvents(patch.eventTypes);
  const reenable = patch.active === true && !current.active;
  await scope.tx.query(
    `UPDATE webhook_subscriptions SET url = $2, event_types = $3, description = $4, active = $5,
       consecutive_failures = CASE WHEN $6::boolean THEN 0 ELSE consecutive_failures END,
       disabled_at = CASE WHEN $5::boolean THEN NULL ELSE coalesce(disabled_at, now()) END,
       disabled_reason = CASE WHEN $5::boolean THEN NULL ELSE coalesce(disabled_reason, 'Turned off by a user') END
     WHERE id = $1`,
    [
      id,
      url,
      patch.eventTypes ? [...new Set(patch.eventTypes)] : current.eventTypes,
      patch.description === undefined ? current.description : patch.description,
      patch.active ?? current.active,
      reenable,
    ],
  );
  await scope.audit({
    action: 'webhook.update',
    objectType: 'webhook',
    objectId: id,
    details: { changed: Object.keys(patch) },
  });
  return getWebhook(scope, id);
}

export async function rotateSecret(
  scope: RequestScope,
  secrets: SecretBox,
  id: string,
): Promise<{ webhook: WebhookView; secret: string }> {
  await getWebhook(scope, id);
  const { secret, prefix } = newSecret();
  await scope.tx.query(
    'UPDATE webhook_subscriptions SET secret_encrypted = $2, secret_prefix = $3 WHERE id = $1',
    [id, secrets.seal(secret), prefix],
  );
  await scope.audit({ action: 'webhook.rotate_secret', objectType: 'webhook', objectId: id });
  return { webhook: await getWebhook(scope, id), secret };
}

export async function deleteWebhook(scope: RequestScope, id: string): Promise<void> {
  await getWebhook(scope, id);
  await scope.tx.query('UPDATE webhook_subscriptions SET deleted_at = now(), active = false WHERE id = $1', [
    id,
  ]);
  await scope.audit({ action: 'webhook.delete', objectType: 'webhook', objectId: id });
}

/** Queues a ping the job delivers like any event, to test the receiver and its signature check. */
export async function pingWebhook(scope: RequestScope, id: string): Promise<string> {
  const hook = await getWebhook(scope, id);
  const { rows } = await scope.tx.query<{ id: string }>(
    `INSERT INTO webhook_deliveries (subscription_id, event, payload) VALUES ($1, 'webhook.ping', $2) RETURNING id`,
    [
      id,
      JSON.stringify({
        id: crypto.randomUUID(),
        event: 'webhook.ping',
        createdAt: new Date().toISOString(),
        unitId: hook.unit.id,
        data: { title: `Test delivery for ${hook.unit.name}` },
      }),
    ],
  );
  await scope.audit({ action: 'webhook.ping', objectType: 'webhook', objectId: id });
  return rows[0]?.id ?? '';
}
