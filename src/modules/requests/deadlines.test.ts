import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { testEngines } from '../../../test/helpers/databases.ts';
import type { CaseView } from '../cases/schemas.ts';
import { runEscalations } from './escalation.ts';
import type { RequestListItem, RequestView } from './schemas.ts';

async function unitId(t: TestApp, name: string): Promise<string> {
  const { rows } = await t.db.asSystem((tx) =>
    tx.query<{ id: string }>('SELECT id FROM units WHERE name = $1', [name]),
  );
  if (!rows[0]) throw new Error(`no unit ${name}`);
  return rows[0].id;
}

for (const engine of testEngines()) {
  describe(`request deadlines, need-to-know by kind, escalation and figures on ${engine}`, () => {
    let t: TestApp;
    let patna: string;
    let ranchi: string;
    let caseView: CaseView;

    before(async () => {
      t = await startTestApp(engine, { demo: true });
      [patna, ranchi] = await Promise.all([t.login('br.patna.ahtu'), t.login('jh.ranchi.ahtu')]);
      const created = await t.call('POST', '/api/cases', {
        cookie: patna,
        body: {
          kind: 'rescue_operation',
          title: 'Boy from Ranchi rescued from a Patna eatery',
          registeredOn: '2025-07-01',
          persons: [{ role: 'victim', name: 'Test Victim', sex: 'male', ageYears: 12, homeDistrictLgd: 339 }],
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      caseView = created.json<CaseView>();
    });
    after(() => t.close());

    test('kinds that need no identity: trace_accused shares the case masked, share_information not at all', async () => {
      const toRanchi = await unitId(t, 'AHTU Ranchi (demo)');
      const trace = await t.call('POST', '/api/requests', {
        cookie: patna,
        body: {
          toUnitId: toRanchi,
          kind: 'trace_accused',
          priority: 'routine',
          subject: 'Trace the recruiter',
          body: 'Believed in Ranchi.',
          caseId: caseView.id,
          personIds: [caseView.persons[0]?.id],
        },
      });
      const traced = trace.json<RequestView>();
      assert.equal(traced.caseShared, true);
      const info = await t.call('POST', '/api/requests', {
        cookie: await t.login('br.champaran.ahtu'),
        body: {
          toUnitId: toRanchi,
          kind: 'share_information',
          priority: 'immediate',
          subject: 'FYI',
          body: 'Bus leaves at 9.',
        },
      });
      assert.equal(info.statusCode, 201, info.body);
      const window =
        Date.parse(info.json<RequestView>().dueAt) - Date.parse(info.json<RequestView>().createdAt);
      assert.ok(Math.abs(window - 12 * 3_600_000) < 60_000, 'immediate information is due in 12 hours');
      const asRanchi = (
        await t.call('GET', `/api/requests/${traced.id}`, { cookie: ranchi })
      ).json<RequestView>();
      assert.equal(asRanchi.case?.accessible, true);
      assert.equal(asRanchi.identityAccess, false, 'tracing an accused needs no victim identity');
      const reveal = await t.call(
        'POST',
        `/api/requests/${traced.id}/persons/${asRanchi.persons[0]?.personId ?? ''}/reveal`,
        {
          cookie: ranchi,
          body: { reason: 'Checking the victim' },
        },
      );
      assert.equal(reveal.statusCode, 403);
      const asInfo = (
        await t.call('GET', `/api/requests/${info.json<RequestView>().id}`, { cookie: ranchi })
      ).json<RequestView>();
      assert.equal(asInfo.case, null);
      assert.equal(asInfo.caseShared, false);
    });

    test('an overdue request escalates to the recipient State nodal office, then to the Nodal Cell, once each', async () => {
      const sent = await t.call('POST', '/api/requests', {
        cookie: patna,
        body: {
          toUnitId: await unitId(t, 'AHTU Gumla (demo)'),
          kind: 'obtain_documents',
          priority: 'immediate',
          subject: 'Birth certificate',
          body: 'Needed for age proof.',
        },
      });
      const id = sent.json<RequestView>().id;
      const due = Date.parse(sent.json<RequestView>().dueAt);
      const first = await runEscalations(t.db, new Date(due + 60_000));
      assert.ok(first.level1 >= 1);
      const again = await runEscalations(t.db, new Date(due + 120_000));
      const view = (await t.call('GET', `/api/requests/${id}`, { cookie: patna })).json<RequestView>();
      assert.equal(view.escalationLevel, 1);
      assert.deepEqual(
        view.escalations.map((e) => [e.level, e.toUnit?.name]),
        [[1, 'AHT State Nodal Office, Jharkhand (demo)']],
      );
      assert.equal(view.messages.filter((m) => m.event === 'escalated').length, 1);
      assert.deepEqual([again.level1, again.level2], [0, 0], 'a second run escalates nothing again');
      const jhNodal = await t.login('jh.nodal');
      const inbox = await t.call('GET', '/api/inbox?kind=request.escalated', { cookie: jhNodal });
      assert.equal(
        inbox.json<{ items: { objectId: string }[] }>().items.filter((n) => n.objectId === id).length,
        1,
      );
      const overdue = await t.call('GET', '/api/requests?escalated=true&state=20', {
        cookie: jhNodal,
      });
      assert.ok(overdue.json<{ items: RequestListItem[] }>().items.some((r) => r.id === id));
      await runEscalations(t.db, new Date(due + 13 * 3_600_000));
      await runEscalations(t.db, new Date(due + 14 * 3_600_000));
      const later = (await t.call('GET', `/api/requests/${id}`, { cookie: patna })).json<RequestView>();
      assert.deepEqual(
        later.escalations.map((e) => [e.level, e.toUnit?.name]),
        [
          [1, 'AHT State Nodal Office, Jharkhand (demo)'],
          [2, 'MHA Anti Trafficking Nodal Cell (demo)'],
        ],
      );
      const cell = await t.call('GET', '/api/inbox?kind=request.escalated', {
        cookie: await t.login('nodal.analyst'),
      });
      assert.ok(cell.json<{ items: { objectId: string }[] }>().items.some((n) => n.objectId === id));
    });

    test('response-time figures per unit: median and 90th percentile hours, counts', async () => {
      const sent = await t.call('POST', '/api/requests', {
        cookie: patna,
        body: {
          toUnitId: await unitId(t, 'AHTU Ranchi (demo)'),
          kind: 'share_information',
          priority: 'routine',
          subject: 'Please confirm the bus route',
          body: 'Which buses leave Ranchi for Patna at night?',
        },
      });
      const id = sent.json<RequestView>().id;
      await t.call('POST', `/api/requests/${id}/acknowledge`, { cookie: ranchi, body: {} });
      const answered = await t.call('POST', `/api/requests/${id}/answer`, {
        cookie: ranchi,
        body: { text: 'Two: 21:00 and 22:30.' },
      });
      assert.equal(answered.statusCode, 200, answered.body);
      const stats = await t.call('GET', `/api/requests/stats?unit=${await unitId(t, 'AHTU Ranchi (demo)')}`, {
        cookie: await t.login('jh.nodal'),
      });
      assert.equal(stats.statusCode, 200, stats.body);
      const row = stats.json<{
        items: {
          received: number;
          answered: number;
          toAnswer: { count: number; medianHours: number | null };
        }[];
      }>().items[0];
      assert.ok(row && row.received >= 3 && row.answered >= 1);
      assert.ok(
        row.toAnswer.count >= 1 && row.toAnswer.medianHours !== null && row.toAnswer.medianHours >= 0,
      );
    });
  });
}
