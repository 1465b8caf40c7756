import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { testEngines } from '../../../test/helpers/databases.ts';
import type { CampaignView, MapDistrict } from './schemas.ts';

const PATNA = 212;
const GAYA = 196;
const BIHAR = 10;

const campaign = (extra: Record<string, unknown>) => ({
  title: 'Placards on trafficking helplines',
  medium: 'transit_placards',
  startsOn: '2026-10-01',
  endsOn: '2026-10-31',
  reach: 40_000,
  ...extra,
});

for (const engine of testEngines()) {
  describe(`awareness campaigns on ${engine}`, () => {
    let t: TestApp;
    let patna: string;
    let nodal: string;

    before(async () => {
      t = await startTestApp(engine, { demo: true });
      patna = await t.login('br.patna.ahtu');
      nodal = await t.login('br.nodal');
    });
    after(() => t.close());

    test('a district AHTU records campaigns in its own district, at a station there; not in another district', async () => {
      const own = await t.call('POST', '/api/campaigns', {
        cookie: patna,
        body: campaign({ stationCode: 'PNBE' }),
      });
      assert.equal(own.statusCode, 201, own.body);
      const view = own.json<CampaignView>();
      assert.equal(view.district.lgdCode, PATNA, 'the station gives the district');
      assert.equal(view.station?.code, 'PNBE');
      const elsewhere = await t.call('POST', '/api/campaigns', {
        cookie: patna,
        body: campaign({ districtLgd: GAYA }),
      });
      assert.equal(elsewhere.statusCode, 403);
      const state = await t.call('POST', '/api/campaigns', {
        cookie: nodal,
        body: campaign({ districtLgd: GAYA, medium: 'fm_radio', title: 'FM spots in Magahi' }),
      });
      assert.equal(state.statusCode, 201, state.body);
      const upNodal = await t.login('up.nodal');
      const cross = await t.call('POST', '/api/campaigns', {
        cookie: upNodal,
        body: campaign({ districtLgd: PATNA }),
      });
      assert.equal(cross.statusCode, 403);
      const bad = await t.call('POST', '/api/campaigns', {
        cookie: patna,
        body: campaign({ startsOn: '2026-11-01', endsOn: '2026-10-01' }),
      });
      assert.equal(bad.statusCode, 400);
    });

    test('the map sets campaigns beside recruitment events counted from case routes', async () => {
      const map = await t.call('GET', '/api/campaigns/map', { cookie: nodal });
      assert.equal(map.statusCode, 200, map.body);
      const districts = map.json<{ districts: MapDistrict[] }>().districts;
      assert.ok(
        districts.every((d) => d.stateLgd === BIHAR),
        'a State officer sees the State',
      );
      const truth = await t.db.asSystem((tx) =>
        tx.query<{ district: number; n: number }>(
          `SELECT place_district_lgd AS district, count(*)::int AS n FROM case_route_events
           WHERE stage = 'recruitment' AND place_state_lgd = $1 AND place_district_lgd IS NOT NULL GROUP BY 1`,
          [BIHAR],
        ),
      );
      for (const row of truth.rows) {
        assert.equal(
          districts.find((d) => d.districtLgd === row.district)?.recruitmentEvents,
          row.n,
          `${row.district}`,
        );
      }
      const patnaRow = districts.find((d) => d.districtLgd === PATNA);
      assert.ok(patnaRow && patnaRow.campaigns >= 1 && patnaRow.reach >= 40_000);
      assert.ok(patnaRow.media.includes('transit_placards'));
      for (const d of districts) assert.equal(d.uncovered, d.vulnerable && d.campaigns === 0);
    });

    test('another State’s officers do not see Bihar’s campaigns or its recruitment pattern', async () => {
      const lucknow = await t.login('up.lucknow.ahtu');
      const listed = await t.call('GET', `/api/campaigns?state=${BIHAR}`, { cookie: lucknow });
      assert.equal(listed.json<{ total: number }>().total, 0);
      const map = await t.call('GET', `/api/campaigns/map?state=${BIHAR}`, { cookie: lucknow });
      assert.ok(map.json<{ districts: MapDistrict[] }>().districts.every((d) => d.stateLgd !== BIHAR));
      const national = await t.login('nodal.analyst');
      const all = await t.call('GET', `/api/campaigns/map?state=${BIHAR}`, { cookie: national });
      assert.ok(all.json<{ districts: MapDistrict[] }>().districts.some((d) => d.districtLgd === PATNA));
    });
  });
}
