/**
 * Account administration. Every query runs as `setu_app` under Row-Level Security, so an administrator
 * of one State cannot see, let alone change, another State's accounts even if a check here were missed.
 */
import { Type, type Static } from '@fastify/type-provider-typebox';
import { Conditions, likePattern } from '../../db/sql.ts';
import { randomToken, sha256Hex } from '../../lib/secret-box.ts';
import type { RequestScope, Role } from '../../server/access.ts';
import { AppError, badRequest, notFound } from '../../server/errors.ts';
import { API_TOKEN_PREFIX } from '../auth/service.ts';
import { hashPassword, passwordProblem } from '../auth/passwords.ts';

export const UserView = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  unit: Type.Object({ id: Type.String(), name: Type.String() }),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  locked: Type.Boolean(),
  disabled: Type.Boolean(),
  mfaEnrolled: Type.Boolean(),
  isServiceAccount: Type.Boolean(),
  lastLoginAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});
export type UserView = Static<typeof UserView>;

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  unit_id: string;
  unit_name: string;
  email: string | null;
  phone: string | null;
  locked_at: string | null;
  disabled_at: string | null;
  mfa_enabled_at: string | null;
  is_service_account: boolean;
  last_login_at: string | null;
  created_at: string;
}

const SELECT_USER = `SELECT u.id, u.username, u.display_name, u.role, u.unit_id, un.name AS unit_name, u.email, u.phone,
  u.locked_at, u.disabled_at, u.mfa_enabled_at, u.is_service_account, u.last_login_at, u.created_at
  FROM users u JOIN units un ON un.id = u.unit_id`;

const iso = (value: string | Date | null): string | null =>
  value === null ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString();

function present(row: UserRow): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    unit: { id: row.unit_id, name: row.unit_name },
    email: row.email,
    phone: row.phone,
    locked: row.locked_at !== null,
    disabled: row.disabled_at !== null,
    mfaEnrolled: row.mfa_enabled_at !== null,
    isServiceAccount: row.is_service_account,
    lastLoginAt: iso(row.last_login_at),
    createdAt: iso(row.created_at) ?? '',
  };
}

export async function listUsers(
  scope: RequestScope,
  query: { q?: string; role?: Role; unitId?: string; limit?: number; offset?: number },
): Promise<{ items: UserView[]; total: number }> {
  const filter = new Conditions();
  if (query.q)
    filter.add(
      (p) => `(lower(u.username) LIKE ${p} OR lower(u.display_name) LIKE ${p})`,
      likePattern(query.q.toLowerCase()),
    );
  if (query.role) filter.add((p) => `u.role = ${p}`, query.role);
  if (query.unitId) filter.add((p) => `u.unit_id = ${p}`, query.unitId);
  const total = await scope.tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM users u JOIN units un ON un.id = u.unit_id ${filter.where}`,
    filter.params,
  );
  const page = filter.page(query.limit ?? 50, query.offset ?? 0);
  const { rows } = await scope.tx.query<UserRow>(
    `${SELECT_USER} ${filter.where} ORDER BY u.username ${page.sql}`,
    page.params,
  );
  return { items: rows.map(present), total: total.rows[0]?.n ?? 0 };
}

async function findVisible(scope: RequestScope, id: string): Promise<UserRow> {
  const { rows } = await scope.tx.query<UserRow>(`${SELECT_USER} WHERE u.id = $1`, [id]);
  const row = rows[0];
  if (!row) throw notFound('The account');
  return row;
}

export async function getUser(scope: RequestScope, id: string): Promise<UserView> {
  return present(await findVisible(scope, id));
}

/** Changes a row the actor can see; RLS returns no row when the actor may see but not administer it. */
async function administer(scope: RequestScope, id: string, sql: string, params: unknown[]): Promise<void> {
  await findVisible(scope, id);
  const result = await scope.tx.query(sql, [id, ...params]);
  if (result.rowCount === 0) {
    throw new AppError(403, 'forbidden', 'This account is outside the jurisdiction you administer.');
  }
}

export async function createUser(
  scope: RequestScope,
  input: {
    username: string;
    displayName: string;
    role: Role;
    unitId: string;
    email?: string;
    phone?: string;
    password: string;
    isServiceAccount?: boolean;
  },
): Promise<UserView> {
  const problem = passwordProblem(input.password, input.username);
  if (problem) throw badRequest(problem, { field: 'password' });
  const unit = await scope.tx.query('SELECT 1 FROM units WHERE id = $1', [input.unitId]);
  if (unit.rowCount === 0)
    throw new AppError(422, 'unknown_reference', 'The unit does not exist.', { field: 'unitId' });
  const passwordHash = await hashPassword(input.password);
  const { rows } = await scope.tx.query<{ id: string }>(
    `INSERT INTO users (username, display_name, role, unit_id, email, phone, password_hash, is_service_account)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      input.username,
      input.displayName,
      input.role,
      input.unitId,
      input.email ?? null,
      input.phone ?? null,
      passwordHash,
      input.isServiceAccount ?? false,
    ],
  );
  const id = rows[0]?.id ?? '';
  await scope.audit({
    action: 'user.create',
    objectType: 'user',
    objectId: id,
    details: { role: input.role, unitId: input.unitId },
  });
  return getUser(scope, id);
}

export async function updateUser(
  scope: RequestScope,
  id: string,
  input: {
    displayName?: string;
    role?: Role;
    unitId?: string;
    email?: string | null;
    phone?: string | null;
    disabled?: boolean;
  },
): Promise<UserView> {
  if (
    id === scope.actor.userId &&
    (input.disabled === true || (input.role && input.role !== scope.actor.role))
  ) {
    throw new AppError(
      409,
      'conflict',
      'You cannot disable your own account or change your own role; ask another administrator.',
    );
  }
  const sets: string[] = [];
  const params: unknown[] = [];
  const set = (column: string, value: unknown) => {
    params.push(value);
    sets.push(`${column} = $${params.length + 1}`);
  };
  if (input.displayName !== undefined) set('display_name', input.displayName);
  if (input.role !== undefined) set('role', input.role);
  if (input.unitId !== undefined) set('unit_id', input.unitId);
  if (input.email !== undefined) set('email', input.email);
  if (input.phone !== undefined) set('phone', input.phone);
  if (input.disabled !== undefined)
    sets.push(input.disabled ? 'disabled_at = coalesce(disabled_at, now())' : 'disabled_at = NULL');
  await administer(scope, id, `UPDATE users SET ${sets.join(', ')} WHERE id = $1`, params);
  await scope.audit({
    action: 'user.update',
    objectType: 'user',
    objectId: id,
    details: { changed: Object.keys(input) },
  });
  // A moved account must still be administrable by this actor; RLS re-checks the new unit on UPDATE.
  return getUser(scope, id);
}

export async function unlockUser(scope: RequestScope, id: string): Promise<UserView> {
  await administer(
    scope,
    id,
    'UPDATE users SET locked_at = NULL, failures_reset_at = now() WHERE id = $1',
    [],
  );
  await scope.audit({ action: 'user.unlock', objectType: 'user', objectId: id });
  return getUser(scope, id);
}

export async function resetMfa(scope: RequestScope, id: string): Promise<UserView> {
  await administer(
    scope,
    id,
    'UPDATE users SET mfa_secret_encrypted = NULL, mfa_enabled_at = NULL, mfa_last_step = NULL WHERE id = $1',
    [],
  );
  await scope.tx.query('DELETE FROM mfa_recovery_codes WHERE user_id = $1', [id]);
  await scope.audit({ action: 'user.reset_mfa', objectType: 'user', objectId: id });
  return getUser(scope, id);
}

interface TokenRow {
  id: string;
  name: string;
  token_prefix: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

function presentToken(row: TokenRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.token_prefix,
    createdAt: iso(row.created_at) ?? '',
    expiresAt: iso(row.expires_at),
    lastUsedAt: iso(row.last_used_at),
    revokedAt: iso(row.revoked_at),
  };
}

const TOKEN_COLUMNS = 'id, name, token_prefix, created_at, expires_at, last_used_at, revoked_at';

export async function listApiTokens(scope: RequestScope, userId: string) {
  await findVisible(scope, userId);
  const { rows } = await scope.tx.query<TokenRow>(
    `SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE user_id = $1 ORDER BY created_at DESC`,
    [userId],
  );
  return rows.map(presentToken);
}

export async function createApiToken(
  scope: RequestScope,
  userId: string,
  input: { name: string; expiresInDays?: number },
) {
  await findVisible(scope, userId);
  const token = `${API_TOKEN_PREFIX}${randomToken(32)}`;
  const { rows } = await scope.tx.query<TokenRow>(
    `INSERT INTO api_tokens (user_id, name, token_hash, token_prefix, created_by, expires_at)
     VALUES ($1, $2, $3, $4, $5, CASE WHEN $6::int IS NULL THEN NULL ELSE now() + make_interval(days => $6::int) END)
     RETURNING ${TOKEN_COLUMNS}`,
    [
      userId,
      input.name,
      sha256Hex(token),
      token.slice(0, 10),
      scope.actor.userId,
      input.expiresInDays ?? null,
    ],
  );
  const row = rows[0];
  if (!row) throw new AppError(403, 'forbidden', 'This account is outside the jurisdiction you administer.');
  await scope.audit({
    action: 'api_token.create',
    objectType: 'user',
    objectId: userId,
    details: { tokenId: row.id, name: input.name },
  });
  return { token, details: presentToken(row) };
}

export async function revokeApiToken(scope: RequestScope, userId: string, tokenId: string): Promise<void> {
  await findVisible(scope, userId);
  const result = await scope.tx.query(
    'UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 AND user_id = $2',
    [tokenId, userId],
  );
  if (result.rowCount === 0) throw notFound('The API token');
  await scope.audit({
    action: 'api_token.revoke',
    objectType: 'user',
    objectId: userId,
    details: { tokenId },
  });
}
