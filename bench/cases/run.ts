/**
 * Cases API latency at national scale: 100,000 cases / 300,000 persons on a PostgreSQL 15 server, the
 * real app (buildApp) on a loopback port, signed in as a district officer, a State nodal officer and the
 * national analyst; p50/p95 of the case list (default, filtered, search) and the case page.
 *
 * Usage: npm run bench:cases
 * Env: BENCH_PG_URL  admin URL of a running server (default: a throwaway one via scripts/pg-test-server.sh)
 *      BENCH_CASES   cases to load (100000)      BENCH_RUNS  measured requests per endpoint (200)
 *      BENCH_REUSE=1 keep and reuse the loaded database `setu_bench_cases` (for EXPLAIN between runs)
 */
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { SecretBox } from '../../src/lib/secret-box.ts';
import { seedDemo } from '../../src/modules/demo/seed.ts';
import { DEMO_PASSWORD } from '../../src/modules/demo/units.ts';
import { importReference } from '../../src/modules/reference/import.ts';
import { buildApp, SESSION_COOKIE } from '../../src/server/app.ts';
import { loadBenchCases } from './load.ts';
import { percentile, postgres, prepareDatabase } from '../pg-server.ts';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const WARMUP = 20;
const REUSE = process.env.BENCH_REUSE === '1';
const DATABASE = 'setu_bench_cases';
const referenceDir = path.resolve(process.env.SETU_REFERENCE_DIR ?? '../shared/data');
const log = (line: string) => console.log(line);

interface Measured {
  p50: number;
  p95: number;
  note: string;
}

async function measure(
  baseUrl: string,
  cookie: string,
  urls: string[],
  note: (body: string) => string,
): Promise<Measured> {
  const get = async (url: string) => {
    const response = await fetch(`${baseUrl}${url}`, { headers: { cookie } });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${body.slice(0, 200)}`);
    return body;
  };
  for (let i = 0; i < WARMUP; i += 1) await get(urls[i % urls.length] ?? '');
  const times: number[] = [];
  let last = '';
  for (let i = 0; i < RUNS; i += 1) {
    const began = performance.now();
    last = await get(urls[i % urls.length] ?? '');
    times.push(performance.now() - began);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), note: note(last) };
}

const ROLES = [
  { label: 'district officer (AHTU Patna)', username: 'br.patna.ahtu' },
  { label: 'State nodal officer (Bihar)', username: 'br.nodal' },
  { label: 'national analyst', username: 'nodal.analyst' },
];

/** Case ids the account can open: its own unit's, its State's, or any. */
async function visibleIds(db: Database, username: string): Promise<string[]> {
  const { rows } = await db.asSystem((tx) =>
    tx.query<{ id: string }>(
      `SELECT c.id FROM cases c, users u JOIN units un ON un.id = u.unit_id WHERE u.username = $1
         AND (un.level = 'national' OR (un.level = 'state' AND c.state_lgd = un.state_lgd) OR c.registering_unit_id = un.id)
       ORDER BY md5(c.id::text) LIMIT 50`,
      [username],
    ),
  );
  return rows.map((row) => row.id);
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
    await seedDemo(setup);
    await loadBenchCases(setup, CASES, log);
    log(`# loaded in ${((performance.now() - began) / 1000).toFixed(0)} s`);
  }
  // Fresh connections for the app: database-level settings from migrations apply from connection start.
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
  const total = (body: string) => `${(JSON.parse(body) as { total: number }).total} matching`;
  const persons = (body: string) => `${(JSON.parse(body) as { persons: unknown[] }).persons.length} persons`;

  const rows: string[] = [];
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
    const ids = await visibleIds(db, role.username);
    const endpoints: [string, string[], (body: string) => string][] = [
      ['GET /api/cases', ['/api/cases'], total],
      [
        'GET /api/cases (filtered)',
        ['/api/cases?status=under_investigation&form=sexual_exploitation&interState=true'],
        total,
      ],
      ['GET /api/cases?q=yadav', ['/api/cases?q=yadav'], total],
      ['GET /api/cases/:id', ids.map((id) => `/api/cases/${id}`), persons],
    ];
    for (const [name, urls, note] of endpoints) {
      const m = await measure(baseUrl, cookie, urls, note);
      const row = `| ${role.label} | ${name} | ${m.p50.toFixed(1)} | ${m.p95.toFixed(1)} | ${m.note} |`;
      rows.push(row);
      log(row);
    }
  }
  log(`\n| role | request | p50 ms | p95 ms | result |\n| --- | --- | --: | --: | --- |\n${rows.join('\n')}`);
  log(
    `# ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${RUNS} requests each after ${WARMUP} warm-up`,
  );
  await app.close();
  await db.close();
} finally {
  server.stop();
}
