/** Types and helpers for the Nodal Cell analytics API (`/api/analytics/*`, `/api/statistics/*`). */
import type { Role } from './types';

export const ANALYTICS_ROLES: readonly Role[] = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'auditor',
];

export type DistrictRole = 'source' | 'transit' | 'destination' | 'mixed';

export interface AppliedFilters {
  from: string | null;
  to: string | null;
  state: number | null;
  district: number | null;
}

export interface Figure<T> {
  filters: AppliedFilters;
  rows: T[];
}

export interface DistrictRoleRow {
  districtLgd: number;
  districtName: string;
  stateLgd: number;
  stateName: string;
  sourceCases: number;
  transitCases: number;
  destinationCases: number;
  cases: number;
  sourceShare: number;
  transitShare: number;
  destinationShare: number;
  role: DistrictRole;
}

export interface CorridorRow {
  originCode: string;
  originName: string;
  originStateName: string | null;
  destinationCode: string;
  destinationName: string;
  destinationStateName: string | null;
  cases: number;
  originPoint: [number, number] | null;
  destinationPoint: [number, number] | null;
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

export interface TrendRow {
  period: string;
  cases: number;
  victims: number;
  accused: number;
}

export interface MixRow {
  form: string;
  title: string;
  titleHi: string;
  cases: number;
  share: number;
}

export interface VictimRow {
  ageBand: string;
  sex: string;
  victims: number;
}

export interface DeadlineRow {
  deadline: string;
  withDeadline: number;
  chargeSheetedOnTime: number;
  chargeSheetedLate: number;
  pendingPastDeadline: number;
  pendingWithinDeadline: number;
  onTimeRate: number | null;
}

export interface Performance {
  filters: AppliedFilters;
  deadlines: DeadlineRow[];
  decided: number;
  convicted: number;
  acquitted: number;
  discharged: number;
  convictionRate: number | null;
  chargeSheeted: number;
  medianDaysToChargeSheet: number | null;
  medianDaysArrestToChargeSheet: number | null;
}

export interface MissingPersonsRow {
  year: number;
  stateLgd: number | null;
  stateName: string;
  districtLgd: number | null;
  districtName: string;
  children: number;
  adults: number;
  female: number;
  male: number;
  transgender: number;
  total: number;
}

export interface StatisticsSource {
  dataset: string;
  title: string;
  publisher: string;
  citation: string;
  url: string | null;
  licence: string;
}

export interface DistrictProfile {
  districtLgd: number;
  districtName: string;
  stateLgd: number;
  stateName: string;
  hasBoundary: boolean;
  role: DistrictRoleRow | null;
  corridors: CorridorRow[];
  hubs: HubRow[];
  registeredByYear: TrendRow[];
  exploitation: MixRow[];
  missingPersons: MissingPersonsRow[];
  missingPersonsSource: string;
}

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
