import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { testEngines } from '../../../test/helpers/databases.ts';
import type { ActionItemView, ConferenceListItem, ConferenceView } from './schemas.ts';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function unitId(t: TestApp, name: string): Promise<string> {
  const { rows } = await t.db.asSystem((tx) =>
    tx.query<{ id: string }>('SELECT id FROM units WHERE name = $1', [name]),
  );
  return rows[0]?.id ?? '';
}

const proposal = (mhaLines: number[]) => ({
  kind: 'judicial_colloquium',
  title: 'Judicial colloquium on trafficking trials, Patna',
  venue: 'Bihar Judicial Academy, Patna',
  startsOn: inDays(30),
  endsOn: inDays(31),
  budgetLines: [
    ...mhaLines.map((amount, i) => ({ item: `MHA line ${i + 1}`, amountRupees: amount, fundedBy: 'mha' })),
    { item: 'Venue and lodging', amountRupees: 60_000, fundedBy: 'state' },
  ],
  participants: [
    { category: 'sessions_judges', planned: 40 },
    { category: 'public_prosecutors', planned: 35 },
  ],
});

for (const engine of testEngines()) {
  describe(`conferences and judicial colloquia on ${engine}`, () => {
    let t: TestApp;
    let patna: string;
    let nodal: string;
    let conference: ConferenceView;

    before(async () => {
      t = await startTestApp(engine, { demo: true });
      patna = await t.login('br.patna.ahtu');
      nodal = await t.login('br.nodal');
    });
    after(() => t.close());

    test('a proposal asking MHA for more than Rs 2 lakh is refused, naming the cap and the excess', async () => {
      const count = async () =>
        (await t.call('GET', '/api/conferences?state=10', { cookie: nodal })).json<{ total: number }>().total;
      const before = await count();
      const response = await t.call('POST', '/api/conferences', {
        cookie: patna,
        body: proposal([150_000, 95_000]),
      });
      assert.equal(response.statusCode, 422, response.body);
      const error = response.json<{
        error: { code: string; message: string; details: Record<string, number> };
      }>().error;
      assert.equal(error.code, 'over_mha_cap');
      assert.match(error.message, /capped at Rs 2,00,000/);
      assert.match(error.message, /asks MHA for Rs 2,45,000, which is Rs 45,000 over the cap/);
      assert.deepEqual(
        {
          cap: error.details.capRupees,
          asked: error.details.requestedRupees,
          excess: error.details.excessRupees,
        },
        { cap: 200_000, asked: 245_000, excess: 45_000 },
      );
      assert.equal(await count(), before, 'nothing was stored');
    });

    test('the database refuses an MHA share over the cap even without the service', async () => {
      const created = await t.call('POST', '/api/conferences', {
        cookie: patna,
        body: proposal([120_000, 70_000]),
      });
      assert.equal(created.statusCode, 201, created.body);
      conference = created.json<ConferenceView>();
      assert.equal(conference.mhaSupportRupees, 190_000);
      assert.equal(conference.totalBudgetRupees, 250_000);
      assert.equal(conference.status, 'proposed');
      assert.deepEqual(conference.allowedActions, [], 'the proposer waits for the approvers');
      assert.equal(conference.canEdit, true);
      const user = await t.db.asSystem((tx) =>
        tx.query<{ id: string }>(`SELECT id FROM users WHERE username = 'br.patna.ahtu'`),
      );
      await assert.rejects(
        t.db.asActor({ userId: user.rows[0]?.id ?? '' }, (tx) =>
          tx.query(
            `INSERT INTO conference_budget_lines (conference_id, state_lgd, position, item, amount_rupees, funded_by)
             VALUES ($1, 10, 9, 'Extra', 20000, 'mha')`,
            [conference.id],
          ),
        ),
        (error: { code?: string; constraint?: string }) =>
          error.code === '23514' && error.constraint === 'conferences_mha_cap',
      );
      const patch = await t.call('PATCH', `/api/conferences/${conference.id}`, {
        cookie: patna,
        body: { budgetLines: [{ item: 'Everything', amountRupees: 200_001, fundedBy: 'mha' }] },
      });
      assert.equal(patch.statusCode, 422);
      assert.match(patch.json<{ error: { message: string } }>().error.message, /Rs 1 over the cap/);
    });

    test('approval workflow: returned with a note, resubmitted, approved, held; closed once action items are done', async () => {
      const view = (
        await t.call('GET', `/api/conferences/${conference.id}`, { cookie: nodal })
      ).json<ConferenceView>();
      assert.deepEqual(view.allowedActions, ['approve', 'return']);
      const bare = await t.call('POST', `/api/conferences/${conference.id}/transitions`, {
        cookie: nodal,
        body: { action: 'return' },
      });
      assert.equal(bare.statusCode, 400);
      const returned = await t.call('POST', `/api/conferences/${conference.id}/transitions`, {
        cookie: nodal,
        body: { action: 'return', note: 'Add the High Court judges to the participants.' },
      });
      assert.equal(returned.json<ConferenceView>().status, 'returned');
      const early = await t.call('POST', `/api/conferences/${conference.id}/resolutions`, {
        cookie: patna,
        body: { text: 'Fast-track trafficking trials' },
      });
      assert.equal(early.statusCode, 409);
      const participants = await t.call('PUT', `/api/conferences/${conference.id}/participants`, {
        cookie: patna,
        body: { participants: [{ category: 'high_court_judges', planned: 4 }] },
      });
      assert.equal(participants.statusCode, 200, participants.body);
      assert.equal(participants.json<ConferenceView>().participants.length, 3);
      const wrong = await t.call('POST', `/api/conferences/${conference.id}/transitions`, {
        cookie: patna,
        body: { action: 'approve' },
      });
      assert.equal(wrong.statusCode, 409);
      assert.match(
        wrong.json<{ error: { message: string } }>().error.message,
        /What you can do now: resubmit/,
      );
      for (const [cookie, action, status] of [
        [patna, 'resubmit', 'proposed'],
        [nodal, 'approve', 'approved'],
        [patna, 'hold', 'held'],
      ] as const) {
        const step = await t.call('POST', `/api/conferences/${conference.id}/transitions`, {
          cookie,
          body: { action },
        });
        assert.equal(step.statusCode, 200, step.body);
        assert.equal(step.json<ConferenceView>().status, status);
      }
      const resolution = await t.call('POST', `/api/conferences/${conference.id}/resolutions`, {
        cookie: patna,
        body: { text: 'Every trafficking trial in Patna to be heard day to day.' },
      });
      assert.equal(resolution.statusCode, 201);
      const resolutionId = resolution.json<ConferenceView>().resolutions[0]?.id;
      const champaranUnit = await unitId(t, 'AHTU Purbi Champaran (demo)');
      const item = await t.call('POST', `/api/conferences/${conference.id}/action-items`, {
        cookie: nodal,
        body: {
          title: 'Send the list of pending trials',
          resolutionId,
          ownerUnitId: champaranUnit,
          dueOn: inDays(-3),
        },
      });
      assert.equal(item.statusCode, 201, item.body);
      const action = item.json<ConferenceView>().actionItemList[0];
      assert.ok(action);
      assert.equal(action.overdue, true);
      const overdue = await t.call('GET', '/api/conferences/action-items?overdue=true', { cookie: nodal });
      assert.ok(overdue.json<{ items: ActionItemView[] }>().items.some((i) => i.id === action.id));
      const closeEarly = await t.call('POST', `/api/conferences/${conference.id}/transitions`, {
        cookie: nodal,
        body: { action: 'close' },
      });
      assert.equal(closeEarly.statusCode, 409);
      assert.match(
        closeEarly.json<{ error: { message: string } }>().error.message,
        /1 action item is not done yet/,
      );

      const champaran = await t.login('br.champaran.ahtu');
      const mine = await t.call('GET', '/api/conferences/action-items?mine=true', { cookie: champaran });
      assert.ok(mine.json<{ items: ActionItemView[] }>().items.some((i) => i.id === action.id));
      const moved = await t.call('PATCH', `/api/conferences/action-items/${action.id}`, {
        cookie: champaran,
        body: { dueOn: inDays(30) },
      });
      assert.equal(moved.statusCode, 403, 'the owner reports progress; the approvers move the date');
      const done = await t.call('PATCH', `/api/conferences/action-items/${action.id}`, {
        cookie: champaran,
        body: { status: 'done', note: 'List of 14 pending trials sent' },
      });
      assert.equal(done.statusCode, 200, done.body);
      assert.equal(done.json<ActionItemView>().overdue, false);
      const closed = await t.call('POST', `/api/conferences/${conference.id}/transitions`, {
        cookie: nodal,
        body: { action: 'close', outcomeSummary: 'Day-to-day hearing agreed.' },
      });
      assert.equal(closed.statusCode, 200, closed.body);
      assert.equal(closed.json<ConferenceView>().status, 'closed');
    });

    test('another State neither reads, decides nor records a Bihar conference', async () => {
      const item = (
        await t.call('GET', `/api/conferences/${conference.id}`, { cookie: nodal })
      ).json<ConferenceView>().actionItemList[0];
      for (const username of ['up.nodal', 'up.lucknow.ahtu', 'jh.nodal']) {
        const cookie = await t.login(username);
        assert.equal(
          (await t.call('GET', `/api/conferences/${conference.id}`, { cookie })).statusCode,
          404,
          username,
        );
        const list = await t.call('GET', '/api/conferences', { cookie });
        assert.ok(!list.json<{ items: ConferenceListItem[] }>().items.some((c) => c.id === conference.id));
        const items = await t.call('GET', `/api/conferences/action-items?conferenceId=${conference.id}`, {
          cookie,
        });
        assert.equal(items.json<{ total: number }>().total, 0);
        for (const [method, url, body] of [
          ['PATCH', `/api/conferences/${conference.id}`, { title: 'Taken over' }],
          ['POST', `/api/conferences/${conference.id}/transitions`, { action: 'approve' }],
          [
            'PUT',
            `/api/conferences/${conference.id}/participants`,
            { participants: [{ category: 'other', planned: 1 }] },
          ],
          ['POST', `/api/conferences/${conference.id}/resolutions`, { text: 'Something else' }],
          ['PATCH', `/api/conferences/action-items/${item?.id ?? ''}`, { status: 'open' }],
        ] as const) {
          const response = await t.call(method, url, { cookie, body });
          assert.equal(response.statusCode, 404, `${username} ${method} ${url}`);
        }
      }
      const forBihar = await t.call('POST', '/api/conferences', {
        cookie: await t.login('up.nodal'),
        body: { ...proposal([100_000]), stateLgd: 10 },
      });
      assert.equal(forBihar.statusCode, 403);
    });
  });
}
