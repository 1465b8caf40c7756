import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { testEngines } from '../../../test/helpers/databases.ts';
import type { ActionItemView, MeetingListItem, MeetingView } from './schemas.ts';

async function unitId(t: TestApp, name: string): Promise<string> {
  const { rows } = await t.db.asSystem((tx) =>
    tx.query<{ id: string }>('SELECT id FROM units WHERE name = $1', [name]),
  );
  return rows[0]?.id ?? '';
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

for (const engine of testEngines()) {
  describe(`coordination meetings on ${engine}`, () => {
    let t: TestApp;
    let nodal: string;
    let meeting: MeetingView;

    before(async () => {
      t = await startTestApp(engine, { demo: true });
      nodal = await t.login('br.nodal');
      const response = await t.call('POST', '/api/meetings', {
        cookie: nodal,
        body: { heldOn: inDays(3), location: 'Police Headquarters, Patna' },
      });
      assert.equal(response.statusCode, 201, response.body);
      meeting = response.json<MeetingView>();
    });
    after(() => t.close());

    test("the agenda is drawn up from the State's overdue requests and open alerts, naming no request subject", () => {
      assert.match(meeting.title, /^Monthly coordination meeting, Bihar, /);
      assert.equal(meeting.state.name, 'Bihar');
      const kinds = new Set(meeting.agenda.map((a) => a.kind));
      assert.ok(kinds.has('overdue_request'), 'the demo trace request from West Bengal is overdue');
      assert.ok(kinds.has('open_alert'), 'the demo Raxaul lookout is open');
      const overdue = meeting.agenda.find((a) => a.kind === 'overdue_request');
      assert.match(
        overdue?.title ?? '',
        /^Overdue request RQ-\d{4}-\d{6} \(trace or arrest an accused\): AHTU Kolkata \(demo\) → AHTU Patna \(demo\)/,
      );
      assert.equal(overdue?.title.includes('placement agent'), false);
      assert.equal(meeting.canEdit, true);
    });

    test('minutes, agenda items and action items with owners and due dates, followed until done', async () => {
      const minutes = await t.call('PATCH', `/api/meetings/${meeting.id}`, {
        cookie: nodal,
        body: { minutes: 'Reviewed pending requests. SSB to post a team at Raxaul.', status: 'held' },
      });
      assert.equal(minutes.json<MeetingView>().status, 'held');
      const agenda = await t.call('POST', `/api/meetings/${meeting.id}/agenda`, {
        cookie: nodal,
        body: { title: 'Training calendar' },
      });
      assert.equal(agenda.json<MeetingView>().agenda.at(-1)?.title, 'Training calendar');
      const champaranUnit = await unitId(t, 'AHTU Purbi Champaran (demo)');
      const overdueItem = await t.call('POST', `/api/meetings/${meeting.id}/action-items`, {
        cookie: nodal,
        body: {
          title: 'Post a joint team at Raxaul crossing',
          ownerUnitId: champaranUnit,
          dueOn: inDays(-2),
        },
      });
      assert.equal(overdueItem.statusCode, 201, overdueItem.body);
      const patnaUser = await t.db.asSystem((tx) =>
        tx.query<{ id: string }>(`SELECT id FROM users WHERE username = 'br.patna.ahtu'`),
      );
      await t.call('POST', `/api/meetings/${meeting.id}/action-items`, {
        cookie: nodal,
        body: {
          title: 'Answer the West Bengal request',
          ownerUserId: patnaUser.rows[0]?.id,
          dueOn: inDays(7),
        },
      });
      const view = (
        await t.call('GET', `/api/meetings/${meeting.id}`, { cookie: nodal })
      ).json<MeetingView>();
      assert.deepEqual(view.actionItems, { open: 2, overdue: 1, done: 0 });
      const item = view.actionItemList.find((i) => i.title.startsWith('Post a joint team'));
      assert.ok(item);
      assert.equal(item.owner.name, 'AHTU Purbi Champaran (demo)');
      assert.equal(item.overdue, true);

      const champaran = await t.login('br.champaran.ahtu');
      const mine = await t.call('GET', '/api/meetings/action-items?mine=true&overdue=true', {
        cookie: champaran,
      });
      assert.ok(mine.json<{ items: ActionItemView[] }>().items.some((i) => i.id === item.id));
      const inbox = await t.call('GET', '/api/inbox?kind=meeting.action_assigned', { cookie: champaran });
      assert.ok(inbox.json<{ items: { objectId: string }[] }>().items.some((n) => n.objectId === item.id));
      const retitle = await t.call('PATCH', `/api/meetings/action-items/${item.id}`, {
        cookie: champaran,
        body: { title: 'Something else' },
      });
      assert.equal(retitle.statusCode, 403, 'the owner marks it done; the chair edits it');
      const done = await t.call('PATCH', `/api/meetings/action-items/${item.id}`, {
        cookie: champaran,
        body: { status: 'done', note: 'Team posted from 20:00 daily' },
      });
      assert.equal(done.statusCode, 200, done.body);
      assert.equal(done.json<ActionItemView>().status, 'done');
      const twice = await t.call('PATCH', `/api/meetings/action-items/${item.id}`, {
        cookie: champaran,
        body: { status: 'done' },
      });
      assert.equal(twice.statusCode, 409);
      const overdueList = await t.call('GET', '/api/meetings/action-items?overdue=true&state=10', {
        cookie: nodal,
      });
      assert.ok(!overdueList.json<{ items: ActionItemView[] }>().items.some((i) => i.id === item.id));
      const chairInbox = await t.call('GET', '/api/inbox?kind=meeting.action_done', { cookie: nodal });
      assert.ok(
        chairInbox.json<{ items: { objectId: string }[] }>().items.some((n) => n.objectId === item.id),
      );
    });

    test("Bihar's district officers read the meeting; another State neither reads nor runs it", async () => {
      const patna = await t.login('br.patna.ahtu');
      const asPatna = await t.call('GET', `/api/meetings/${meeting.id}`, { cookie: patna });
      assert.equal(asPatna.statusCode, 200);
      const item = asPatna.json<MeetingView>().actionItemList[0]?.id ?? '';
      for (const username of ['up.lucknow.ahtu', 'up.nodal', 'jh.nodal']) {
        const cookie = await t.login(username);
        assert.equal(
          (await t.call('GET', `/api/meetings/${meeting.id}`, { cookie })).statusCode,
          404,
          username,
        );
        const list = await t.call('GET', '/api/meetings', { cookie });
        assert.ok(!list.json<{ items: MeetingListItem[] }>().items.some((m) => m.id === meeting.id));
        const items = await t.call('GET', `/api/meetings/action-items?meetingId=${meeting.id}`, { cookie });
        assert.equal(items.json<{ total: number }>().total, 0);
        if (username !== 'up.lucknow.ahtu') {
          for (const [method, url, body] of [
            ['PATCH', `/api/meetings/${meeting.id}`, { minutes: 'x' }],
            ['POST', `/api/meetings/${meeting.id}/agenda`, { title: 'x' }],
            [
              'POST',
              `/api/meetings/${meeting.id}/action-items`,
              { title: 'xyz', ownerUnitId: await unitId(t, 'AHTU Patna (demo)'), dueOn: inDays(1) },
            ],
          ] as const) {
            const response = await t.call(method, url, { cookie, body });
            assert.equal(response.statusCode, 404, `${username} ${method} ${url}`);
          }
        }
        const patchItem = await t.call('PATCH', `/api/meetings/action-items/${item}`, {
          cookie,
          body: { status: 'done' },
        });
        assert.equal(patchItem.statusCode, 404, `${username} PATCH action item`);
      }
      const upCall = await t.call('POST', '/api/meetings', {
        cookie: await t.login('up.nodal'),
        body: { stateLgd: 10, heldOn: inDays(2) },
      });
      assert.equal(upCall.statusCode, 403);
      assert.match(
        upCall.json<{ error: { message: string } }>().error.message,
        /Only the State nodal officer of Bihar/,
      );
    });
  });
}
