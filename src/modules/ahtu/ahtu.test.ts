import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { testEngines } from '../../../test/helpers/databases.ts';
import { CHECKLIST_KEYS, scoreReview } from './checklist.ts';
import type { AhtuListItem, AhtuView, FundTotalsView, FundsView } from './schemas.ts';
import { financialYearLabel, financialYearOf } from './money.ts';
import { todayInIndia } from '../training/refresher.ts';

async function unitId(t: TestApp, name: string): Promise<string> {
  const { rows } = await t.db.asSystem((tx) =>
    tx.query<{ id: string }>('SELECT id FROM units WHERE name = $1', [name]),
  );
  return rows[0]?.id ?? '';
}

const answers = Object.fromEntries(CHECKLIST_KEYS.map((key, i) => [key, i % 3 === 0 ? 'partly' : 'yes']));

for (const engine of testEngines()) {
  describe(`AHTU registry on ${engine}`, () => {
    let t: TestApp;
    let brNodal: string;
    let wbNodal: string;
    let patnaOfficer: string;
    let patna: string;
    let champaran: string;
    const year = financialYearLabel(financialYearOf(todayInIndia()));

    before(async () => {
      t = await startTestApp(engine, { demo: true });
      [brNodal, wbNodal, patnaOfficer] = await Promise.all([
        t.login('br.nodal'),
        t.login('wb.nodal'),
        t.login('br.patna.ahtu'),
      ]);
      patna = await unitId(t, 'AHTU Patna (demo)');
      champaran = await unitId(t, 'AHTU Purbi Champaran (demo)');
    });
    after(() => t.close());

    test('the registry lists the AHTUs of the jurisdiction: a State its own, a district unit itself', async () => {
      const bihar = await t.call('GET', '/api/ahtus?state=10', { cookie: brNodal });
      assert.equal(bihar.statusCode, 200, bihar.body);
      const items = bihar.json<{ items: AhtuListItem[] }>().items;
      assert.equal(items.length, 6);
      assert.ok(items.every((i) => i.state.name === 'Bihar'));
      const own = await t.call('GET', '/api/ahtus', { cookie: patnaOfficer });
      assert.deepEqual(
        own.json<{ items: AhtuListItem[] }>().items.map((i) => i.name),
        ['AHTU Patna (demo)'],
      );
      const map = await t.call('GET', '/api/ahtus/map', { cookie: brNodal });
      assert.equal(map.json<{ items: AhtuListItem[] }>().items.length, 6);
    });

    test('the unit keeps its own record; a review by oversight is scored by the checklist', async () => {
      const saved = await t.call('PUT', `/api/ahtus/${patna}`, {
        cookie: patnaOfficer,
        body: {
          status: 'functional',
          sanctionedOn: '2011-06-01',
          establishedOn: '2012-01-15',
          staff: [
            { rank: 'inspector', sanctioned: 2, posted: 1 },
            { rank: 'constable', sanctioned: 8, posted: 7 },
          ],
          assets: [{ kind: 'vehicle', item: 'Four-wheeler', quantity: 1, working: 1 }],
        },
      });
      assert.equal(saved.statusCode, 200, saved.body);
      const view = saved.json<AhtuView>();
      assert.equal(view.status, 'functional');
      assert.equal(view.staffSanctioned, 10);
      assert.equal(view.staffPosted, 8);
      assert.equal(view.canOversee, false, 'a unit does not review itself');

      const badAsset = await t.call('PUT', `/api/ahtus/${patna}`, {
        cookie: patnaOfficer,
        body: {
          status: 'functional',
          staff: [],
          assets: [{ kind: 'vehicle', item: 'Jeep', quantity: 1, working: 2 }],
        },
      });
      assert.equal(badAsset.statusCode, 400);
      assert.match(
        badAsset.json<{ error: { message: string } }>().error.message,
        /Jeep: 2 working is more than the 1 held/,
      );

      const selfReview = await t.call('POST', `/api/ahtus/${patna}/reviews`, {
        cookie: patnaOfficer,
        body: { reviewedOn: todayInIndia(), answers },
      });
      assert.equal(selfReview.statusCode, 403);
      const review = await t.call('POST', `/api/ahtus/${patna}/reviews`, {
        cookie: brNodal,
        body: { reviewedOn: todayInIndia(), answers, remarks: 'Good registers' },
      });
      assert.equal(review.statusCode, 201, review.body);
      const reviewed = review.json<AhtuView>();
      assert.equal(reviewed.latestScore, scoreReview(answers as never).score);
      assert.equal(reviewed.reviews[0]?.remarks, 'Good registers');
      const seenByUnit = await t.call('GET', `/api/ahtus/${patna}`, { cookie: patnaOfficer });
      assert.equal(
        seenByUnit.json<AhtuView>().reviews[0]?.reviewedBy,
        'Sanjay Kumar (demo)',
        'the unit sees who reviewed it',
      );
      const incomplete = await t.call('POST', `/api/ahtus/${patna}/reviews`, {
        cookie: brNodal,
        body: { reviewedOn: todayInIndia(), answers: { premises: 'yes' } },
      });
      assert.equal(incomplete.statusCode, 400);
      assert.match(
        incomplete.json<{ error: { message: string } }>().error.message,
        /Answer every checklist item/,
      );
    });

    test('funds: released within sanctioned, utilised within released, with clear messages; totals by State', async () => {
      const over = await t.call('PUT', `/api/ahtus/${champaran}/funds/${year}`, {
        cookie: brNodal,
        body: { sanctioned: 1_000_000, released: 1_200_000, utilised: 100, ucReceived: false },
      });
      assert.equal(over.statusCode, 400);
      assert.match(
        over.json<{ error: { message: string } }>().error.message,
        /Released \(Rs 12,00,000\) cannot be more than sanctioned \(Rs 10,00,000\)/,
      );
      const badYear = await t.call('PUT', `/api/ahtus/${champaran}/funds/2025-27`, {
        cookie: brNodal,
        body: { sanctioned: 1, released: 1, utilised: 1, ucReceived: false },
      });
      assert.equal(badYear.statusCode, 400);
      const before = (
        await t.call('GET', `/api/ahtus/funds?state=10&year=${year}`, { cookie: brNodal })
      ).json<FundTotalsView>();
      const ok = await t.call('PUT', `/api/ahtus/${champaran}/funds/${year}`, {
        cookie: brNodal,
        body: { sanctioned: 1_000_000, released: 800_000, utilised: 300_000, ucReceived: false },
      });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual(ok.json<FundsView>(), {
        financialYear: year,
        sanctioned: 1_000_000,
        released: 800_000,
        utilised: 300_000,
        ucReceived: false,
        ucReceivedOn: null,
      });
      const totals = (
        await t.call('GET', `/api/ahtus/funds?state=10&year=${year}`, { cookie: brNodal })
      ).json<FundTotalsView>();
      const line = totals.items[0];
      assert.equal(line?.stateName, 'Bihar');
      assert.equal(totals.items.length, 1);
      const was = before.items[0];
      // The demo already had Champaran's funds for this year (replaced) or not (added).
      assert.ok(line.units >= 1);
      assert.ok(was === undefined || line.units >= was.units);
    });

    test('State scorecards count units by status and average their latest scores', async () => {
      const response = await t.call('GET', '/api/ahtus/scorecards?state=10', { cookie: brNodal });
      assert.equal(response.statusCode, 200, response.body);
      const { states, total } = response.json<{
        states: { stateName: string; units: number; byStatus: Record<string, number> }[];
        total: { units: number };
      }>();
      assert.equal(states.length, 1);
      assert.equal(states[0]?.units, 6);
      assert.equal(total.units, 6);
      assert.equal(
        Object.values(states[0].byStatus).reduce((a, b) => a + b, 0),
        6,
      );
      const national = await t.call('GET', '/api/ahtus/scorecards', {
        cookie: await t.login('nodal.analyst'),
      });
      assert.equal(national.json<{ states: unknown[] }>().states.length, 6);
    });

    test('another State is refused on every AHTU route', async () => {
      const refusals: ['GET' | 'PUT' | 'POST' | 'PATCH', string, unknown?][] = [
        ['GET', '/api/ahtus?state=10'],
        ['GET', '/api/ahtus/map?state=10'],
        ['GET', '/api/ahtus/scorecards?state=10'],
        ['GET', '/api/ahtus/funds?state=10'],
        ['GET', `/api/ahtus/${patna}`],
        ['PUT', `/api/ahtus/${patna}`, { status: 'defunct', staff: [], assets: [] }],
        ['POST', `/api/ahtus/${patna}/reviews`, { reviewedOn: todayInIndia(), answers }],
        [
          'PUT',
          `/api/ahtus/${patna}/funds/${year}`,
          { sanctioned: 1, released: 1, utilised: 0, ucReceived: false },
        ],
      ];
      for (const [method, url, body] of refusals) {
        const response = await t.call(method, url, { cookie: wbNodal, ...(body ? { body } : {}) });
        assert.ok([403, 404].includes(response.statusCode), `${method} ${url} gave ${response.statusCode}`);
      }
      // Lists without a State filter simply leave the other State out.
      const list = await t.call('GET', '/api/ahtus?limit=200', { cookie: wbNodal });
      assert.ok(list.json<{ items: AhtuListItem[] }>().items.every((i) => i.state.lgdCode === 19));
      const checklist = await t.call('GET', '/api/ahtus/checklist', { cookie: await t.login('ngo.delhi') });
      assert.equal(checklist.statusCode, 403, 'NGOs do not read the registry');
    });

    test('Row-Level Security alone hides another State’s reviews and refuses its writes', async () => {
      const wbUser = await t.db.asSystem((tx) =>
        tx.query<{ id: string }>(`SELECT id FROM users WHERE username = 'wb.nodal'`),
      );
      const userId = wbUser.rows[0]?.id ?? '';
      const seen = await t.db.asActor({ userId }, (tx) =>
        tx.query<{ n: number }>('SELECT count(*)::int AS n FROM ahtu_reviews WHERE state_lgd = 10'),
      );
      assert.equal(seen.rows[0]?.n, 0);
      await assert.rejects(
        t.db.asActor({ userId }, (tx) =>
          tx.query(
            `INSERT INTO ahtu_funds (unit_id, state_lgd, district_lgd, financial_year, sanctioned, released, utilised)
             VALUES ($1, 10, 213, 2020, 1, 1, 1)`,
            [champaran],
          ),
        ),
        /row-level security/,
      );
    });
  });
}
