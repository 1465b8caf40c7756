/** Types and helpers for the Nodal Cell analytics API (`/api/analytics/*`, `/api/statistics/*`). */
import type { ApiResponse, AssertNone } from './client';
import type { Role } from './types';

export const ANALYTICS_ROLES: readonly Role[] = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'auditor',
];

export type DistrictRole = DistrictRoleRow['role'];

/** Every figure answers `{ filters, rows }`; the row types below come from the generated API types. */
export type AppliedFilters = ApiResponse<'/api/analytics/district-roles'>['filters'];

export interface Figure<T> {
  filters: AppliedFilters;
  rows: T[];
}

export type DistrictRoleRow = ApiResponse<'/api/analytics/district-roles'>['rows'][number];
type GeneratedCorridorRow = ApiResponse<'/api/analytics/corridors'>['rows'][number];
/** [lon, lat]: the server's schema says exactly two items, which openapi-typescript types as `number[]`. */
export type LonLat = [number, number];
export type CorridorRow = Omit<GeneratedCorridorRow, 'originPoint' | 'destinationPoint'> & {
  originPoint: LonLat | null;
  destinationPoint: LonLat | null;
};
type _PointsStillArrays = AssertNone<Exclude<GeneratedCorridorRow['originPoint'], number[] | null>>;
export type HubRow = ApiResponse<'/api/analytics/hubs'>['rows'][number];
export type TrendRow = ApiResponse<'/api/analytics/trends'>['rows'][number];
export type MixRow = ApiResponse<'/api/analytics/exploitation'>['rows'][number];
export type VictimRow = ApiResponse<'/api/analytics/victims'>['rows'][number];
export type Performance = ApiResponse<'/api/analytics/performance'>;
export type DeadlineRow = Performance['deadlines'][number];
export type MissingPersonsRow = ApiResponse<'/api/statistics/missing-persons'>['rows'][number];
export type StatisticsSource = ApiResponse<'/api/statistics/sources'>[number];
export type DistrictProfile = ApiResponse<'/api/analytics/districts/{lgd}'>;

/** Query parameters of every figure, from the page's filters (empty values left out). */
export function figureQuery(filters: { from?: string; to?: string; state?: string; district?: string }) {
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) if (value) query[key] = value;
  return query;
}

/** The CSV twin of a figure, as a link the browser downloads (the server audits it as an export). */
export function csvHref(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '') params.set(key, String(value));
  const qs = params.toString();
  return `/api/analytics/${path}/csv${qs ? `?${qs}` : ''}`;
}
