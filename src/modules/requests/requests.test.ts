import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { testEngines } from '../../../test/helpers/databases.ts';
import type { CaseView, IdentityView } from '../cases/schemas.ts';
import type { RequestListItem, RequestView } from './schemas.ts';

const RANCHI = 339;
export const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  crypto.randomBytes(64),
]);

async function unitId(t: TestApp, name: string): Promise<string> {
  const { rows } = await t.db.asSystem((tx) =>
    tx.query<{ id: string }>('SELECT id FROM units WHERE name = $1', [name]),
  );
  if (!rows[0]) throw new Error(`no unit ${name}`);
  return rows[0].id;
}

for (const engine of testEngines()) {
  describe(`requests between units on ${engine}`, () => {
    let t: TestApp;
    let patna: string;
    let ranchi: string;
    let lucknow: string;
    let caseView: CaseView;
    let request: RequestView;
    let createBody: Record<string, unknown>;
    const victimName = 'पूजा कुमारी';

    before(async () => {
      t = await startTestApp(engine, { demo: true });
      [patna, ranchi, lucknow] = await Promise.all([
        t.login('br.patna.ahtu'),
        t.login('jh.ranchi.ahtu'),
        t.login('up.lucknow.ahtu'),
      ]);
      const created = await t.call('POST', '/api/cases', {
        cookie: patna,
        body: {
          kind: 'rescue_operation',
          title: 'Girl from Ranchi rescued at Patna Junction',
          registeredOn: '2025-06-01',
          persons: [
            {
              role: 'victim',
              name: victimName,
              sex: 'female',
              ageYears: 14,
              homeDistrictLgd: RANCHI,
              fatherName: 'Somra Munda',
            },
          ],
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      caseView = created.json<CaseView>();
      const victim = caseView.persons[0];
      createBody = {
        toUnitId: await unitId(t, 'AHTU Ranchi (demo)'),
        kind: 'verify_family',
        priority: 'urgent',
        subject: `Verify the family of ${victim?.pseudonym ?? ''} in Ranchi`,
        body: 'Please verify the parents and the address before the CWC restoration hearing.',
        caseId: caseView.id,
        personIds: [victim?.id],
      };
      const response = await t.call('POST', '/api/requests', {
        cookie: patna,
        headers: { 'idempotency-key': 'verify-family-0001' },
        body: createBody,
      });
      assert.equal(response.statusCode, 201, response.body);
      request = response.json<RequestView>();
    });
    after(() => t.close());

    test('a Bihar AHTU asks a Jharkhand AHTU to verify a family: due date from kind and priority, identity shared by the request', async () => {
      assert.match(request.reference, /^RQ-\d{4}-\d{6}$/);
      assert.equal(request.status, 'sent');
      assert.equal(request.direction, 'out');
      const hours = (Date.parse(request.dueAt) - Date.parse(request.createdAt)) / 3_600_000;
      assert.ok(Math.abs(hours - 72) < 0.1, `urgent verification is due in 72 hours, got ${hours}`);
      assert.equal(request.identityShared, true);
      assert.equal(request.caseShared, true);
      assert.equal(request.persons[0]?.pseudonym, caseView.persons[0]?.pseudonym);
      assert.equal(JSON.stringify(request).includes(victimName), false);
      const replay = await t.call('POST', '/api/requests', {
        cookie: patna,
        headers: { 'idempotency-key': 'verify-family-0001' },
        body: createBody,
      });
      assert.equal(replay.headers['idempotent-replayed'], 'true');
      assert.equal(replay.json<RequestView>().id, request.id, 'a retried send does not send twice');
    });

    test('Jharkhand sees it in its inbox and list, masked; the victim identity only through reveal, which is audited', async () => {
      const list = await t.call('GET', '/api/requests?direction=in&status=sent', { cookie: ranchi });
      const mine = list.json<{ items: RequestListItem[] }>().items.find((r) => r.id === request.id);
      assert.ok(mine, 'the request is in the recipient list');
      assert.equal(mine.direction, 'in');
      const inbox = await t.call('GET', '/api/inbox?unread=true', { cookie: ranchi });
      const note = inbox
        .json<{ items: { objectId: string | null; title: string }[] }>()
        .items.find((n) => n.objectId === request.id);
      assert.ok(note, 'the recipient unit is notified');
      assert.equal(note.title.includes(victimName), false);
      const view = await t.call('GET', `/api/requests/${request.id}`, { cookie: ranchi });
      assert.equal(view.statusCode, 200);
      const seen = view.json<RequestView>();
      assert.equal(JSON.stringify(seen).includes(victimName), false, 'no identity in the request itself');
      assert.equal(seen.identityAccess, true);
      assert.deepEqual(seen.allowedActions.sort(), ['acknowledge', 'decline', 'message'].sort());
      const personId = seen.persons[0]?.personId ?? '';
      const noReason = await t.call('POST', `/api/requests/${request.id}/persons/${personId}/reveal`, {
        cookie: ranchi,
        body: {},
      });
      assert.equal(noReason.statusCode, 400);
      const revealed = await t.call('POST', `/api/requests/${request.id}/persons/${personId}/reveal`, {
        cookie: ranchi,
        body: { reason: 'Home verification visit' },
      });
      assert.equal(revealed.statusCode, 200, revealed.body);
      assert.equal(revealed.json<IdentityView>().name, victimName);
      const trail = await t.db.asSystem((tx) =>
        tx.query<{ actor_username: string; reason: string }>(
          `SELECT actor_username, reason FROM audit_log WHERE action = 'person.reveal_identity' AND object_id = $1`,
          [personId],
        ),
      );
      assert.ok(
        trail.rows.some((r) => r.actor_username === 'jh.ranchi.ahtu' && r.reason.includes(request.reference)),
      );
    });

    test('invalid transitions are refused with 409 and say what can be done; only the right side may act', async () => {
      const early = await t.call('POST', `/api/requests/${request.id}/answer`, {
        cookie: ranchi,
        body: { text: 'Done' },
      });
      assert.equal(early.statusCode, 409);
      assert.match(
        early.json<{ error: { message: string } }>().error.message,
        /is sent, so it cannot be answered.*can now: acknowledge, decline/,
      );
      const bySender = await t.call('POST', `/api/requests/${request.id}/acknowledge`, {
        cookie: patna,
        body: {},
      });
      assert.equal(bySender.statusCode, 403);
      assert.match(
        bySender.json<{ error: { message: string } }>().error.message,
        /Only AHTU Ranchi \(demo\)/,
      );
      const ack = await t.call('POST', `/api/requests/${request.id}/acknowledge`, {
        cookie: ranchi,
        body: { text: 'Visit on Thursday' },
      });
      assert.equal(ack.statusCode, 200, ack.body);
      // No body at all is fine where every field is optional.
      const again = await t.call('POST', `/api/requests/${request.id}/acknowledge`, { cookie: ranchi });
      assert.equal(again.statusCode, 409);
      const reopen = await t.call('POST', `/api/requests/${request.id}/reopen`, {
        cookie: patna,
        body: { text: 'Not answered yet' },
      });
      assert.equal(reopen.statusCode, 409);
      const declineWithout = await t.call('POST', `/api/requests/${request.id}/decline`, {
        cookie: ranchi,
        body: {},
      });
      assert.equal(declineWithout.statusCode, 400);
    });

    test('Jharkhand answers with an attachment; Bihar sees the answer and downloads the file by its SHA-256', async () => {
      const wrongType = await t.call('POST', `/api/requests/${request.id}/answer`, {
        cookie: ranchi,
        body: {
          text: 'x',
          attachments: [
            { fileName: 'a.pdf', contentType: 'application/pdf', contentBase64: PNG.toString('base64') },
          ],
        },
      });
      assert.equal(wrongType.statusCode, 415);
      const answered = await t.call('POST', `/api/requests/${request.id}/answer`, {
        cookie: ranchi,
        body: {
          text: 'Family verified: parents live at the address given and can take her back.',
          attachments: [
            { fileName: 'verification.png', contentType: 'image/png', contentBase64: PNG.toString('base64') },
          ],
        },
      });
      assert.equal(answered.statusCode, 200, answered.body);
      const seen = (
        await t.call('GET', `/api/requests/${request.id}`, { cookie: patna })
      ).json<RequestView>();
      assert.equal(seen.status, 'answered');
      assert.ok(seen.answeredAt);
      const answer = seen.messages.find((m) => m.event === 'answered');
      assert.ok(answer);
      assert.match(answer.body ?? '', /Family verified/);
      assert.equal(answer.authorUnit?.name, 'AHTU Ranchi (demo)');
      const file = answer.attachments[0];
      assert.ok(file);
      assert.equal(file.sha256, crypto.createHash('sha256').update(PNG).digest('hex'));
      assert.deepEqual(seen.allowedActions.sort(), ['close', 'message', 'reopen']);
      const download = await t.call('GET', `/api/requests/${request.id}/attachments/${file.id}`, {
        cookie: patna,
      });
      assert.equal(download.statusCode, 200);
      assert.equal(download.headers['x-content-sha256'], file.sha256);
      assert.deepEqual(download.rawPayload, PNG);
      const inbox = await t.call('GET', '/api/inbox?kind=request.answered', { cookie: patna });
      assert.ok(inbox.json<{ items: { objectId: string }[] }>().items.some((n) => n.objectId === request.id));
      const closed = await t.call('POST', `/api/requests/${request.id}/close`, { cookie: patna, body: {} });
      assert.equal(closed.json<RequestView>().status, 'closed');
      const late = await t.call('POST', `/api/requests/${request.id}/messages`, {
        cookie: ranchi,
        body: { body: 'One more thing' },
      });
      assert.equal(late.statusCode, 409);
    });

    test('a third State sees none of it: 404 on every request route, absent from lists, nothing under raw SQL', async () => {
      const file = (await t.call('GET', `/api/requests/${request.id}`, { cookie: patna }))
        .json<RequestView>()
        .messages.find((m) => m.attachments.length > 0)?.attachments[0]?.id;
      const personId = request.persons[0]?.personId ?? '';
      for (const cookie of [lucknow, await t.login('up.nodal')]) {
        const calls: ['GET' | 'POST', string, unknown][] = [
          ['GET', `/api/requests/${request.id}`, undefined],
          ['GET', `/api/requests/${request.id}/attachments/${file ?? ''}`, undefined],
          ['POST', `/api/requests/${request.id}/messages`, { body: 'hello' }],
          ['POST', `/api/requests/${request.id}/persons/${personId}/reveal`, { reason: 'curious reader' }],
          ...['acknowledge', 'start', 'answer', 'decline', 'close', 'reopen'].map(
            (a): ['GET' | 'POST', string, unknown] => [
              'POST',
              `/api/requests/${request.id}/${a}`,
              { text: 'some text' },
            ],
          ),
        ];
        for (const [method, url, body] of calls) {
          const response = await t.call(method, url, { cookie, ...(body ? { body } : {}) });
          assert.equal(response.statusCode, 404, `${method} ${url} answered ${response.statusCode}`);
        }
        const list = await t.call('GET', '/api/requests?limit=200', { cookie });
        assert.ok(!list.json<{ items: RequestListItem[] }>().items.some((r) => r.id === request.id));
        const stats = await t.call('GET', '/api/requests/stats?state=20', { cookie });
        assert.deepEqual(stats.json<{ items: unknown[] }>().items, []);
      }
      const upUser = await t.db.asSystem((tx) =>
        tx.query<{ id: string }>(`SELECT id FROM users WHERE username = 'up.lucknow.ahtu'`),
      );
      const raw = await t.db.asActor({ userId: upUser.rows[0]?.id ?? '' }, async (tx) => ({
        requests: (await tx.query('SELECT id FROM unit_requests WHERE id = $1', [request.id])).rowCount,
        messages: (await tx.query('SELECT id FROM request_messages WHERE request_id = $1', [request.id]))
          .rowCount,
        files: (await tx.query('SELECT attachment_id FROM request_attachment_contents')).rowCount,
      }));
      assert.deepEqual(raw, { requests: 0, messages: 0, files: 0 });
    });

    test('oversight: the Jharkhand and Bihar nodal officers and national analysts see it; the auditor cannot act', async () => {
      for (const username of ['jh.nodal', 'br.nodal', 'nodal.analyst', 'nodal.auditor']) {
        const response = await t.call('GET', `/api/requests/${request.id}`, {
          cookie: await t.login(username),
        });
        assert.equal(response.statusCode, 200, username);
        assert.equal(response.json<RequestView>().direction, 'oversight');
      }
      const auditor = await t.call('POST', `/api/requests/${request.id}/messages`, {
        cookie: await t.login('nodal.auditor'),
        body: { body: 'x' },
      });
      assert.equal(auditor.statusCode, 403);
    });
  });
}
