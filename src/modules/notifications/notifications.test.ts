import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers/app.ts';
import { testEngines } from '../../../test/helpers/databases.ts';
import { startSmtpSink, type SmtpSink } from '../../../test/helpers/sinks.ts';
import type { RequestView } from '../requests/schemas.ts';
import { sendOutboxEmails } from './mail.ts';

interface Inbox {
  items: { id: string; kind: string; title: string; objectId: string | null; readAt: string | null }[];
  total: number;
  unread: number;
}

async function unitId(t: TestApp, name: string): Promise<string> {
  const { rows } = await t.db.asSystem((tx) =>
    tx.query<{ id: string }>('SELECT id FROM units WHERE name = $1', [name]),
  );
  return rows[0]?.id ?? '';
}

for (const engine of testEngines()) {
  describe(`inbox and e-mail on ${engine}`, () => {
    let t: TestApp;
    let sink: SmtpSink;
    let patna: string;
    let ranchi: string;
    let colleague: string;
    const sendRequest = async (subject: string) => {
      const response = await t.call('POST', '/api/requests', {
        cookie: patna,
        body: {
          toUnitId: await unitId(t, 'AHTU Ranchi (demo)'),
          kind: 'share_information',
          priority: 'urgent',
          subject,
          body: 'Confidential details that must not leave Setu by e-mail.',
        },
      });
      assert.equal(response.statusCode, 201, response.body);
      return response.json<RequestView>();
    };
    const unread = async (cookie: string) =>
      (await t.call('GET', '/api/inbox/unread-count', { cookie })).json<{ unread: number }>().unread;

    before(async () => {
      t = await startTestApp(engine, { demo: true });
      sink = await startSmtpSink();
      patna = await t.login('br.patna.ahtu');
      ranchi = await t.login('jh.ranchi.ahtu');
      await t.createUser({
        username: 'jh.ranchi.second',
        role: 'district_officer',
        unitName: 'AHTU Ranchi (demo)',
      });
      colleague = await t.login('jh.ranchi.second', TEST_PASSWORD);
    });
    after(async () => {
      await sink.close();
      await t.close();
    });

    test('a notification to a unit reaches each of its users; unread counts change when each reads', async () => {
      const [before1, before2] = [await unread(ranchi), await unread(colleague)];
      const sent = await sendRequest('Bus with minors left Patna at 21:00');
      assert.equal(await unread(ranchi), before1 + 1);
      assert.equal(await unread(colleague), before2 + 1);
      const inbox = (
        await t.call('GET', '/api/inbox?unread=true&kind=request.created', { cookie: ranchi })
      ).json<Inbox>();
      const item = inbox.items.find((n) => n.objectId === sent.id);
      assert.ok(item);
      assert.equal(inbox.unread, before1 + 1);
      const read = await t.call('POST', `/api/inbox/${item.id}/read`, { cookie: ranchi });
      assert.equal(read.statusCode, 200);
      assert.ok(read.json<{ readAt: string | null }>().readAt);
      assert.equal(await unread(ranchi), before1, 'read by this officer');
      assert.equal(await unread(colleague), before2 + 1, 'still unread for the colleague');
      const all = await t.call('POST', '/api/inbox/read-all', { cookie: colleague });
      assert.equal(all.json<{ marked: number }>().marked, before2 + 1);
      assert.equal(await unread(colleague), 0);
      const again = await t.call('POST', '/api/inbox/read-all', { cookie: colleague });
      assert.equal(again.json<{ marked: number }>().marked, 0);
    });

    test("another unit's notification cannot be read or marked: 404", async () => {
      const inbox = (await t.call('GET', '/api/inbox', { cookie: ranchi })).json<Inbox>();
      const id = inbox.items[0]?.id ?? '';
      for (const cookie of [patna, await t.login('up.lucknow.ahtu')]) {
        assert.equal((await t.call('POST', `/api/inbox/${id}/read`, { cookie })).statusCode, 404);
        const theirs = (await t.call('GET', '/api/inbox?limit=200', { cookie })).json<Inbox>();
        assert.ok(!theirs.items.some((n) => n.id === id));
      }
      const unknown = await t.call('POST', '/api/inbox/00000000-0000-4000-8000-000000000000/read', {
        cookie: ranchi,
      });
      assert.equal(unknown.statusCode, 404);
    });

    test('the home page counts: unread, unacknowledged alerts, requests due, action items', async () => {
      const summary = await t.call('GET', '/api/inbox/summary', { cookie: ranchi });
      assert.equal(summary.statusCode, 200, summary.body);
      const body = summary.json<{
        unreadNotifications: number;
        unacknowledgedAlerts: number;
        requests: { incomingOpen: number };
      }>();
      assert.ok(body.requests.incomingOpen >= 1);
      assert.ok(body.unacknowledgedAlerts >= 1, 'the demo cross-State match alert is addressed to Ranchi');
      assert.equal(body.unreadNotifications, await unread(ranchi));
    });

    test('an e-mail reaches the SMTP sink with the title and a link, not the details; a temporary failure is retried', async () => {
      await t.db.asSystem((tx) =>
        tx.query(`UPDATE users SET email = 'ranchi.ahtu@example.test' WHERE username = 'jh.ranchi.ahtu'`),
      );
      const sent = await sendRequest('Second bus expected tonight');
      const options = {
        smtpUrl: sink.url,
        from: 'Setu <setu@example.test>',
        publicUrl: 'https://setu.example.test',
      };
      sink.failNext(1, 451);
      const first = await sendOutboxEmails(t.db, options);
      assert.equal(first.retrying, 1);
      assert.equal(sink.messages.length, 0);
      const tooSoon = await sendOutboxEmails(t.db, options);
      assert.equal(tooSoon.sent, 0, 'not before the backoff');
      const second = await sendOutboxEmails(t.db, { ...options, now: new Date(Date.now() + 2 * 60_000) });
      assert.equal(second.sent, 1);
      const third = await sendOutboxEmails(t.db, { ...options, now: new Date(Date.now() + 10 * 60_000) });
      assert.equal(third.sent, 0, 'sent once');
      const mail = sink.messages[0];
      assert.ok(mail);
      assert.deepEqual(mail.to, ['ranchi.ahtu@example.test']);
      // Unfold header lines and quoted-printable soft line breaks.
      const text = mail.raw.replace(/=\r\n/g, '').replace(/\r\n[ \t]+/g, ' ');
      assert.match(text, new RegExp(`Subject: \\[Setu\\] New urgent request ${sent.reference}`));
      assert.match(text, new RegExp(`https://setu.example.test/requests/${sent.id}`));
      assert.equal(text.includes('Confidential details'), false);
      assert.equal(text.includes('Second bus expected tonight'), false, 'the subject stays in Setu too');
      const outbox = await t.db.asSystem((tx) =>
        tx.query<{ status: string; attempts: number }>(
          `SELECT status, attempts FROM email_outbox WHERE to_address = 'ranchi.ahtu@example.test'`,
        ),
      );
      assert.deepEqual(outbox.rows, [{ status: 'sent', attempts: 2 }]);
    });

    test('a permanent refusal is not retried; without an SMTP server nothing is sent', async () => {
      await sendRequest('Third message');
      const skipped = await sendOutboxEmails(t.db, {
        smtpUrl: undefined,
        from: 'x@example.test',
        publicUrl: 'https://x',
      });
      assert.equal(skipped.sent, 0);
      sink.failNext(1, 550);
      const refused = await sendOutboxEmails(t.db, {
        smtpUrl: sink.url,
        from: 'x@example.test',
        publicUrl: 'https://x',
      });
      assert.equal(refused.failed, 1);
      const later = await sendOutboxEmails(t.db, {
        smtpUrl: sink.url,
        from: 'x@example.test',
        publicUrl: 'https://x',
        now: new Date(Date.now() + 3_600_000),
      });
      assert.equal(later.sent + later.retrying + later.failed, 0);
    });
  });
}
