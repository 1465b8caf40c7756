import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { testEngines } from '../../../test/helpers/databases.ts';
import type { FoundView, MissingView } from './schemas.ts';

const RANCHI = 339;
const GUMLA = 331;
const NEW_DELHI = 79;
const NORTH_WEST_DELHI = 82;

type Page<T> = { items: T[]; total: number };

for (const engine of testEngines()) {
  describe(`missing and found lists on ${engine}`, () => {
    let t: TestApp;
    let ranchi: string;
    let delhi: string;
    let jhNodal: string;
    const ids: Record<string, string> = {};

    async function report(cookie: string, name: string, lastSeenDistrictLgd: number): Promise<MissingView> {
      const res = await t.call('POST', '/api/missing', {
        cookie,
        body: {
          name,
          sex: 'female',
          ageYears: 14,
          reportedOn: '2026-10-05',
          lastSeenOn: '2026-10-01',
          lastSeenDistrictLgd,
        },
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json<MissingView>();
    }

    async function list<T>(cookie: string, url: string): Promise<Page<T>> {
      const res = await t.call('GET', url, { cookie });
      assert.equal(res.statusCode, 200, res.body);
      return res.json<Page<T>>();
    }

    before(async () => {
      t = await startTestApp(engine, { demo: true });
      ranchi = await t.login('jh.ranchi.ahtu');
      delhi = await t.login('dl.newdelhi.ahtu');
      jhNodal = await t.login('jh.nodal');
      ids.ranchiInRanchi = (await report(ranchi, 'Sunita Munda', RANCHI)).id;
      ids.ranchiInGumla = (await report(ranchi, 'Anita Lakra', GUMLA)).id;
      // Registered in Ranchi, last seen in Delhi: listed to Jharkhand under a Delhi district.
      ids.ranchiInDelhi = (await report(ranchi, 'Rita Kujur', NORTH_WEST_DELHI)).id;
      // Registered in Delhi, last seen in Ranchi: Delhi's record, which Jharkhand may not list.
      ids.delhiInRanchi = (await report(delhi, 'Kavita Toppo', RANCHI)).id;
      const found = await t.call('POST', '/api/found', {
        cookie: delhi,
        body: {
          sex: 'female',
          ageYears: 15,
          foundKind: 'rescued',
          foundOn: '2026-10-20',
          foundDistrictLgd: 82,
        },
      });
      assert.equal(found.statusCode, 201, found.body);
      ids.found = found.json<FoundView>().id;
    });
    after(async () => t.close());

    test('lastSeenDistrict lists the reports of people last seen there, within the jurisdiction', async () => {
      const page = await list<MissingView>(jhNodal, `/api/missing?lastSeenDistrict=${RANCHI}&limit=200`);
      const listed = page.items.map((m) => m.id);
      assert.ok(listed.includes(ids.ranchiInRanchi ?? ''));
      assert.equal(listed.includes(ids.ranchiInGumla ?? ''), false, 'a report of another district is not');
      assert.equal(listed.includes(ids.delhiInRanchi ?? ''), false, "Delhi's report stays Delhi's");
      assert.ok(page.items.every((m) => m.lastSeenIn.districtLgd === RANCHI));
      assert.equal(page.total, page.items.length);

      // The same district seen from Delhi: only Delhi's own report.
      const fromDelhi = await list<MissingView>(delhi, `/api/missing?lastSeenDistrict=${RANCHI}&limit=200`);
      assert.deepEqual(
        fromDelhi.items.map((m) => m.id).filter((id) => Object.values(ids).includes(id)),
        [ids.delhiInRanchi],
      );
    });

    test("a district of another State: Jharkhand's own reports of people last seen there, nothing else", async () => {
      const lastSeen = await list<MissingView>(jhNodal, `/api/missing?lastSeenDistrict=${NORTH_WEST_DELHI}`);
      assert.deepEqual(
        lastSeen.items.map((m) => m.id),
        [ids.ranchiInDelhi],
      );
      // The registering district is the jurisdiction: Delhi's units' reports are not listed to Jharkhand.
      const registered = await list<MissingView>(jhNodal, `/api/missing?district=${NEW_DELHI}`);
      assert.deepEqual(registered, { items: [], total: 0 });
    });

    test('district filters the registering district of both lists', async () => {
      const missing = await list<MissingView>(jhNodal, `/api/missing?district=${RANCHI}&limit=200`);
      assert.ok(
        missing.items.some((m) => m.id === ids.ranchiInGumla),
        'registered in Ranchi, seen in Gumla',
      );
      assert.ok(missing.items.every((m) => m.registeredIn.districtLgd === RANCHI));
      const found = await list<FoundView>(delhi, `/api/found?district=${NEW_DELHI}&foundDistrict=82`);
      assert.ok(found.items.some((f) => f.id === ids.found));
      assert.ok(found.items.every((f) => f.foundIn.districtLgd === NORTH_WEST_DELHI));
      const elsewhere = await list<FoundView>(delhi, `/api/found?foundDistrict=${GUMLA}`);
      assert.equal(
        elsewhere.items.some((f) => f.id === ids.found),
        false,
      );
    });

    test('a bad district code is refused, not answered with an empty list', async () => {
      const unknown = await t.call('GET', '/api/missing?lastSeenDistrict=99999', { cookie: jhNodal });
      assert.equal(unknown.statusCode, 422, unknown.body);
      assert.match(unknown.body, /No district with LGD code 99999/);
      assert.equal(
        (await t.call('GET', '/api/found?foundDistrict=99999', { cookie: delhi })).statusCode,
        422,
      );
      assert.equal(
        (await t.call('GET', '/api/missing?lastSeenDistrict=ranchi', { cookie: jhNodal })).statusCode,
        400,
      );
      assert.equal((await t.call('GET', '/api/missing?district=0', { cookie: jhNodal })).statusCode, 400);
      // Found persons have no place last seen.
      assert.equal(
        (await t.call('GET', `/api/found?lastSeenDistrict=${RANCHI}`, { cookie: delhi })).statusCode,
        400,
      );
    });

    test('canEdit follows who may change the report, and a status change persists', async () => {
      const id = ids.ranchiInRanchi ?? '';
      const mine = await t.call('GET', `/api/missing/${id}`, { cookie: jhNodal });
      const view = mine.json<MissingView>();
      assert.equal(view.canEdit, true);
      const auditor = await t.call('GET', `/api/missing/${id}`, { cookie: await t.login('nodal.auditor') });
      assert.equal(auditor.json<MissingView>().canEdit, false, 'an auditor reads, never writes');

      const patched = await t.call('PATCH', `/api/missing/${id}`, {
        cookie: ranchi,
        body: { version: view.version, status: 'traced' },
      });
      assert.equal(patched.statusCode, 200, patched.body);
      const traced = await list<MissingView>(
        jhNodal,
        `/api/missing?lastSeenDistrict=${RANCHI}&status=traced`,
      );
      assert.ok(traced.items.some((m) => m.id === id && m.status === 'traced'));
    });
  });
}
