/** Read access to transit points: railway stations and land border crossings. */
import type { Tx } from '../../db/database.ts';
import { badRequest } from '../../server/errors.ts';
import { NEIGHBOURS, type Neighbour } from './import-border-crossings.ts';
import { searchKey } from './normalise.ts';
import type { BorderCrossingResult, StationResult } from './schemas.ts';
import { keyLikePattern, likePattern, requireSearchText } from './search.ts';

const STATION_FILTER = `($1::int IS NULL OR r.state_lgd = $1) AND ($2::int IS NULL OR r.district_lgd = $2)
  AND ($3::text IS NULL OR r.code = upper($3) OR lower(r.name) LIKE $4 OR r.name_key LIKE $5
    OR r.name_key % $6 OR lower(r.name) % lower($3))`;

interface StationFilter {
  state?: number;
  district?: number;
  q?: string;
}

function stationParams(filter: StationFilter, q: string | null): unknown[] {
  return [
    filter.state ?? null,
    filter.district ?? null,
    q,
    q === null ? null : likePattern(q),
    q === null ? null : keyLikePattern(q),
    q === null ? null : searchKey(q),
  ];
}

export async function listStations(
  tx: Tx,
  filter: StationFilter & { limit: number; offset: number },
): Promise<{ total: number; items: StationResult[] }> {
  const q = filter.q === undefined ? null : requireSearchText(filter.q, 'a station');
  const { rows } = await tx.query<{
    code: string;
    name: string;
    zone: string | null;
    state_lgd: number | null;
    state_name: string | null;
    district_lgd: number | null;
    district_name: string | null;
    state_from: 'source' | 'point_in_polygon' | null;
    lat: number | null;
    lon: number | null;
    total: number;
  }>(
    `SELECT r.code, r.name, r.zone, r.state_lgd, s.name AS state_name, r.district_lgd,
       d.name AS district_name, r.state_from, r.lat, r.lon, count(*) OVER ()::int AS total
     FROM railway_stations r
     LEFT JOIN states s ON s.lgd_code = r.state_lgd
     LEFT JOIN districts d ON d.lgd_code = r.district_lgd
     WHERE ${STATION_FILTER}
     ORDER BY CASE WHEN $3::text IS NULL THEN 0
       ELSE -(CASE WHEN r.code = upper($3) THEN 2 ELSE 0 END
         + greatest(similarity(r.name_key, $6), similarity(lower(r.name), lower($3)))) END,
       r.name, r.code
     LIMIT $7 OFFSET $8`,
    [...stationParams(filter, q), filter.limit, filter.offset],
  );
  // A page past the end has no rows to carry the window count; the pager still needs the total.
  const total = rows[0]?.total ?? (filter.offset > 0 ? await countStations(tx, filter, q) : 0);
  const items = rows.map((r) => ({
    code: r.code,
    name: r.name,
    zone: r.zone,
    stateLgd: r.state_lgd,
    stateName: r.state_name,
    districtLgd: r.district_lgd,
    districtName: r.district_name,
    stateFrom: r.state_from,
    lat: r.lat,
    lon: r.lon,
  }));
  return { total, items };
}

async function countStations(tx: Tx, filter: StationFilter, q: string | null): Promise<number> {
  const { rows } = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM railway_stations r WHERE ${STATION_FILTER}`,
    stationParams(filter, q),
  );
  return rows[0]?.n ?? 0;
}

export function parseCountry(country: string | undefined): Neighbour | undefined {
  if (country === undefined || country.trim() === '') return undefined;
  const match = NEIGHBOURS.find((n) => n.toLowerCase() === country.trim().toLowerCase());
  if (!match) {
    throw badRequest(`Unknown neighbour country "${country}". Use one of: ${NEIGHBOURS.join(', ')}.`);
  }
  return match;
}

export async function listBorderCrossings(
  tx: Tx,
  filter: { country?: string; state?: number },
): Promise<BorderCrossingResult[]> {
  const { rows } = await tx.query<{
    locode: string;
    name: string;
    neighbour_country: BorderCrossingResult['neighbourCountry'];
    state_lgd: number | null;
    state_name: string | null;
    district_lgd: number | null;
    district_name: string | null;
    lat: number | null;
    lon: number | null;
    station_code: string | null;
    station_name: string | null;
    station_lat: number | null;
    station_lon: number | null;
  }>(
    `SELECT b.locode, b.name, b.neighbour_country, b.state_lgd, s.name AS state_name, b.district_lgd,
       d.name AS district_name, b.lat, b.lon, r.code AS station_code, r.name AS station_name,
       r.lat AS station_lat, r.lon AS station_lon
     FROM border_crossings b
     LEFT JOIN states s ON s.lgd_code = b.state_lgd
     LEFT JOIN districts d ON d.lgd_code = b.district_lgd
     LEFT JOIN railway_stations r ON r.code = b.nearest_station_code
     WHERE ($1::text IS NULL OR b.neighbour_country = $1) AND ($2::int IS NULL OR b.state_lgd = $2)
     ORDER BY b.name`,
    [filter.country ?? null, filter.state ?? null],
  );
  return rows.map((r) => ({
    locode: r.locode,
    name: r.name,
    neighbourCountry: r.neighbour_country,
    stateLgd: r.state_lgd,
    stateName: r.state_name,
    districtLgd: r.district_lgd,
    districtName: r.district_name,
    lat: r.lat,
    lon: r.lon,
    nearestStation:
      r.station_code !== null && r.station_name !== null
        ? { code: r.station_code, name: r.station_name, lat: r.station_lat, lon: r.station_lon }
        : null,
  }));
}
