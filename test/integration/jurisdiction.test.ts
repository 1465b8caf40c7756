/**
 * Jurisdiction is enforced by PostgreSQL Row-Level Security, not only by the application: the same
 * refusals hold when a query is run directly as the app role, with no application check in the way.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { testEngines } from '../helpers/databases.ts';

async function userId(t: TestApp, username: string): Promise<string> {
  const { rows } = await t.db.asSystem((tx) =>
    tx.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [username]),
  );
  const id = rows[0]?.id;
  if (!id) throw new Error(`no user ${username}`);
  return id;
}

for (const engine of testEngines()) {
  describe(`jurisdiction on ${engine}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine, { demo: true });
    });
    after(() => t.close());

    test('a Bihar administrator cannot open, change or unlock a Uttar Pradesh account (404), but can a Bihar one', async () => {
      const bihar = await t.login('br.admin');
      const upOfficer = await userId(t, 'up.lucknow.ahtu');
      const biharOfficer = await userId(t, 'br.patna.ahtu');
      assert.equal((await t.call('GET', `/api/users/${upOfficer}`, { cookie: bihar })).statusCode, 404);
      assert.equal(
        (await t.call('PATCH', `/api/users/${upOfficer}`, { cookie: bihar, body: { displayName: 'x' } }))
          .statusCode,
        404,
      );
      assert.equal(
        (await t.call('POST', `/api/users/${upOfficer}/unlock`, { cookie: bihar })).statusCode,
        404,
      );
      assert.equal((await t.call('GET', `/api/users/${biharOfficer}`, { cookie: bihar })).statusCode, 200);
      const list = await t.call('GET', '/api/users?limit=200', { cookie: bihar });
      const usernames = list.json<{ items: { username: string }[] }>().items.map((u) => u.username);
      assert.ok(usernames.includes('br.patna.ahtu'));
      assert.ok(
        !usernames.some((name) => name.startsWith('up.') || name.startsWith('nodal.')),
        usernames.join(','),
      );
    });

    test('the refusal is itself in the audit trail', async () => {
      const upOfficer = await userId(t, 'up.lucknow.ahtu');
      await t.call('GET', `/api/users/${upOfficer}`, { cookie: await t.login('br.admin') });
      const audit = await t.call('GET', '/api/audit?actor=br.admin&outcome=refused', {
        cookie: await t.login('nodal.auditor'),
      });
      const entries = audit.json<{ items: { action: string; details: { params?: { id?: string } } }[] }>()
        .items;
      assert.ok(entries.some((e) => e.action === 'GET /api/users/:id' && e.details.params?.id === upOfficer));
    });

    test('a Bihar administrator cannot create an account in a Uttar Pradesh unit', async () => {
      const units = await t.call('GET', '/api/units?q=AHTU%20Lucknow', { cookie: await t.login('br.admin') });
      const lucknow = units.json<{ items: { id: string }[] }>().items[0];
      assert.ok(lucknow);
      const response = await t.call('POST', '/api/users', {
        cookie: await t.login('br.admin'),
        body: {
          username: 'sneaky',
          displayName: 'Sneaky',
          role: 'district_officer',
          unitId: lucknow.id,
          password: 'a long enough password 1',
        },
      });
      assert.equal(response.statusCode, 403, response.body);
    });

    test('Row-Level Security refuses cross-State rows even when the application check is skipped', async () => {
      const biharAdmin = await userId(t, 'br.admin');
      const biharDistrictOfficer = await userId(t, 'br.patna.ahtu');
      const upOfficer = await userId(t, 'up.lucknow.ahtu');
      // Raw SQL as the app role, with nothing but the actor set: what a handler that forgot its check would run.
      const seen = await t.db.asActor({ userId: biharAdmin }, (tx) =>
        tx.query('SELECT id FROM users WHERE id = $1', [upOfficer]),
      );
      assert.equal(seen.rowCount, 0);
      const changed = await t.db.asActor({ userId: biharAdmin }, (tx) =>
        tx.query(`UPDATE users SET display_name = 'changed' WHERE id = $1`, [upOfficer]),
      );
      assert.equal(changed.rowCount, 0);
      const everyone = await t.db.asActor({ userId: biharDistrictOfficer }, (tx) =>
        tx.query<{ id: string }>('SELECT id FROM users'),
      );
      assert.deepEqual(
        everyone.rows.map((r) => r.id),
        [biharDistrictOfficer],
      );
      // No actor at all sees nothing.
      const nobody = await t.db.asActor({ userId: '00000000-0000-4000-8000-000000000000' }, (tx) =>
        tx.query('SELECT id FROM users'),
      );
      assert.equal(nobody.rowCount, 0);
    });

    test('the app role cannot read password hashes or MFA secrets, or rewrite the audit trail', async () => {
      const admin = await userId(t, 'nodal.admin');
      await assert.rejects(
        t.db.asActor({ userId: admin }, (tx) => tx.query('SELECT password_hash FROM users')),
        /permission denied/,
      );
      await assert.rejects(
        t.db.asActor({ userId: admin }, (tx) => tx.query('SELECT mfa_secret_encrypted FROM users')),
        /permission denied/,
      );
      await assert.rejects(
        t.db.asActor({ userId: admin }, (tx) => tx.query(`UPDATE audit_log SET reason = 'x'`)),
        /permission denied|append-only/,
      );
      await assert.rejects(
        t.db.asActor({ userId: admin }, (tx) => tx.query('DELETE FROM audit_log')),
        /permission denied|append-only/,
      );
    });
  });
}
