/** LGD States, districts and sub-districts: the codes every place in Setu is keyed by. */
import type { Tx } from '../../db/database.ts';
import { input, intOrNull, readCsv, upsertRows, type Inputs, type LoadResult } from './import-util.ts';
import {
  cleanSubdistrictName,
  codeOrNull,
  LADAKH,
  STATE_NAMES_HI,
  stateDisplayName,
  titleCase,
} from './names.ts';
import { searchKey } from './normalise.ts';

export const STATES_FILE = 'lgd/1-state.csv';
export const DISTRICTS_FILE = 'lgd/2-district.csv';
export const SUBDISTRICTS_FILE = 'lgd/3-subdistrict.csv';

export async function loadStates(tx: Tx, inputs: Inputs): Promise<LoadResult> {
  const notes: string[] = [];
  const rows = readCsv(input(inputs, STATES_FILE)).flatMap((row) => {
    const lgdCode = intOrNull(row['State Code']);
    const lgdName = row['State Name'];
    if (lgdCode === null || !lgdName) return [];
    const name = stateDisplayName(lgdName);
    return [
      {
        lgd_code: lgdCode,
        name,
        name_hi: STATE_NAMES_HI[lgdCode] ?? null,
        is_union_territory: row['State or UT']?.toUpperCase() === 'U',
        census2011_code: codeOrNull(row['Census 2011 Code']),
        name_key: searchKey(name),
      },
    ];
  });
  if (!rows.some((row) => row.lgd_code === LADAKH.lgdCode)) {
    rows.push({
      lgd_code: LADAKH.lgdCode,
      name: LADAKH.name,
      name_hi: STATE_NAMES_HI[LADAKH.lgdCode] ?? null,
      is_union_territory: LADAKH.isUnionTerritory,
      census2011_code: LADAKH.census2011Code,
      name_key: searchKey(LADAKH.name),
    });
    notes.push('Ladakh (LGD 37) was missing from the file and was added');
  }
  const withoutHindi = rows.filter((row) => row.name_hi === null).map((row) => row.name);
  if (withoutHindi.length > 0) notes.push(`no Hindi name known for: ${withoutHindi.join(', ')}`);
  await upsertRows(tx, {
    table: 'states',
    columns: [
      { name: 'lgd_code', type: 'integer' },
      { name: 'name', type: 'text' },
      { name: 'name_hi', type: 'text' },
      { name: 'is_union_territory', type: 'boolean' },
      { name: 'census2011_code', type: 'text' },
      { name: 'name_key', type: 'text' },
    ],
    key: ['lgd_code'],
    rows,
  });
  return { rows: rows.length, stats: { states: rows.length }, notes };
}

async function existingCodes(tx: Tx, table: 'states' | 'districts'): Promise<Set<number>> {
  const { rows } = await tx.query<{ lgd_code: number }>(`SELECT lgd_code FROM ${table}`);
  return new Set(rows.map((row) => row.lgd_code));
}

export async function loadDistricts(tx: Tx, inputs: Inputs): Promise<LoadResult> {
  const states = await existingCodes(tx, 'states');
  let unknownState = 0;
  const rows = readCsv(input(inputs, DISTRICTS_FILE)).flatMap((row) => {
    const lgdCode = intOrNull(row['District Code']);
    const stateLgd = intOrNull(row['State Code']);
    const rawName = row['District Name'];
    if (lgdCode === null || stateLgd === null || !rawName) return [];
    if (!states.has(stateLgd)) {
      unknownState++;
      return [];
    }
    const name = titleCase(rawName);
    return [
      {
        lgd_code: lgdCode,
        state_lgd: stateLgd,
        name,
        census2001_code: codeOrNull(row['Census 2001 Code']),
        census2011_code: codeOrNull(row['Census 2011 Code']),
        name_key: searchKey(name),
      },
    ];
  });
  await upsertRows(tx, {
    table: 'districts',
    columns: [
      { name: 'lgd_code', type: 'integer' },
      { name: 'state_lgd', type: 'integer' },
      { name: 'name', type: 'text' },
      { name: 'census2001_code', type: 'text' },
      { name: 'census2011_code', type: 'text' },
      { name: 'name_key', type: 'text' },
    ],
    key: ['lgd_code'],
    rows,
  });
  const notes = unknownState > 0 ? [`${unknownState} rows name a State code that is not loaded`] : [];
  return { rows: rows.length, stats: { districts: rows.length, unknownState }, notes };
}

export async function loadSubdistricts(tx: Tx, inputs: Inputs): Promise<LoadResult> {
  const districts = await existingCodes(tx, 'districts');
  let unknownDistrict = 0;
  const rows = readCsv(input(inputs, SUBDISTRICTS_FILE)).flatMap((row) => {
    const lgdCode = intOrNull(row['Sub-district Code']);
    const districtLgd = intOrNull(row['District Code']);
    const stateLgd = intOrNull(row['State Code']);
    const rawName = row['Sub-district Name'];
    if (lgdCode === null || districtLgd === null || stateLgd === null || !rawName) return [];
    if (!districts.has(districtLgd)) {
      unknownDistrict++;
      return [];
    }
    const name = cleanSubdistrictName(rawName);
    return [
      {
        lgd_code: lgdCode,
        district_lgd: districtLgd,
        state_lgd: stateLgd,
        name,
        census2011_code: codeOrNull(row['Census 2011 code']),
        name_key: searchKey(name),
      },
    ];
  });
  await upsertRows(tx, {
    table: 'subdistricts',
    columns: [
      { name: 'lgd_code', type: 'integer' },
      { name: 'district_lgd', type: 'integer' },
      { name: 'state_lgd', type: 'integer' },
      { name: 'name', type: 'text' },
      { name: 'census2011_code', type: 'text' },
      { name: 'name_key', type: 'text' },
    ],
    key: ['lgd_code'],
    rows,
  });
  const notes =
    unknownDistrict > 0 ? [`${unknownDistrict} rows name a district code that is not loaded`] : [];
  return { rows: rows.length, stats: { subdistricts: rows.length, unknownDistrict }, notes };
}
