import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig, type SetuConfig } from '../config.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';

/** Opens the configured database (embedded PGlite under dataDir, or the server in DATABASE_URL) and migrates it. */
export async function openAndMigrate(
  config: SetuConfig,
  log: (line: string) => void = () => undefined,
): Promise<Database> {
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: path.join(config.dataDir, 'pgdata'),
  });
  const result = await migrate(db);
  if (result.applied.length > 0) log(`migrated: ${result.applied.join(', ')}`);
  return db;
}

/** Config from the environment, with the global flags applied over it. */
export function configFrom(command: Command, overrides: Partial<SetuConfig> = {}): SetuConfig {
  const globals = command.optsWithGlobals<{ dataDir?: string; referenceDir?: string }>();
  const env = { ...process.env };
  if (globals.dataDir) env.SETU_DATA_DIR = globals.dataDir;
  if (globals.referenceDir) env.SETU_REFERENCE_DIR = globals.referenceDir;
  return loadConfig(env, overrides);
}

/** Runs a command body with a migrated database and always closes it. */
export async function withDatabase<T>(config: SetuConfig, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openAndMigrate(config, (line) => console.error(line));
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
