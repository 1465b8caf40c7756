/**
 * `importStatistics` loads NCRB's published figures from the shared data folder into the
 * official_* tables. Idempotent: each dataset records its file's SHA-256 and is skipped while the file is
 * unchanged; a changed file replaces that dataset's rows in one transaction. Server start-up runs it
 * after the reference import (States and districts must exist to match LGD codes).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database, Tx } from '../../db/database.ts';
import { intOrNull, readCsv, sha256, type CsvRow } from '../reference/import-util.ts';

export interface StatisticsDataset {
  dataset: string;
  title: string;
  file: string;
  citation: string;
  url: string;
  licence: string;
}

const NCRB = 'National Crime Records Bureau (NCRB), Ministry of Home Affairs';

export const DATASETS: readonly StatisticsDataset[] = [
  {
    dataset: 'ncrb2016_trafficking_purpose',
    title: 'Persons trafficked by purpose, State-wise, 2016',
    file: 'ncrb/janaganana_2016/ncrb2016_trafficking_purpose_state.csv',
    citation: 'NCRB, Crime in India 2016, human trafficking: purpose of trafficking (via kurund/janaganana)',
    url: 'https://ncrb.gov.in/crime-in-india-year-wise.html?year=2016',
    licence: 'Public Government of India statistics',
  },
  {
    dataset: 'ncrb2016_trafficking_victims_age_sex',
    title: 'Victims of trafficking by age and sex, State-wise, 2016',
    file: 'ncrb/janaganana_2016/ncrb2016_trafficking_victims_by_age_gender_state.csv',
    citation: 'NCRB, Crime in India 2016, human trafficking: victims by age and sex (via kurund/janaganana)',
    url: 'https://ncrb.gov.in/crime-in-india-year-wise.html?year=2016',
    licence: 'Public Government of India statistics',
  },
  {
    dataset: 'ncrb2016_kidnapped_recovered',
    title: 'Kidnapped and abducted persons recovered, alive or dead, State-wise, 2016',
    file: 'ncrb/janaganana_2016/ncrb2016_kidnapped_recovered_alive_dead_state.csv',
    citation:
      'NCRB, Crime in India 2016, kidnapping and abduction: persons recovered (via kurund/janaganana)',
    url: 'https://ncrb.gov.in/crime-in-india-year-wise.html?year=2016',
    licence: 'Public Government of India statistics',
  },
  {
    dataset: 'ncrb2016_kidnapping_victims_sex',
    title: 'Victims of kidnapping and abduction by sex, State-wise, 2016',
    file: 'ncrb/janaganana_2016/ncrb2016_kidnapping_victims_gender_state.csv',
    citation: 'NCRB, Crime in India 2016, kidnapping and abduction: victims by sex (via kurund/janaganana)',
    url: 'https://ncrb.gov.in/crime-in-india-year-wise.html?year=2016',
    licence: 'Public Government of India statistics',
  },
  {
    dataset: 'ncrb2023_caw_trafficking_heads',
    title: 'Crimes against women, trafficking-related heads, State-wise, 2023',
    file: 'ncrb/caw_2023/ncrb2023_caw_trafficking_heads_state.csv',
    citation: 'NCRB, Crime in India 2023, Table 3A.2: crimes against women (trafficking-related heads)',
    url: 'https://ncrb.gov.in/crime-in-india-year-wise.html?year=2023',
    licence: 'NCRB public statistics',
  },
  {
    dataset: 'ncrb_missing_persons_district',
    title: 'Missing persons by district, sex and age, 2021–2022',
    file: 'ncrb/missing_persons/districtwise_missing_persons_2021_2022.csv',
    citation:
      'NCRB district-wise missing persons 2021–2022, published on data.gov.in (Open Government Data Platform India)',
    url: 'https://data.gov.in',
    licence: 'Government Open Data License – India (GODL-India)',
  },
];

export interface StatisticsImportSummary {
  imported: string[];
  skipped: string[];
  missing: string[];
}

interface FigureRow {
  year: number;
  stateName: string;
  stateLgd: number | null;
  measure: string;
  category: string;
  value: number;
}

/** Names compared loosely: case, '&' / 'and', 'NCT of', leading 'The' and punctuation do not matter. */
export function normaliseStateName(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\bnct of\b/g, ' ')
    .replace(/^\s*the\s+/, '')
    .replace(/[^a-z]+/g, '');
}

interface StateIndex {
  known: Set<number>;
  byCensus: Map<number, number>;
  byName: Map<string, number>;
}

async function stateIndex(tx: Tx): Promise<StateIndex> {
  const { rows } = await tx.query<{ lgd_code: number; name: string; census2011_code: string | null }>(
    'SELECT lgd_code, name, census2011_code FROM states',
  );
  const byCensus = new Map<number, number>();
  const byName = new Map<string, number>();
  for (const s of rows) {
    const census = intOrNull(s.census2011_code);
    if (census !== null) byCensus.set(census, s.lgd_code);
    byName.set(normaliseStateName(s.name), s.lgd_code);
  }
  // States merged or renamed since the 2011 census, named as NCRB names them.
  const dnhdd = byName.get(normaliseStateName('Dadra and Nagar Haveli and Daman and Diu'));
  if (dnhdd !== undefined) {
    byName.set(normaliseStateName('Daman & Diu'), dnhdd);
    byName.set(normaliseStateName('Dadra & Nagar Haveli'), dnhdd);
  }
  return { known: new Set(rows.map((s) => s.lgd_code)), byCensus, byName };
}

function lookupState(index: StateIndex, name: string, census?: string): number | null {
  const code = intOrNull(census);
  return (
    index.byName.get(normaliseStateName(name)) ?? (code !== null ? (index.byCensus.get(code) ?? null) : null)
  );
}

/** Janaganana files: one figure per line, category from the given columns, India row at geo_level 'country'. */
function janaganana(
  rows: CsvRow[],
  index: StateIndex,
  measure: string,
  categoryColumns: string[],
): FigureRow[] {
  return rows.flatMap((r) => {
    const value = intOrNull(r.total);
    const year = intOrNull(r.year);
    if (value === null || year === null) return [];
    const india = r.geo_level === 'country';
    const stateName = india ? 'All India' : (r.state_name ?? '').trim();
    return [
      {
        year,
        stateName,
        stateLgd: india ? null : lookupState(index, stateName, r.state_census2011_code),
        measure,
        category: categoryColumns.map((c) => (r[c] ?? '').trim()).join(' / '),
        value,
      },
    ];
  });
}

/** The 2023 table is wide: every numeric column is a head of crime. */
function caw2023(rows: CsvRow[], index: StateIndex): FigureRow[] {
  return rows.flatMap((r) => {
    const year = intOrNull(r.year);
    const stateName = (r.state_ut ?? '').trim();
    if (year === null || !stateName) return [];
    const india = /^all india$/i.test(stateName);
    return Object.entries(r)
      .filter(([key]) => key !== 'year' && key !== 'state_ut')
      .flatMap(([category, raw]) => {
        const value = intOrNull(raw);
        return value === null
          ? []
          : [
              {
                year,
                stateName,
                stateLgd: india ? null : lookupState(index, stateName),
                measure: 'crimes_against_women',
                category,
                value,
              },
            ];
      });
  });
}

async function insertFigures(tx: Tx, dataset: string, figures: FigureRow[]): Promise<void> {
  await tx.query('DELETE FROM official_state_figures WHERE dataset = $1', [dataset]);
  // Unnest a batch per statement: one round trip for the whole file.
  await tx.query(
    `INSERT INTO official_state_figures (dataset, year, state_lgd, state_name, measure, category, value)
     SELECT $1, * FROM unnest($2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::int[])
     ON CONFLICT (dataset, year, state_name, measure, category) DO UPDATE SET value = EXCLUDED.value`,
    [
      dataset,
      figures.map((f) => f.year),
      figures.map((f) => f.stateLgd),
      figures.map((f) => f.stateName),
      figures.map((f) => f.measure),
      figures.map((f) => f.category),
      figures.map((f) => f.value),
    ],
  );
}

const n = (v: string | undefined) => intOrNull(v === 'NaN' ? '' : v) ?? 0;

async function insertMissingPersons(tx: Tx, rows: CsvRow[], index: StateIndex): Promise<number> {
  const { rows: districts } = await tx.query<{ lgd_code: number }>('SELECT lgd_code FROM districts');
  const known = new Set(districts.map((d) => d.lgd_code));
  const records = rows.flatMap((r, i) => {
    const year = intOrNull(r.year);
    if (year === null) return [];
    const district = intOrNull(r.district_code);
    const state = intOrNull(r.state_code);
    const mc = n(r.male_children);
    const ma = n(r.male_18_years_and_above);
    const fc = n(r.female_children);
    const fa = n(r.female_18_years_and_above);
    const tc = n(r.transgender_children);
    const ta = n(r.transgender_18_years_and_above);
    const stateName = (r.state_name ?? '').trim();
    return [
      {
        year,
        row: intOrNull(r.id) ?? i,
        stateLgd: state !== null && index.known.has(state) ? state : lookupState(index, stateName),
        districtLgd: district !== null && known.has(district) ? district : null,
        stateName,
        districtName: (r.district_name ?? '').trim(),
        v: [mc, ma, fc, fa, tc, ta],
      },
    ];
  });
  await tx.query('DELETE FROM official_missing_persons');
  await tx.query(
    `INSERT INTO official_missing_persons (year, source_row, state_lgd, district_lgd, state_name, district_name,
       male_children, male_adults, female_children, female_adults, transgender_children, transgender_adults, total)
     SELECT y, r, s, d, sn, dn, mc, ma, fc, fa, tc, ta, mc + ma + fc + fa + tc + ta
     FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::text[], $6::text[], $7::int[], $8::int[], $9::int[],
       $10::int[], $11::int[], $12::int[]) AS t(y, r, s, d, sn, dn, mc, ma, fc, fa, tc, ta)`,
    [
      records.map((r) => r.year),
      records.map((r) => r.row),
      records.map((r) => r.stateLgd),
      records.map((r) => r.districtLgd),
      records.map((r) => r.stateName),
      records.map((r) => r.districtName),
      ...[0, 1, 2, 3, 4, 5].map((k) => records.map((r) => r.v[k] ?? 0)),
    ],
  );
  return records.length;
}

async function loadDataset(tx: Tx, def: StatisticsDataset, data: Buffer): Promise<number> {
  const rows = readCsv(data);
  const index = await stateIndex(tx);
  switch (def.dataset) {
    case 'ncrb2016_trafficking_purpose':
      await insertFigures(
        tx,
        def.dataset,
        janaganana(rows, index, 'persons_trafficked', ['traffickingmotives']),
      );
      break;
    case 'ncrb2016_trafficking_victims_age_sex':
      await insertFigures(tx, def.dataset, janaganana(rows, index, 'victims', ['traffickedage', 'gender']));
      break;
    case 'ncrb2016_kidnapped_recovered':
      await insertFigures(
        tx,
        def.dataset,
        janaganana(rows, index, 'persons_recovered', ['kidnaprecovery', 'gender']),
      );
      break;
    case 'ncrb2016_kidnapping_victims_sex':
      await insertFigures(tx, def.dataset, janaganana(rows, index, 'victims', ['kidnapgender']));
      break;
    case 'ncrb2023_caw_trafficking_heads':
      await insertFigures(tx, def.dataset, caw2023(rows, index));
      break;
    case 'ncrb_missing_persons_district':
      return insertMissingPersons(tx, rows, index);
    default:
      throw new Error(`no loader for statistics dataset ${def.dataset}`);
  }
  return rows.length;
}

export async function importStatistics(
  db: Database,
  referenceDir: string,
  log: (line: string) => void = () => undefined,
): Promise<StatisticsImportSummary> {
  const summary: StatisticsImportSummary = { imported: [], skipped: [], missing: [] };
  for (const def of DATASETS) {
    const file = path.join(referenceDir, def.file);
    if (!fs.existsSync(file)) {
      summary.missing.push(def.dataset);
      log(`statistics: ${def.file} not found in ${referenceDir}; skipped`);
      continue;
    }
    const data = fs.readFileSync(file);
    const hash = sha256(data);
    const done = await db.asSystem(async (tx) => {
      const { rows } = await tx.query<{ sha256: string }>(
        'SELECT sha256 FROM official_statistics_sources WHERE dataset = $1',
        [def.dataset],
      );
      if (rows[0]?.sha256 === hash) return false;
      // The source row first: the figures reference it.
      await tx.query(
        `INSERT INTO official_statistics_sources (dataset, title, publisher, citation, url, licence, file_name, sha256, row_count)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0)
         ON CONFLICT (dataset) DO UPDATE SET title = EXCLUDED.title, citation = EXCLUDED.citation, url = EXCLUDED.url,
           licence = EXCLUDED.licence, file_name = EXCLUDED.file_name, sha256 = EXCLUDED.sha256, imported_at = now()`,
        [def.dataset, def.title, NCRB, def.citation, def.url, def.licence, def.file, hash],
      );
      const count = await loadDataset(tx, def, data);
      await tx.query('UPDATE official_statistics_sources SET row_count = $2 WHERE dataset = $1', [
        def.dataset,
        count,
      ]);
      return true;
    });
    (done ? summary.imported : summary.skipped).push(def.dataset);
    if (done) log(`statistics: imported ${def.dataset}`);
  }
  return summary;
}
