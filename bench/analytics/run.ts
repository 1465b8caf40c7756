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
import { loadBenchCases } from '../cases/load.ts';
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
];

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
  log(`\n| role | figure | p50 ms | p95 ms | rows |\n| --- | --- | --: | --: | --: |\n${rows.join('\n')}`);
  log(
    `# worst p95 ${Math.max(...all).toFixed(0)} ms; ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${RUNS} requests each after ${WARMUP} warm-up`,
  );
  await app.close();
  await db.close();
} finally {
  server.stop();
}
