/**
 * Bulk-loads a national-scale case table for the latency benchmark: INSERT … SELECT over
 * generate_series as the owner role (not through the API, which would take hours), but into the real
 * schema with every constraint, index and foreign key, person_identities included.
 *
 * Shape: one AHTU per district (the demo AHTUs plus a "(bench)" AHTU for every other district), demo
 * AHTU districts 20× as busy as the rest, so a demo district officer sees ~1.5 k cases, a demo State
 * nodal officer ~10 k and the national analyst all of them. Three persons and three route events per case.
 */
import type { Database, Tx } from '../../src/db/database.ts';
import { STATE_SHORT_CODES } from '../../src/modules/cases/codes.ts';

const words = (text: string) => text.split(/\s+/).filter(Boolean);
const GIVEN =
  words(`Ramesh Suresh Sunita Rekha Salim Anwar Birsa Somra Pooja Laxmi Rafiq Mohan Geeta Rahul Shabnam
  Tapan Rupa Bishnu Sita Manoj Kavita Imran Jyoti Dilip`);
const SURNAMES =
  words(`Yadav Paswan Oraon Munda Tirkey Khatun Sk Ansari Shaikh Mondal Das Singh Kumari Devi Mahto
  Manjhi Tamang Thapa Patil Khan Gupta Verma Hembrom Soren`);
/** Roughly NCRB 2016's purpose mix, as a pick list of 100. */
const FORMS = Object.entries({
  forced_labour: 18,
  bonded_labour: 14,
  child_labour: 14,
  sexual_exploitation: 22,
  domestic_servitude: 11,
  forced_marriage: 2,
  forced_begging: 1,
  other_illicit_activity: 1,
  child_sexual_abuse_material: 1,
  other: 16,
}).flatMap(([form, n]) => Array<string>(n).fill(form));
const STATIONS = words('RNC PNBE GKP HWH SDAH NJP BSB LKO MFP GAYA KIR TATA DHN NGP');
const TITLES = [
  'domestic work',
  'brick kilns',
  'zari workshops',
  'sexual exploitation',
  'farm labour',
  'a placement agency',
];

async function step(tx: Tx, log: (line: string) => void, label: string, sql: string, params: unknown[] = []) {
  const began = performance.now();
  const result = await tx.query(sql, params);
  log(`  ${label}: ${result.rowCount} rows in ${((performance.now() - began) / 1000).toFixed(1)} s`);
}

export async function loadBenchCases(
  db: Database,
  cases: number,
  log: (line: string) => void,
): Promise<void> {
  await db.asSystem(async (tx) => {
    // As an operator's bulk import would: the analytics counts are rebuilt once at the end rather than
    // kept per statement (three passes over a million cases). DISABLE TRIGGER is transactional.
    await switchAnalyticsTriggers(tx, false);
    // Deterministic data: random() follows the seed within this session.
    await tx.query('SELECT setseed(0.2016)');
    const districts = await tx.query<{ lgd_code: number }>(
      'SELECT lgd_code FROM districts ORDER BY lgd_code',
    );
    await step(
      tx,
      log,
      'bench AHTUs',
      `INSERT INTO units (kind, name, level, state_lgd, district_lgd)
       SELECT 'ahtu', 'AHTU ' || d.name || ' (bench)', 'district', d.state_lgd, d.lgd_code FROM districts d
       WHERE NOT EXISTS (SELECT 1 FROM units u WHERE u.kind = 'ahtu' AND u.district_lgd = d.lgd_code)
       ON CONFLICT DO NOTHING`,
    );
    await tx.query(`CREATE TEMP TABLE bench_slots ON COMMIT DROP AS
      SELECT row_number() OVER (ORDER BY u.district_lgd, w) AS n, u.id AS unit_id, u.state_lgd, u.district_lgd
      FROM units u CROSS JOIN LATERAL generate_series(1, CASE WHEN u.is_demo THEN 20 ELSE 1 END) w
      WHERE u.kind = 'ahtu' AND u.level = 'district'`);
    await tx.query(
      `CREATE TEMP TABLE bench_cases ON COMMIT DROP AS
      WITH picks AS MATERIALIZED (
        SELECT g, 1 + floor(random() * (SELECT count(*) FROM bench_slots))::int AS slot,
          date '2012-01-01' + floor(random() * (current_date - date '2012-01-02'))::int AS registered_on,
          random() AS r1, random() AS r2, random() AS r3, random() AS r4
        FROM generate_series(1, $1::int) g
      )
      SELECT p.*, gen_random_uuid() AS id, s.unit_id, s.state_lgd, s.district_lgd,
        ($2::text[])[1 + floor(p.r1 * array_length($2::text[], 1))::int] AS form,
        CASE WHEN p.r2 < 0.8 THEN p.registered_on + floor(p.r3 * 30)::int END AS first_arrest_on
      FROM picks p JOIN bench_slots s ON s.n = p.slot`,
      [cases, FORMS],
    );
    await step(
      tx,
      log,
      'cases',
      `INSERT INTO cases (id, reference, state_lgd, district_lgd, registering_unit_id, police_station_name, kind, fir_number,
         fir_date, registered_on, status, status_changed_on, investigating_officer_name, exploitation_forms, legal_sections,
         first_arrest_on, charge_sheet_due_on, charge_sheeted_on, is_inter_state, is_cross_border, title, summary)
       SELECT b.id,
         coalesce($1::jsonb ->> b.state_lgd::text, b.state_lgd::text) || '-' || extract(year FROM b.registered_on) || '-' ||
           lpad((row_number() OVER (PARTITION BY b.state_lgd, extract(year FROM b.registered_on) ORDER BY b.registered_on, b.g))::text, 6, '0'),
         b.state_lgd, b.district_lgd, b.unit_id, 'Kotwali', k.kind, (b.g % 500 + 1) || '/' || extract(year FROM b.registered_on),
         b.registered_on, b.registered_on, st.status, b.registered_on + floor(b.r4 * 400)::int, 'SI ' || ($2::text[])[1 + b.g % 24],
         ARRAY[b.form], CASE WHEN b.registered_on < '2024-07-01' THEN ARRAY['IPC-370'] ELSE ARRAY['BNS-143'] END,
         b.first_arrest_on, b.first_arrest_on + 90,
         CASE WHEN st.status NOT IN ('registered', 'under_investigation', 'closed_final_report') THEN b.first_arrest_on + 80 END,
         b.r2 < 0.55, b.r3 < 0.15,
         (b.g % 5 + 1) || ' persons from ' || d.name || ' trafficked for ' || ($3::text[])[1 + b.g % 6], 'Benchmark case'
       FROM bench_cases b JOIN districts d ON d.lgd_code = b.district_lgd
       CROSS JOIN LATERAL (SELECT (ARRAY['fir', 'fir', 'fir', 'rescue_operation', 'interception', 'complaint', 'missing_person_linked'])[1 + b.g % 7]::case_kind AS kind) k
       CROSS JOIN LATERAL (SELECT (CASE
         WHEN b.registered_on < current_date - 1100 THEN
           (ARRAY['on_trial', 'on_trial', 'on_trial', 'acquitted', 'acquitted', 'convicted', 'charge_sheeted', 'closed_final_report', 'discharged', 'under_investigation'])[1 + floor(b.r4 * 10)::int]
         ELSE (ARRAY['under_investigation', 'under_investigation', 'under_investigation', 'charge_sheeted', 'charge_sheeted', 'on_trial', 'on_trial', 'registered', 'closed_final_report', 'on_trial'])[1 + floor(b.r4 * 10)::int]
         END)::case_status AS status) st`,
      [JSON.stringify(STATE_SHORT_CODES), SURNAMES, TITLES],
    );
    // Three people per case: a victim, then a victim or an accused, then an accused.
    await tx.query(
      `CREATE TEMP TABLE bench_persons ON COMMIT DROP AS
      SELECT gen_random_uuid() AS id, b.id AS case_id, b.state_lgd, b.district_lgd, b.registered_on, b.first_arrest_on, k,
        CASE WHEN k = 1 OR (k = 2 AND random() < 0.5) THEN 'victim' ELSE 'accused' END::person_role AS role,
        ($1::text[])[1 + floor(random() * 24)::int] || ' ' || ($2::text[])[1 + floor(random() * 24)::int] AS name,
        floor(random() * 40)::int + 8 AS age, random() AS r
      FROM bench_cases b CROSS JOIN generate_series(1, 3) k`,
      [GIVEN, SURNAMES],
    );
    await step(
      tx,
      log,
      'case_persons',
      `INSERT INTO case_persons (id, case_id, state_lgd, role, pseudonym, display_name, sex, age_years, age_on, nationality,
         home_district_lgd, accused_role, arrest_status, arrested_on, rescued_on)
       SELECT p.id, p.case_id, p.state_lgd, p.role, (CASE p.role WHEN 'victim' THEN 'V-' ELSE 'A-' END) || p.k || upper(substr(md5(p.id::text), 1, 3)),
         CASE WHEN p.role = 'accused' THEN p.name END, CASE WHEN p.r < 0.6 THEN 'female' ELSE 'male' END::person_sex,
         CASE WHEN p.role = 'accused' THEN p.age + 15 ELSE p.age END, p.registered_on, 'IN', p.district_lgd,
         CASE WHEN p.role = 'accused' THEN (ARRAY['recruiter', 'transporter', 'exploiter'])[p.k] END,
         CASE WHEN p.role = 'accused' THEN CASE WHEN p.first_arrest_on IS NULL THEN 'absconding' ELSE 'arrested' END END,
         CASE WHEN p.role = 'accused' THEN p.first_arrest_on END,
         CASE WHEN p.role = 'victim' THEN p.registered_on END
       FROM bench_persons p`,
    );
    await step(
      tx,
      log,
      'person_identities',
      `INSERT INTO person_identities (person_id, case_id, name, father_name, phones)
       SELECT p.id, p.case_id, p.name, 'S/o ' || split_part(p.name, ' ', 2), ARRAY['+91 9' || lpad((floor(p.r * 1e9))::text, 9, '0')]
       FROM bench_persons p`,
    );
    await step(
      tx,
      log,
      'case_route_events',
      `INSERT INTO case_route_events (case_id, state_lgd, position, stage, place_kind, district_lgd, station_code,
         place_state_lgd, place_district_lgd, occurred_on)
       SELECT b.id, b.state_lgd, e.position, e.stage::route_stage, e.kind::place_kind,
         CASE WHEN e.kind = 'district' THEN e.district END, CASE WHEN e.kind = 'station' THEN st.code END,
         coalesce(d.state_lgd, st.state_lgd), coalesce(d.lgd_code, st.district_lgd), b.registered_on - 30 + e.position
       FROM bench_cases b
       CROSS JOIN LATERAL (VALUES
         (1, 'recruitment', 'district', ($2::int[])[1 + (b.g * 7) % array_length($2::int[], 1)]),
         (2, 'transit', 'station', NULL),
         (3, 'exploitation', 'district', b.district_lgd)) AS e (position, stage, kind, district)
       LEFT JOIN districts d ON d.lgd_code = e.district
       LEFT JOIN railway_stations st ON e.kind = 'station' AND st.code = ($1::text[])[1 + b.g % array_length($1::text[], 1)]`,
      [STATIONS, districts.rows.map((row) => row.lgd_code)],
    );
    await step(
      tx,
      log,
      'case_status_events',
      `INSERT INTO case_status_events (case_id, state_lgd, status, effective_on)
       SELECT id, state_lgd, 'registered', registered_on FROM cases WHERE id IN (SELECT id FROM bench_cases)
       UNION ALL
       SELECT id, state_lgd, status, status_changed_on FROM cases WHERE id IN (SELECT id FROM bench_cases) AND status <> 'registered'`,
    );
    await tx.query(`INSERT INTO case_reference_counters (state_lgd, year, last_number)
      SELECT state_lgd, extract(year FROM registered_on)::int, count(*) FROM cases GROUP BY 1, 2
      ON CONFLICT (state_lgd, year) DO UPDATE SET last_number = greatest(case_reference_counters.last_number, EXCLUDED.last_number)`);
    await switchAnalyticsTriggers(tx, true);
    await step(tx, log, 'analytics counts', 'SELECT analytics_rebuild()');
  });
  await db.asSystem((tx) => tx.query('ANALYZE'));
}

/** The statement triggers of migration 0014 that keep the analytics counts. */
export const ANALYTICS_TRIGGERS: Record<string, readonly string[]> = Object.fromEntries(
  ['cases', 'case_persons', 'case_route_events'].map((table) => [
    table,
    ['insert', 'update', 'delete'].map((op) => `${table}_analytics_${op}`),
  ]),
);

export async function switchAnalyticsTriggers(
  tx: { query(sql: string): Promise<unknown> },
  on: boolean,
): Promise<void> {
  for (const [table, triggers] of Object.entries(ANALYTICS_TRIGGERS))
    for (const trigger of triggers)
      await tx.query(`ALTER TABLE ${table} ${on ? 'ENABLE' : 'DISABLE'} TRIGGER ${trigger}`);
}
