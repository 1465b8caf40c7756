/**
 * Training reports at the national target's scale: 10,000+ people trained across the demo districts
 * (BENCH_PEOPLE, default 12,000), 600 sessions, two or three attendances each, then the refresher-due
 * list and coverage computed through the real services (Row-Level Security on) for the national
 * analyst, a State nodal officer and a district officer. Prints the median and p95 of BENCH_RUNS calls.
 *
 * Usage: npx tsx bench/capacity/run.ts    (SETU_REFERENCE_DIR must point at the reference data)
 * Env: BENCH_PG_URL  a PostgreSQL database URL to use instead of embedded PGlite (it is migrated and filled)
 */
import path from 'node:path';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { asDemo, demoActors } from '../../src/modules/demo/capacity-actors.ts';
import { seedDemo } from '../../src/modules/demo/seed.ts';
import { importReference } from '../../src/modules/reference/import.ts';
import { coverage, refresherDue } from '../../src/modules/training/reports.ts';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 12_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const referenceDir = path.resolve(process.env.SETU_REFERENCE_DIR ?? '../shared/data');

async function load(db: Database): Promise<void> {
  await db.asSystem(async (tx) => {
    const creator = await tx.query<{ id: string }>(`SELECT id FROM users WHERE username = 'nodal.analyst'`);
    const by = creator.rows[0]?.id;
    await tx.query(
      `INSERT INTO training_programmes (kind, title, created_by) VALUES ('tot', 'Bench programme', $1)`,
      [by],
    );
    // Sessions at the demo AHTUs, spread over the last 400 days.
    await tx.query(
      `INSERT INTO training_sessions (programme_id, unit_id, state_lgd, district_lgd, starts_on, ends_on, place, status, created_by)
       SELECT (SELECT id FROM training_programmes WHERE title = 'Bench programme'), u.id, u.state_lgd, u.district_lgd,
         current_date - (g * 37 % 400), current_date - (g * 37 % 400), 'Bench hall', 'held', $1
       FROM generate_series(1, 600) g
       JOIN LATERAL (SELECT id, state_lgd, district_lgd FROM units WHERE kind = 'ahtu' AND is_demo
         ORDER BY name OFFSET (g % 30) LIMIT 1) u ON true`,
      [by],
    );
    await tx.query(
      `INSERT INTO training_participants (name, service, unit_id, state_lgd, district_lgd, created_by)
       SELECT 'Officer ' || g, (ARRAY['police','police','police','prosecutor','cwc_member','ngo','lawyer','labour_official'])[1 + g % 8]::training_service,
         u.id, u.state_lgd, u.district_lgd, $2
       FROM generate_series(1, $1::int) g
       JOIN LATERAL (SELECT id, state_lgd, district_lgd FROM units WHERE kind = 'ahtu' AND is_demo
         ORDER BY name OFFSET (g % 30) LIMIT 1) u ON true`,
      [PEOPLE, by],
    );
    // Each person in two or three sessions of their own district.
    await tx.query(
      `WITH s AS (SELECT id, district_lgd, state_lgd, row_number() OVER (PARTITION BY district_lgd ORDER BY id) AS n,
                    count(*) OVER (PARTITION BY district_lgd) AS c FROM training_sessions),
            p AS (SELECT id, state_lgd, district_lgd, row_number() OVER (ORDER BY id) AS n FROM training_participants)
       INSERT INTO training_attendance (session_id, participant_id, state_lgd, district_lgd, participant_state_lgd,
         participant_district_lgd, attended, pre_score, post_score)
       SELECT DISTINCT ON (s.id, p.id) s.id, p.id, s.state_lgd, s.district_lgd, p.state_lgd, p.district_lgd, true, 40, 75
       FROM p JOIN generate_series(0, 2) k ON k < 2 + p.n % 2
       JOIN s ON s.district_lgd = p.district_lgd AND s.n = 1 + (p.n * 7 + k * 13) % s.c`,
    );
  });
}

function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms`;
}

const db = await openDatabase(process.env.BENCH_PG_URL ? { databaseUrl: process.env.BENCH_PG_URL } : {});
const started = performance.now();
await migrate(db);
await importReference(db, referenceDir, () => undefined);
await seedDemo(db);
await load(db);
const counts = await db.asSystem((tx) =>
  tx.query<{ people: number; attendances: number }>(
    `SELECT (SELECT count(*)::int FROM training_participants) AS people,
            (SELECT count(*)::int FROM training_attendance) AS attendances`,
  ),
);
console.log(
  `# loaded ${String(counts.rows[0]?.people)} people, ${String(counts.rows[0]?.attendances)} attendances in ${((performance.now() - started) / 1000).toFixed(1)} s on ${db.kind}`,
);
const actorOf = await demoActors(db);
if (process.env.BENCH_EXPLAIN) {
  // The plan of one report query as the national analyst, to see where the time goes.
  const plan = await asDemo(db, actorOf(process.env.BENCH_EXPLAIN_AS ?? 'nodal.analyst'), (scope) =>
    scope.tx.query<Record<string, string>>(`EXPLAIN (ANALYZE, COSTS OFF) ${process.env.BENCH_EXPLAIN ?? ''}`),
  );
  console.log(plan.rows.map((r) => Object.values(r).join('')).join('\n'));
  process.exit(0);
}
for (const username of ['nodal.analyst', 'up.nodal', 'up.lucknow.ahtu']) {
  const actor = actorOf(username);
  for (const [name, run] of [
    ['refresher due (first page + by unit)', () => asDemo(db, actor, (scope) => refresherDue(scope, {}))],
    ['coverage (targets + by district)', () => asDemo(db, actor, (scope) => coverage(scope, {}))],
  ] as const) {
    await run();
    const samples: number[] = [];
    let due = 0;
    for (let i = 0; i < RUNS; i += 1) {
      const t0 = performance.now();
      const result = await run();
      samples.push(performance.now() - t0);
      due = 'total' in result ? result.total : result.trained;
    }
    console.log(`${username.padEnd(16)} ${name.padEnd(38)} ${stats(samples)}  (${String(due)} people)`);
  }
}
await db.close();
