import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, TEST_PASSWORD, totpNow, type TestApp } from '../../../test/helpers/app.ts';
import { testEngines } from '../../../test/helpers/databases.ts';
import { LOCKOUT_FAILURES } from './service.ts';

const UP_AHTU = 'AHTU Lucknow (demo)';

for (const engine of testEngines()) {
  describe(`sign-in on ${engine}, demo mode`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine, { demo: true });
    });
    after(() => t.close());

    test('a demo account signs in with its password and sees its own account and jurisdiction', async () => {
      const cookie = await t.login('br.patna.ahtu');
      const me = await t.call('GET', '/api/auth/me', { cookie });
      assert.equal(me.statusCode, 200);
      const body = me.json<{
        username: string;
        role: string;
        jurisdiction: { level: string; stateLgd: number; districtLgd: number };
      }>();
      assert.equal(body.username, 'br.patna.ahtu');
      assert.equal(body.role, 'district_officer');
      assert.deepEqual(body.jurisdiction, { level: 'district', stateLgd: 10, districtLgd: 212 });
    });

    test('a wrong password and an unknown username get the same 401 with an actionable message', async () => {
      const wrong = await t.call('POST', '/api/auth/login', {
        body: { username: 'jh.ranchi.ahtu', password: 'not the password' },
      });
      const unknown = await t.call('POST', '/api/auth/login', {
        body: { username: 'nobody.here', password: 'whatever it is' },
      });
      assert.equal(wrong.statusCode, 401);
      assert.equal(unknown.statusCode, 401);
      assert.deepEqual(wrong.json(), unknown.json());
      assert.equal(wrong.json<{ error: { code: string } }>().error.code, 'invalid_credentials');
      assert.match(wrong.json<{ error: { message: string } }>().error.message, /username or password/);
    });

    test('malformed sign-in input is a 400 naming the problem, never a 500', async () => {
      const missing = await t.call('POST', '/api/auth/login', { body: { username: 'x' } });
      assert.equal(missing.statusCode, 400);
      assert.match(missing.json<{ error: { message: string } }>().error.message, /password is required/);
      const notJson = await t.call('POST', '/api/auth/login', {
        body: 'username=x&password=y',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      assert.equal(notJson.statusCode, 415);
      const broken = await t.call('POST', '/api/auth/login', {
        body: '{"username":',
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(broken.statusCode, 400);
    });

    test(`${LOCKOUT_FAILURES} failed sign-ins lock the account until an administrator unlocks it`, async () => {
      for (let attempt = 1; attempt < LOCKOUT_FAILURES; attempt += 1) {
        const response = await t.call('POST', '/api/auth/login', {
          body: { username: 'up.varanasi.ahtu', password: `wrong ${attempt}` },
        });
        assert.equal(response.statusCode, 401, `attempt ${attempt}`);
      }
      const fifth = await t.call('POST', '/api/auth/login', {
        body: { username: 'up.varanasi.ahtu', password: 'wrong 5' },
      });
      assert.equal(fifth.statusCode, 423);
      assert.equal(fifth.json<{ error: { code: string } }>().error.code, 'account_locked');
      // The right password no longer helps.
      const right = await t.call('POST', '/api/auth/login', {
        body: { username: 'up.varanasi.ahtu', password: 'Setu-demo-2026!' },
      });
      assert.equal(right.statusCode, 423);

      const admin = await t.login('nodal.admin');
      const found = await t.call('GET', '/api/users?q=up.varanasi.ahtu', { cookie: admin });
      const user = found.json<{ items: { id: string; locked: boolean }[] }>().items[0];
      assert.ok(user?.locked);
      const unlock = await t.call('POST', `/api/users/${user.id}/unlock`, { cookie: admin });
      assert.equal(unlock.statusCode, 200);
      assert.equal(unlock.json<{ locked: boolean }>().locked, false);
      await t.login('up.varanasi.ahtu');

      const audit = await t.call('GET', `/api/audit?objectId=${user.id}`, {
        cookie: await t.login('nodal.auditor'),
      });
      const actions = audit.json<{ items: { action: string }[] }>().items.map((entry) => entry.action);
      assert.ok(actions.includes('auth.lockout'));
      assert.ok(actions.includes('user.unlock'));
    });

    test('a session ends after 30 idle minutes', async () => {
      const cookie = await t.login('wb.kolkata.ahtu');
      assert.equal((await t.call('GET', '/api/units', { cookie })).statusCode, 200);
      await t.db.asSystem((tx) =>
        tx.query(
          `UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = (SELECT id FROM users WHERE username = 'wb.kolkata.ahtu')`,
        ),
      );
      const expired = await t.call('GET', '/api/units', { cookie });
      assert.equal(expired.statusCode, 401);
      assert.equal(expired.json<{ error: { code: string } }>().error.code, 'session_expired');
    });

    test('signing out ends the session', async () => {
      const cookie = await t.login('mh.mumbai.ahtu');
      assert.equal((await t.call('POST', '/api/auth/logout', { cookie })).statusCode, 204);
      assert.equal((await t.call('GET', '/api/auth/me', { cookie })).statusCode, 401);
    });
  });

  describe(`sign-in on ${engine}, production mode (MFA mandatory)`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine, { demo: false });
    });
    after(() => t.close());

    test('demo accounts cannot sign in outside demo mode', async () => {
      const response = await t.call('POST', '/api/auth/login', {
        body: { username: 'br.patna.ahtu', password: 'Setu-demo-2026!' },
      });
      assert.equal(response.statusCode, 401);
    });

    test('an account without MFA must enrol before it can use anything else', async () => {
      await t.createUser({ username: 'new.officer', role: 'district_officer', unitName: UP_AHTU });
      const login = await t.call('POST', '/api/auth/login', {
        body: { username: 'new.officer', password: TEST_PASSWORD },
      });
      assert.equal(login.statusCode, 200);
      assert.equal(login.json<{ next: string }>().next, 'mfa_enrolment_required');
      const cookie = `setu_session=${login.cookies.find((c) => c.name === 'setu_session')?.value ?? ''}`;

      const blocked = await t.call('GET', '/api/units', { cookie });
      assert.equal(blocked.statusCode, 401);
      assert.equal(blocked.json<{ error: { code: string } }>().error.code, 'mfa_enrolment_required');

      const start = await t.call('POST', '/api/auth/mfa/enrolment', { cookie });
      assert.equal(start.statusCode, 200);
      const { secret, otpauthUri } = start.json<{ secret: string; otpauthUri: string }>();
      assert.match(otpauthUri, /^otpauth:\/\/totp\/Setu:new\.officer\?/);

      const wrong = await t.call('POST', '/api/auth/mfa/enrolment/confirm', {
        cookie,
        body: { code: '000000' },
      });
      assert.equal(wrong.statusCode, 401);
      const confirm = await t.call('POST', '/api/auth/mfa/enrolment/confirm', {
        cookie,
        body: { code: await totpNow(secret) },
      });
      assert.equal(confirm.statusCode, 200);
      const codes = confirm.json<{ recoveryCodes: string[] }>().recoveryCodes;
      assert.equal(codes.length, 10);
      assert.equal(new Set(codes).size, 10);
      assert.equal((await t.call('GET', '/api/units', { cookie })).statusCode, 200);

      // Next sign-in asks for the code; a recovery code works exactly once.
      const again = await t.call('POST', '/api/auth/login', {
        body: { username: 'new.officer', password: TEST_PASSWORD },
      });
      assert.equal(again.json<{ next: string }>().next, 'mfa_required');
      const cookie2 = `setu_session=${again.cookies.find((c) => c.name === 'setu_session')?.value ?? ''}`;
      const recovery = codes[0] ?? '';
      assert.equal(
        (await t.call('POST', '/api/auth/mfa', { cookie: cookie2, body: { code: recovery } })).statusCode,
        200,
      );
      const third = await t.call('POST', '/api/auth/login', {
        body: { username: 'new.officer', password: TEST_PASSWORD },
      });
      const cookie3 = `setu_session=${third.cookies.find((c) => c.name === 'setu_session')?.value ?? ''}`;
      assert.equal(
        (await t.call('POST', '/api/auth/mfa', { cookie: cookie3, body: { code: recovery } })).statusCode,
        401,
      );
    });

    test('an enrolled account needs the current TOTP code, and a code cannot be replayed', async () => {
      const user = await t.createUser({
        username: 'mfa.officer',
        role: 'district_officer',
        unitName: UP_AHTU,
        mfa: true,
      });
      const login = await t.call('POST', '/api/auth/login', {
        body: { username: 'mfa.officer', password: user.password },
      });
      assert.equal(login.json<{ next: string }>().next, 'mfa_required');
      const cookie = `setu_session=${login.cookies.find((c) => c.name === 'setu_session')?.value ?? ''}`;
      const blocked = await t.call('GET', '/api/units', { cookie });
      assert.equal(blocked.json<{ error: { code: string } }>().error.code, 'mfa_required');

      const wrong = await t.call('POST', '/api/auth/mfa', { cookie, body: { code: '123456' } });
      assert.equal(wrong.statusCode, 401);
      assert.equal(wrong.json<{ error: { code: string } }>().error.code, 'invalid_mfa_code');

      const code = await totpNow(user.totpSecret ?? '');
      assert.equal((await t.call('POST', '/api/auth/mfa', { cookie, body: { code } })).statusCode, 200);
      assert.equal((await t.call('GET', '/api/units', { cookie })).statusCode, 200);

      const second = await t.call('POST', '/api/auth/login', {
        body: { username: 'mfa.officer', password: user.password },
      });
      const cookie2 = `setu_session=${second.cookies.find((c) => c.name === 'setu_session')?.value ?? ''}`;
      const replay = await t.call('POST', '/api/auth/mfa', { cookie: cookie2, body: { code } });
      assert.equal(replay.statusCode, 401);
    });

    test('an API token authenticates a system integration until it is revoked', async () => {
      const admin = await t.createUser({
        username: 'prod.admin',
        role: 'system_admin',
        unitName: 'MHA Anti Trafficking Nodal Cell (demo)',
        mfa: true,
      });
      const login = await t.call('POST', '/api/auth/login', {
        body: { username: 'prod.admin', password: admin.password },
      });
      const cookie = `setu_session=${login.cookies.find((c) => c.name === 'setu_session')?.value ?? ''}`;
      await t.call('POST', '/api/auth/mfa', {
        cookie,
        body: { code: await totpNow(admin.totpSecret ?? '') },
      });
      const service = await t.createUser({
        username: 'cctns.bridge',
        role: 'national_analyst',
        unitName: 'MHA Anti Trafficking Nodal Cell (demo)',
      });
      const issued = await t.call('POST', `/api/users/${service.id}/tokens`, {
        cookie,
        body: { name: 'CCTNS bridge' },
      });
      assert.equal(issued.statusCode, 201);
      const { token, details } = issued.json<{ token: string; details: { id: string } }>();
      const bearer = { authorization: `Bearer ${token}` };
      const me = await t.call('GET', '/api/auth/me', { headers: bearer });
      assert.equal(me.json<{ username: string }>().username, 'cctns.bridge');
      assert.equal(
        (await t.call('DELETE', `/api/users/${service.id}/tokens/${details.id}`, { cookie })).statusCode,
        204,
      );
      assert.equal((await t.call('GET', '/api/auth/me', { headers: bearer })).statusCode, 401);
    });
  });
}
