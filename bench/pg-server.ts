/** What the PostgreSQL benchmarks share: a throwaway server, a benchmark database, and percentiles. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** A throwaway server unless BENCH_PG_URL names one; removed at the end however the run ends. */
export async function postgres(): Promise<{ adminUrl: string; stop: () => void }> {
  const given = process.env.BENCH_PG_URL;
  if (given) return { adminUrl: given, stop: () => undefined };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'setu-bench-pg-'));
  const started = spawnSync('bash', ['scripts/pg-test-server.sh', 'start', dir, String(await freePort())], {
    encoding: 'utf8',
  });
  if (started.status !== 0) throw new Error(`could not start PostgreSQL: ${started.stderr}`);
  const stop = () => void spawnSync('bash', ['scripts/pg-test-server.sh', 'stop', dir]);
  process.once('exit', stop);
  return { adminUrl: started.stdout.trim(), stop };
}

/** The benchmark's own database: created afresh, or kept from an earlier run when `reuse` and it exists. */
export async function prepareDatabase(
  adminUrl: string,
  database: string,
  reuse: boolean,
): Promise<{ url: string; fresh: boolean }> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists =
    (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount === 1;
  if (!reuse || !exists) {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${database}`);
  }
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return { url: url.toString(), fresh: !reuse || !exists };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
