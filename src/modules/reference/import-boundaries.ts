/**
 * District boundaries and headquarters. The map's own district codes are unreliable, so polygons are
 * joined to LGD districts only through the crosswalk (map district + map State → LGD district code).
 */
import type { Tx } from '../../db/database.ts';
import { isAreaGeometry, mergeAndRound, type Area, type AreaGeometry } from './geo.ts';
import { input, intOrNull, numberOrNull, readCsv, type Inputs, type LoadResult } from './import-util.ts';
import { STATE_ALIASES } from './names.ts';

export const CROSSWALK_FILE = 'geo/crosswalk_map_district_to_lgd.csv';
export const DISTRICT_MAP_FILE = 'geo/india_districts.geojson';
export const HQ_POINTS_FILE = 'geo/district_hq_points.csv';

interface MapPolygon {
  district: string;
  state: string;
  geometry: AreaGeometry;
}

const mapKey = (district: string, state: string) => `${district.trim()}|${state.trim()}`.toLowerCase();

export function readMapPolygons(data: Buffer): MapPolygon[] {
  const parsed = JSON.parse(data.toString('utf8')) as { features?: unknown[] };
  const polygons: MapPolygon[] = [];
  for (const feature of parsed.features ?? []) {
    const { properties, geometry } = feature as { properties?: Record<string, unknown>; geometry?: unknown };
    const district = properties?.district;
    const state = properties?.st_nm;
    if (typeof district !== 'string' || typeof state !== 'string' || !isAreaGeometry(geometry)) continue;
    polygons.push({ district, state, geometry });
  }
  return polygons;
}

interface CrosswalkEntry {
  lgdDistrict: number | null;
  hq: { name: string | null; lat: number; lon: number } | null;
}

function readCrosswalk(data: Buffer): Map<string, CrosswalkEntry> {
  const entries = new Map<string, CrosswalkEntry>();
  for (const row of readCsv(data)) {
    const lat = numberOrNull(row.hq_lat);
    const lon = numberOrNull(row.hq_lon);
    entries.set(mapKey(row.map_district ?? '', row.map_state ?? ''), {
      lgdDistrict: intOrNull(row.lgd_district_code),
      hq: lat !== null && lon !== null ? { name: row.hq_name?.trim() || null, lat, lon } : null,
    });
  }
  return entries;
}

/**
 * Map polygons the crosswalk could not give an LGD district (merged Delhi, two new Telangana districts)
 * still say which State they lie in; the station importer uses them to find a State where no district fits.
 */
export function stateOnlyAreas(inputs: Inputs, stateCodeByName: ReadonlyMap<string, number>): Area<number>[] {
  const crosswalk = readCrosswalk(input(inputs, CROSSWALK_FILE));
  return readMapPolygons(input(inputs, DISTRICT_MAP_FILE)).flatMap((polygon) => {
    if (crosswalk.get(mapKey(polygon.district, polygon.state))?.lgdDistrict != null) return [];
    const state = stateCodeByName.get(polygon.state.trim().toLowerCase());
    return state === undefined ? [] : [{ value: state, geometry: polygon.geometry }];
  });
}

/** Lower-cased State names (and known aliases) to LGD codes, from the loaded States. */
export async function stateCodesByName(tx: Tx): Promise<Map<string, number>> {
  const { rows } = await tx.query<{ lgd_code: number; name: string }>('SELECT lgd_code, name FROM states');
  const byName = new Map<string, number>(Object.entries(STATE_ALIASES));
  for (const row of rows) {
    byName.set(row.name.toLowerCase(), row.lgd_code);
    byName.set(row.name.toLowerCase().replaceAll(' and ', ' & '), row.lgd_code);
  }
  return byName;
}

export async function loadBoundaries(tx: Tx, inputs: Inputs): Promise<LoadResult> {
  const crosswalk = readCrosswalk(input(inputs, CROSSWALK_FILE));
  const polygons = readMapPolygons(input(inputs, DISTRICT_MAP_FILE));
  const hqPoints = new Map<number, { name: string | null; lat: number; lon: number }>();
  for (const row of readCsv(input(inputs, HQ_POINTS_FILE))) {
    const code = intOrNull(row.district_lgd);
    const lat = numberOrNull(row.lat);
    const lon = numberOrNull(row.lon);
    if (code !== null && lat !== null && lon !== null) {
      hqPoints.set(code, { name: row.hq_name?.trim() || null, lat, lon });
    }
  }

  const { rows: districts } = await tx.query<{ lgd_code: number }>('SELECT lgd_code FROM districts');
  const known = new Set(districts.map((d) => d.lgd_code));
  const byDistrict = new Map<number, AreaGeometry[]>();
  const unmatched: string[] = [];
  for (const polygon of polygons) {
    const code = crosswalk.get(mapKey(polygon.district, polygon.state))?.lgdDistrict;
    if (code == null || !known.has(code)) {
      unmatched.push(`${polygon.district} (${polygon.state})`);
      continue;
    }
    byDistrict.set(code, [...(byDistrict.get(code) ?? []), polygon.geometry]);
  }
  const crosswalkHq = new Map<number, CrosswalkEntry['hq']>();
  for (const entry of crosswalk.values()) {
    if (entry.lgdDistrict !== null && entry.hq) crosswalkHq.set(entry.lgdDistrict, entry.hq);
  }

  const stats = { boundaries: 0, merged: 0, hqFromCrosswalk: 0, hqFromPoints: 0, withoutHq: 0 };
  // Every district gets a row, so a polygon dropped from the crosswalk is cleared, not left stale.
  const rows = districts.map(({ lgd_code: code }) => {
    const geometries = byDistrict.get(code) ?? [];
    const boundary = geometries.length > 0 ? mergeAndRound(geometries) : null;
    if (boundary) stats.boundaries++;
    if (geometries.length > 1) stats.merged++;
    const hq = crosswalkHq.get(code) ?? hqPoints.get(code) ?? null;
    if (crosswalkHq.has(code)) stats.hqFromCrosswalk++;
    else if (hq) stats.hqFromPoints++;
    else stats.withoutHq++;
    return {
      lgd_code: code,
      boundary,
      hq_name: hq?.name ?? null,
      hq_lat: hq?.lat ?? null,
      hq_lon: hq?.lon ?? null,
    };
  });
  for (let i = 0; i < rows.length; i += 200) {
    await tx.query(
      `UPDATE districts d SET boundary = x.boundary, hq_name = x.hq_name, hq_lat = x.hq_lat, hq_lon = x.hq_lon
       FROM jsonb_to_recordset($1::jsonb)
         AS x(lgd_code integer, boundary jsonb, hq_name text, hq_lat double precision, hq_lon double precision)
       WHERE d.lgd_code = x.lgd_code
         AND (d.boundary IS DISTINCT FROM x.boundary OR d.hq_name IS DISTINCT FROM x.hq_name
           OR d.hq_lat IS DISTINCT FROM x.hq_lat OR d.hq_lon IS DISTINCT FROM x.hq_lon)`,
      [JSON.stringify(rows.slice(i, i + 200))],
    );
  }
  const notes = [
    `${stats.boundaries} of ${districts.length} districts have a boundary`,
    `HQ: ${stats.hqFromCrosswalk} from the crosswalk, ${stats.hqFromPoints} from district_hq_points.csv, ${stats.withoutHq} without`,
  ];
  if (unmatched.length > 0) notes.push(`map polygons without an LGD district: ${unmatched.join(', ')}`);
  return { rows: polygons.length, stats: { ...stats, unmatchedPolygons: unmatched.length }, notes };
}
