import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { testEngines } from '../../../test/helpers/databases.ts';
import { startHttpReceiver, type HttpReceiver } from '../../../test/helpers/sinks.ts';
import { deliverWebhooks, signPayload, verifySignature } from './delivery.ts';
import { checkWebhookUrl } from './webhooks.ts';

interface Hook {
  id: string;
  active: boolean;
  consecutiveFailures: number;
  disabledReason: string | null;
}

async function unitId(t: TestApp, name: string): Promise<string> {
  const { rows } = await t.db.asSystem((tx) =>
    tx.query<{ id: string }>('SELECT id FROM units WHERE name = $1', [name]),
  );
  return rows[0]?.id ?? '';
}

describe('webhook signatures and addresses', () => {
  test('a signature verifies over timestamp and body, and fails for another body, secret or an old timestamp', () => {
    const body = '{"event":"request.created"}';
    const header = signPayload('whsec_test', body, 1_800_000_000);
    assert.match(header, /^t=1800000000,v1=[0-9a-f]{64}$/);
    assert.equal(verifySignature('whsec_test', header, body, 1_800_000_010), true);
    assert.equal(verifySignature('whsec_test', header, `${body} `, 1_800_000_010), false);
    assert.equal(verifySignature('whsec_other', header, body, 1_800_000_010), false);
    assert.equal(verifySignature('whsec_test', header, body, 1_800_000_000 + 301), false);
  });

  test('in production a webhook must be https to a public address', () => {
    assert.equal(checkWebhookUrl('https://hooks.example.org/setu', false), 'https://hooks.example.org/setu');
    for (const url of [
      'http://hooks.example.org/x',
      'https://127.0.0.1/x',
      'https://10.1.2.3/x',
      'https://[::1]/x',
      'https://localhost/x',
      'https://u:p@example.org/',
      'ftp://example.org/',
    ]) {
      assert.throws(() => checkWebhookUrl(url, false), /webhook URL/, url);
    }
    assert.equal(checkWebhookUrl('http://127.0.0.1:8080/x', true), 'http://127.0.0.1:8080/x');
  });
});

for (const engine of testEngines()) {
  describe(`outbound webhooks on ${engine}`, () => {
    let t: TestApp;
    let receiver: HttpReceiver;
    let patna: string;
    let hook: Hook;
    let secret: string;

    before(async () => {
      t = await startTestApp(engine, { demo: true });
      receiver = await startHttpReceiver();
      patna = await t.login('br.patna.ahtu');
      const created = await t.call('POST', '/api/webhooks', {
        cookie: patna,
        body: {
          url: receiver.url,
          eventTypes: ['request.created', 'request.message'],
          description: 'District control room',
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      ({ webhook: hook, secret } = created.json<{ webhook: Hook; secret: string }>());
    });
    after(async () => {
      await receiver.close();
      await t.close();
    });

    test('the secret is shown once and never again', async () => {
      assert.match(secret, /^whsec_/);
      const again = await t.call('GET', `/api/webhooks/${hook.id}`, { cookie: patna });
      assert.equal(again.statusCode, 200);
      assert.equal(again.body.includes(secret), false);
      assert.equal(again.body.includes(secret.slice(10)), false);
    });

    test('an event is delivered signed; a failing receiver is retried with backoff until it accepts', async () => {
      receiver.respondWith([500, 200]);
      const sent = await t.call('POST', '/api/requests', {
        cookie: await t.login('jh.ranchi.ahtu'),
        body: {
          toUnitId: await unitId(t, 'AHTU Patna (demo)'),
          kind: 'trace_accused',
          priority: 'urgent',
          subject: 'Trace a recruiter',
          body: 'Details.',
        },
      });
      assert.equal(sent.statusCode, 201);
      const requestId = sent.json<{ id: string }>().id;
      const options = { secrets: t.secrets, allowPrivateNetworks: true };
      const now = Date.now();
      const first = await deliverWebhooks(t.db, { ...options, now: new Date(now) });
      assert.equal(first.failed, 1);
      assert.equal(receiver.received.length, 1);
      const early = await deliverWebhooks(t.db, { ...options, now: new Date(now + 10_000) });
      assert.equal(early.attempted, 0, 'not retried before the backoff');
      const second = await deliverWebhooks(t.db, { ...options, now: new Date(now + 31_000) });
      assert.equal(second.delivered, 1);
      assert.equal(receiver.received.length, 2);
      for (const hit of receiver.received) {
        const signature = String(hit.headers['setu-signature']);
        const timestamp = Number(/t=(\d+)/.exec(signature)?.[1]);
        assert.equal(verifySignature(secret, signature, hit.body, timestamp), true, 'signed with the secret');
        assert.equal(hit.headers['setu-event'], 'request.created');
        const payload = JSON.parse(hit.body) as {
          event: string;
          data: { objectId: string; link: string; title: string };
        };
        assert.equal(payload.data.objectId, requestId);
        assert.equal(payload.data.link, `/requests/${requestId}`);
        assert.equal(
          hit.body.includes('Details.'),
          false,
          'webhooks carry the title and link, not the details',
        );
      }
      assert.equal(
        receiver.received[0]?.body,
        receiver.received[1]?.body,
        'every attempt sends the same body',
      );
      const third = await deliverWebhooks(t.db, { ...options, now: new Date(now + 3_600_000) });
      assert.equal(third.attempted, 0, 'delivered once');
      const log = await t.call('GET', `/api/webhooks/${hook.id}/deliveries`, { cookie: patna });
      const item = log.json<{
        items: { status: string; attempts: number; log: { statusCode: number }[] }[];
      }>().items[0];
      assert.equal(item?.status, 'delivered');
      assert.deepEqual(
        item.log.map((a) => a.statusCode),
        [500, 200],
      );
    });

    test('after too many failures in a row the webhook is turned off and its unit told; turning it on again resets it', async () => {
      receiver.respondWith([503]);
      const ping = await t.call('POST', `/api/webhooks/${hook.id}/ping`, { cookie: patna });
      assert.equal(ping.statusCode, 202);
      const options = { secrets: t.secrets, allowPrivateNetworks: true, maxConsecutiveFailures: 3 };
      let disabled = 0;
      for (let i = 0; i < 4; i += 1) {
        const run = await deliverWebhooks(t.db, {
          ...options,
          now: new Date(Date.now() + (i + 1) * 3_600_000),
        });
        disabled += run.disabled;
      }
      assert.equal(disabled, 1);
      const view = (await t.call('GET', `/api/webhooks/${hook.id}`, { cookie: patna })).json<Hook>();
      assert.equal(view.active, false);
      assert.equal(view.consecutiveFailures, 3);
      assert.match(view.disabledReason ?? '', /3 failed deliveries/);
      const inbox = await t.call('GET', '/api/inbox?kind=webhook.disabled', { cookie: patna });
      assert.equal(inbox.json<{ total: number }>().total, 1);
      const on = await t.call('PATCH', `/api/webhooks/${hook.id}`, { cookie: patna, body: { active: true } });
      assert.equal(on.json<Hook>().active, true);
      assert.equal(on.json<Hook>().consecutiveFailures, 0);
      const rotated = await t.call('POST', `/api/webhooks/${hook.id}/rotate-secret`, { cookie: patna });
      assert.notEqual(rotated.json<{ secret: string }>().secret, secret);
    });

    test("another State's officers and administrators cannot reach the webhook: 404 on every route", async () => {
      for (const username of ['up.lucknow.ahtu', 'jh.ranchi.ahtu']) {
        const cookie = await t.login(username);
        const calls: ['GET' | 'POST' | 'PATCH' | 'DELETE', string, unknown][] = [
          ['GET', `/api/webhooks/${hook.id}`, undefined],
          ['PATCH', `/api/webhooks/${hook.id}`, { active: false }],
          ['POST', `/api/webhooks/${hook.id}/rotate-secret`, undefined],
          ['POST', `/api/webhooks/${hook.id}/ping`, undefined],
          ['GET', `/api/webhooks/${hook.id}/deliveries`, undefined],
          ['DELETE', `/api/webhooks/${hook.id}`, undefined],
        ];
        for (const [method, url, body] of calls) {
          const response = await t.call(method, url, { cookie, ...(body ? { body } : {}) });
          assert.equal(response.statusCode, 404, `${username} ${method} ${url}: ${response.statusCode}`);
        }
        const list = await t.call('GET', '/api/webhooks', { cookie });
        assert.ok(!list.json<{ items: Hook[] }>().items.some((h) => h.id === hook.id));
        const forOther = await t.call('POST', '/api/webhooks', {
          cookie,
          body: {
            unitId: await unitId(t, 'AHTU Patna (demo)'),
            url: receiver.url,
            eventTypes: ['request.created'],
          },
        });
        assert.equal(forOther.statusCode, 403);
      }
      const biharAdmin = await t.call('GET', `/api/webhooks/${hook.id}`, {
        cookie: await t.login('br.admin'),
      });
      assert.equal(biharAdmin.statusCode, 200, 'the State administrator manages webhooks of units in Bihar');
      const removed = await t.call('DELETE', `/api/webhooks/${hook.id}`, { cookie: patna });
      assert.equal(removed.statusCode, 204);
      assert.equal((await t.call('GET', `/api/webhooks/${hook.id}`, { cookie: patna })).statusCode, 404);
    });
  });
}
