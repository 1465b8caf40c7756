/**
 * Incremental matching: one new person record against N stored ones, in the database, through the same
 * code the server runs (storeAndScore in src/modules/linkage/matcher.ts: store the record and its blocking
 * keys, fetch the records sharing a key by index, score them with the stored model).
 *
 *   npx tsx bench/linkage/incremental.ts --url postgres://…  [--records 1000000] [--queries 300]
 *   npx tsx bench/linkage/incremental.ts --pglite DIR         [--records 100000]
 *
 * The stored records are the generator's (bench/linkage/generate.ts), loaded in bulk; the database is
 * created for the benchmark (on the server: a database named setu_linkage_bench, dropped first). Foreign
 * keys from linkage_records to case_persons and cases are dropped there: a million synthetic records have
 * no cases, and the benchmark measures matching, not case registration.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { hashedKeys, trainModel, type PreparedRecord } from '../../src/linkage/index.ts';
import { placeNames, placeResolver } from '../../src/linkage/places.ts';
import { prepareRecord } from '../../src/linkage/prepare.ts';
import { storeAndScore } from '../../src/modules/linkage/matcher.ts';
import { saveModel } from '../../src/modules/linkage/model-store.ts';
import { generate, loadDistricts, shuffleAndNumber } from './generate.ts';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const url = option('url');
const pgliteDir = option('pglite');
const stored = Number(option('records') ?? (url ? 1_000_000 : 100_000));
const queries = Number(option('queries') ?? 300);
// Re-run only the queries against a database an earlier run loaded (its query records removed first).
const reuse = process.argv.includes('--reuse');
const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

async function openBenchDatabase(): Promise<Database> {
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    if (!reuse) {
      await admin.query('DROP DATABASE IF EXISTS setu_linkage_bench');
      await admin.query('CREATE DATABASE setu_linkage_bench');
    }
    await admin.end();
    const target = new URL(url);
    target.pathname = '/setu_linkage_bench';
    return openDatabase({ databaseUrl: target.toString(), poolSize: 4 });
  }
  if (!pgliteDir) throw new Error('give --url postgres://… (a server) or --pglite DIR (embedded)');
  if (!reuse) fs.rmSync(pgliteDir, { recursive: true, force: true });
  return openDatabase({ dataDir: pgliteDir });
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Creates the schema and bulk-loads the stored records with their keys; trains and stores the model. */
async function load(
  db: Database,
  old: PreparedRecord[],
  caseId: string,
): Promise<{ keyRows: number; loadSeconds: number; indexSeconds: number }> {
  log(`migrating (${db.kind})`);
  await migrate(db);
  await db.asSystem(async (tx) => {
    await tx.query('ALTER TABLE linkage_records DROP CONSTRAINT linkage_records_person_id_fkey');
    await tx.query('ALTER TABLE linkage_records DROP CONSTRAINT linkage_records_case_id_fkey');
    // Bulk load without the primary key, then build it once.
    await tx.query('ALTER TABLE linkage_keys DROP CONSTRAINT linkage_keys_pkey');
  });

  let t = performance.now();
  const BATCH = 5_000;
  let keyRows = 0;
  for (let start = 0; start < old.length; start += BATCH) {
    const batch = old.slice(start, start + BATCH);
    const keys = batch.map((r) => hashedKeys(r).map((k) => k.hash));
    const seqs = batch.map((_r, i) => start + i + 1);
    await db.asSystem(async (tx) => {
      await tx.query(
        `INSERT INTO linkage_records (seq, person_id, case_id, state_lgd, role, prepared, key_hashes)
         SELECT s, gen_random_uuid(), $2, 10, 'victim', p, k::bigint[]
         FROM unnest($1::bigint[], $3::jsonb[], $4::text[]) AS x (s, p, k)`,
        [seqs, caseId, batch.map((r) => JSON.stringify(r)), keys.map((k) => `{${k.join(',')}}`)],
      );
      const hashes = keys.flat();
      const owners = keys.flatMap((k, i) => k.map(() => seqs[i]));
      keyRows += hashes.length;
      await tx.query(
        'INSERT INTO linkage_keys (key_hash, record_seq) SELECT * FROM unnest($1::bigint[], $2::bigint[])',
        [hashes, owners],
      );
    });
    if ((start / BATCH) % 20 === 0) log(`loaded ${String(start + batch.length)} records`);
  }
  const loadSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  await db.asSystem(async (tx) => {
    await tx.query('ALTER TABLE linkage_keys ADD PRIMARY KEY (key_hash, record_seq)');
    await tx.query(`SELECT setval('linkage_records_seq_seq', $1)`, [stored]);
    await tx.query('ANALYZE linkage_records');
    await tx.query('ANALYZE linkage_keys');
  });
  const indexSeconds = (performance.now() - t) / 1000;
  log(
    `loaded ${String(stored)} records, ${String(keyRows)} keys in ${loadSeconds.toFixed(0)} s; index ${indexSeconds.toFixed(0)} s`,
  );

  // The model as `setu jobs train-linkage` would make it: EM on (a sample of) the stored records.
  const model = trainModel(old.slice(0, Math.min(old.length, 200_000)));
  await db.asSystem((tx) => saveModel(tx, model, { note: 'benchmark', records: stored, labelled: 0 }));
  return { keyRows, loadSeconds, indexSeconds };
}

async function main(): Promise<void> {
  const districts = loadDistricts();
  const options = { resolvePlace: placeResolver(districts), placeNames: placeNames(districts) };
  log(`generating ${String(stored + queries)} records`);
  const all = shuffleAndNumber(generate(stored + queries, 42));
  const prepared = all.map((r) => prepareRecord(r, options));
  const newOnes = prepared.slice(stored);
  const entityOf = new Map(all.map((r) => [r.id, r.entity]));
  const old = prepared.slice(0, stored);

  const db = await openBenchDatabase();
  const caseId = crypto.randomUUID();
  let keyRows = 0;
  let loadSeconds = 0;
  let indexSeconds = 0;
  if (reuse) {
    await db.asSystem(async (tx) => {
      await tx.query('DELETE FROM linkage_keys WHERE record_seq > $1', [stored]);
      await tx.query('DELETE FROM linkage_records WHERE seq > $1', [stored]);
      await tx.query(`SELECT setval('linkage_records_seq_seq', $1)`, [stored]);
      const { rows } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM linkage_keys');
      keyRows = rows[0]?.n ?? 0;
    });
  } else ({ keyRows, loadSeconds, indexSeconds } = await load(db, old, caseId));
  const times: number[] = [];
  let candidates = 0;
  let hits = 0;
  let trueHits = 0;
  // A few warm-up queries (connection, caches), not counted.
  const warm = 10;
  for (let q = 0; q < newOnes.length; q++) {
    const record = newOnes[q] as PreparedRecord;
    const start = performance.now();
    const result = await db.asSystem((tx) =>
      storeAndScore(
        tx,
        { person_id: crypto.randomUUID(), case_id: caseId, state_lgd: 10, role: 'victim' },
        record,
      ),
    );
    const ms = performance.now() - start;
    if (q < warm) continue;
    times.push(ms);
    candidates += result.candidates;
    hits += result.hits.length;
    const entity = entityOf.get(record.id);
    trueHits += result.hits.filter((h) => entityOf.get(h.other.prepared.id) === entity).length;
  }
  times.sort((a, b) => a - b);
  const n = times.length;
  const summary = {
    engine: db.kind,
    stored,
    keyRows,
    queries: n,
    p50: Number(pct(times, 50).toFixed(1)),
    p95: Number(pct(times, 95).toFixed(1)),
    p99: Number(pct(times, 99).toFixed(1)),
    max: Number((times[n - 1] ?? 0).toFixed(1)),
    meanCandidates: Number((candidates / n).toFixed(1)),
    meanHits: Number((hits / n).toFixed(2)),
    hitPrecision: hits ? Number((trueHits / hits).toFixed(4)) : null,
    loadSeconds: Math.round(loadSeconds),
    indexSeconds: Math.round(indexSeconds),
  };
  console.log(JSON.stringify(summary, null, 2));
  await db.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
