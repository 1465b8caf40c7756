import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { testEngines } from '../../../test/helpers/databases.ts';
import type { PublicTipReceipt, TipListItem, TipView } from './schemas.ts';

const PATNA = 212;
const AGENT = 'Mozilla/5.0 (Linux; Android 14) TipsterBrowser/9.9';
const ADDRESS = '203.0.113.77';

const tip = (extra: Record<string, unknown> = {}) => ({
  whatSeen: 'Eight girls of about 14 with one man at platform 3, crying, man holding their tickets.',
  districtLgd: PATNA,
  placeDetail: 'Patna Junction, platform 3',
  seenAt: 'today around 9 pm',
  ...extra,
});

for (const engine of testEngines()) {
  describe(`public tip line on ${engine}`, () => {
    let t: TestApp;
    let patna: string;
    let receipt: PublicTipReceipt;
    let tipId: string;

    const post = (body: unknown) =>
      t.app.inject({
        method: 'POST',
        url: '/api/public/tips',
        remoteAddress: ADDRESS,
        headers: { 'user-agent': AGENT },
        payload: body as object,
      });

    before(async () => {
      t = await startTestApp(engine, { demo: true });
      patna = await t.login('br.patna.ahtu');
      const response = await post(tip({ contact: '98xxxxxx10, call after 6 pm' }));
      assert.equal(response.statusCode, 201, response.body);
      receipt = response.json<PublicTipReceipt>();
      const row = await t.db.asSystem((tx) =>
        tx.query<{ id: string }>('SELECT id FROM tips WHERE reference = $1', [receipt.reference]),
      );
      tipId = row.rows[0]?.id ?? '';
    });
    after(() => t.close());

    test('anyone can search districts and send a tip without an account; it reaches the AHTU of that district', async () => {
      const places = await t.call('GET', `/api/public/places?q=${encodeURIComponent('पटना')}`);
      assert.equal(places.statusCode, 200, places.body);
      assert.ok(places.json<{ districtLgd: number }[]>().some((p) => p.districtLgd === PATNA));
      assert.match(receipt.reference ?? '', /^TIP-\d{4}-\d{6}$/);
      assert.equal(receipt.routedTo, 'district_ahtu');
      const inbox = await t.call('GET', '/api/tips?open=true', { cookie: patna });
      const item = inbox
        .json<{ items: TipListItem[] }>()
        .items.find((i) => i.reference === receipt.reference);
      assert.ok(item, 'in the Patna AHTU inbox');
      assert.equal(item.routedUnit.name, 'AHTU Patna (demo)');
      assert.equal(item.status, 'new');
      const notes = await t.call('GET', '/api/inbox?kind=tip.received', { cookie: patna });
      assert.ok(notes.json<{ items: { objectId: string }[] }>().items.some((n) => n.objectId === tipId));
    });

    test('the officer sees no network details, and the database holds none readable', async () => {
      const view = await t.call('GET', `/api/tips/${tipId}`, { cookie: patna });
      assert.equal(view.statusCode, 200);
      const body = view.body;
      assert.equal(
        view.json<TipView>().contact,
        '98xxxxxx10, call after 6 pm',
        'the contact the tipster chose to give',
      );
      for (const secret of [ADDRESS, 'TipsterBrowser', 'Android']) assert.ok(!body.includes(secret), secret);
      const raw = await t.db.asSystem((tx) =>
        tx.query<{ row: string; source_key: string }>(
          'SELECT row_to_json(t)::text AS row, source_key FROM tips t WHERE id = $1',
          [tipId],
        ),
      );
      const row = raw.rows[0];
      assert.ok(row);
      for (const secret of [ADDRESS, 'TipsterBrowser', 'Android'])
        assert.ok(!row.row.includes(secret), secret);
      assert.match(row.source_key, /^[0-9a-f]{64}$/);
      assert.notEqual(row.source_key, crypto.createHash('sha256').update(ADDRESS).digest('hex'), 'salted');
      const audit = await t.db.asSystem((tx) =>
        tx.query<{ client_ip: string | null; details: string }>(
          `SELECT client_ip, details::text AS details FROM audit_log WHERE action = 'tip.receive' AND object_id = $1`,
          [tipId],
        ),
      );
      const [entry, ...others] = audit.rows;
      assert.ok(entry);
      assert.equal(others.length, 0);
      assert.equal(entry.client_ip, null);
      assert.ok(!entry.details.includes(ADDRESS));
      const user = await t.db.asSystem((tx) =>
        tx.query<{ id: string }>(`SELECT id FROM users WHERE username = 'br.nodal'`),
      );
      await assert.rejects(
        t.db.asActor({ userId: user.rows[0]?.id ?? '' }, (tx) => tx.query('SELECT source_key FROM tips')),
        (error: { code?: string }) => error.code === '42501',
        'the app role cannot read even the salted key',
      );
    });

    test('only the district, its State and the units it is forwarded to read a tip', async () => {
      for (const username of ['br.champaran.ahtu', 'up.lucknow.ahtu', 'up.nodal', 'jh.nodal']) {
        const cookie = await t.login(username);
        assert.equal((await t.call('GET', `/api/tips/${tipId}`, { cookie })).statusCode, 404, username);
        const list = await t.call('GET', '/api/tips', { cookie });
        assert.ok(!list.json<{ items: TipListItem[] }>().items.some((i) => i.id === tipId), username);
        const triage = await t.call('POST', `/api/tips/${tipId}/triage`, {
          cookie,
          body: { status: 'triaged' },
        });
        assert.equal(triage.statusCode, 404, `${username} triage`);
      }
      const nodal = await t.login('br.nodal');
      assert.equal((await t.call('GET', `/api/tips/${tipId}`, { cookie: nodal })).statusCode, 200);
    });

    test('triage: triaged, forwarded to another unit (which then reads it), actioned', async () => {
      const triaged = await t.call('POST', `/api/tips/${tipId}/triage`, {
        cookie: patna,
        body: { status: 'triaged', note: 'Credible; RPF informed' },
      });
      assert.equal(triaged.statusCode, 200, triaged.body);
      const units = await t.db.asSystem((tx) =>
        tx.query<{ id: string }>(`SELECT id FROM units WHERE name = 'RPF Post Patna Junction (demo)'`),
      );
      const rpfUnit = units.rows[0]?.id ?? '';
      const forwarded = await t.call('POST', `/api/tips/${tipId}/triage`, {
        cookie: patna,
        body: { status: 'forwarded', forwardToUnitId: rpfUnit },
      });
      assert.equal(forwarded.json<TipView>().forwardedTo?.id, rpfUnit);
      const rpf = await t.login('rpf.patna');
      const asRpf = await t.call('GET', `/api/tips/${tipId}`, { cookie: rpf });
      assert.equal(asRpf.statusCode, 200, asRpf.body);
      const actioned = await t.call('POST', `/api/tips/${tipId}/triage`, {
        cookie: rpf,
        body: { status: 'actioned', note: 'Group stopped; CWC informed' },
      });
      assert.equal(actioned.statusCode, 200, actioned.body);
      const view = actioned.json<TipView>();
      assert.deepEqual(
        view.history.map((h) => h.toStatus),
        ['new', 'triaged', 'forwarded', 'actioned'],
      );
      assert.deepEqual(view.allowedStatuses, []);
      const again = await t.call('POST', `/api/tips/${tipId}/triage`, {
        cookie: patna,
        body: { status: 'dismissed', note: 'x' },
      });
      assert.equal(again.statusCode, 409);
    });

    test('hardening: honeypot, unknown place, size limit, and a rate limit per client', async () => {
      const before = await t.db.asSystem((tx) =>
        tx.query<{ n: number }>('SELECT count(*)::int AS n FROM tips'),
      );
      const bot = await post(tip({ website: 'http://spam.example' }));
      assert.equal(bot.statusCode, 201);
      assert.equal(bot.json<PublicTipReceipt>().reference, null);
      const after = await t.db.asSystem((tx) =>
        tx.query<{ n: number }>('SELECT count(*)::int AS n FROM tips'),
      );
      assert.equal(after.rows[0]?.n, before.rows[0]?.n, 'nothing stored for a bot');
      const nowhere = await post(tip({ districtLgd: 999_999 }));
      assert.equal(nowhere.statusCode, 422);
      const huge = await post(tip({ whatSeen: 'x'.repeat(20_000) }));
      assert.equal(huge.statusCode, 413);
      const signedIn = await t.call('POST', '/api/public/tips', { cookie: patna, body: tip() });
      assert.ok([201, 429].includes(signedIn.statusCode), 'a signed-in officer uses the same public path');
      let limited = false;
      for (let i = 0; i < 8 && !limited; i += 1) limited = (await post(tip())).statusCode === 429;
      assert.ok(limited, 'refused after a few tips a minute from one client');
    });
  });
}
