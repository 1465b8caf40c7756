/**
 * The publishable aggregate dataset: two-way tables of counts by State, with small cells suppressed
 * (suppression.ts). Only counts leave; no case, person or date finer than a year.
 */
import type { Tx } from '../../db/database.ts';
import { AGE_BAND_SQL, AGE_BANDS } from './cases.ts';
import type { CsvTable } from './csv.ts';
import { caseConditions, Params, whereClause, type Filters } from './filters.ts';
import { K_ANONYMITY, suppressTable, type SuppressedTable } from './suppression.ts';

export interface DatasetTable extends SuppressedTable {
  name: string;
  title: string;
}

export interface Cell {
  row: string;
  col: string;
  n: number;
}

async function crossTab(
  tx: Tx,
  f: Filters,
  select: string,
  from: string,
  extra: string[] = [],
): Promise<Cell[]> {
  const p = new Params();
  const where = whereClause([...caseConditions(f, p), ...extra]);
  const { rows } = await tx.query<Cell>(
    `SELECT s.name AS row, ${select} AS col, count(*)::int AS n
     FROM ${from} JOIN states s ON s.lgd_code = c.state_lgd ${where} GROUP BY 1, 2`,
    p.values,
  );
  return rows;
}

function table(name: string, title: string, cells: Cell[], columnOrder?: readonly string[]): DatasetTable {
  const rows = [...new Set(cells.map((c) => c.row))].sort();
  const present = new Set(cells.map((c) => c.col));
  const columns = columnOrder ? columnOrder.filter((c) => present.has(c)) : [...present].sort();
  const counts = rows.map((r) => columns.map((c) => cells.find((x) => x.row === r && x.col === c)?.n ?? 0));
  return { name, title, ...suppressTable(rows, columns, counts, K_ANONYMITY) };
}

/** Where the dataset's cells come from: live from the cases, or from the pre-aggregated counts. */
export interface CellSources {
  casesByYear(): Promise<Cell[]>;
  victimsBySex(): Promise<Cell[]>;
  victimsByAge(): Promise<Cell[]>;
}

export function liveCells(tx: Tx, f: Filters): CellSources {
  const victims = 'case_persons p JOIN cases c ON c.id = p.case_id';
  return {
    casesByYear: () => crossTab(tx, f, `to_char(c.registered_on, 'YYYY')`, 'cases c'),
    victimsBySex: () => crossTab(tx, f, 'p.sex::text', victims, [`p.role = 'victim'`]),
    victimsByAge: () => crossTab(tx, f, AGE_BAND_SQL, victims, [`p.role = 'victim'`]),
  };
}

export async function crossTabs(source: CellSources): Promise<DatasetTable[]> {
  const cases = await source.casesByYear();
  const bySex = await source.victimsBySex();
  const byAge = await source.victimsByAge();
  return [
    table('cases_by_state_year', 'Cases registered, by State and year', cases),
    table('victims_by_state_sex', 'Victims, by State of registration and sex', bySex, [
      'female',
      'male',
      'transgender',
      'unknown',
    ]),
    table('victims_by_state_age', 'Victims, by State of registration and age band', byAge, AGE_BANDS),
  ];
}

/** The dataset computed live from the cases (the API reads it through figures.ts). */
export function publishableDataset(tx: Tx, f: Filters): Promise<DatasetTable[]> {
  return crossTabs(liveCells(tx, f));
}

/** Long form for CSV: one line per cell and total, with suppressed values blank and flagged. */
export function datasetCsv(tables: readonly DatasetTable[]): CsvTable {
  const rows: CsvTable['rows'] = [];
  for (const t of tables) {
    t.rows.forEach((row, r) => {
      t.columns.forEach((col, c) => {
        const v = t.cells[r]?.[c] ?? null;
        rows.push([t.name, row, col, v, v === null]);
      });
      const total = t.rowTotals[r] ?? null;
      rows.push([t.name, row, 'Total', total, total === null]);
    });
    t.columns.forEach((col, c) => {
      const v = t.columnTotals[c] ?? null;
      rows.push([t.name, 'Total', col, v, v === null]);
    });
    rows.push([t.name, 'Total', 'Total', t.grandTotal, t.grandTotal === null]);
  }
  return { columns: ['table', 'row', 'column', 'value', 'suppressed'], rows };
}
