/**
 * The trafficking route: recruitment → transit → exploitation (→ rescue), each at a place that is an LGD
 * district, a railway station, a land border crossing or a foreign country. Each event's State and
 * district are resolved once, at write time, so analytics can group by place without joins.
 */
import type { Tx } from '../../db/database.ts';
import type { RequestScope } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import type { RouteEventInput, RouteEventView } from './schemas.ts';

interface ResolvedPlace {
  stateLgd: number | null;
  districtLgd: number | null;
}

const placeField: Record<RouteEventInput['placeKind'], keyof RouteEventInput> = {
  district: 'districtLgd',
  station: 'stationCode',
  border_crossing: 'borderCrossingLocode',
  foreign_country: 'countryCode',
};

async function resolvePlace(tx: Tx, event: RouteEventInput, index: number): Promise<ResolvedPlace> {
  const where = `route[${index}]`;
  const field = placeField[event.placeKind];
  if (event[field] === undefined) {
    throw new AppError(
      400,
      'bad_request',
      `${where}: a ${event.placeKind.replace('_', ' ')} place needs ${field}.`,
      { field: `${where}.${field}` },
    );
  }
  const lookup = async (sql: string, value: unknown, what: string) => {
    const { rows } = await tx.query<{ state_lgd: number | null; district_lgd: number | null }>(sql, [value]);
    const row = rows[0];
    if (!row)
      throw new AppError(422, 'unknown_place', `${where}: there is no ${what} "${String(value)}".`, {
        field: `${where}.${field}`,
      });
    return { stateLgd: row.state_lgd, districtLgd: row.district_lgd };
  };
  switch (event.placeKind) {
    case 'district':
      return lookup(
        'SELECT state_lgd, lgd_code AS district_lgd FROM districts WHERE lgd_code = $1',
        event.districtLgd,
        'district with LGD code',
      );
    case 'station':
      return lookup(
        'SELECT state_lgd, district_lgd FROM railway_stations WHERE code = upper($1)',
        event.stationCode,
        'railway station with code',
      );
    case 'border_crossing':
      return lookup(
        'SELECT state_lgd, district_lgd FROM border_crossings WHERE locode = upper($1)',
        event.borderCrossingLocode,
        'border crossing with UN/LOCODE',
      );
    case 'foreign_country':
      if (event.countryCode === 'IN') {
        throw new AppError(
          400,
          'bad_request',
          `${where}: a place in India is a district, station or border crossing, not a foreign country.`,
        );
      }
      return { stateLgd: null, districtLgd: null };
  }
}

/** Replaces a case's route with the given events in order. */
export async function replaceRoute(
  scope: RequestScope,
  caseId: string,
  stateLgd: number,
  events: RouteEventInput[],
): Promise<void> {
  const resolved: ResolvedPlace[] = [];
  for (const [index, event] of events.entries()) resolved.push(await resolvePlace(scope.tx, event, index));
  const dates = events.map((e) => e.occurredOn).filter((d): d is string => typeof d === 'string');
  const today = new Date().toISOString().slice(0, 10);
  if (dates.some((d) => d > today))
    throw new AppError(400, 'bad_request', 'A route date cannot be in the future.');
  await scope.tx.query('DELETE FROM case_route_events WHERE case_id = $1', [caseId]);
  for (const [index, event] of events.entries()) {
    const place = resolved[index] ?? { stateLgd: null, districtLgd: null };
    await scope.tx.query(
      `INSERT INTO case_route_events (case_id, state_lgd, position, stage, place_kind, district_lgd, station_code,
         border_crossing_locode, country_code, place_state_lgd, place_district_lgd, place_note, occurred_on)
       VALUES ($1, $2, $3, $4, $5, $6, upper($7), upper($8), $9, $10, $11, $12, $13)`,
      [
        caseId,
        stateLgd,
        index + 1,
        event.stage,
        event.placeKind,
        event.districtLgd ?? null,
        event.stationCode ?? null,
        event.borderCrossingLocode ?? null,
        event.countryCode ?? null,
        place.stateLgd,
        place.districtLgd,
        event.placeNote ?? null,
        event.occurredOn ?? null,
      ],
    );
  }
}

interface RouteRow {
  id: string;
  position: number;
  stage: string;
  place_kind: string;
  district_lgd: number | null;
  station_code: string | null;
  border_crossing_locode: string | null;
  country_code: string | null;
  place_state_lgd: number | null;
  place_state_name: string | null;
  place_district_lgd: number | null;
  place_district_name: string | null;
  station_name: string | null;
  crossing_name: string | null;
  lat: number | null;
  lon: number | null;
  place_note: string | null;
  occurred_on: string | null;
}

const COUNTRY_NAMES: Record<string, string> = {
  NP: 'Nepal',
  BD: 'Bangladesh',
  BT: 'Bhutan',
  MM: 'Myanmar',
  PK: 'Pakistan',
  CN: 'China',
  LK: 'Sri Lanka',
  AE: 'United Arab Emirates',
  SA: 'Saudi Arabia',
  OM: 'Oman',
  QA: 'Qatar',
  KW: 'Kuwait',
  MY: 'Malaysia',
  TH: 'Thailand',
};

export async function loadRoute(tx: Tx, caseId: string): Promise<RouteEventView[]> {
  const { rows } = await tx.query<RouteRow>(
    `SELECT e.id, e.position, e.stage, e.place_kind, e.district_lgd, e.station_code, e.border_crossing_locode, e.country_code,
       e.place_state_lgd, s.name AS place_state_name, e.place_district_lgd, d.name AS place_district_name,
       st.name AS station_name, bc.name AS crossing_name,
       coalesce(st.lat, bc.lat, d.hq_lat) AS lat, coalesce(st.lon, bc.lon, d.hq_lon) AS lon,
       e.place_note, e.occurred_on::text AS occurred_on
     FROM case_route_events e
     LEFT JOIN states s ON s.lgd_code = e.place_state_lgd
     LEFT JOIN districts d ON d.lgd_code = e.place_district_lgd
     LEFT JOIN railway_stations st ON st.code = e.station_code
     LEFT JOIN border_crossings bc ON bc.locode = e.border_crossing_locode
     WHERE e.case_id = $1 ORDER BY e.position`,
    [caseId],
  );
  return rows.map((row) => ({
    id: row.id,
    position: row.position,
    stage: row.stage,
    placeKind: row.place_kind,
    placeName:
      row.station_name ??
      row.crossing_name ??
      row.place_district_name ??
      (row.country_code ? (COUNTRY_NAMES[row.country_code] ?? row.country_code) : 'Unknown place'),
    districtLgd: row.district_lgd,
    stationCode: row.station_code,
    borderCrossingLocode: row.border_crossing_locode,
    countryCode: row.country_code,
    placeStateLgd: row.place_state_lgd,
    placeStateName: row.place_state_name,
    placeDistrictLgd: row.place_district_lgd,
    placeDistrictName: row.place_district_name,
    lat: row.lat,
    lon: row.lon,
    placeNote: row.place_note,
    occurredOn: row.occurred_on,
  }));
}
