/**
 * The pre-aggregated counts answer exactly what the live queries answer: for the Nodal Cell, a State and a
 * district, with and without filters, before and after every kind of change to cases, persons and
 * routes, with deltas folded or not, and the same as a rebuild from scratch. Their Row-Level Security
 * keeps each level to its jurisdiction.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { testEngines } from '../../../test/helpers/databases.ts';
import type { Tx } from '../../db/database.ts';
import * as live from './cases.ts';
import * as counted from './counts.ts';
import { crossTabs } from './dataset.ts';
import * as liveDataset from './dataset.ts';
import type { Filters } from './filters.ts';
import * as places from './places.ts';

const BIHAR = 10;
const MAHARASHTRA = 27;
const PATNA = 212;
const PURBI_CHAMPARAN = 213;
const MUMBAI = 482;
const TODAY = '2025-06-30';

const open: Filters = { from: null, to: null, state: null, district: null };
const nationalViews: Filters[] = [
  open,
  { ...open, from: '2020-01-01', to: '2023-12-31' },
  { ...open, from: '2024-01-01' },
  { ...open, state: BIHAR },
  { ...open, state: BIHAR, district: PATNA },
  { ...open, state: MAHARASHTRA, district: MUMBAI, from: '2019-01-01' },
];
const biharViews: Filters[] = [
  { ...open, scopeState: BIHAR },
  { ...open, scopeState: BIHAR, from: '2021-01-01', to: '2024-12-31' },
  { ...open, scopeState: BIHAR, state: BIHAR, district: PATNA },
  { ...open, scopeState: BIHAR, district: MUMBAI, state: MAHARASHTRA },
];
const patnaViews: Filters[] = [
  { ...open, scopeState: BIHAR, scopeDistrict: PATNA },
  { ...open, scopeState: BIHAR, scopeDistrict: PATNA, from: '2018-01-01', to: '2025-12-31' },
];

/** Every figure, live and from the counts, for one view. */
async function bothWays(tx: Tx, f: Filters) {
  const figures = async (useCounts: boolean) => ({
    monthly: await (useCounts ? counted.trendsFromCounts : live.trends)(tx, f, 'month'),
    yearly: await (useCounts ? counted.trendsFromCounts : live.trends)(tx, f, 'year'),
    mix: await (useCounts ? counted.exploitationMixFromCounts : live.exploitationMix)(tx, f),
    victims: await (useCounts ? counted.victimsByAgeSexFromCounts : live.victimsByAgeSex)(tx, f),
    performance: await (useCounts ? counted.performanceFromCounts : live.performance)(tx, f, TODAY),
    roles: await (useCounts ? counted.districtRolesFromCounts : places.districtRoles)(tx, f),
    corridors: useCounts
      ? await places.nameCorridors(
          tx,
          'district',
          await counted.corridorCountsFromCounts(tx, f, 'district', 500),
        )
      : await places.corridors(tx, f, 'district', 500),
    stateCorridors: useCounts
      ? await places.nameCorridors(tx, 'state', await counted.corridorCountsFromCounts(tx, f, 'state', 500))
      : await places.corridors(tx, f, 'state', 500),
    hubs: await (useCounts ? counted.transitHubsFromCounts : places.transitHubs)(tx, f, 500),
    dataset: useCounts
      ? await crossTabs({
          casesByYear: () => counted.datasetCellsFromCounts(tx, f, 'case', 'year'),
          victimsBySex: () => counted.datasetCellsFromCounts(tx, f, 'victim', 'b'),
          victimsByAge: () => counted.datasetCellsFromCounts(tx, f, 'victim', 'a'),
        })
      : await liveDataset.publishableDataset(tx, f),
  });
  return { live: await figures(false), counted: await figures(true) };
}

for (const engine of testEngines()) {
  describe(`pre-aggregated analytics counts on ${engine}`, () => {
    let t: TestApp;
    const users = new Map<string, string>();
    before(async () => {
      t = await startTestApp(engine, { demo: true });
      await t.db.asSystem(async (tx) => {
        const { rows } = await tx.query<{ id: string; username: string }>(
          `SELECT id, username FROM users WHERE username IN ('nodal.analyst', 'br.nodal', 'br.patna.ahtu')`,
        );
        for (const r of rows) users.set(r.username, r.id);
      });
    });
    after(() => t.close());

    const asUser = <T>(username: string, fn: (tx: Tx) => Promise<T>) =>
      t.db.asActor({ userId: users.get(username) ?? '' }, fn);

    async function assertAgree(stage: string) {
      let withCases = 0;
      for (const [username, views] of [
        ['nodal.analyst', nationalViews],
        ['br.nodal', biharViews],
        ['br.patna.ahtu', patnaViews],
      ] as const) {
        for (const f of views) {
          const { live: expected, counted: actual } = await asUser(username, (tx) => bothWays(tx, f));
          if (expected.yearly.length > 0) withCases += 1;
          for (const key of Object.keys(expected) as (keyof typeof expected)[])
            assert.deepEqual(
              actual[key],
              expected[key],
              `${stage}: ${key} for ${username} ${JSON.stringify(f)}`,
            );
        }
      }
      assert.ok(withCases >= 8, `${stage}: most views have cases to compare (${withCases})`);
    }

    const system = <T>(fn: (tx: Tx) => Promise<T>) => t.db.asSystem(fn);

    test('the counts agree with the live figures on the demo data', async () => {
      await assertAgree('demo data');
    });

    test('they stay in agreement through every kind of change, folded or not, and equal a rebuild', async () => {
      const caseId = await system(async (tx) => {
        const { rows } = await tx.query<{ id: string }>(
          `SELECT c.id FROM cases c WHERE c.state_lgd = $1 AND c.district_lgd NOT IN ($2, $3)
             AND EXISTS (SELECT 1 FROM case_persons p WHERE p.case_id = c.id AND p.role = 'victim')
             AND EXISTS (SELECT 1 FROM case_route_events e WHERE e.case_id = c.id AND e.stage = 'recruitment')
           ORDER BY c.registered_on LIMIT 1`,
          [BIHAR, PATNA, PURBI_CHAMPARAN],
        );
        return rows[0]?.id ?? '';
      });
      assert.ok(caseId, 'a Bihar case with a victim and a route');

      // The case moves month and district (into Patna), and is charge-sheeted late after an arrest.
      await system((tx) =>
        tx.query(
          `UPDATE cases SET registered_on = '2023-03-15', fir_date = '2023-03-14', district_lgd = $2, status = 'charge_sheeted',
             first_arrest_on = '2023-03-20', charge_sheet_due_on = '2023-06-18', charge_sheeted_on = '2023-07-01',
             exploitation_forms = ARRAY['forced_labour', 'child_labour']
           WHERE id = $1`,
          [caseId, PATNA],
        ),
      );
      // Its victim gets older and another victim is added; a route stop moves and another is added abroad.
      await system(async (tx) => {
        await tx.query(
          `UPDATE case_persons SET age_years = 17, sex = 'male' WHERE case_id = $1 AND role = 'victim'`,
          [caseId],
        );
        await tx.query(
          `INSERT INTO case_persons (case_id, state_lgd, role, pseudonym, sex, age_years)
           VALUES ($1, $2, 'victim', 'V-COUNTS', 'transgender', 9)`,
          [caseId, BIHAR],
        );
        await tx.query(
          `UPDATE case_route_events SET place_kind = 'district', district_lgd = $2, station_code = NULL,
             border_crossing_locode = NULL, country_code = NULL, place_district_lgd = $2, place_state_lgd = $3
           WHERE case_id = $1 AND stage = 'recruitment'`,
          [caseId, MUMBAI, MAHARASHTRA],
        );
        await tx.query(
          `INSERT INTO case_route_events (case_id, state_lgd, position, stage, place_kind, country_code)
           VALUES ($1, $2, 99, 'exploitation', 'foreign_country', 'NP')`,
          [caseId, BIHAR],
        );
      });
      await assertAgree('after changes, deltas not folded');

      // Removals (the app never deletes people or cases; an operator correcting data might): the added
      // victim and route stop, then a whole new case created and deleted.
      const forget = (tx: Tx, personCondition: string, value: string) =>
        tx.query(
          `DELETE FROM linkage_queue WHERE person_id IN (SELECT id FROM case_persons WHERE ${personCondition})`,
          [value],
        );
      await system(async (tx) => {
        await forget(tx, `case_id = $1 AND pseudonym = 'V-COUNTS'`, caseId);
        await tx.query(`DELETE FROM case_persons WHERE case_id = $1 AND pseudonym = 'V-COUNTS'`, [caseId]);
        await tx.query(`DELETE FROM case_route_events WHERE case_id = $1 AND position = 99`, [caseId]);
        const { rows } = await tx.query<{ id: string }>(
          `INSERT INTO cases (reference, state_lgd, district_lgd, registering_unit_id, kind, registered_on,
             status_changed_on, title, exploitation_forms)
           SELECT 'BR-COUNTS-1', $1, $2, registering_unit_id, 'rescue_operation', '2022-05-05', '2022-05-05',
             'Counts test', ARRAY['begging']
           FROM cases WHERE id = $3 RETURNING id`,
          [BIHAR, PATNA, caseId],
        );
        const fresh = rows[0]?.id;
        await tx.query(
          `INSERT INTO case_persons (case_id, state_lgd, role, pseudonym, sex, age_years)
           VALUES ($1, $2, 'victim', 'V-GONE', 'female', 30)`,
          [fresh, BIHAR],
        );
        await forget(tx, 'case_id = $1', fresh ?? '');
        await tx.query(`DELETE FROM case_persons WHERE case_id = $1`, [fresh]);
        await tx.query(`DELETE FROM cases WHERE id = $1`, [fresh]);
      });
      await assertAgree('after removals');

      const folded = await system((tx) => counted.foldAnalyticsDeltas(tx));
      assert.ok(folded > 0, 'the changes left deltas to fold');
      await assertAgree('after folding');

      const snapshot = (tx: Tx) =>
        tx.query<{ row: string }>(
          `SELECT concat_ws('|', scope_state, scope_district, figure, month, a, b, place_state, place_district, sum(n)) AS row
           FROM analytics_counts_current GROUP BY scope_state, scope_district, figure, month, a, b, place_state, place_district
           HAVING sum(n) <> 0 ORDER BY 1`,
        );
      const incremental = await system(snapshot);
      await system((tx) => tx.query('SELECT analytics_rebuild()'));
      const rebuilt = await system(snapshot);
      assert.equal(incremental.rows.length, rebuilt.rows.length);
      assert.deepEqual(
        incremental.rows,
        rebuilt.rows,
        'incremental counts equal counts rebuilt from the rows',
      );
    });

    test(
      'two writers of one case at once lose neither change',
      { skip: engine !== 'postgres' && 'PGlite has one connection' },
      async () => {
        // The first writer adds a victim and is caught between refreshing the case's keys (as its commit
        // does) and committing; the second adds a route stop to the same case and commits meanwhile. Its
        // refresh must wait for the first, then count both changes (not its own stale snapshot).
        const caseId = await system(async (tx) => {
          const { rows } = await tx.query<{ id: string }>(
            `SELECT id FROM cases WHERE state_lgd = $1 ORDER BY registered_on DESC LIMIT 1`,
            [BIHAR],
          );
          return rows[0]?.id ?? '';
        });
        let releaseFirst = () => {};
        const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));
        let firstWrote = () => {};
        const firstHasWritten = new Promise<void>((resolve) => (firstWrote = resolve));
        const first = system(async (tx) => {
          await tx.query(
            `INSERT INTO case_persons (case_id, state_lgd, role, pseudonym, sex, age_years)
           VALUES ($1, $2, 'victim', 'V-RACE', 'female', 15)`,
            [caseId, BIHAR],
          );
          await tx.query('SELECT analytics_refresh_cases(ARRAY[$1::uuid])', [caseId]);
          firstWrote();
          await firstMayCommit;
        });
        await firstHasWritten;
        const second = system((tx) =>
          tx.query(
            `INSERT INTO case_route_events (case_id, state_lgd, position, stage, place_kind, country_code)
           VALUES ($1, $2, 98, 'exploitation', 'foreign_country', 'BD')`,
            [caseId, BIHAR],
          ),
        );
        // Let the first commit only once the second is waiting on a lock (the case's facts row).
        for (let attempt = 0; ; attempt += 1) {
          const waiting = await system((tx) =>
            tx.query(
              `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
            ),
          );
          if (waiting.rowCount) break;
          assert.ok(attempt < 1000, 'the second writer never waited for the first');
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        releaseFirst();
        await Promise.all([first, second]);
        const keysOf = (tx: Tx, from: string) =>
          tx
            .query<{ keys: string }>(`SELECT keys::text AS keys FROM ${from} WHERE case_id = $1`, [caseId])
            .then((r) => r.rows[0]?.keys ?? '');
        const stored = await system((tx) => keysOf(tx, 'analytics_case_facts'));
        const fresh = await system((tx) => keysOf(tx, 'analytics_case_keys'));
        assert.match(fresh, /12-15,female/);
        assert.match(fresh, /country:BD/);
        assert.equal(stored, fresh, 'the stored keys hold both writers’ changes');
        await assertAgree('after concurrent writers');
      },
    );

    test('a level of the counts is read only within its jurisdiction', async () => {
      const levels = (username: string) =>
        asUser(username, async (tx) => {
          const { rows } = await tx.query<{ scope_state: number; scope_district: number }>(
            `SELECT DISTINCT scope_state, scope_district FROM analytics_counts_current`,
          );
          return rows;
        });
      const national = await levels('nodal.analyst');
      assert.ok(national.some((l) => l.scope_state === 0));
      assert.ok(national.some((l) => l.scope_state === MAHARASHTRA));
      const bihar = await levels('br.nodal');
      assert.ok(bihar.length > 1);
      assert.ok(
        bihar.every((l) => l.scope_state === BIHAR),
        'a State officer reads only the State and its districts',
      );
      const patna = await levels('br.patna.ahtu');
      assert.deepEqual(patna, [{ scope_state: BIHAR, scope_district: PATNA }]);
      // A State officer asking for India's figures through the counts gets nothing, not India.
      const india = await asUser('br.nodal', (tx) => counted.trendsFromCounts(tx, open, 'year'));
      assert.deepEqual(india, []);
      const facts = await asUser('nodal.analyst', (tx) =>
        tx.query('SELECT 1 FROM analytics_case_facts LIMIT 1').then(
          () => 'read',
          (error: unknown) => (error instanceof Error ? error.message : String(error)),
        ),
      );
      assert.match(facts, /permission denied/, 'per-case facts are not readable by the app');
    });

    test('whole-month ranges use the counts; a range cutting a month is computed live', () => {
      assert.equal(counted.countsCover(open), true);
      assert.equal(counted.countsCover({ ...open, from: '2024-01-01', to: '2024-02-29' }), true);
      assert.equal(counted.countsCover({ ...open, from: '2024-01-02' }), false);
      assert.equal(counted.countsCover({ ...open, to: '2023-02-28' }), true);
      assert.equal(counted.countsCover({ ...open, to: '2024-02-28' }), false);
    });

    test('the median of counted values is percentile_cont(0.5)', () => {
      assert.equal(counted.medianOfCounts([]), null);
      assert.equal(counted.medianOfCounts([{ value: 7, n: 1 }]), 7);
      assert.equal(
        counted.medianOfCounts([
          { value: 10, n: 1 },
          { value: 2, n: 1 },
        ]),
        6,
      );
      assert.equal(
        counted.medianOfCounts([
          { value: 1, n: 2 },
          { value: 5, n: 1 },
          { value: 9, n: 1 },
        ]),
        3,
      );
    });
  });
}
