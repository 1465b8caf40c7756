/**
 * Analytics dashboard latency at national scale: 1,000,000 cases / 3,000,000 persons / 3,000,000 route
 * events on a PostgreSQL 15 server (bulk-loaded by bench/cases/load.ts), the real app on a loopback port,
 * signed in as a district officer, a State nodal officer and the national analyst; p50/p95 of every
 * dashboard figure and of a district profile.
 *
 * Usage: npm run bench:analytics
 * Env: BENCH_NATIONAL_RUNS  requests per endpoint for the national analyst (as BENCH_RUNS)
 *      BENCH_PG_URL  admin URL of a running server (default: a throwaway one via scripts/pg-test-server.sh)
 *      BENCH_CASES   cases to load (1000000)     BENCH_RUNS  measured requests per endpoint (40)
 *      BENCH_REUSE=1 keep and reuse the loaded database `setu_bench_analytics` (for EXPLAIN between runs)
 */
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { SecretBox } from '../../src/lib/secret-box.ts';
import { seedDemo } from '../../src/modules/demo/seed.ts';
import { DEMO_PASSWORD } from '../../src/modules/demo/units.ts';
import { importReference } from '../../src/modules/reference/import.ts';
import { importStatistics } from '../../src/modules/statistics/import.ts';
import { buildApp, SESSION_COOKIE } from '../../src/server/app.ts';
import { loadBenchCases, switchAnalyticsTriggers } from '../cases/load.ts';
import pg from 'pg';
import { percentile, postgres, prepareDatabase } from '../pg-server.ts';

const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const WARMUP = 5;
/** The national view reads every case: fewer requests keep the run short (BENCH_NATIONAL_RUNS). */
const NATIONAL_RUNS = Number(process.env.BENCH_NATIONAL_RUNS ?? RUNS);
const REUSE = process.env.BENCH_REUSE === '1';
const DATABASE = 'setu_bench_analytics';
const referenceDir = path.resolve(process.env.SETU_REFERENCE_DIR ?? '../shared/data');
const log = (line: string) => console.log(line);

async function measure(
  baseUrl: string,
  cookie: string,
  url: string,
  runs: number,
): Promise<{ p50: number; p95: number; rows: number }> {
  const get = async () => {
    const response = await fetch(`${baseUrl}${url}`, { headers: { cookie } });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${body.slice(0, 200)}`);
    return body;
  };
  for (let i = 0; i < Math.min(WARMUP, runs); i += 1) await get();
  const times: number[] = [];
  let last = '';
  for (let i = 0; i < runs; i += 1) {
    const began = performance.now();
    last = await get();
    times.push(performance.now() - began);
  }
  times.sort((a, b) => a - b);
  const parsed = JSON.parse(last) as { rows?: unknown[] };
  return { p50: percentile(times, 50), p95: percentile(times, 95), rows: parsed.rows?.length ?? 1 };
}

const ROLES = [
  { label: 'district officer (Patna)', username: 'br.patna.ahtu' },
  { label: 'State nodal officer (Bihar)', username: 'br.nodal' },
  { label: 'national analyst', username: 'nodal.analyst' },
];

/** What the dashboard page requests on opening, plus the month view and a district profile. */
const ENDPOINTS = [
  '/api/analytics/trends?granularity=year',
  '/api/analytics/trends?granularity=month&from=2024-01-01',
  '/api/analytics/exploitation',
  '/api/analytics/victims',
  '/api/analytics/district-roles',
  '/api/analytics/corridors?limit=10',
  '/api/analytics/hubs?limit=10',
  '/api/analytics/performance',
  '/api/analytics/districts/212',
  // What the dashboard asks beyond the defaults: the flows chart, and a five-year range.
  '/api/analytics/corridors?level=state&limit=20',
  '/api/analytics/district-roles?from=2021-01-01&to=2025-12-31',
  '/api/analytics/corridors?limit=10&from=2021-01-01&to=2025-12-31',
  '/api/analytics/dataset',
];

/** A case as a district officer registers it: a victim, an accused and a three-stop route. */
const newCase = (n: number) => ({
  kind: 'rescue_operation',
  title: `Benchmark write ${n}`,
  registeredOn: '2025-06-15',
  exploitationForms: ['forced_labour'],
  legalSections: ['BNS-143'],
  persons: [
    { role: 'victim', name: `Bench Victim ${n}`, sex: 'female', ageYears: 14 },
    { role: 'accused', name: `Bench Accused ${n}`, sex: 'male', ageYears: 40 },
  ],
  route: [
    { stage: 'recruitment', placeKind: 'district', districtLgd: 213 },
    { stage: 'transit', placeKind: 'station', stationCode: 'PNBE' },
    { stage: 'exploitation', placeKind: 'district', districtLgd: 482 },
  ],
});

/**
 * What keeping the counts costs a writer: POST /api/cases with the triggers, then with them switched off
 * (the counts of those cases are then brought up to date by hand, as the triggers would have).
 */
async function measureWrites(baseUrl: string, cookie: string, adminUrl: string, runs: number) {
  const post = async (n: number) => {
    const began = performance.now();
    const response = await fetch(`${baseUrl}/api/cases`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify(newCase(n)),
    });
    const body = await response.text();
    if (response.status !== 201) throw new Error(`POST /api/cases: ${response.status} ${body.slice(0, 200)}`);
    return { ms: performance.now() - began, id: (JSON.parse(body) as { id: string }).id };
  };
  const series = async (offset: number) => {
    for (let i = 0; i < WARMUP; i += 1) await post(offset + i);
    const out: { ms: number; id: string }[] = [];
    for (let i = 0; i < runs; i += 1) out.push(await post(offset + WARMUP + i));
    return out;
  };
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const kept = await series(0);
    await switchAnalyticsTriggers(admin, false);
    let untracked: { ms: number; id: string }[] = [];
    try {
      untracked = await series(1000);
    } finally {
      await switchAnalyticsTriggers(admin, true);
    }
    await admin.query('SELECT analytics_refresh_cases($1::uuid[])', [untracked.map((w) => w.id)]);
    const times = (list: { ms: number }[]) => list.map((w) => w.ms).sort((a, b) => a - b);
    return { kept: times(kept), untracked: times(untracked) };
  } finally {
    await admin.end();
  }
}

const server = await postgres();
try {
  const { url, fresh } = await prepareDatabase(server.adminUrl, DATABASE, REUSE);
  const setup = await openDatabase({ databaseUrl: url, poolSize: 2 });
  await migrate(setup);
  const counted = await setup.asSystem((tx) =>
    tx.query<{ n: number }>('SELECT count(*)::int AS n FROM cases'),
  );
  if (fresh || (counted.rows[0]?.n ?? 0) < CASES) {
    log(`# loading ${CASES} cases into PostgreSQL`);
    const began = performance.now();
    await importReference(setup, referenceDir, () => undefined);
    await importStatistics(setup, referenceDir);
    await seedDemo(setup);
    await loadBenchCases(setup, CASES, log);
    log(`# loaded in ${((performance.now() - began) / 1000).toFixed(0)} s`);
  }
  await setup.close();
  const db = await openDatabase({ databaseUrl: url, poolSize: 10 });
  const sizes = await db.asSystem((tx) =>
    tx.query<{ cases: number; persons: number; route: number }>(
      `SELECT (SELECT count(*)::int FROM cases) AS cases, (SELECT count(*)::int FROM case_persons) AS persons,
         (SELECT count(*)::int FROM case_route_events) AS route`,
    ),
  );
  log(`# ${JSON.stringify(sizes.rows[0])}`);
  const config = loadConfig(
    {},
    { demo: true, databaseUrl: url, dataDir: os.tmpdir(), referenceDir, loginRateLimitPerMinute: 1_000_000 },
  );
  const app = await buildApp({ config, db, secrets: SecretBox.random() }, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const rows: string[] = [];
  const all: number[] = [];
  const rolesCookies = new Map<string, string>();
  for (const role of ROLES) {
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: role.username, password: DEMO_PASSWORD }),
    });
    const session = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(login.headers.get('set-cookie') ?? '')?.[1];
    if (login.status !== 200 || !session)
      throw new Error(`sign-in as ${role.username} failed: ${login.status}`);
    const cookie = `${SESSION_COOKIE}=${session}`;
    rolesCookies.set(role.username, cookie);
    for (const endpoint of ENDPOINTS) {
      const m = await measure(
        baseUrl,
        cookie,
        endpoint,
        role.username === 'nodal.analyst' ? NATIONAL_RUNS : RUNS,
      );
      all.push(m.p95);
      const row = `| ${role.label} | \`${endpoint.replace('/api/analytics/', '')}\` | ${m.p50.toFixed(0)} | ${m.p95.toFixed(0)} | ${m.rows} |`;
      rows.push(row);
      log(row);
    }
  }
  const writer = rolesCookies.get('br.patna.ahtu');
  if (writer) {
    const w = await measureWrites(baseUrl, writer, url, RUNS);
    const kept = { p50: percentile(w.kept, 50), p95: percentile(w.kept, 95) };
    const untracked = { p50: percentile(w.untracked, 50), p95: percentile(w.untracked, 95) };
    log(
      `# POST /api/cases (victim, accused, 3-stop route) with the counts kept: p50 ${kept.p50.toFixed(1)} / p95 ${kept.p95.toFixed(1)} ms; ` +
        `triggers off: p50 ${untracked.p50.toFixed(1)} / p95 ${untracked.p95.toFixed(1)} ms; ratio of medians ${(kept.p50 / untracked.p50).toFixed(2)}`,
    );
  }
  log(`\n| role | figure | p50 ms | p95 ms | rows |\n| --- | --- | --: | --: | --: |\n${rows.join('\n')}`);
  log(
    `# worst p95 ${Math.max(...all).toFixed(0)} ms; ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${RUNS} requests each after ${WARMUP} warm-up`,
  );
  await app.close();
  await db.close();
} finally {
  server.stop();
}
