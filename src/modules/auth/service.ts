import type { Database, Tx } from '../../db/database.ts';
import { randomToken, sha256Hex, type SecretBox } from '../../lib/secret-box.ts';
import type { Actor, Role } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import { appendAudit, type AuditContext } from '../audit/service.ts';
import { checkTotp, hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpUri } from './mfa.ts';
import { burnPasswordCheck, hashPassword, passwordProblem, verifyPassword } from './passwords.ts';

export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_WINDOW_MINUTES = 15;

export interface AuthSettings {
  /** Outside demo mode every account must use a second factor. */
  mfaMandatory: boolean;
  sessionIdleMinutes: number;
  /** Demo accounts sign in only while the server runs in demo mode. */
  allowDemoAccounts: boolean;
}

export interface AuthDeps {
  db: Database;
  secrets: SecretBox;
  settings: AuthSettings;
}

export type SignInStep = 'complete' | 'mfa_required' | 'mfa_enrolment_required';

interface ActorRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  unit_id: string;
  unit_name: string;
  level: Actor['level'];
  state_lgd: number | null;
  district_lgd: number | null;
  mfa_enabled_at: string | null;
}

const ACTOR_SELECT = `SELECT u.id, u.username, u.display_name, u.role, u.unit_id, un.name AS unit_name, un.level,
  un.state_lgd, un.district_lgd, u.mfa_enabled_at
  FROM users u JOIN units un ON un.id = u.unit_id`;

function toActor(row: ActorRow, via: Actor['via'], mfaPassed: boolean, sessionTokenHash?: string): Actor {
  return {
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    unitId: row.unit_id,
    unitName: row.unit_name,
    level: row.level,
    stateLgd: row.state_lgd,
    districtLgd: row.district_lgd,
    via,
    mfaPassed,
    mfaEnrolled: row.mfa_enabled_at !== null,
    ...(sessionTokenHash ? { sessionTokenHash } : {}),
  };
}

const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', 'The username or password is not correct.');
const accountLocked = () =>
  new AppError(
    423,
    'account_locked',
    `This account is locked after ${LOCKOUT_FAILURES} failed sign-ins. Ask your system administrator to unlock it.`,
  );

export interface SignInResult {
  step: SignInStep;
  sessionToken: string;
  actor: Actor;
}

/**
 * The password step. Wrong passwords count towards a lockout; the fifth failure within the window
 * locks the account until an administrator unlocks it. Every outcome is audited.
 */
export async function signIn(
  deps: AuthDeps,
  input: { username: string; password: string; clientIp?: string; userAgent?: string },
): Promise<SignInResult> {
  const username = input.username.trim();
  const found = await deps.db.asSystem((tx) =>
    tx.query<{
      id: string;
      password_hash: string;
      locked_at: string | null;
      disabled_at: string | null;
      is_service_account: boolean;
      is_demo: boolean;
    }>(
      'SELECT id, password_hash, locked_at, disabled_at, is_service_account, is_demo FROM users WHERE lower(username) = lower($1)',
      [username],
    ),
  );
  const user = found.rows[0];
  const audit: AuditContext = { username, clientIp: input.clientIp };
  if (!user) {
    await burnPasswordCheck(input.password);
    await deps.db.asSystem((tx) =>
      appendAudit(tx, audit, { action: 'auth.login', outcome: 'refused', reason: 'unknown username' }),
    );
    throw invalidCredentials();
  }
  const passwordOk = await verifyPassword(user.password_hash, input.password);

  const outcome = await deps.db.asSystem(async (tx): Promise<SignInResult | { refused: AppError }> => {
    // Lock the user row so concurrent failures are counted exactly.
    const current = await tx.query<{ locked_at: string | null; disabled_at: string | null }>(
      'SELECT locked_at, disabled_at FROM users WHERE id = $1 FOR UPDATE',
      [user.id],
    );
    const state = current.rows[0];
    const actorRow = await loadActorRow(tx, user.id);
    const context: AuditContext = {
      ...audit,
      actor: actorRow
        ? { userId: user.id, username: actorRow.username, unitId: actorRow.unit_id }
        : undefined,
    };
    const refuse = async (reason: string, error: AppError, details?: Record<string, unknown>) => {
      await appendAudit(tx, context, {
        action: 'auth.login',
        outcome: 'refused',
        reason,
        ...(details ? { details } : {}),
      });
      // Returned rather than thrown, so what this transaction recorded (attempts, a lock) commits.
      return { refused: error };
    };
    if (!state || !actorRow || state.disabled_at !== null || user.is_service_account) {
      return refuse('account disabled or service account', invalidCredentials());
    }
    if (user.is_demo && !deps.settings.allowDemoAccounts) {
      return refuse('demo account outside demo mode', invalidCredentials());
    }
    if (state.locked_at !== null) return refuse('account locked', accountLocked());

    await tx.query('INSERT INTO login_attempts (user_id, succeeded, client_ip) VALUES ($1, $2, $3)', [
      user.id,
      passwordOk,
      input.clientIp ?? null,
    ]);
    if (!passwordOk) {
      const failures = await tx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM login_attempts a JOIN users u ON u.id = a.user_id
         WHERE a.user_id = $1 AND NOT a.succeeded
           AND a.attempted_at > now() - make_interval(mins => $2)
           AND a.attempted_at > coalesce(u.failures_reset_at, '-infinity')
           AND a.attempted_at > coalesce((SELECT max(s.attempted_at) FROM login_attempts s
                                          WHERE s.user_id = $1 AND s.succeeded), '-infinity')`,
        [user.id, LOCKOUT_WINDOW_MINUTES],
      );
      const count = failures.rows[0]?.n ?? 0;
      if (count < LOCKOUT_FAILURES)
        return refuse('wrong password', invalidCredentials(), { failures: count });
      await tx.query('UPDATE users SET locked_at = now() WHERE id = $1', [user.id]);
      await appendAudit(tx, context, {
        action: 'auth.lockout',
        objectType: 'user',
        objectId: user.id,
        details: { failures: count },
      });
      return refuse('wrong password; account now locked', accountLocked(), { failures: count });
    }

    const step: SignInStep =
      actorRow.mfa_enabled_at !== null
        ? 'mfa_required'
        : deps.settings.mfaMandatory
          ? 'mfa_enrolment_required'
          : 'complete';
    const sessionToken = randomToken();
    const tokenHash = sha256Hex(sessionToken);
    await tx.query(
      `INSERT INTO sessions (token_hash, user_id, mfa_passed, client_ip, user_agent) VALUES ($1, $2, $3, $4, $5)`,
      [
        tokenHash,
        user.id,
        step === 'complete',
        input.clientIp ?? null,
        input.userAgent?.slice(0, 300) ?? null,
      ],
    );
    await tx.query('UPDATE users SET last_login_at = now() WHERE id = $1', [user.id]);
    await appendAudit(tx, context, { action: 'auth.login', details: { next: step } });
    return { step, sessionToken, actor: toActor(actorRow, 'session', step === 'complete', tokenHash) };
  });
  if ('refused' in outcome) throw outcome.refused;
  return outcome;
}

async function loadActorRow(tx: Tx, userId: string): Promise<ActorRow | undefined> {
  const { rows } = await tx.query<ActorRow>(`${ACTOR_SELECT} WHERE u.id = $1`, [userId]);
  return rows[0];
}

/** Resolves a session cookie to its actor, enforcing the idle timeout and sliding it forward. */
export async function actorFromSession(deps: AuthDeps, sessionToken: string): Promise<Actor> {
  const tokenHash = sha256Hex(sessionToken);
  const outcome = await deps.db.asSystem(async (tx): Promise<Actor | 'ended' | 'unknown'> => {
    const { rows } = await tx.query<
      ActorRow & { mfa_passed: boolean; idle: boolean; stale: boolean; usable: boolean }
    >(
      `SELECT a.*, s.mfa_passed,
         (u2.disabled_at IS NULL AND u2.locked_at IS NULL) AS usable,
         s.last_seen_at < now() - make_interval(mins => $2) AS idle,
         s.last_seen_at < now() - interval '1 minute' AS stale
       FROM sessions s
       JOIN users u2 ON u2.id = s.user_id
       JOIN LATERAL (${ACTOR_SELECT} WHERE u.id = s.user_id) a ON true
       WHERE s.token_hash = $1 AND s.ended_at IS NULL`,
      [tokenHash, deps.settings.sessionIdleMinutes],
    );
    const row = rows[0];
    if (!row) return 'unknown';
    if (row.idle || !row.usable) {
      // Returned, not thrown, so the session's end commits.
      await tx.query('UPDATE sessions SET ended_at = now() WHERE token_hash = $1', [tokenHash]);
      return 'ended';
    }
    // Touch at most once a minute: one page load makes many requests.
    if (row.stale)
      await tx.query('UPDATE sessions SET last_seen_at = now() WHERE token_hash = $1', [tokenHash]);
    return toActor(row, 'session', row.mfa_passed, tokenHash);
  });
  if (outcome === 'unknown') throw new AppError(401, 'unauthenticated', 'Sign in to continue.');
  if (outcome === 'ended') {
    throw new AppError(
      401,
      'session_expired',
      'Your session has ended after a period of inactivity. Sign in again.',
    );
  }
  return outcome;
}

export const API_TOKEN_PREFIX = 'setu_';

/** Resolves an API token (`Authorization: Bearer setu_…`) for system integrations. */
export async function actorFromApiToken(deps: AuthDeps, token: string): Promise<Actor> {
  if (!token.startsWith(API_TOKEN_PREFIX))
    throw new AppError(401, 'invalid_token', 'The API token is not valid.');
  return deps.db.asSystem(async (tx) => {
    const { rows } = await tx.query<ActorRow & { token_id: string; disabled_at: string | null }>(
      `SELECT a.*, t.id AS token_id, u2.disabled_at FROM api_tokens t
       JOIN users u2 ON u2.id = t.user_id
       JOIN LATERAL (${ACTOR_SELECT} WHERE u.id = t.user_id) a ON true
       WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())`,
      [sha256Hex(token)],
    );
    const row = rows[0];
    if (!row || row.disabled_at !== null)
      throw new AppError(401, 'invalid_token', 'The API token is not valid, has expired or was revoked.');
    await tx.query(
      `UPDATE api_tokens SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [row.token_id],
    );
    return toActor(row, 'token', true);
  });
}

/** The second step: a TOTP code, or one of the recovery codes (each works once). */
export async function completeMfa(
  deps: AuthDeps,
  actor: Actor,
  code: string,
  clientIp: string | undefined,
): Promise<void> {
  if (!actor.sessionTokenHash)
    throw new AppError(400, 'bad_request', 'Only a browser session has a second step.');
  const tokenHash = actor.sessionTokenHash;
  const context: AuditContext = { actor, clientIp };
  const outcome = await deps.db.asSystem(async (tx) => {
    const { rows } = await tx.query<{
      mfa_secret_encrypted: string | null;
      mfa_last_step: number | string | null;
    }>('SELECT mfa_secret_encrypted, mfa_last_step FROM users WHERE id = $1 FOR UPDATE', [actor.userId]);
    const user = rows[0];
    if (!user?.mfa_secret_encrypted) return 'not_enrolled' as const;
    const step = await checkTotp(deps.secrets.open(user.mfa_secret_encrypted), code);
    let method: 'totp' | 'recovery_code' | undefined;
    if (step !== undefined && (user.mfa_last_step === null || step > Number(user.mfa_last_step))) {
      await tx.query('UPDATE users SET mfa_last_step = $2 WHERE id = $1', [actor.userId, step]);
      method = 'totp';
    } else if (step === undefined) {
      const used = await tx.query(
        `UPDATE mfa_recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL`,
        [actor.userId, hashRecoveryCode(code)],
      );
      if (used.rowCount === 1) method = 'recovery_code';
    }
    if (!method) {
      await appendAudit(tx, context, {
        action: 'auth.mfa',
        outcome: 'refused',
        reason: 'wrong or reused code',
      });
      return 'wrong' as const;
    }
    await tx.query('UPDATE sessions SET mfa_passed = true, last_seen_at = now() WHERE token_hash = $1', [
      tokenHash,
    ]);
    await appendAudit(tx, context, { action: 'auth.mfa', outcome: 'success', details: { method } });
    return 'ok' as const;
  });
  if (outcome === 'not_enrolled') {
    throw new AppError(409, 'mfa_not_enrolled', 'This account has no second factor yet; enrol one first.');
  }
  if (outcome === 'wrong') {
    throw new AppError(
      401,
      'invalid_mfa_code',
      'The code is not correct or was already used. Enter the current code from your authenticator app.',
    );
  }
}

export interface EnrolmentStart {
  secret: string;
  otpauthUri: string;
}

/** Starts (or restarts) enrolment: a new secret kept sealed until a code from it confirms it. */
export async function startMfaEnrolment(deps: AuthDeps, actor: Actor): Promise<EnrolmentStart> {
  if (actor.mfaEnrolled && !actor.mfaPassed) {
    throw new AppError(
      409,
      'mfa_already_enrolled',
      'Enter the code from your authenticator app to continue.',
    );
  }
  const secret = newTotpSecret();
  await deps.db.asSystem(async (tx) => {
    await tx.query(
      `INSERT INTO pending_mfa_enrolments (user_id, secret_encrypted) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET secret_encrypted = EXCLUDED.secret_encrypted, created_at = now()`,
      [actor.userId, deps.secrets.seal(secret)],
    );
  });
  return { secret, otpauthUri: totpUri(secret, actor.username) };
}

/** Confirms enrolment with a code from the new secret; returns one-time recovery codes, shown once. */
export async function confirmMfaEnrolment(
  deps: AuthDeps,
  actor: Actor,
  code: string,
  clientIp: string | undefined,
): Promise<string[]> {
  const recoveryCodes = newRecoveryCodes();
  const context: AuditContext = { actor, clientIp };
  const ok = await deps.db.asSystem(async (tx) => {
    const { rows } = await tx.query<{ secret_encrypted: string }>(
      `SELECT secret_encrypted FROM pending_mfa_enrolments WHERE user_id = $1 AND created_at > now() - interval '30 minutes'`,
      [actor.userId],
    );
    const pending = rows[0];
    if (!pending) return 'no_pending' as const;
    const step = await checkTotp(deps.secrets.open(pending.secret_encrypted), code);
    if (step === undefined) {
      await appendAudit(tx, context, { action: 'auth.mfa_enrol', outcome: 'refused', reason: 'wrong code' });
      return 'wrong' as const;
    }
    await tx.query(
      `UPDATE users SET mfa_secret_encrypted = $2, mfa_enabled_at = now(), mfa_last_step = $3 WHERE id = $1`,
      [actor.userId, pending.secret_encrypted, step],
    );
    await tx.query('DELETE FROM pending_mfa_enrolments WHERE user_id = $1', [actor.userId]);
    await tx.query('DELETE FROM mfa_recovery_codes WHERE user_id = $1', [actor.userId]);
    for (const recoveryCode of recoveryCodes) {
      await tx.query('INSERT INTO mfa_recovery_codes (user_id, code_hash) VALUES ($1, $2)', [
        actor.userId,
        hashRecoveryCode(recoveryCode),
      ]);
    }
    if (actor.sessionTokenHash) {
      await tx.query('UPDATE sessions SET mfa_passed = true WHERE token_hash = $1', [actor.sessionTokenHash]);
    }
    await appendAudit(tx, context, { action: 'auth.mfa_enrol', objectType: 'user', objectId: actor.userId });
    return 'ok' as const;
  });
  if (ok === 'no_pending') {
    throw new AppError(
      409,
      'no_pending_enrolment',
      'Start enrolment first, or start again: the last one expired after 30 minutes.',
    );
  }
  if (ok === 'wrong') {
    throw new AppError(
      401,
      'invalid_mfa_code',
      'The code does not match the new secret. Check the time on your phone and try the current code.',
    );
  }
  return recoveryCodes;
}

export async function signOut(deps: AuthDeps, actor: Actor, clientIp: string | undefined): Promise<void> {
  if (!actor.sessionTokenHash) return;
  const tokenHash = actor.sessionTokenHash;
  await deps.db.asSystem(async (tx) => {
    await tx.query('UPDATE sessions SET ended_at = now() WHERE token_hash = $1 AND ended_at IS NULL', [
      tokenHash,
    ]);
    await appendAudit(tx, { actor, clientIp }, { action: 'auth.logout' });
  });
}

/** Changes the signed-in account's own password; other sessions of the account end. */
export async function changePassword(
  deps: AuthDeps,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  clientIp: string | undefined,
): Promise<void> {
  const problem = passwordProblem(input.newPassword, actor.username);
  if (problem) throw new AppError(400, 'weak_password', problem);
  const current = await deps.db.asSystem((tx) =>
    tx.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [actor.userId]),
  );
  const hashNow = current.rows[0]?.password_hash;
  if (!hashNow || !(await verifyPassword(hashNow, input.currentPassword))) {
    await deps.db.asSystem((tx) =>
      appendAudit(
        tx,
        { actor, clientIp },
        { action: 'auth.password_change', outcome: 'refused', reason: 'wrong current password' },
      ),
    );
    throw new AppError(401, 'invalid_credentials', 'The current password is not correct.');
  }
  if (await verifyPassword(hashNow, input.newPassword)) {
    throw new AppError(400, 'weak_password', 'The new password must differ from the current one.');
  }
  const newHash = await hashPassword(input.newPassword);
  await deps.db.asSystem(async (tx) => {
    await tx.query('UPDATE users SET password_hash = $2, password_changed_at = now() WHERE id = $1', [
      actor.userId,
      newHash,
    ]);
    await tx.query(
      'UPDATE sessions SET ended_at = now() WHERE user_id = $1 AND token_hash <> $2 AND ended_at IS NULL',
      [actor.userId, actor.sessionTokenHash ?? ''],
    );
    await appendAudit(
      tx,
      { actor, clientIp },
      { action: 'auth.password_change', objectType: 'user', objectId: actor.userId },
    );
  });
}
