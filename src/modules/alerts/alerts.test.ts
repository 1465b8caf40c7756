import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { testEngines } from '../../../test/helpers/databases.ts';
import type { AlertListItem, AlertView } from './schemas.ts';
import { raiseSystemAlert } from './service.ts';

async function unitId(t: TestApp, name: string): Promise<string> {
  const { rows } = await t.db.asSystem((tx) =>
    tx.query<{ id: string }>('SELECT id FROM units WHERE name = $1', [name]),
  );
  return rows[0]?.id ?? '';
}

for (const engine of testEngines()) {
  describe(`alerts and lookouts on ${engine}`, () => {
    let t: TestApp;
    let champaran: string;
    let lookout: AlertView;

    before(async () => {
      t = await startTestApp(engine, { demo: true });
      champaran = await t.login('br.champaran.ahtu');
      const response = await t.call('POST', '/api/alerts', {
        cookie: champaran,
        headers: { 'idempotency-key': 'lookout-raxaul-0001' },
        body: {
          title: 'Group of minors expected at Raxaul crossing tonight',
          body: 'Six girls with two men, by bus to Raxaul, then the night train from Raxaul Jn or Sagauli.',
          severity: 'critical',
          validUntil: new Date(Date.now() + 12 * 3_600_000).toISOString(),
          place: { borderCrossingLocode: 'INRXL' },
          recipients: { borderCrossingLocodes: ['INRXL'], stationCodes: ['RXL', 'SGL', 'PNBE'] },
        },
      });
      assert.equal(response.statusCode, 201, response.body);
      lookout = response.json<AlertView>();
    });
    after(() => t.close());

    test('a lookout reaches the border and railway units along the route, each tracked on its own', () => {
      assert.match(lookout.reference, /^AL-\d{4}-\d{6}$/);
      assert.equal(lookout.source, 'user');
      assert.equal(lookout.place?.districtName, 'Purbi Champaran');
      assert.deepEqual(lookout.recipients.map((r) => r.unit.name).sort(), [
        'RPF Post Patna Junction (demo)',
        'SSB Border Out Post Raxaul (demo)',
      ]);
      assert.ok(lookout.recipients.every((r) => r.acknowledgedAt === null));
      assert.equal(lookout.direction, 'raised');
      assert.equal(lookout.canClose, true);
    });

    test('each recipient acknowledges once, by whom and when; a unit that was not addressed cannot', async () => {
      const ssb = await t.login('ssb.raxaul');
      const received = await t.call('GET', '/api/alerts?direction=received&unacknowledged=true', {
        cookie: ssb,
      });
      assert.ok(received.json<{ items: AlertListItem[] }>().items.some((a) => a.id === lookout.id));
      const summaryBefore = (await t.call('GET', '/api/inbox/summary', { cookie: ssb })).json<{
        unacknowledgedAlerts: number;
      }>();
      const ack = await t.call('POST', `/api/alerts/${lookout.id}/acknowledge`, {
        cookie: ssb,
        body: { note: 'Team posted at the crossing' },
      });
      assert.equal(ack.statusCode, 200, ack.body);
      const view = ack.json<AlertView>();
      const mine = view.recipients.find((r) => r.unit.name === 'SSB Border Out Post Raxaul (demo)');
      assert.ok(mine);
      assert.equal(mine.acknowledgedByName, 'Inspector Tenzing Lama (demo)');
      assert.equal(mine.note, 'Team posted at the crossing');
      assert.equal(view.acknowledgedCount, 1);
      assert.equal(view.canAcknowledge, false);
      const summaryAfter = (await t.call('GET', '/api/inbox/summary', { cookie: ssb })).json<{
        unacknowledgedAlerts: number;
      }>();
      assert.equal(summaryAfter.unacknowledgedAlerts, summaryBefore.unacknowledgedAlerts - 1);
      const twice = await t.call('POST', `/api/alerts/${lookout.id}/acknowledge`, { cookie: ssb });
      assert.equal(twice.statusCode, 409);
      const raiser = await t.call('POST', `/api/alerts/${lookout.id}/acknowledge`, {
        cookie: champaran,
        body: {},
      });
      assert.equal(raiser.statusCode, 403);
      const asRaiser = (
        await t.call('GET', `/api/alerts/${lookout.id}`, { cookie: champaran })
      ).json<AlertView>();
      assert.deepEqual(asRaiser.recipients.map((r) => [r.unit.name, r.acknowledgedAt !== null]).sort(), [
        ['RPF Post Patna Junction (demo)', false],
        ['SSB Border Out Post Raxaul (demo)', true],
      ]);
    });

    test('a lookout with nowhere to go is refused with a message that says what to add', async () => {
      const response = await t.call('POST', '/api/alerts', {
        cookie: champaran,
        body: {
          title: 'Nobody there',
          body: 'x',
          recipients: { districtLgds: [339], unitKinds: ['border_unit'] },
        },
      });
      assert.equal(response.statusCode, 422);
      assert.match(
        response.json<{ error: { message: string } }>().error.message,
        /No unit of the kinds chosen/,
      );
    });

    test('Setu raises alerts for other modules: recipients and State offices notified, the same finding only once', async () => {
      const input = {
        kind: 'accused_seen_elsewhere' as const,
        title: 'Accused A-7KQ2 of a Patna case also named in a Ranchi case',
        body: 'Same name, age and father’s name. Compare the cases.',
        unitIds: [await unitId(t, 'AHTU Patna (demo)'), await unitId(t, 'AHTU Ranchi (demo)')],
        stateNodalOfficesOf: [20],
        dedupeKey: 'test:accused-seen-1',
      };
      const first = await t.db.asSystem((tx) => raiseSystemAlert(tx, input));
      const second = await t.db.asSystem((tx) => raiseSystemAlert(tx, input));
      assert.equal(first, second);
      const ranchi = await t.login('jh.ranchi.ahtu');
      const view = (await t.call('GET', `/api/alerts/${first}`, { cookie: ranchi })).json<AlertView>();
      assert.equal(view.source, 'system');
      assert.equal(view.raisedByName, null);
      assert.equal(view.recipients.length, 3);
      const inbox = await t.call('GET', '/api/inbox?kind=alert.raised', {
        cookie: await t.login('jh.nodal'),
      });
      assert.equal(
        inbox.json<{ items: { objectId: string }[] }>().items.filter((n) => n.objectId === first).length,
        1,
      );
      // Inside a signed-in request too (another module calling it as the actor).
      const patnaId = await t.db.asSystem((tx) =>
        tx.query<{ id: string }>(`SELECT id FROM users WHERE username = 'br.patna.ahtu'`),
      );
      const asActor = await t.db.asActor({ userId: patnaId.rows[0]?.id ?? '' }, (tx) =>
        raiseSystemAlert(tx, { ...input, dedupeKey: 'test:accused-seen-2', unitIds: input.unitIds.slice(1) }),
      );
      assert.match(asActor, /^[0-9a-f-]{36}$/);
    });

    test('a third State sees none of it: 404 and absent from lists; closing is for the raiser or the State', async () => {
      for (const username of ['up.lucknow.ahtu', 'up.nodal', 'jh.ranchi.ahtu']) {
        const cookie = await t.login(username);
        assert.equal(
          (await t.call('GET', `/api/alerts/${lookout.id}`, { cookie })).statusCode,
          404,
          username,
        );
        assert.equal(
          (await t.call('POST', `/api/alerts/${lookout.id}/acknowledge`, { cookie, body: {} })).statusCode,
          404,
        );
        assert.equal((await t.call('POST', `/api/alerts/${lookout.id}/close`, { cookie })).statusCode, 404);
        const list = await t.call('GET', '/api/alerts?limit=200', { cookie });
        assert.ok(!list.json<{ items: AlertListItem[] }>().items.some((a) => a.id === lookout.id));
      }
      const rpf = await t.call('POST', `/api/alerts/${lookout.id}/close`, {
        cookie: await t.login('rpf.patna'),
      });
      assert.equal(rpf.statusCode, 403, 'a recipient does not close it');
      const bihar = await t.call('GET', `/api/alerts/${lookout.id}`, { cookie: await t.login('br.nodal') });
      assert.equal(bihar.json<AlertView>().direction, 'oversight');
      const closed = await t.call('POST', `/api/alerts/${lookout.id}/close`, { cookie: champaran });
      assert.equal(closed.json<AlertView>().status, 'closed');
      const again = await t.call('POST', `/api/alerts/${lookout.id}/close`, { cookie: champaran });
      assert.equal(again.statusCode, 409);
    });
  });
}
