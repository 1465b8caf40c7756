/** What every client relies on: health, the OpenAPI document, error shape, and response headers. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { testEngines } from '../helpers/databases.ts';

describe('HTTP conventions', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(testEngines()[0] ?? 'pglite', { demo: true });
  });
  after(() => t.close());

  test('health reports the database and schema version', async () => {
    const response = await t.call('GET', '/api/health');
    assert.equal(response.statusCode, 200);
    const body = response.json<{ status: string; schemaVersion: string }>();
    assert.equal(body.status, 'ok');
    assert.match(body.schemaVersion, /^\d{8}_\d{4}$/);
  });

  test('the OpenAPI document describes every API route with its responses', async () => {
    const response = await t.call('GET', '/api/openapi.json');
    assert.equal(response.statusCode, 200);
    const doc = response.json<{
      openapi: string;
      paths: Record<string, Record<string, { responses?: object }>>;
    }>();
    assert.match(doc.openapi, /^3\./);
    for (const route of t.app.routeTable) {
      if (route.url === '/api/openapi.json') continue;
      const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
      const operation = doc.paths[path]?.[route.method.toLowerCase()];
      assert.ok(operation, `${route.method} ${route.url} is missing from the OpenAPI document`);
      assert.ok(
        operation.responses && Object.keys(operation.responses).length > 0,
        `${route.method} ${route.url} documents no responses`,
      );
    }
  });

  test('errors are JSON with a code and a message, API responses are not cached, and pages carry a CSP', async () => {
    const response = await t.call('GET', '/api/cases');
    assert.equal(response.statusCode, 401);
    assert.deepEqual(Object.keys(response.json<{ error: object }>().error).sort(), ['code', 'message']);
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    const page = await t.call('GET', '/');
    assert.match(String(page.headers['content-security-policy']), /default-src 'self'/);
  });

  test('a wrong value type is a 400 that names the field', async () => {
    const cookie = await t.login('br.patna.ahtu');
    const response = await t.call('GET', '/api/cases?limit=lots', { cookie });
    assert.equal(response.statusCode, 400);
    assert.match(response.json<{ error: { message: string } }>().error.message, /limit/);
    const notUuid = await t.call('GET', '/api/cases/not-a-uuid', { cookie });
    assert.equal(notUuid.statusCode, 400);
  });
});
