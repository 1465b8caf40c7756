/**
 * Every API route is walked: without a session each non-public route must answer 401, and a route
 * limited to some roles must answer 403 to a signed-in account of another role. A new route that forgets
 * its access rule cannot even be registered (the server refuses to start).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ROLES, type Role } from '../../src/server/access.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { testEngines } from '../helpers/databases.ts';

const SAMPLE_UUID = '00000000-0000-4000-8000-000000000000';

function concreteUrl(url: string): string {
  return url.replace(/:([A-Za-z]+)/g, (_match, name: string) =>
    /lgd|code/i.test(name) ? '212' : SAMPLE_UUID,
  );
}

/** A demo account for each role, to prove a role outside a route's list is refused. */
const ACCOUNT_FOR_ROLE: Record<Role, string> = {
  national_analyst: 'nodal.analyst',
  state_nodal_officer: 'up.nodal',
  district_officer: 'br.patna.ahtu',
  liaison_officer: 'ssb.raxaul',
  ngo_caseworker: 'ngo.delhi',
  trainer: 'up.trainer',
  auditor: 'nodal.auditor',
  system_admin: 'nodal.admin',
};

const engine = testEngines()[0] ?? 'pglite';

describe('route authorization sweep', () => {
  let t: TestApp;
  const cookies = new Map<Role, string>();
  before(async () => {
    t = await startTestApp(engine, { demo: true });
    for (const role of ROLES) cookies.set(role, await t.login(ACCOUNT_FOR_ROLE[role]));
  });
  after(() => t.close());

  test('the route table is not empty and every route declares access', () => {
    assert.ok(t.app.routeTable.length > 10);
    for (const route of t.app.routeTable) assert.ok(route.access, `${route.method} ${route.url}`);
  });

  test('every non-public route refuses an unauthenticated call with 401', async () => {
    const checked: string[] = [];
    for (const route of t.app.routeTable) {
      if ('public' in route.access) continue;
      const response = await t.call(route.method, concreteUrl(route.url), {
        ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { body: {} }),
      });
      assert.equal(response.statusCode, 401, `${route.method} ${route.url} answered ${response.statusCode}`);
      checked.push(`${route.method} ${route.url}`);
    }
    assert.ok(checked.length > 5);
  });

  test('every role-limited route refuses each role outside its list with 403', async () => {
    let refusals = 0;
    for (const route of t.app.routeTable) {
      if (!('roles' in route.access)) continue;
      for (const role of ROLES) {
        if (route.access.roles.includes(role)) continue;
        const response = await t.call(route.method, concreteUrl(route.url), {
          cookie: cookies.get(role) ?? '',
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { body: {} }),
        });
        assert.equal(
          response.statusCode,
          403,
          `${role} → ${route.method} ${route.url} answered ${response.statusCode}`,
        );
        refusals += 1;
      }
    }
    assert.ok(refusals > 10);
  });

  test('an unknown API path is a JSON 404, not the web app', async () => {
    const response = await t.call('GET', '/api/no-such-thing');
    assert.equal(response.statusCode, 404);
    assert.equal(response.json<{ error: { code: string } }>().error.code, 'not_found');
  });
});
