/** Place figures: district roles, corridors (origin → destination) and transit hubs, from route events. */
import type { Tx } from '../../db/database.ts';
import { classifyDistrict, type DistrictRole } from './classify.ts';
import { dateConditions, Params, whereClause, type Filters } from './filters.ts';

export interface DistrictRoleRow {
  districtLgd: number;
  districtName: string;
  stateLgd: number;
  stateName: string;
  sourceCases: number;
  transitCases: number;
  destinationCases: number;
  /** Distinct cases touching the district in any counted role. */
  cases: number;
  sourceShare: number;
  transitShare: number;
  destinationShare: number;
  role: DistrictRole;
}

/** Distinct cases by stage in a district, as the district-role queries return them. */
export interface DistrictStageCounts {
  district_lgd: number;
  district_name: string;
  state_lgd: number;
  state_name: string;
  source: number;
  transit: number;
  destination: number;
  cases: number;
}

/** A district's counts by stage, with its names, as a classified row. */
export function toDistrictRoleRow(r: DistrictStageCounts): DistrictRoleRow {
  const { role, shares } = classifyDistrict(r);
  return {
    districtLgd: r.district_lgd,
    districtName: r.district_name,
    stateLgd: r.state_lgd,
    stateName: r.state_name,
    sourceCases: r.source,
    transitCases: r.transit,
    destinationCases: r.destination,
    cases: r.cases,
    sourceShare: shares.source,
    transitShare: shares.transit,
    destinationShare: shares.destination,
    // Rows exist only for districts with counted events, so a role is always found.
    role: role ?? 'mixed',
  };
}

export async function districtRoles(tx: Tx, f: Filters): Promise<DistrictRoleRow[]> {
  const p = new Params();
  const where = [`e.place_district_lgd IS NOT NULL`, `e.stage IN ('recruitment', 'transit', 'exploitation')`];
  if (f.district !== null) where.push(`e.place_district_lgd = ${p.add(f.district)}`);
  else if (f.state !== null) where.push(`e.place_state_lgd = ${p.add(f.state)}`);
  const dates = whereClause(dateConditions(f, p));
  const { rows } = await tx.query<DistrictStageCounts>(
    // Visible cases first, then their route events by case id (see trends() for why).
    `WITH scoped AS MATERIALIZED (SELECT c.id FROM cases c ${dates}),
     counted AS (
       SELECT e.place_district_lgd AS district_lgd,
         count(DISTINCT e.case_id) FILTER (WHERE e.stage = 'recruitment')::int AS source,
         count(DISTINCT e.case_id) FILTER (WHERE e.stage = 'transit')::int AS transit,
         count(DISTINCT e.case_id) FILTER (WHERE e.stage = 'exploitation')::int AS destination,
         count(DISTINCT e.case_id)::int AS cases
       FROM scoped s JOIN case_route_events e ON e.case_id = s.id
       ${whereClause(where)}
       GROUP BY e.place_district_lgd)
     SELECT k.*, d.name AS district_name, d.state_lgd, s.name AS state_name
     FROM counted k JOIN districts d ON d.lgd_code = k.district_lgd JOIN states s ON s.lgd_code = d.state_lgd
     ORDER BY k.cases DESC, d.name, d.lgd_code`,
    p.values,
  );
  return rows.map(toDistrictRoleRow);
}

export type CorridorLevel = 'district' | 'state';

export interface CorridorRow {
  originCode: string;
  originName: string;
  originStateName: string | null;
  destinationCode: string;
  destinationName: string;
  destinationStateName: string | null;
  cases: number;
  /** District headquarters [lon, lat] for arcs on a map; null for States and foreign countries. */
  originPoint: [number, number] | null;
  destinationPoint: [number, number] | null;
}

interface PlaceName {
  name: string;
  stateName: string | null;
  point: [number, number] | null;
}

/**
 * A case's corridor runs from its first recruitment place to its last exploitation place (a district in
 * India, or a foreign country), at district or State level. Cases without both are not counted.
 */
export async function corridors(
  tx: Tx,
  f: Filters,
  level: CorridorLevel,
  limit: number,
): Promise<CorridorRow[]> {
  const p = new Params();
  const dates = dateConditions(f, p);
  const placeKey = (a: string) =>
    level === 'district'
      ? `coalesce(${a}.place_district_lgd::text, 'country:' || ${a}.country_code)`
      : `coalesce(${a}.place_state_lgd::text, 'country:' || ${a}.country_code)`;
  const placeFilter: string[] = [];
  // With a place, only cases with a recruitment or exploitation event there can qualify: found through
  // the place index first instead of working out every visible case's corridor.
  const touching: string[] = [];
  if (f.district !== null) {
    const d = p.add(f.district);
    placeFilter.push(`(o.place_district_lgd = ${d} OR x.place_district_lgd = ${d})`);
    touching.push(
      `c.id IN (SELECT t.case_id FROM case_route_events t WHERE t.place_district_lgd = ${d} AND t.stage IN ('recruitment', 'exploitation'))`,
    );
  } else if (f.state !== null) {
    const s = p.add(f.state);
    placeFilter.push(`(o.place_state_lgd = ${s} OR x.place_state_lgd = ${s})`);
    touching.push(
      `c.id IN (SELECT t.case_id FROM case_route_events t WHERE t.place_state_lgd = ${s} AND t.stage IN ('recruitment', 'exploitation'))`,
    );
  }
  const lim = p.add(limit);
  const { rows } = await tx.query<{ origin: string; destination: string; cases: number }>(
    `WITH scoped AS MATERIALIZED (SELECT c.id FROM cases c ${whereClause([...dates, ...touching])}),
     o AS (SELECT DISTINCT ON (e.case_id) e.case_id, e.place_district_lgd, e.place_state_lgd, e.country_code
           FROM case_route_events e JOIN scoped s ON s.id = e.case_id
           WHERE e.stage = 'recruitment' AND (e.place_district_lgd IS NOT NULL OR e.country_code IS NOT NULL)
           ORDER BY e.case_id, e.position),
     x AS (SELECT DISTINCT ON (e.case_id) e.case_id, e.place_district_lgd, e.place_state_lgd, e.country_code
           FROM case_route_events e JOIN scoped s ON s.id = e.case_id
           WHERE e.stage = 'exploitation' AND (e.place_district_lgd IS NOT NULL OR e.country_code IS NOT NULL)
           ORDER BY e.case_id, e.position DESC)
     SELECT ${placeKey('o')} AS origin, ${placeKey('x')} AS destination, count(*)::int AS cases
     FROM o JOIN x ON x.case_id = o.case_id
     ${whereClause(placeFilter)}
     GROUP BY 1, 2 ORDER BY cases DESC, 1, 2 LIMIT ${lim}`,
    p.values,
  );
  return nameCorridors(tx, level, rows);
}

/** Corridor rows by place key, with the names and map points of their ends. */
export async function nameCorridors(
  tx: Tx,
  level: CorridorLevel,
  rows: readonly { origin: string; destination: string; cases: number }[],
): Promise<CorridorRow[]> {
  const names = await placeNames(
    tx,
    level,
    rows.flatMap((r) => [r.origin, r.destination]),
  );
  return rows.map((r) => {
    const o = names.get(r.origin);
    const d = names.get(r.destination);
    return {
      originCode: r.origin,
      originName: o?.name ?? r.origin,
      originStateName: o?.stateName ?? null,
      destinationCode: r.destination,
      destinationName: d?.name ?? r.destination,
      destinationStateName: d?.stateName ?? null,
      cases: r.cases,
      originPoint: o?.point ?? null,
      destinationPoint: d?.point ?? null,
    };
  });
}

/** Names for corridor keys: LGD codes of districts or States, or `country:XX`. */
async function placeNames(
  tx: Tx,
  level: CorridorLevel,
  keys: readonly string[],
): Promise<Map<string, PlaceName>> {
  const codes = [...new Set(keys.filter((k) => /^\d+$/.test(k)).map(Number))];
  const out = new Map<string, PlaceName>();
  for (const key of keys) {
    if (key.startsWith('country:'))
      out.set(key, { name: countryName(key.slice(8)), stateName: null, point: null });
  }
  if (codes.length === 0) return out;
  const { rows } =
    level === 'district'
      ? await tx.query<{
          code: number;
          name: string;
          state_name: string | null;
          lon: number | null;
          lat: number | null;
        }>(
          `SELECT d.lgd_code AS code, d.name, s.name AS state_name, d.hq_lon AS lon, d.hq_lat AS lat
           FROM districts d JOIN states s ON s.lgd_code = d.state_lgd
           WHERE d.lgd_code = ANY($1::int[])`,
          [codes],
        )
      : await tx.query<{
          code: number;
          name: string;
          state_name: string | null;
          lon: number | null;
          lat: number | null;
        }>(
          'SELECT lgd_code AS code, name, NULL AS state_name, NULL::float8 AS lon, NULL::float8 AS lat FROM states WHERE lgd_code = ANY($1::int[])',
          [codes],
        );
  for (const r of rows) {
    const point: [number, number] | null = r.lon !== null && r.lat !== null ? [r.lon, r.lat] : null;
    out.set(String(r.code), { name: r.name, stateName: r.state_name, point });
  }
  return out;
}

const COUNTRIES: Record<string, string> = {
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
  KW: 'Kuwait',
  QA: 'Qatar',
  MY: 'Malaysia',
  TH: 'Thailand',
  KH: 'Cambodia',
  LA: 'Laos',
};
export function countryName(code: string): string {
  return COUNTRIES[code] ?? code;
}

export interface HubRow {
  kind: 'station' | 'border_crossing';
  code: string;
  name: string;
  districtLgd: number | null;
  districtName: string | null;
  stateName: string | null;
  cases: number;
  transitCases: number;
  rescueCases: number;
}

/**
 * Names the ranked hubs of `hubsSql` (columns kind, code, district_lgd, cases, transit, rescue) with their
 * station or crossing, district and State.
 */
export async function queryNamedHubs(tx: Tx, hubsSql: string, values: unknown[]): Promise<HubRow[]> {
  const { rows } = await tx.query<{
    kind: 'station' | 'border_crossing';
    code: string;
    name: string | null;
    district_lgd: number | null;
    district_name: string | null;
    state_name: string | null;
    cases: number;
    transit: number;
    rescue: number;
  }>(
    `WITH hubs AS (${hubsSql})
     SELECT h.*, coalesce(rs.name, bc.name) AS name, d.name AS district_name, s.name AS state_name
     FROM hubs h
     LEFT JOIN railway_stations rs ON h.kind = 'station' AND rs.code = h.code
     LEFT JOIN border_crossings bc ON h.kind = 'border_crossing' AND bc.locode = h.code
     LEFT JOIN districts d ON d.lgd_code = h.district_lgd
     LEFT JOIN states s ON s.lgd_code = d.state_lgd
     ORDER BY h.cases DESC, h.code`,
    values,
  );
  return rows.map((r) => ({
    kind: r.kind,
    code: r.code,
    name: r.name ?? r.code,
    districtLgd: r.district_lgd,
    districtName: r.district_name,
    stateName: r.state_name,
    cases: r.cases,
    transitCases: r.transit,
    rescueCases: r.rescue,
  }));
}

/** Railway stations and border crossings on the routes of cases, ranked by the cases passing them. */
export function transitHubs(tx: Tx, f: Filters, limit: number): Promise<HubRow[]> {
  const p = new Params();
  const where = [`e.place_kind IN ('station', 'border_crossing')`];
  if (f.district !== null) where.push(`e.place_district_lgd = ${p.add(f.district)}`);
  else if (f.state !== null) where.push(`e.place_state_lgd = ${p.add(f.state)}`);
  const dates = whereClause(dateConditions(f, p));
  const lim = p.add(limit);
  return queryNamedHubs(
    tx,
    `WITH scoped AS MATERIALIZED (SELECT c.id FROM cases c ${dates})
     SELECT e.place_kind::text AS kind, coalesce(e.station_code, e.border_crossing_locode) AS code,
       min(e.place_district_lgd) AS district_lgd,
       count(DISTINCT e.case_id)::int AS cases,
       count(DISTINCT e.case_id) FILTER (WHERE e.stage = 'transit')::int AS transit,
       count(DISTINCT e.case_id) FILTER (WHERE e.stage = 'rescue')::int AS rescue
     FROM scoped s JOIN case_route_events e ON e.case_id = s.id
     ${whereClause(where)}
     GROUP BY 1, 2 ORDER BY cases DESC, 2 LIMIT ${lim}`,
    p.values,
  );
}
