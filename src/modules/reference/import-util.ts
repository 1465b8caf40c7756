import crypto from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { Tx } from '../../db/database.ts';

export type CsvRow = Record<string, string | undefined>;

export function sha256(data: Buffer | string): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

export function readCsv(data: Buffer): CsvRow[] {
  return parse<CsvRow>(data, {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    trim: true,
    relax_column_count: true,
  });
}

export function numberOrNull(value: string | undefined | null): number | null {
  if (value === undefined || value === null || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

export function intOrNull(value: string | undefined | null): number | null {
  const n = numberOrNull(value);
  return n !== null && Number.isInteger(n) ? n : null;
}

/** What one source's loader reports back to the summary. */
export interface LoadResult {
  rows: number;
  stats: Record<string, number>;
  notes: string[];
}

/** The inputs a loader reads: file contents by path relative to the reference folder. */
export type Inputs = ReadonlyMap<string, Buffer>;

export function input(inputs: Inputs, file: string): Buffer {
  const data = inputs.get(file);
  if (!data) throw new Error(`reference input ${file} was not read`);
  return data;
}

export interface ColumnSpec {
  name: string;
  type: 'integer' | 'text' | 'double precision' | 'boolean' | 'jsonb';
}

/**
 * INSERT … ON CONFLICT DO UPDATE for many rows in a few statements. Rows travel as one JSON parameter
 * unpacked by jsonb_to_recordset: one round trip per chunk instead of one per row, on both engines.
 * `updateColumns` limits what a re-import overwrites, so columns owned by another source survive.
 */
export async function upsertRows(
  tx: Tx,
  options: {
    table: string;
    columns: readonly ColumnSpec[];
    key: readonly string[];
    updateColumns?: readonly string[];
    rows: readonly Record<string, unknown>[];
    chunkSize?: number;
  },
): Promise<number> {
  const { table, columns, key, rows } = options;
  const names = columns.map((c) => c.name);
  const record = columns.map((c) => `${c.name} ${c.type}`).join(', ');
  const updates = (options.updateColumns ?? names.filter((n) => !key.includes(n)))
    .map((n) => `${n} = EXCLUDED.${n}`)
    .join(', ');
  // Skipping identical rows keeps a re-import from rewriting (and bloating) every row of the table.
  const changed = (options.updateColumns ?? names.filter((n) => !key.includes(n)))
    .map((n) => `${table}.${n} IS DISTINCT FROM EXCLUDED.${n}`)
    .join(' OR ');
  const sql = `INSERT INTO ${table} (${names.join(', ')})
    SELECT ${names.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(${record})
    ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${updates} WHERE ${changed}`;
  const chunkSize = options.chunkSize ?? 2000;
  let written = 0;
  for (let i = 0; i < rows.length; i += chunkSize) {
    const result = await tx.query(sql, [JSON.stringify(rows.slice(i, i + chunkSize))]);
    written += result.rowCount;
  }
  return written;
}
