/** The reference API through HTTP, on the shared test harness (demo accounts, real reference data). */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { testEngines } from '../../../test/helpers/databases.ts';

interface PlaceBody {
  kind: string;
  code: string;
  name: string;
  stateLgd: number | null;
  districtName: string | null;
}

for (const engine of testEngines()) {
  void describe(`reference routes (${engine})`, () => {
    let t: TestApp;
    let cookie: string;
    const get = (url: string, headers?: Record<string, string>) =>
      t.call('GET', url, { cookie, ...(headers ? { headers } : {}) });

    before(async () => {
      t = await startTestApp(engine, { demo: true });
      cookie = await t.login('br.patna.ahtu');
    });
    after(() => t.close());

    void test('signed-out calls are refused with 401; the data sources are public', async () => {
      for (const url of [
        '/api/reference/states',
        '/api/reference/places?q=patna',
        '/api/reference/boundaries',
        '/api/reference/districts/212',
      ]) {
        const response = await t.call('GET', url);
        assert.equal(response.statusCode, 401, url);
        assert.equal(response.json<{ error: { code: string } }>().error.code, 'unauthenticated');
      }
      const sources = await t.call('GET', '/api/reference/sources');
      assert.equal(sources.statusCode, 200);
      const body = sources.json<{ name: string; licence: string }[]>();
      assert.ok(body.some((s) => s.name.includes('LGD') && s.licence.includes('Open Data')));
      assert.ok(body.some((s) => s.licence.includes('CC0')));
    });

    void test('States with Hindi names and district counts', async () => {
      const response = await get('/api/reference/states');
      assert.equal(response.statusCode, 200);
      const states =
        response.json<{ lgdCode: number; name: string; nameHi: string; districtCount: number }[]>();
      assert.equal(states.length, 36);
      const bihar = states.find((s) => s.lgdCode === 10);
      assert.deepEqual(
        { name: bihar?.name, nameHi: bihar?.nameHi, districtCount: bihar?.districtCount },
        { name: 'Bihar', nameHi: 'बिहार', districtCount: 38 },
      );
    });

    void test('districts of a State; an unknown State is 404 and a malformed code 400', async () => {
      const response = await get('/api/reference/states/10/districts');
      assert.equal(response.statusCode, 200);
      const districts =
        response.json<{ lgdCode: number; name: string; hq: unknown; hasBoundary: boolean }[]>();
      const patna = districts.find((d) => d.lgdCode === 212);
      assert.equal(patna?.name, 'Patna');
      assert.equal(patna.hasBoundary, true);
      assert.ok(patna.hq);

      const unknown = await get('/api/reference/states/99/districts');
      assert.equal(unknown.statusCode, 404);
      assert.match(unknown.json<{ error: { message: string } }>().error.message, /LGD code 99/);
      assert.equal((await get('/api/reference/states/bihar/districts')).statusCode, 400);
    });

    void test('a district with its State, sub-districts and station count', async () => {
      const response = await get('/api/reference/districts/212');
      assert.equal(response.statusCode, 200);
      const patna = response.json<{
        state: { nameHi: string };
        subdistricts: { name: string }[];
        stationCount: number;
      }>();
      assert.equal(patna.state.nameHi, 'बिहार');
      assert.ok(patna.subdistricts.length > 10);
      assert.ok(patna.stationCount > 10);
      assert.equal((await get('/api/reference/districts/999999')).statusCode, 404);
    });

    void test('boundaries: one district as a Feature, a State as a cacheable FeatureCollection', async () => {
      const one = await get('/api/reference/districts/212/boundary');
      assert.equal(one.statusCode, 200);
      const feature = one.json<{ type: string; properties: { name: string }; geometry: { type: string } }>();
      assert.equal(feature.type, 'Feature');
      assert.equal(feature.properties.name, 'Patna');

      const delhi = await get('/api/reference/states/7/districts');
      const noBoundary = delhi
        .json<{ lgdCode: number; hasBoundary: boolean }[]>()
        .find((d) => !d.hasBoundary);
      assert.ok(noBoundary, "Delhi's districts share one map polygon, so they have none of their own");
      assert.equal((await get(`/api/reference/districts/${noBoundary.lgdCode}/boundary`)).statusCode, 404);

      const all = await get('/api/reference/boundaries?state=10');
      assert.equal(all.statusCode, 200);
      const collection = all.json<{ type: string; features: { properties: { stateLgd: number } }[] }>();
      assert.equal(collection.type, 'FeatureCollection');
      assert.equal(collection.features.length, 38);
      assert.ok(collection.features.every((f) => f.properties.stateLgd === 10));
      const etag = all.headers.etag;
      assert.equal(typeof etag, 'string');
      assert.match(String(all.headers['cache-control']), /private/);
      const again = await get('/api/reference/boundaries?state=10', { 'if-none-match': String(etag) });
      assert.equal(again.statusCode, 304);
      assert.equal(again.body, '');
      const other = await get('/api/reference/boundaries?state=9');
      assert.notEqual(other.headers.etag, etag);
    });

    void test('place search in Latin and Devanagari', async () => {
      const search = async (q: string, extra = '') => {
        const response = await get(`/api/reference/places?q=${encodeURIComponent(q)}${extra}`);
        assert.equal(response.statusCode, 200, response.body);
        return response.json<PlaceBody[]>();
      };
      const first = async (q: string, extra = '') => (await search(q, extra))[0];
      assert.deepEqual(await first('पटना').then((p) => [p?.kind, p?.name]), ['district', 'Patna']);
      assert.deepEqual(await first('रांची').then((p) => [p?.kind, p?.name]), ['district', 'Ranchi']);
      assert.deepEqual(await first('मुंबई').then((p) => [p?.kind, p?.name]), ['district', 'Mumbai']);
      assert.deepEqual(await first('बिहार').then((p) => [p?.kind, p?.name]), ['state', 'Bihar']);
      assert.deepEqual(await first('उत्तर प्रदेश').then((p) => [p?.kind, p?.name]), ['state', 'Uttar Pradesh']);
      assert.deepEqual(await first('Raxaul').then((p) => [p?.kind, p?.code]), ['border_crossing', 'INRXL']);
      const station = await first('ndls', '&kind=station');
      assert.deepEqual([station?.code, station?.name], ['NDLS', 'NEW DELHI']);
      const inBihar = await search('patna', '&state=10&kind=station');
      assert.ok(inBihar.length > 0 && inBihar.every((p) => p.kind === 'station' && p.stateLgd === 10));
      assert.equal(inBihar[0]?.districtName, 'Patna');
    });

    void test('bad search input is 400 with a message a person can act on', async () => {
      const short = await get('/api/reference/places?q=p');
      assert.equal(short.statusCode, 400);
      assert.match(short.json<{ error: { message: string } }>().error.message, /at least 2 characters/);
      assert.equal((await get('/api/reference/places')).statusCode, 400);
      assert.equal((await get('/api/reference/places?q=patna&kind=village')).statusCode, 400);
      assert.equal((await get('/api/reference/places?q=patna&limit=500')).statusCode, 400);
      assert.equal((await get('/api/reference/stations?q=x')).statusCode, 400);
    });

    void test('stations by district, paged', async () => {
      const response = await get('/api/reference/stations?district=212&limit=5&offset=0');
      assert.equal(response.statusCode, 200);
      const page = response.json<{ total: number; items: { districtName: string }[] }>();
      assert.ok(page.total > 5);
      assert.equal(page.items.length, 5);
      assert.ok(page.items.every((s) => s.districtName === 'Patna'));
      const beyond = await get(`/api/reference/stations?district=212&offset=${page.total + 10}`);
      assert.equal(beyond.json<{ total: number }>().total, page.total);
    });

    void test('border crossings by neighbour country', async () => {
      const response = await get('/api/reference/border-crossings?country=nepal');
      assert.equal(response.statusCode, 200);
      const crossings =
        response.json<
          { name: string; neighbourCountry: string; nearestStation: { code: string } | null }[]
        >();
      assert.ok(crossings.length > 15);
      assert.ok(crossings.every((c) => c.neighbourCountry === 'Nepal'));
      assert.equal(crossings.find((c) => c.name === 'Raxaul')?.nearestStation?.code, 'RXL');
      const unknown = await get('/api/reference/border-crossings?country=France');
      assert.equal(unknown.statusCode, 400);
      assert.match(unknown.json<{ error: { message: string } }>().error.message, /Nepal/);
    });
  });
}
