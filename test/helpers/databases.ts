/**
 * Test databases on both engines Setu runs on: embedded PGlite and a PostgreSQL 15 server.
 * `scripts/test.sh` prepares one template of each (migrated, reference data, demo units and accounts);
 * every test file starts from a private copy, so files run in parallel without sharing state.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { prepareTemplateContent } from './template.ts';

export type Engine = 'pglite' | 'postgres';

export interface TestDatabase {
  engine: Engine;
  db: Database;
  /** A superuser connection string (postgres only), for tests that must tamper as an attacker would. */
  adminUrl?: string;
  drop(): Promise<void>;
}

export const PGLITE_TEMPLATE = path.resolve(
  process.env.SETU_TEST_PGLITE_TEMPLATE ?? '.test-output/pglite-template.tar',
);
export const PG_TEMPLATE_DB = 'setu_template';

/** The engines this run covers. CI must cover both; a local run without a server says so. */
export function testEngines(): Engine[] {
  if (process.env.SETU_TEST_PG_URL) return ['pglite', 'postgres'];
  if (process.env.CI)
    throw new Error('SETU_TEST_PG_URL is not set: CI must test on the PostgreSQL server too (run npm test)');
  console.warn('# SETU_TEST_PG_URL not set: testing on PGlite only. `npm test` runs both engines.');
  return ['pglite'];
}

export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  return engine === 'pglite' ? createPglite() : createPostgres();
}

async function createPglite(): Promise<TestDatabase> {
  if (!fs.existsSync(PGLITE_TEMPLATE)) {
    // Running one file by hand: build the template now (slower) rather than fail.
    const db = await openDatabase({});
    await prepareTemplateContent(db);
    const { dumpPglite } = await import('../../src/db/database.ts');
    const blob = await dumpPglite(db);
    fs.mkdirSync(path.dirname(PGLITE_TEMPLATE), { recursive: true });
    fs.writeFileSync(PGLITE_TEMPLATE, Buffer.from(await blob.arrayBuffer()));
    await db.close();
  }
  const tarball = new Blob([fs.readFileSync(PGLITE_TEMPLATE)]);
  const db = await openDatabase({ loadDataDir: tarball });
  return { engine: 'pglite', db, drop: () => db.close() };
}

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function createPostgres(): Promise<TestDatabase> {
  const adminUrl = process.env.SETU_TEST_PG_URL;
  if (!adminUrl) throw new Error('SETU_TEST_PG_URL is not set');
  const name = `setu_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const template = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [PG_TEMPLATE_DB]);
    if (template.rowCount === 0) {
      throw new Error(
        `template database ${PG_TEMPLATE_DB} is missing: run \`npm test\` (scripts/test.sh prepares it)`,
      );
    }
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${PG_TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const url = withDatabaseName(adminUrl, name);
  const db = await openDatabase({ databaseUrl: url, poolSize: 5 });
  return {
    engine: 'postgres',
    db,
    adminUrl: url,
    async drop() {
      await db.close();
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Builds the PostgreSQL template database; called once per run by scripts/prepare-test-templates.ts. */
export async function preparePostgresTemplate(adminUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${PG_TEMPLATE_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${PG_TEMPLATE_DB}`);
  await admin.end();
  const db = await openDatabase({ databaseUrl: withDatabaseName(adminUrl, PG_TEMPLATE_DB), poolSize: 2 });
  try {
    await prepareTemplateContent(db);
  } finally {
    await db.close();
  }
}
