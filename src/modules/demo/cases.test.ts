import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { testEngines } from '../../../test/helpers/databases.ts';
import { referenceDir, TEMPLATE_DEMO_CASES } from '../../../test/helpers/template.ts';
import type { CaseView } from '../cases/schemas.ts';
import { readNcrbPurposes } from './case-mix.ts';
import { planDemoCases } from './case-plan.ts';
import { demoTruthClusters, loadDemoPlanContext, seedDemoCases } from './cases.ts';

const DEMO_STATES = [7, 9, 10, 19, 20, 27];

for (const engine of testEngines()) {
  describe(`demo cases on ${engine}`, () => {
    let t: TestApp;
    const sql = async <Row extends object>(text: string, params: unknown[] = []): Promise<Row[]> =>
      (await t.db.asSystem((tx) => tx.query<Row>(text, params))).rows;
    const one = async <Row extends object>(text: string, params: unknown[] = []): Promise<Row> => {
      const [row] = await sql<Row>(text, params);
      if (!row) throw new Error(`no row from ${text}`);
      return row;
    };
    before(async () => {
      t = await startTestApp(engine, { demo: true });
    });
    after(() => t.close());

    test('the template holds the demo cases, across the six demo States and 2018–2025', async () => {
      const count = await one<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE is_demo');
      assert.equal(count.n, TEMPLATE_DEMO_CASES);
      const states = await sql<{ s: number }>(
        'SELECT DISTINCT state_lgd AS s FROM cases WHERE is_demo ORDER BY 1',
      );
      assert.deepEqual(
        states.map((r) => r.s),
        DEMO_STATES,
      );
      const years = await sql<{ y: number }>(
        `SELECT DISTINCT extract(year FROM registered_on)::int AS y FROM cases WHERE is_demo ORDER BY 1`,
      );
      assert.deepEqual(
        years.map((r) => r.y),
        [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025],
      );
    });

    test('the primary forms of exploitation follow the NCRB 2016 purpose shares', async () => {
      const ncrb = readNcrbPurposes(referenceDir());
      const total = [...ncrb.values()].reduce((a, b) => a + b, 0);
      const rows = await sql<{ purpose: string; n: number }>(
        `SELECT f.ncrb_purpose AS purpose, count(*)::int AS n FROM cases c
         JOIN exploitation_forms f ON f.code = c.exploitation_forms[1] WHERE c.is_demo GROUP BY 1`,
      );
      const seen = new Map(rows.map((r) => [r.purpose, r.n / TEMPLATE_DEMO_CASES]));
      for (const [purpose, count] of ncrb) {
        const expected = count / total;
        const actual = seen.get(purpose) ?? 0;
        assert.ok(
          Math.abs(actual - expected) < 0.02,
          `${purpose}: ${actual.toFixed(3)} vs NCRB ${expected.toFixed(3)}`,
        );
      }
    });

    test('every case has a victim and a route that starts with recruitment; inter-State and cross-border cases exist', async () => {
      const facts = await one<{
        no_victim: number;
        bad_route: number;
        inter: number;
        border: number;
        children: number;
      }>(
        `SELECT
           count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM case_persons p WHERE p.case_id = c.id AND p.role = 'victim'))::int AS no_victim,
           count(*) FILTER (WHERE coalesce((SELECT stage::text FROM case_route_events e WHERE e.case_id = c.id ORDER BY position LIMIT 1), '') <> 'recruitment')::int AS bad_route,
           count(*) FILTER (WHERE is_inter_state)::int AS inter,
           count(*) FILTER (WHERE is_cross_border)::int AS border,
           (SELECT round(100 * avg((age_years < 18)::int))::int FROM case_persons p JOIN cases d ON d.id = p.case_id
             WHERE d.is_demo AND p.role = 'victim') AS children
         FROM cases c WHERE c.is_demo`,
      );
      assert.equal(facts.no_victim, 0);
      assert.equal(facts.bad_route, 0);
      assert.ok(facts.inter > TEMPLATE_DEMO_CASES / 4, `inter-State: ${facts.inter}`);
      assert.ok(facts.border > 5, `cross-border: ${facts.border}`);
      assert.ok(facts.children >= 25 && facts.children <= 55, `children among victims: ${facts.children}%`);
    });

    test('cases cite IPC sections before 1 July 2024 and BNS sections after; lifecycles are plausible', async () => {
      const law = await one<{ bns_before: number; ipc_after: number }>(
        `SELECT count(*) FILTER (WHERE registered_on < '2024-07-01' AND EXISTS (SELECT 1 FROM unnest(legal_sections) s WHERE s LIKE 'BNS-%'))::int AS bns_before,
                count(*) FILTER (WHERE registered_on >= '2024-07-01' AND EXISTS (SELECT 1 FROM unnest(legal_sections) s WHERE s LIKE 'IPC-%'))::int AS ipc_after
         FROM cases WHERE is_demo`,
      );
      assert.deepEqual(law, { bns_before: 0, ipc_after: 0 });
      const life = await one<{
        convicted: number;
        decided: number;
        old_open: number;
        overdue: number;
        audited: number;
      }>(
        `SELECT count(*) FILTER (WHERE status = 'convicted')::int AS convicted,
                count(*) FILTER (WHERE status IN ('convicted', 'acquitted', 'discharged'))::int AS decided,
                count(*) FILTER (WHERE registered_on < '2021-01-01' AND status IN ('registered', 'under_investigation'))::int AS old_open,
                count(*) FILTER (WHERE charge_sheet_due_on < current_date AND status IN ('registered', 'under_investigation'))::int AS overdue,
                (SELECT count(DISTINCT object_id)::int FROM audit_log WHERE action = 'case.create'
                   AND object_id IN (SELECT id::text FROM cases WHERE is_demo)) AS audited
         FROM cases WHERE is_demo`,
      );
      assert.ok(life.decided >= 10, `decided: ${life.decided}`);
      const rate = life.convicted / life.decided;
      assert.ok(rate >= 0.1 && rate <= 0.3, `conviction rate among decided cases: ${rate.toFixed(2)}`);
      assert.ok(life.old_open <= TEMPLATE_DEMO_CASES / 10, `old cases still open: ${life.old_open}`);
      assert.ok(life.overdue >= 1, 'some charge-sheets are overdue');
      assert.equal(
        life.audited,
        TEMPLATE_DEMO_CASES,
        'every demo case was registered through the audited service',
      );
    });

    test('the same accused appears in cases of different States, spelled differently', async () => {
      const spread = await sql<{ key: string; states: number; names: number }>(
        `SELECT t.identity_key AS key, count(DISTINCT c.state_lgd)::int AS states, count(DISTINCT i.name)::int AS names
         FROM demo_truth t JOIN cases c ON c.id = t.case_id JOIN person_identities i ON i.person_id = t.person_id
         WHERE t.role = 'accused' GROUP BY 1 HAVING count(*) > 1`,
      );
      assert.ok(
        spread.some((r) => r.states >= 2),
        'an accused recurs across States',
      );
      assert.ok(
        spread.some((r) => r.names >= 2),
        'a recurring accused is spelled differently',
      );
      const clusters = await demoTruthClusters(t.db);
      assert.ok(clusters.length >= 5 && clusters.every((c) => c.length >= 2));
      // The ground truth is for tests and benchmarks only: the app role cannot read it.
      const user = await one<{ id: string }>(`SELECT id FROM users WHERE username = 'nodal.analyst'`);
      await assert.rejects(
        t.db.asActor({ userId: user.id }, (tx) => tx.query('SELECT * FROM demo_truth')),
        /permission denied/,
      );
    });

    test("demo victims' identities are masked on the case page", async () => {
      const demo = await one<{ id: string; username: string }>(
        `SELECT c.id, u.username FROM cases c JOIN users u ON u.id = c.created_by
         WHERE c.is_demo AND u.role = 'district_officer' ORDER BY c.reference LIMIT 1`,
      );
      assert.ok(demo);
      const names = await sql<{ name: string; aliases: string[] }>(
        `SELECT i.name, i.aliases FROM person_identities i JOIN case_persons p ON p.id = i.person_id
         WHERE p.case_id = $1 AND p.role = 'victim'`,
        [demo.id],
      );
      for (const username of [demo.username, 'nodal.analyst']) {
        const response = await t.call('GET', `/api/cases/${demo.id}`, { cookie: await t.login(username) });
        assert.equal(response.statusCode, 200, response.body);
        const view = response.json<CaseView>();
        const victims = view.persons.filter((p) => p.role === 'victim');
        assert.ok(victims.length > 0 && victims.every((v) => v.displayName === null && v.identityMasked));
        for (const { name, aliases } of names) {
          for (const text of [name, ...aliases])
            assert.ok(!response.body.includes(text), `${username} saw ${text}`);
        }
      }
    });

    test('seeding again adds nothing; the plan is the same for the same seed', async () => {
      const again = await seedDemoCases(t.db, { count: 10, referenceDir: referenceDir() });
      assert.deepEqual(again, { cases: 0, persons: 0, skipped: true });
      const count = await one<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE is_demo');
      assert.equal(count.n, TEMPLATE_DEMO_CASES);
      const ctx = await loadDemoPlanContext(t.db, referenceDir());
      const first = JSON.stringify(planDemoCases(ctx, 30, 7));
      assert.equal(JSON.stringify(planDemoCases(ctx, 30, 7)), first);
      assert.notEqual(JSON.stringify(planDemoCases(ctx, 30, 8)), first);
    });
  });
}
