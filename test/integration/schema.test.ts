/**
 * Schema drift check: the same migrations must produce the same schema on PGlite (PostgreSQL 18 in WASM)
 * and on the PostgreSQL 15 server, and an applied migration may never be edited.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Database } from '../../src/db/database.ts';
import { openDatabase } from '../../src/db/database.ts';
import { migrate, readMigrations } from '../../src/db/migrate.ts';
import { createTestDatabase, testEngines } from '../helpers/databases.ts';

async function catalog(db: Database): Promise<Record<string, string[]>> {
  return db.asSystem(async (tx) => {
    const list = async (sql: string) => (await tx.query<{ v: string }>(sql)).rows.map((row) => row.v);
    return {
      columns:
        await list(`SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable AS v
        FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1`),
      // PostgreSQL 18 also lists NOT NULL as constraints (contype n); columns.is_nullable covers those.
      constraints: await list(`SELECT conrelid::regclass::text || ' ' || conname || ' ' || contype::text AS v
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype <> 'n' ORDER BY 1`),
      indexes: await list(
        `SELECT tablename || ' ' || indexname AS v FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`,
      ),
      policies:
        await list(`SELECT tablename || ' ' || policyname || ' ' || cmd || ' ' || array_to_string(roles, ',') AS v
        FROM pg_policies WHERE schemaname = 'public' ORDER BY 1`),
      rls: await list(`SELECT relname || ' ' || relrowsecurity AS v FROM pg_class
        WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY 1`),
      triggers: await list(
        `SELECT tgrelid::regclass::text || ' ' || tgname AS v FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1`,
      ),
      grants:
        await list(`SELECT table_name || ' ' || privilege_type AS v FROM information_schema.role_table_grants
        WHERE grantee = 'setu_app' ORDER BY 1`),
      columnGrants: await list(`SELECT table_name || '.' || column_name || ' ' || privilege_type AS v
        FROM information_schema.column_privileges WHERE grantee = 'setu_app' ORDER BY 1`),
    };
  });
}

describe('schema', () => {
  const engines = testEngines();

  test(
    'PGlite and the PostgreSQL server end up with the same schema',
    { skip: engines.length < 2 ? 'needs both engines (npm test)' : false },
    async () => {
      const [lite, server] = await Promise.all([
        createTestDatabase('pglite'),
        createTestDatabase('postgres'),
      ]);
      try {
        const [a, b] = await Promise.all([catalog(lite.db), catalog(server.db)]);
        for (const key of Object.keys(a)) {
          assert.deepEqual(a[key], b[key], `${key} differ between PGlite and PostgreSQL 15`);
        }
        assert.ok((a.columns ?? []).length > 50);
      } finally {
        await Promise.all([lite.drop(), server.drop()]);
      }
    },
  );

  test('an applied migration that was edited afterwards stops start-up with a clear message', async () => {
    const migrations = readMigrations();
    const db = await openDatabase({});
    try {
      await migrate(db, migrations);
      const again = await migrate(db, migrations);
      assert.deepEqual(again.applied, []);
      const edited = migrations.map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
      await assert.rejects(migrate(db, edited), /was changed after it was applied; add a new migration/);
    } finally {
      await db.close();
    }
  });

  test('migration files follow the naming rule and are in order', () => {
    const versions = readMigrations().map((m) => m.version);
    assert.deepEqual([...versions].sort(), versions);
    assert.equal(new Set(versions).size, versions.length);
  });
});
