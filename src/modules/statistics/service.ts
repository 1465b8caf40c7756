/** NCRB official statistics as stored by the import, each answer carrying its source and citation. */
import { Type, type Static } from '@fastify/type-provider-typebox';
import type { Tx } from '../../db/database.ts';
import { nullable } from '../../server/schemas.ts';
import { notFound } from '../../server/errors.ts';
import type { CsvTable } from '../analytics/csv.ts';

export const SourceView = Type.Object({
  dataset: Type.String(),
  title: Type.String(),
  publisher: Type.String(),
  citation: Type.String(),
  url: nullable(Type.String()),
  licence: Type.String(),
  fileName: Type.String(),
  rowCount: Type.Integer(),
  importedAt: Type.String(),
});
export type SourceView = Static<typeof SourceView>;

export const MissingPersonsRow = Type.Object({
  year: Type.Integer(),
  stateLgd: nullable(Type.Integer()),
  stateName: Type.String(),
  districtLgd: nullable(Type.Integer({ description: 'null where the source code matches no LGD district' })),
  districtName: Type.String(),
  children: Type.Integer(),
  adults: Type.Integer(),
  female: Type.Integer(),
  male: Type.Integer(),
  transgender: Type.Integer(),
  total: Type.Integer(),
});
export type MissingPersonsRow = Static<typeof MissingPersonsRow>;

export const StateFigureRow = Type.Object({
  year: Type.Integer(),
  stateLgd: nullable(Type.Integer({ description: 'null for the All-India row' })),
  stateName: Type.String(),
  measure: Type.String(),
  category: Type.String(),
  value: Type.Integer(),
});
export type StateFigureRow = Static<typeof StateFigureRow>;

interface SourceRow {
  dataset: string;
  title: string;
  publisher: string;
  citation: string;
  url: string | null;
  licence: string;
  file_name: string;
  row_count: number;
  imported_at: string | Date;
}

const present = (r: SourceRow): SourceView => ({
  dataset: r.dataset,
  title: r.title,
  publisher: r.publisher,
  citation: r.citation,
  url: r.url,
  licence: r.licence,
  fileName: r.file_name,
  rowCount: r.row_count,
  importedAt: new Date(r.imported_at).toISOString(),
});

export async function listSources(tx: Tx): Promise<SourceView[]> {
  const { rows } = await tx.query<SourceRow>('SELECT * FROM official_statistics_sources ORDER BY dataset');
  return rows.map(present);
}

export async function getSource(tx: Tx, dataset: string): Promise<SourceView> {
  const { rows } = await tx.query<SourceRow>('SELECT * FROM official_statistics_sources WHERE dataset = $1', [
    dataset,
  ]);
  const row = rows[0];
  if (!row) throw notFound(`Statistics dataset "${dataset}" (run \`setu statistics import\`)`);
  return present(row);
}

export async function missingPersons(
  tx: Tx,
  filter: { year?: number; state?: number; district?: number },
): Promise<MissingPersonsRow[]> {
  const { rows } = await tx.query<{
    year: number;
    state_lgd: number | null;
    state_name: string;
    district_lgd: number | null;
    district_name: string;
    mc: number;
    ma: number;
    fc: number;
    fa: number;
    tc: number;
    ta: number;
    total: number;
  }>(
    // A district's registration circles (district police, railway police, special units) are added up.
    `SELECT year, state_lgd, state_name, district_lgd, district_name, sum(male_children)::int AS mc,
       sum(male_adults)::int AS ma, sum(female_children)::int AS fc, sum(female_adults)::int AS fa,
       sum(transgender_children)::int AS tc, sum(transgender_adults)::int AS ta, sum(total)::int AS total
     FROM official_missing_persons
     WHERE ($1::int IS NULL OR year = $1) AND ($2::int IS NULL OR state_lgd = $2) AND ($3::int IS NULL OR district_lgd = $3)
     GROUP BY year, state_lgd, state_name, district_lgd, district_name
     ORDER BY year, state_name, district_name`,
    [filter.year ?? null, filter.state ?? null, filter.district ?? null],
  );
  return rows.map((r) => ({
    year: r.year,
    stateLgd: r.state_lgd,
    stateName: r.state_name,
    districtLgd: r.district_lgd,
    districtName: r.district_name,
    children: r.mc + r.fc + r.tc,
    adults: r.ma + r.fa + r.ta,
    female: r.fc + r.fa,
    male: r.mc + r.ma,
    transgender: r.tc + r.ta,
    total: r.total,
  }));
}

export async function stateFigures(
  tx: Tx,
  dataset: string,
  filter: { state?: number },
): Promise<StateFigureRow[]> {
  const { rows } = await tx.query<{
    year: number;
    state_lgd: number | null;
    state_name: string;
    measure: string;
    category: string;
    value: number;
  }>(
    `SELECT year, state_lgd, state_name, measure, category, value FROM official_state_figures
     WHERE dataset = $1 AND ($2::int IS NULL OR state_lgd = $2 OR state_lgd IS NULL)
     ORDER BY year, state_lgd NULLS FIRST, state_name, category`,
    [dataset, filter.state ?? null],
  );
  return rows.map((r) => ({
    year: r.year,
    stateLgd: r.state_lgd,
    stateName: r.state_name,
    measure: r.measure,
    category: r.category,
    value: r.value,
  }));
}

export function missingPersonsCsv(rows: readonly MissingPersonsRow[], source: SourceView): CsvTable {
  return {
    columns: [
      'year',
      'state_lgd',
      'state',
      'district_lgd',
      'district',
      'children',
      'adults',
      'female',
      'male',
      'transgender',
      'total',
      'source',
    ],
    rows: rows.map((r) => [
      r.year,
      r.stateLgd,
      r.stateName,
      r.districtLgd,
      r.districtName,
      r.children,
      r.adults,
      r.female,
      r.male,
      r.transgender,
      r.total,
      source.citation,
    ]),
  };
}

export function stateFiguresCsv(rows: readonly StateFigureRow[], source: SourceView): CsvTable {
  return {
    columns: ['year', 'state_lgd', 'state', 'measure', 'category', 'value', 'source'],
    rows: rows.map((r) => [r.year, r.stateLgd, r.stateName, r.measure, r.category, r.value, source.citation]),
  };
}
