import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';

/** The only database surface the rest of Setu sees: parameterised SQL inside a transaction. */
export interface Tx {
  // The caller names the row shape its SQL returns; this is the one place rows are typed.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  query<Row extends object = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<{ rows: Row[]; rowCount: number }>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/**
 * Who a transaction acts for. Row-Level Security policies read these settings, so a query that
 * forgets a WHERE clause still cannot see another jurisdiction's rows.
 */
export interface Actor {
  userId: string;
}

/** The role every user request runs as: no superuser, no BYPASSRLS, no DDL. */
export const APP_ROLE = 'setu_app';

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  /** A transaction as the owning role: migrations, reference imports, login, audit writes, system jobs. */
  asSystem<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** A transaction as `setu_app` with the actor set, so Row-Level Security decides which rows exist. */
  asActor<T>(actor: Actor, fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

async function enterActor(tx: Tx, actor: Actor): Promise<void> {
  await tx.query(`SET LOCAL ROLE ${APP_ROLE}`);
  await tx.query(`SELECT set_config('app.user_id', $1, true)`, [actor.userId]);
}

/** The two engines differ only in how a transaction is run; acting as system or as a user is shared. */
abstract class TransactionalDatabase implements Database {
  abstract readonly kind: Database['kind'];
  protected abstract run<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  abstract close(): Promise<void>;

  asSystem<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.run(fn);
  }

  asActor<T>(actor: Actor, fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.run(async (tx) => {
      await enterActor(tx, actor);
      return fn(tx);
    });
  }
}

class PgliteDatabase extends TransactionalDatabase {
  readonly kind = 'pglite' as const;
  constructor(readonly raw: PGlite) {
    super();
  }

  protected run<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.raw.transaction(async (raw) => {
      const tx: Tx = {
        async query(sql, params) {
          const result = await raw.query(sql, params ? [...params] : undefined);
          return { rows: result.rows as never[], rowCount: result.affectedRows || result.rows.length };
        },
        async exec(sql) {
          await raw.exec(sql);
        },
      };
      return fn(tx);
    });
  }

  override async close(): Promise<void> {
    await this.raw.close();
  }
}

class ServerDatabase extends TransactionalDatabase {
  readonly kind = 'postgres' as const;
  constructor(private readonly pool: pg.Pool) {
    super();
  }

  protected async run<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const tx: Tx = {
      async query(sql, params) {
        const result = await client.query(sql, params ? [...params] : undefined);
        return { rows: result.rows as never[], rowCount: result.rowCount ?? 0 };
      },
      async exec(sql) {
        await client.query(sql);
      },
    };
    try {
      await client.query('BEGIN');
      const value = await fn(tx);
      await client.query('COMMIT');
      return value;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  override async close(): Promise<void> {
    await this.pool.end();
  }
}

// Keep DATE and TIMESTAMP values as strings: Setu's API speaks ISO text, and JS Date drops microseconds.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** PGlite data directory; `memory://` keeps it in memory (tests). */
  dataDir?: string;
  /** PGlite: start from a dumped data directory tarball instead of an empty cluster (test fixtures). */
  loadDataDir?: Blob;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    pool.on('error', () => undefined); // an idle client dropped by the server must not crash the process
    await pool.query('SELECT 1');
    return new ServerDatabase(pool);
  }
  const dataDir = options.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://'))
    fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  const db = await PGlite.create({
    dataDir,
    extensions: { pg_trgm, fuzzystrmatch, btree_gin },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  return new PgliteDatabase(db);
}

/** PGlite dumps its cluster as a tarball; tests build one migrated, reference-loaded image and copy it. */
export async function dumpPglite(database: Database): Promise<Blob> {
  if (!(database instanceof PgliteDatabase)) throw new Error('only an embedded database can be dumped');
  return database.raw.dumpDataDir('none');
}
