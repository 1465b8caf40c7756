/**
 * Railway stations, the commonest interception points. Half the source lacks a State, so the State and
 * district come from the station's coordinates wherever the source cannot give them.
 */
import type { Tx } from '../../db/database.ts';
import { AreaIndex, isAreaGeometry, type Area } from './geo.ts';
import { stateCodesByName, stateOnlyAreas } from './import-boundaries.ts';
import { input, upsertRows, type Inputs, type LoadResult } from './import-util.ts';
import { searchKey } from './normalise.ts';

export const STATIONS_FILE = 'transit/stations.geojson';

export interface Locator {
  /** The district (and its State) containing the point, from district boundaries. */
  district(lon: number, lat: number): { districtLgd: number; stateLgd: number } | undefined;
  /** The State containing the point, also where no district polygon matched (merged Delhi). */
  state(lon: number, lat: number): number | undefined;
}

/** Point-in-polygon over the loaded district boundaries, plus State-only map polygons as a fallback. */
export async function buildLocator(tx: Tx, inputs: Inputs): Promise<Locator> {
  const { rows } = await tx.query<{ lgd_code: number; state_lgd: number; boundary: unknown }>(
    'SELECT lgd_code, state_lgd, boundary FROM districts WHERE boundary IS NOT NULL',
  );
  const districtAreas: Area<{ districtLgd: number; stateLgd: number }>[] = rows.flatMap((row) =>
    isAreaGeometry(row.boundary)
      ? [{ value: { districtLgd: row.lgd_code, stateLgd: row.state_lgd }, geometry: row.boundary }]
      : [],
  );
  const districts = new AreaIndex(districtAreas);
  const states = new AreaIndex(stateOnlyAreas(inputs, await stateCodesByName(tx)));
  return {
    district: (lon, lat) => districts.findNear(lon, lat),
    state: (lon, lat) =>
      districts.find(lon, lat)?.stateLgd ?? states.find(lon, lat) ?? districts.findNear(lon, lat)?.stateLgd,
  };
}

interface StationFeature {
  code: string;
  name: string;
  zone: string | null;
  address: string | null;
  state: string | null;
  lon: number | null;
  lat: number | null;
}

function readStations(data: Buffer): StationFeature[] {
  const parsed = JSON.parse(data.toString('utf8')) as { features?: unknown[] };
  return (parsed.features ?? []).flatMap((feature) => {
    const { properties, geometry } = feature as {
      properties?: Record<string, unknown>;
      geometry?: { type?: unknown; coordinates?: unknown } | null;
    };
    const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);
    const code = text(properties?.code);
    const name = text(properties?.name);
    if (!code || !name) return [];
    const coordinates = geometry?.type === 'Point' ? geometry.coordinates : undefined;
    const [lon, lat] = Array.isArray(coordinates) ? (coordinates as unknown[]) : [];
    const valid = typeof lon === 'number' && typeof lat === 'number';
    return [
      {
        code,
        name,
        zone: text(properties?.zone),
        address: text(properties?.address),
        state: text(properties?.state),
        lon: valid ? lon : null,
        lat: valid ? lat : null,
      },
    ];
  });
}

/**
 * States split since the station addresses were geocoded: Telangana from Andhra Pradesh (2014),
 * Uttarakhand, Chhattisgarh and Jharkhand (2000), Ladakh (2019). A station whose point lies in the
 * successor State was named after the parent by an old geocoder; its point is the better witness.
 */
const SUCCESSORS: Readonly<Record<number, readonly number[]>> = {
  28: [36],
  9: [5],
  23: [22],
  10: [20],
  1: [37],
};

/** datameet lists a few placeholder rows ("XX-BECE") that name no station and have no location. */
const isPlaceholder = (s: StationFeature) => /^(XX|YY)-/.test(s.code) && s.lat === null;

export async function loadStations(tx: Tx, inputs: Inputs): Promise<LoadResult> {
  const stations = readStations(input(inputs, STATIONS_FILE));
  const stateByName = await stateCodesByName(tx);
  const locate = await buildLocator(tx, inputs);
  const stats = {
    stations: 0,
    placeholdersSkipped: 0,
    withCoordinates: 0,
    stateFromSource: 0,
    stateByPointInPolygon: 0,
    stateUnmatched: 0,
    stateUpdatedForReorganisation: 0,
    unknownSourceState: 0,
    districtByPointInPolygon: 0,
    districtOutsideSourceState: 0,
  };
  const rows = [];
  for (const station of stations) {
    if (isPlaceholder(station)) {
      stats.placeholdersSkipped++;
      continue;
    }
    const hasPoint = station.lon !== null && station.lat !== null;
    if (hasPoint) stats.withCoordinates++;
    const found = hasPoint ? locate.district(station.lon ?? 0, station.lat ?? 0) : undefined;
    let stateLgd = station.state ? stateByName.get(station.state.toLowerCase()) : undefined;
    if (station.state && stateLgd === undefined) stats.unknownSourceState++;
    let stateFrom: 'source' | 'point_in_polygon' | null = stateLgd === undefined ? null : 'source';
    if (stateLgd !== undefined && found && SUCCESSORS[stateLgd]?.includes(found.stateLgd)) {
      stateLgd = found.stateLgd;
      stateFrom = 'point_in_polygon';
      stats.stateUpdatedForReorganisation++;
    }
    if (stateLgd === undefined && hasPoint) {
      stateLgd = locate.state(station.lon ?? 0, station.lat ?? 0);
      if (stateLgd !== undefined) stateFrom = 'point_in_polygon';
    }
    if (stateFrom === 'source') stats.stateFromSource++;
    else if (stateFrom === 'point_in_polygon') stats.stateByPointInPolygon++;
    else stats.stateUnmatched++;
    let districtLgd: number | null = null;
    if (found && found.stateLgd === stateLgd) {
      districtLgd = found.districtLgd;
      stats.districtByPointInPolygon++;
    } else if (found) {
      // A station on a State border whose point falls just across it: its State is the railway's word,
      // and a district of another State would put it in two jurisdictions at once.
      stats.districtOutsideSourceState++;
    }
    stats.stations++;
    rows.push({
      code: station.code,
      name: station.name,
      zone: station.zone,
      address: station.address,
      state_lgd: stateLgd ?? null,
      district_lgd: districtLgd,
      state_from: stateFrom,
      lat: station.lat,
      lon: station.lon,
      name_key: searchKey(station.name),
    });
  }
  await upsertRows(tx, {
    table: 'railway_stations',
    columns: [
      { name: 'code', type: 'text' },
      { name: 'name', type: 'text' },
      { name: 'zone', type: 'text' },
      { name: 'address', type: 'text' },
      { name: 'state_lgd', type: 'integer' },
      { name: 'district_lgd', type: 'integer' },
      { name: 'state_from', type: 'text' },
      { name: 'lat', type: 'double precision' },
      { name: 'lon', type: 'double precision' },
      { name: 'name_key', type: 'text' },
    ],
    key: ['code'],
    rows,
  });
  const notes = [
    `State: ${stats.stateFromSource} from the source, ${stats.stateByPointInPolygon} by point-in-polygon` +
      ` (${stats.stateUpdatedForReorganisation} of them named the pre-split State), ${stats.stateUnmatched} unmatched`,
    `district by point-in-polygon: ${stats.districtByPointInPolygon} of ${stats.withCoordinates} with coordinates` +
      ` (${stats.districtOutsideSourceState} fall in a district of another State than the source names)`,
  ];
  if (stats.placeholdersSkipped > 0) notes.push(`${stats.placeholdersSkipped} placeholder rows skipped`);
  return { rows: rows.length, stats, notes };
}
