import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { testEngines } from '../../../test/helpers/databases.ts';
import { runMissingEarlyWarning } from './early-warning.ts';

const JHARKHAND = 20;
const DELHI = 7;
const GUMLA = 331;
const SAHEBGANJ = 340;
const RANCHI = 339;
const NEW_DELHI = 79;
// Before the demo's missing reports begin (June 2024), so the counts below are the only ones.
const NOW = new Date('2023-09-20T12:00:00Z');

interface Report {
  registeredIn: { state: number; district: number };
  lastSeen: number;
  reportedOn: string;
  ageYears: number;
}

/** Reports for a district: `perMonth` (of which `children`) in each of the 12 months before September 2023. */
function baseline(district: number, perMonth: number, children: number): Report[] {
  const reports: Report[] = [];
  for (let back = 1; back <= 12; back++) {
    const month = new Date(Date.UTC(2023, 8 - back, 10)).toISOString().slice(0, 10);
    for (let i = 0; i < perMonth; i++)
      reports.push({
        registeredIn: { state: JHARKHAND, district },
        lastSeen: district,
        reportedOn: month,
        ageYears: i < children ? 14 : 30,
      });
  }
  return reports;
}

for (const engine of testEngines()) {
  describe(`missing-report early warning on ${engine}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine, { demo: true });
      const reports: Report[] = [
        // Gumla: about 3 a month (1 a child), then 14 in September: 10 registered by Ranchi's units and 2 by
        // Delhi's (families report where they look), all last seen in Gumla.
        ...baseline(GUMLA, 3, 1),
        ...Array.from({ length: 14 }, (_, i) => ({
          registeredIn:
            i < 10
              ? { state: JHARKHAND, district: RANCHI }
              : i < 12
                ? { state: DELHI, district: NEW_DELHI }
                : { state: JHARKHAND, district: GUMLA },
          lastSeen: GUMLA,
          reportedOn: `2023-09-${String(1 + i).padStart(2, '0')}`,
          ageYears: i < 4 ? 15 : 25,
        })),
        // Sahebganj: about 4 a month, 6 in September: an ordinary month.
        ...baseline(SAHEBGANJ, 4, 2),
        ...Array.from({ length: 6 }, () => ({
          registeredIn: { state: JHARKHAND, district: SAHEBGANJ },
          lastSeen: SAHEBGANJ,
          reportedOn: '2023-09-05',
          ageYears: 16,
        })),
      ];
      await t.db.asSystem(async (tx) => {
        const { rows: units } = await tx.query<{ id: string; district_lgd: number }>(
          `SELECT DISTINCT ON (district_lgd) id, district_lgd FROM units WHERE district_lgd = ANY($1::int[])
           ORDER BY district_lgd, name`,
          [[GUMLA, SAHEBGANJ, RANCHI, NEW_DELHI]],
        );
        const unitOf = new Map(units.map((u) => [u.district_lgd, u.id]));
        const rows = reports.map((r, i) => ({
          reference: `MP-TEST-EW-${i}`,
          state: r.registeredIn.state,
          district: r.registeredIn.district,
          unit: unitOf.get(r.registeredIn.district),
          reported: r.reportedOn,
          seen: r.lastSeen,
          seenState: JHARKHAND,
          pseudonym: `M-EWT${String(i).padStart(3, '0')}`,
          age: r.ageYears,
        }));
        assert.ok(
          rows.every((r) => r.unit),
          'every registering district has a demo unit',
        );
        await tx.query(
          `INSERT INTO missing_reports (reference, state_lgd, district_lgd, registering_unit_id, reported_on,
             last_seen_on, last_seen_district_lgd, last_seen_state_lgd, pseudonym, sex, age_years, age_on,
             status_changed_on)
           SELECT reference, state, district, unit, reported, reported, seen, "seenState", pseudonym, 'female', age,
             reported, reported
           FROM json_to_recordset($1) AS x(reference text, state int, district int, unit uuid, reported date,
             seen int, "seenState" int, pseudonym text, age int)`,
          [JSON.stringify(rows)],
        );
      });
    });
    after(() => t.close());

    const spikeAlerts = (district: number) =>
      t.db.asSystem(async (tx) => {
        const { rows } = await tx.query<{
          id: string;
          title: string;
          details: { count: number; children: { count: number }; registeredInOtherStates: number };
          units: string[];
          unit_states: number[];
        }>(
          `SELECT a.id, a.title, a.details, array_agg(u.kind::text ORDER BY u.kind) AS units,
             array_agg(u.state_lgd ORDER BY u.kind) AS unit_states
           FROM alerts a JOIN alert_recipients r ON r.alert_id = a.id JOIN units u ON u.id = r.unit_id
           WHERE a.district_lgd = $1 AND a.kind = 'missing_spike' GROUP BY a.id`,
          [district],
        );
        return rows;
      });

    test('a surge where people were last seen raises one alert to that State and the Nodal Cell; again, none', async () => {
      const first = await runMissingEarlyWarning(t.db, NOW);
      assert.equal(first.month, '2023-09');
      assert.equal(first.alerts, 1);
      const second = await runMissingEarlyWarning(t.db, NOW);
      assert.equal(second.alerts, 0, 'the same surge is not raised twice in a month');

      const gumla = await spikeAlerts(GUMLA);
      assert.equal(gumla.length, 1);
      const alert = gumla[0];
      assert.ok(alert);
      assert.deepEqual(alert.units, ['nodal_cell', 'state_nodal_office']);
      assert.equal(alert.unit_states[1], JHARKHAND);
      assert.equal(alert.title, 'Missing reports rising in Gumla: 14 this month against about 3.0');
      assert.equal(alert.details.count, 14);
      assert.equal(alert.details.children.count, 4);
      assert.equal(alert.details.registeredInOtherStates, 2);
    });

    test('an ordinary month, and the district that registered the reports, raise nothing', async () => {
      await runMissingEarlyWarning(t.db, NOW);
      assert.equal((await spikeAlerts(SAHEBGANJ)).length, 0);
      assert.equal((await spikeAlerts(RANCHI)).length, 0);
    });

    test('the alert shows to its State’s nodal officer, not to another State’s', async () => {
      await runMissingEarlyWarning(t.db, NOW);
      const list = async (username: string) => {
        const cookie = await t.login(username);
        const response = await t.call('GET', '/api/alerts?kind=missing_spike', { cookie });
        assert.equal(response.statusCode, 200, response.body);
        return response.json<{ items: { title: string }[] }>().items.map((a) => a.title);
      };
      const title = 'Missing reports rising in Gumla: 14 this month against about 3.0';
      assert.ok((await list('jh.nodal')).includes(title));
      assert.ok((await list('nodal.analyst')).includes(title));
      assert.ok(!(await list('br.nodal')).includes(title));
    });
  });
}
