import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Migration {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

/** Migrations are forward-only SQL files named `YYYYMMDD_NNNN_name.sql`, applied in name order. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => {
      const match = /^(\d{8}_\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
      if (!match?.[1] || !match[2]) {
        throw new Error(`migration file "${file}" must be named YYYYMMDD_NNNN_name.sql`);
      }
      const sql = fs.readFileSync(path.join(dir, file), 'utf8');
      return {
        version: match[1],
        name: match[2],
        sql,
        checksum: crypto.createHash('sha256').update(sql).digest('hex'),
      };
    });
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies pending migrations, each in its own transaction. An applied migration whose file has since
 * changed stops start-up: editing history would make databases disagree silently.
 */
export async function migrate(db: Database, migrations = readMigrations()): Promise<MigrationResult> {
  return db.asSystem(async (tx) => {
    // One migrator at a time when several app servers start together.
    if (db.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(4242001)');
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await tx.query<{ version: string; checksum: string }>(
      'SELECT version, checksum FROM schema_migrations',
    );
    const applied = new Map(rows.map((row) => [row.version, row.checksum]));
    const newlyApplied: string[] = [];
    for (const migration of migrations) {
      const checksum = applied.get(migration.version);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new Error(
            `migration ${migration.version}_${migration.name} was changed after it was applied; ` +
              'add a new migration instead of editing an applied one',
          );
        }
        continue;
      }
      await tx.query('SAVEPOINT migration');
      try {
        await tx.exec(migration.sql);
      } catch (error) {
        await tx.query('ROLLBACK TO SAVEPOINT migration');
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`migration ${migration.version}_${migration.name} failed: ${message}`, {
          cause: error,
        });
      }
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        migration.checksum,
      ]);
      newlyApplied.push(`${migration.version}_${migration.name}`);
    }
    return { applied: newlyApplied, alreadyApplied: applied.size };
  });
}
