import crypto from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { RequestScope } from './access.ts';
import { AppError } from './errors.ts';

export interface IdempotentResult<T> {
  body: T;
  replayed: boolean;
}

/**
 * Runs a create once per `Idempotency-Key`: a retry with the same key and the same body gets the first
 * response back instead of a duplicate record; the same key with a different body is refused.
 * The key is stored in the create's own transaction, so a failed create leaves no key behind.
 */
export async function idempotent<T>(
  scope: RequestScope,
  key: string | undefined,
  request: unknown,
  create: () => Promise<T>,
): Promise<IdempotentResult<T>> {
  if (key === undefined) return { body: await create(), replayed: false };
  if (!/^[A-Za-z0-9_.:-]{8,100}$/.test(key)) {
    throw new AppError(
      400,
      'invalid_idempotency_key',
      'The Idempotency-Key header must be 8 to 100 letters, digits or ._:- characters (a UUID is ideal).',
    );
  }
  const fingerprint = crypto.createHash('sha256').update(JSON.stringify(request)).digest('hex');
  // Serialise concurrent retries of the same key; the second one then finds the stored response.
  await scope.tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${scope.actor.userId}:${key}`]);
  const { rows } = await scope.tx.query<{ request_fingerprint: string; response_body: T }>(
    'SELECT request_fingerprint, response_body FROM idempotency_keys WHERE user_id = $1 AND key = $2',
    [scope.actor.userId, key],
  );
  const stored = rows[0];
  if (stored) {
    if (stored.request_fingerprint !== fingerprint) {
      throw new AppError(
        422,
        'idempotency_key_reused',
        'This Idempotency-Key was already used for a different request. Use a new key for a new record.',
      );
    }
    return { body: stored.response_body, replayed: true };
  }
  const body = await create();
  await scope.tx.query(
    `INSERT INTO idempotency_keys (user_id, key, request_fingerprint, response_status, response_body) VALUES ($1, $2, $3, 201, $4)`,
    [scope.actor.userId, key, fingerprint, JSON.stringify(body)],
  );
  return { body, replayed: false };
}

export interface Created<V> {
  view: V;
  replayed: boolean;
}

/**
 * A create route's work: `create` runs once per Idempotency-Key and returns the new record's id; the record
 * is then read back (`read`) for the response, so a retry gets the record as it is now.
 */
export async function createOnce<V>(
  scope: RequestScope,
  key: string | undefined,
  request: unknown,
  create: () => Promise<string>,
  read: (id: string) => Promise<V>,
): Promise<Created<V>> {
  const { body, replayed } = await idempotent(scope, key, request, async () => ({ id: await create() }));
  return { view: await read(body.id), replayed };
}

/** 201 with the record; a replayed create says so in a header, as the first answer was already given. */
export function replyCreated<V>(reply: FastifyReply, created: Created<V>): FastifyReply {
  if (created.replayed) void reply.header('idempotent-replayed', 'true');
  return reply.status(201).send(created.view);
}
