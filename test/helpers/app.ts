import { generate } from 'otplib';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/database.ts';
import { SecretBox } from '../../src/lib/secret-box.ts';
import { hashPassword } from '../../src/modules/auth/passwords.ts';
import { DEMO_PASSWORD } from '../../src/modules/demo/units.ts';
import type { Role } from '../../src/server/access.ts';
import { buildApp, SESSION_COOKIE, type SetuApp } from '../../src/server/app.ts';
import { createTestDatabase, type Engine, type TestDatabase } from './databases.ts';

export interface TestApp {
  engine: Engine;
  app: SetuApp;
  db: Database;
  testDb: TestDatabase;
  secrets: SecretBox;
  demo: boolean;
  /** Signs in (password only: demo mode or an account without MFA in demo mode) and returns the cookie header. */
  login(username: string, password?: string): Promise<string>;
  call(
    method: InjectOptions['method'],
    url: string,
    options?: { cookie?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<LightMyRequestResponse>;
  /** Creates a real (non-demo) account; with `mfa: true` it is enrolled with a TOTP secret the test knows. */
  createUser(input: {
    username: string;
    role: Role;
    unitName: string;
    password?: string;
    mfa?: boolean;
  }): Promise<{ id: string; password: string; totpSecret?: string }>;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'correct horse battery staple 42';

export async function startTestApp(
  engine: Engine,
  options: { demo?: boolean; sessionIdleMinutes?: number } = {},
): Promise<TestApp> {
  const demo = options.demo ?? true;
  const testDb = await createTestDatabase(engine);
  const secrets = SecretBox.random();
  const config = loadConfig(
    {},
    {
      demo,
      sessionIdleMinutes: options.sessionIdleMinutes ?? 30,
      databaseUrl: undefined,
      dataDir: '/nonexistent',
      loginRateLimitPerMinute: 10_000,
    },
  );
  // SETU_TEST_LOG=1 prints server logs, including the stack of any 500.
  const app = await buildApp(
    { config, db: testDb.db, secrets },
    { logger: process.env.SETU_TEST_LOG === '1' },
  );
  await app.ready();

  const call: TestApp['call'] = (method, url, opts = {}) =>
    app.inject({
      method,
      url,
      headers: { ...(opts.cookie ? { cookie: opts.cookie } : {}), ...(opts.headers ?? {}) },
      ...(opts.body !== undefined ? { payload: opts.body as object } : {}),
    });

  return {
    engine,
    app,
    db: testDb.db,
    testDb,
    secrets,
    demo,
    call,
    async login(username, password = DEMO_PASSWORD) {
      const response = await call('POST', '/api/auth/login', { body: { username, password } });
      if (response.statusCode !== 200) {
        throw new Error(`login as ${username} failed: ${response.statusCode} ${response.body}`);
      }
      const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
      if (!cookie) throw new Error('login set no session cookie');
      return `${SESSION_COOKIE}=${cookie.value}`;
    },
    async createUser(input) {
      const password = input.password ?? TEST_PASSWORD;
      const passwordHash = await hashPassword(password);
      const totpSecret = input.mfa ? 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' : undefined;
      const id = await testDb.db.asSystem(async (tx) => {
        const unit = await tx.query<{ id: string }>('SELECT id FROM units WHERE name = $1', [input.unitName]);
        const unitId = unit.rows[0]?.id;
        if (!unitId) throw new Error(`no unit named ${input.unitName}`);
        const { rows } = await tx.query<{ id: string }>(
          `INSERT INTO users (username, display_name, role, unit_id, password_hash, mfa_secret_encrypted, mfa_enabled_at)
           VALUES ($1, $1, $2, $3, $4, $5, $6) RETURNING id`,
          [
            input.username,
            input.role,
            unitId,
            passwordHash,
            totpSecret ? secrets.seal(totpSecret) : null,
            totpSecret ? new Date().toISOString() : null,
          ],
        );
        return rows[0]?.id ?? '';
      });
      return { id, password, ...(totpSecret ? { totpSecret } : {}) };
    },
    async close() {
      await app.close();
      await testDb.drop();
    },
  };
}

export function totpNow(secret: string): Promise<string> {
  return generate({ secret });
}
