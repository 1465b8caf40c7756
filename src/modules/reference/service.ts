/** Read access to the reference geography. Every function maps rows to explicit response objects. */
import type { Tx } from '../../db/database.ts';
import { notFound } from '../../server/errors.ts';
import { isAreaGeometry, type AreaGeometry } from './geo.ts';
import { DISTRICT_MAP_FILE } from './import-boundaries.ts';
import { DISTRICTS_FILE } from './import-lgd.ts';
import { sha256 } from './import-util.ts';

export async function listStates(tx: Tx) {
  const { rows } = await tx.query<{
    lgd_code: number;
    name: string;
    name_hi: string | null;
    is_union_territory: boolean;
    district_count: number;
  }>(
    `SELECT s.lgd_code, s.name, s.name_hi, s.is_union_territory,
       (SELECT count(*) FROM districts d WHERE d.state_lgd = s.lgd_code)::int AS district_count
     FROM states s ORDER BY s.name`,
  );
  return rows.map((r) => ({
    lgdCode: r.lgd_code,
    name: r.name,
    nameHi: r.name_hi,
    isUnionTerritory: r.is_union_territory,
    districtCount: r.district_count,
  }));
}

async function requireState(tx: Tx, lgdCode: number): Promise<void> {
  const { rows } = await tx.query('SELECT 1 FROM states WHERE lgd_code = $1', [lgdCode]);
  if (rows.length === 0) {
    throw notFound(`State or Union Territory with LGD code ${lgdCode}`);
  }
}

interface HqRow {
  hq_name: string | null;
  hq_lat: number | null;
  hq_lon: number | null;
}
const presentHq = (r: HqRow) =>
  r.hq_lat !== null && r.hq_lon !== null ? { name: r.hq_name, lat: r.hq_lat, lon: r.hq_lon } : null;

export async function listDistricts(tx: Tx, stateLgd: number) {
  await requireState(tx, stateLgd);
  const { rows } = await tx.query<
    HqRow & { lgd_code: number; name: string; state_lgd: number; has_boundary: boolean }
  >(
    `SELECT lgd_code, name, state_lgd, hq_name, hq_lat, hq_lon, boundary IS NOT NULL AS has_boundary
     FROM districts WHERE state_lgd = $1 ORDER BY name`,
    [stateLgd],
  );
  return rows.map((r) => ({
    lgdCode: r.lgd_code,
    name: r.name,
    stateLgd: r.state_lgd,
    hq: presentHq(r),
    hasBoundary: r.has_boundary,
  }));
}

export async function getDistrict(tx: Tx, lgdCode: number) {
  const { rows } = await tx.query<
    HqRow & {
      lgd_code: number;
      name: string;
      census2011_code: string | null;
      state_lgd: number;
      state_name: string;
      state_name_hi: string | null;
      has_boundary: boolean;
      station_count: number;
    }
  >(
    `SELECT d.lgd_code, d.name, d.census2011_code, d.hq_name, d.hq_lat, d.hq_lon,
       d.boundary IS NOT NULL AS has_boundary, s.lgd_code AS state_lgd, s.name AS state_name,
       s.name_hi AS state_name_hi,
       (SELECT count(*) FROM railway_stations r WHERE r.district_lgd = d.lgd_code)::int AS station_count
     FROM districts d JOIN states s ON s.lgd_code = d.state_lgd WHERE d.lgd_code = $1`,
    [lgdCode],
  );
  const d = rows[0];
  if (!d) throw notFound(`District with LGD code ${lgdCode}`);
  const subdistricts = await tx.query<{ lgd_code: number; name: string }>(
    'SELECT lgd_code, name FROM subdistricts WHERE district_lgd = $1 ORDER BY name',
    [lgdCode],
  );
  return {
    lgdCode: d.lgd_code,
    name: d.name,
    census2011Code: d.census2011_code,
    state: { lgdCode: d.state_lgd, name: d.state_name, nameHi: d.state_name_hi },
    hq: presentHq(d),
    hasBoundary: d.has_boundary,
    subdistricts: subdistricts.rows.map((s) => ({ lgdCode: s.lgd_code, name: s.name })),
    stationCount: d.station_count,
  };
}

interface BoundaryRow {
  lgd_code: number;
  name: string;
  state_lgd: number;
  boundary: unknown;
}

function toFeature(row: BoundaryRow & { boundary: AreaGeometry }) {
  return {
    type: 'Feature' as const,
    id: row.lgd_code,
    properties: { lgdCode: row.lgd_code, name: row.name, stateLgd: row.state_lgd },
    geometry: row.boundary,
  };
}

export async function getDistrictBoundary(tx: Tx, lgdCode: number) {
  const { rows } = await tx.query<BoundaryRow>(
    'SELECT lgd_code, name, state_lgd, boundary FROM districts WHERE lgd_code = $1',
    [lgdCode],
  );
  const row = rows[0];
  if (!row) throw notFound(`District with LGD code ${lgdCode}`);
  if (!isAreaGeometry(row.boundary)) {
    throw notFound(
      `A boundary for ${row.name} (LGD ${lgdCode}) — the map data has no polygon for this district`,
    );
  }
  return toFeature({ ...row, boundary: row.boundary });
}

/**
 * A validator for the boundary collection: it changes only when the boundary or district import does,
 * so browsers and proxies revalidate the 1 MB payload with a cheap query instead of downloading it.
 */
export async function boundariesEtag(tx: Tx, stateLgd: number | undefined): Promise<string> {
  const { rows } = await tx.query<{ source: string; checksum: string }>(
    'SELECT source, checksum FROM reference_imports WHERE source = ANY($1::text[]) ORDER BY source',
    [[DISTRICT_MAP_FILE, DISTRICTS_FILE]],
  );
  const basis = rows.map((r) => `${r.source}:${r.checksum}`).join('|');
  return `"${sha256(`${basis}|state=${stateLgd ?? 'all'}`).slice(0, 32)}"`;
}

export async function listBoundaries(tx: Tx, stateLgd: number | undefined) {
  if (stateLgd !== undefined) await requireState(tx, stateLgd);
  const { rows } = await tx.query<BoundaryRow>(
    `SELECT lgd_code, name, state_lgd, boundary FROM districts
     WHERE boundary IS NOT NULL AND ($1::int IS NULL OR state_lgd = $1) ORDER BY lgd_code`,
    [stateLgd ?? null],
  );
  return {
    type: 'FeatureCollection' as const,
    features: rows.flatMap((r) =>
      isAreaGeometry(r.boundary) ? [toFeature({ ...r, boundary: r.boundary })] : [],
    ),
  };
}
