import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { testEngines } from '../../../test/helpers/databases.ts';
import { trends } from './cases.ts';
import { publishableDataset } from './dataset.ts';
import { runEarlyWarning } from './early-warning.ts';
import { districtRoles } from './places.ts';
import { fontsAvailable } from './report.ts';
import { importStatistics } from '../statistics/import.ts';

const BIHAR = 10;
const MAHARASHTRA = 27;
const PATNA = 212;
const PURBI_CHAMPARAN = 213;
const MUMBAI = 482;

interface Rows<T> {
  rows: T[];
}
interface RoleRow {
  districtLgd: number;
  stateLgd: number;
  sourceCases: number;
  transitCases: number;
  destinationCases: number;
  role: string;
}
interface TrendRow {
  period: string;
  cases: number;
  victims: number;
  accused: number;
}

function patnaCase(registeredOn: string, n: number) {
  return {
    kind: 'rescue_operation',
    title: `Analytics test rescue ${n}`,
    registeredOn,
    exploitationForms: ['child_labour'],
    legalSections: ['BNS-143'],
    persons: [{ role: 'victim', name: `Test Victim ${n}`, sex: 'female', ageYears: 13 }],
    route: [
      { stage: 'recruitment', placeKind: 'district', districtLgd: PURBI_CHAMPARAN },
      { stage: 'transit', placeKind: 'station', stationCode: 'PNBE' },
      { stage: 'exploitation', placeKind: 'district', districtLgd: MUMBAI },
    ],
  };
}

for (const engine of testEngines()) {
  describe(`analytics on ${engine}`, () => {
    let t: TestApp;
    let analyst: string;
    let biharNodal: string;
    let patnaOfficer: string;
    before(async () => {
      t = await startTestApp(engine, { demo: true });
      analyst = await t.login('nodal.analyst');
      biharNodal = await t.login('br.nodal');
      patnaOfficer = await t.login('br.patna.ahtu');
    });
    after(() => t.close());

    const get = async <T>(url: string, cookie: string): Promise<T> => {
      const response = await t.call('GET', url, { cookie });
      assert.equal(response.statusCode, 200, `${url}: ${response.body}`);
      return response.json<T>();
    };

    test('national trends count every case, victim and accused; a State officer’s count only that State', async () => {
      const sys = await t.db.asSystem(async (tx) => {
        const { rows } = await tx.query<{
          state_lgd: number;
          cases: number;
          victims: number;
          accused: number;
        }>(
          `SELECT c.state_lgd, count(DISTINCT c.id)::int AS cases,
             count(p.id) FILTER (WHERE p.role = 'victim')::int AS victims,
             count(p.id) FILTER (WHERE p.role = 'accused')::int AS accused
           FROM cases c LEFT JOIN case_persons p ON p.case_id = c.id GROUP BY c.state_lgd`,
        );
        return rows;
      });
      const sum = (rows: TrendRow[], key: keyof Omit<TrendRow, 'period'>) =>
        rows.reduce((a, r) => a + r[key], 0);
      const national = await get<Rows<TrendRow>>('/api/analytics/trends?granularity=year', analyst);
      assert.equal(
        sum(national.rows, 'cases'),
        sys.reduce((a, r) => a + r.cases, 0),
      );
      assert.equal(
        sum(national.rows, 'victims'),
        sys.reduce((a, r) => a + r.victims, 0),
      );
      const bihar = sys.find((r) => r.state_lgd === BIHAR);
      assert.ok(bihar && bihar.cases > 0, 'the demo data has Bihar cases');
      // No State filter asked: the jurisdiction limits the Bihar nodal officer to Bihar.
      const scoped = await get<Rows<TrendRow>>('/api/analytics/trends?granularity=year', biharNodal);
      assert.equal(sum(scoped.rows, 'cases'), bihar.cases);
      assert.equal(sum(scoped.rows, 'victims'), bihar.victims);
      assert.equal(sum(scoped.rows, 'accused'), bihar.accused);
      assert.ok(bihar.cases < sum(national.rows, 'cases'));
    });

    test('Row-Level Security alone keeps other States out of a State officer’s aggregates', async () => {
      // The figure functions run as setu_app for the Bihar nodal officer with no jurisdiction predicate
      // of the app's own: whatever they count must still be Bihar's.
      const userId = await t.db.asSystem(async (tx) => {
        const { rows } = await tx.query<{ id: string }>(`SELECT id FROM users WHERE username = 'br.nodal'`);
        return rows[0]?.id ?? '';
      });
      const open = { from: null, to: null, state: null, district: null };
      const [byYear, roles, dataset] = await t.db.asActor(
        { userId },
        async (tx) =>
          [
            await trends(tx, open, 'year'),
            await districtRoles(tx, open),
            await publishableDataset(tx, open),
          ] as const,
      );
      const expected = await t.db.asSystem(async (tx) => {
        const { rows } = await tx.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM cases WHERE state_lgd = $1',
          [BIHAR],
        );
        return rows[0]?.n ?? 0;
      });
      assert.equal(
        byYear.reduce((a, r) => a + r.cases, 0),
        expected,
      );
      assert.ok(roles.length > 0);
      assert.deepEqual(dataset[0]?.rows, ['Bihar'], 'the dataset has a row for Bihar only');
    });

    test('district roles of a State officer come only from that State’s cases', async () => {
      const expected = await t.db.asSystem(async (tx) => {
        const { rows } = await tx.query<{ district: number; source: number }>(
          `SELECT e.place_district_lgd AS district, count(DISTINCT e.case_id) FILTER (WHERE e.stage = 'recruitment')::int AS source
           FROM case_route_events e JOIN cases c ON c.id = e.case_id
           WHERE c.state_lgd = $1 AND e.place_district_lgd IS NOT NULL AND e.stage <> 'rescue'
           GROUP BY 1`,
          [BIHAR],
        );
        return new Map(rows.map((r) => [r.district, r.source]));
      });
      const roles = await get<Rows<RoleRow>>('/api/analytics/district-roles', biharNodal);
      assert.equal(roles.rows.length, expected.size);
      for (const r of roles.rows)
        assert.equal(r.sourceCases, expected.get(r.districtLgd), `district ${r.districtLgd}`);
    });

    test('a registered case moves the figures: source, transit and destination districts and the hub', async () => {
      const before = await get<Rows<RoleRow>>(`/api/analytics/district-roles?state=${BIHAR}`, analyst);
      const hubsBefore = await get<Rows<{ code: string; cases: number }>>(
        '/api/analytics/hubs?limit=500',
        analyst,
      );
      const created = await t.call('POST', '/api/cases', {
        cookie: patnaOfficer,
        body: patnaCase('2025-06-01', 0),
      });
      assert.equal(created.statusCode, 201, created.body);
      const after = await get<Rows<RoleRow>>(`/api/analytics/district-roles?state=${BIHAR}`, analyst);
      const champaran = (rows: RoleRow[]) => rows.find((r) => r.districtLgd === PURBI_CHAMPARAN);
      assert.equal((champaran(after.rows)?.sourceCases ?? 0) - (champaran(before.rows)?.sourceCases ?? 0), 1);
      assert.ok(
        after.rows.every((r) => r.stateLgd === BIHAR),
        'the State view lists only districts of the State',
      );
      const mumbai = await get<Rows<RoleRow>>(`/api/analytics/district-roles?district=${MUMBAI}`, analyst);
      assert.ok((mumbai.rows[0]?.destinationCases ?? 0) >= 1);
      const hubsAfter = await get<Rows<{ code: string; cases: number }>>(
        '/api/analytics/hubs?limit=500',
        analyst,
      );
      const pnbe = (rows: { code: string; cases: number }[]) =>
        rows.find((h) => h.code === 'PNBE')?.cases ?? 0;
      assert.equal(pnbe(hubsAfter.rows) - pnbe(hubsBefore.rows), 1);
      const corridors = await get<Rows<{ originCode: string; destinationCode: string; cases: number }>>(
        `/api/analytics/corridors?district=${PURBI_CHAMPARAN}&from=2025-06-01&to=2025-06-01`,
        analyst,
      );
      assert.ok(
        corridors.rows.some(
          (c) => c.originCode === String(PURBI_CHAMPARAN) && c.destinationCode === String(MUMBAI),
        ),
      );
    });

    test('another State’s view, or a district outside one’s own, is refused', async () => {
      for (const [url, cookie] of [
        [`/api/analytics/trends?state=${MAHARASHTRA}`, biharNodal],
        [`/api/analytics/district-roles?district=${MUMBAI}`, biharNodal],
        [`/api/analytics/districts/${MUMBAI}`, biharNodal],
        [`/api/analytics/performance?district=${PURBI_CHAMPARAN}`, patnaOfficer],
        [`/api/analytics/dataset/csv?state=${MAHARASHTRA}`, biharNodal],
      ] as const) {
        const response = await t.call('GET', url, { cookie });
        assert.equal(response.statusCode, 403, `${url}: ${response.body}`);
      }
      const ngo = await t.login('ngo.delhi');
      assert.equal((await t.call('GET', '/api/analytics/trends', { cookie: ngo })).statusCode, 403);
      const unknown = await t.call('GET', '/api/analytics/districts/999998', { cookie: analyst });
      assert.equal(unknown.statusCode, 404);
      const backwards = await t.call('GET', '/api/analytics/trends?from=2025-02-01&to=2025-01-01', {
        cookie: analyst,
      });
      assert.equal(backwards.statusCode, 400);
      assert.match(backwards.json<{ error: { message: string } }>().error.message, /must not be after/);
    });

    test('a district profile gathers the role, corridors, hubs, trends and NCRB missing persons', async () => {
      const profile = await get<{
        districtName: string;
        role: RoleRow | null;
        corridors: unknown[];
        registeredByYear: TrendRow[];
        missingPersons: { year: number; total: number }[];
        missingPersonsSource: string;
      }>(`/api/analytics/districts/${PATNA}`, biharNodal);
      assert.equal(profile.districtName, 'Patna');
      assert.ok(profile.registeredByYear.length > 0);
      assert.deepEqual(profile.missingPersons.map((m) => m.year).sort(), [2021, 2022]);
      assert.match(profile.missingPersonsSource, /NCRB/);
    });

    test('performance: conviction rate and charge-sheet deadlines agree with the cases', async () => {
      const perf = await get<{
        convicted: number;
        decided: number;
        convictionRate: number | null;
        deadlines: {
          deadline: string;
          withDeadline: number;
          chargeSheetedOnTime: number;
          chargeSheetedLate: number;
          pendingPastDeadline: number;
        }[];
      }>('/api/analytics/performance', analyst);
      const sys = await t.db.asSystem(async (tx) => {
        const { rows } = await tx.query<{ convicted: number; decided: number; with_deadline: number }>(
          `SELECT count(*) FILTER (WHERE status = 'convicted')::int AS convicted,
             count(*) FILTER (WHERE status IN ('convicted', 'acquitted', 'discharged'))::int AS decided,
             count(*) FILTER (WHERE first_arrest_on IS NOT NULL AND charge_sheet_due_on IS NOT NULL)::int AS with_deadline
           FROM cases`,
        );
        return rows[0];
      });
      assert.equal(perf.convicted, sys?.convicted);
      assert.equal(perf.decided, sys?.decided);
      const all = perf.deadlines.find((d) => d.deadline === 'all');
      assert.equal(all?.withDeadline, sys?.with_deadline);
      assert.deepEqual(
        perf.deadlines
          .map((d) => d.deadline)
          .filter((d) => d !== 'all')
          .every((d) => d === '60' || d === '90'),
        true,
      );
    });

    test('CSV behind a figure downloads with a header and is audited as an export', async () => {
      const response = await t.call('GET', '/api/analytics/exploitation/csv', { cookie: analyst });
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /text\/csv/);
      assert.match(response.body, /^form,title,cases,share\r\n/);
      const audited = await t.db.asSystem(async (tx) => {
        const { rows } = await tx.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM audit_log WHERE action = 'analytics.export' AND object_id = 'exploitation'`,
        );
        return rows[0]?.n ?? 0;
      });
      assert.equal(audited, 1);
    });

    test('the publishable dataset shows no count from 1 to 10', async () => {
      const dataset = await get<{
        k: number;
        tables: { cells: (number | null)[][]; rowTotals: (number | null)[]; suppressedCells: number }[];
      }>('/api/analytics/dataset', analyst);
      assert.equal(dataset.k, 11);
      assert.equal(dataset.tables.length, 3);
      for (const table of dataset.tables) {
        for (const v of [...table.cells.flat(), ...table.rowTotals])
          assert.ok(v === null || v === 0 || v >= 11, String(v));
      }
      const csv = await t.call('GET', '/api/analytics/dataset/csv', { cookie: analyst });
      assert.match(csv.body, /^table,row,column,value,suppressed\r\n/);
    });

    test('the monthly State report is a PDF with a Devanagari font embedded, audited, and only for one’s own State', async () => {
      const response = await t.call(
        'GET',
        `/api/analytics/reports/state-monthly?state=${BIHAR}&month=2025-06`,
        {
          cookie: biharNodal,
        },
      );
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.headers['content-type'], 'application/pdf');
      const pdf = response.rawPayload;
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      if (fontsAvailable()) assert.match(pdf.toString('latin1'), /NotoSansDevanagari/);
      const other = await t.call(
        'GET',
        `/api/analytics/reports/state-monthly?state=${MAHARASHTRA}&month=2025-06`,
        {
          cookie: biharNodal,
        },
      );
      assert.equal(other.statusCode, 403);
      const district = await t.call(
        'GET',
        `/api/analytics/reports/state-monthly?state=${BIHAR}&month=2025-06`,
        {
          cookie: patnaOfficer,
        },
      );
      assert.equal(district.statusCode, 403);
      const badMonth = await t.call(
        'GET',
        `/api/analytics/reports/state-monthly?state=${BIHAR}&month=2025-13`,
        {
          cookie: biharNodal,
        },
      );
      assert.equal(badMonth.statusCode, 400);
      const audited = await t.db.asSystem(async (tx) => {
        const { rows } = await tx.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM audit_log WHERE action = 'analytics.export' AND object_id = $1`,
          [`state-monthly:${BIHAR}:2025-06`],
        );
        return rows[0]?.n ?? 0;
      });
      assert.equal(audited, 1);
    });

    test('NCRB statistics come with their source', async () => {
      const missing = await get<{
        source: { citation: string; licence: string };
        rows: { districtLgd: number | null; total: number }[];
      }>('/api/statistics/missing-persons?year=2022', biharNodal);
      assert.match(missing.source.licence, /GODL/);
      assert.ok(missing.rows.length > 700);
      assert.ok(missing.rows.some((r) => r.districtLgd === PATNA && r.total > 0));
      // Importing again changes nothing: every dataset's file is unchanged.
      const again = await importStatistics(t.db, process.env.SETU_REFERENCE_DIR ?? '../shared/data');
      assert.equal(again.imported.length, 0);
      assert.equal(again.skipped.length, 6);
      const purpose = await get<{ rows: { stateLgd: number | null; category: string; value: number }[] }>(
        '/api/statistics/states?dataset=ncrb2016_trafficking_purpose',
        analyst,
      );
      const india = purpose.rows.find((r) => r.stateLgd === null && r.category === 'Forced labour');
      assert.equal(india?.value, 10509);
      const states = purpose.rows.filter((r) => r.stateLgd !== null && r.category === 'Forced labour');
      assert.equal(
        states.reduce((a, r) => a + r.value, 0),
        10509,
        'State rows add up to the India row',
      );
    });

    test('a district whose cases jump above its baseline raises one alert to its State and the Nodal Cell', async () => {
      const today = new Date().toISOString().slice(0, 10);
      for (let i = 1; i <= 8; i++) {
        const response = await t.call('POST', '/api/cases', {
          cookie: patnaOfficer,
          body: patnaCase(today, i),
        });
        assert.equal(response.statusCode, 201, response.body);
      }
      const first = await runEarlyWarning(t.db);
      const second = await runEarlyWarning(t.db);
      assert.ok(first.alerts >= 1);
      assert.equal(second.alerts, 0, 'the same spike is not raised twice in a month');
      const alerts = await t.db.asSystem(async (tx) => {
        const { rows } = await tx.query<{ kind: string; units: string[] }>(
          `SELECT a.kind::text, array_agg(u.kind::text ORDER BY u.kind) AS units FROM alerts a
           JOIN alert_recipients r ON r.alert_id = a.id JOIN units u ON u.id = r.unit_id
           WHERE a.district_lgd = $1 AND a.kind = 'district_spike' GROUP BY a.id, a.kind`,
          [PATNA],
        );
        return rows;
      });
      assert.equal(alerts.length, 1);
      assert.deepEqual(alerts[0]?.units, ['nodal_cell', 'state_nodal_office']);
    });
  });
}
