/** A district's profile: its role with the counts behind it, corridors through it, hubs in it, trends. */
import { Type, type Static } from '@fastify/type-provider-typebox';
import type { RequestScope } from '../../server/access.ts';
import { nullable } from '../../server/schemas.ts';
import { MissingPersonsRow, missingPersons } from '../statistics/service.ts';
import { corridors, districtRoles, exploitationMix, transitHubs, trends } from './figures.ts';
import { resolveFilters, type FilterQuery } from './filters.ts';
import { CorridorRow, DistrictRoleRow, HubRow, MixRow, TrendRow } from './schemas.ts';

export const DistrictProfile = Type.Object({
  districtLgd: Type.Integer(),
  districtName: Type.String(),
  stateLgd: Type.Integer(),
  stateName: Type.String(),
  hasBoundary: Type.Boolean(),
  role: nullable(DistrictRoleRow),
  corridors: Type.Array(CorridorRow, { description: 'cases recruited in or exploited in this district' }),
  hubs: Type.Array(HubRow),
  registeredByYear: Type.Array(TrendRow, { description: 'cases registered in this district' }),
  exploitation: Type.Array(MixRow, { description: 'of cases registered in this district' }),
  missingPersons: Type.Array(MissingPersonsRow, { description: 'NCRB official statistics' }),
  missingPersonsSource: Type.String(),
});
export type DistrictProfile = Static<typeof DistrictProfile>;

export async function districtProfile(
  scope: RequestScope,
  districtLgd: number,
  query: Omit<FilterQuery, 'district' | 'state'>,
): Promise<DistrictProfile> {
  const f = await resolveFilters(scope, { ...query, district: districtLgd });
  const { tx } = scope;
  const { rows } = await tx.query<{
    name: string;
    state_lgd: number;
    state_name: string;
    has_boundary: boolean;
  }>(
    `SELECT d.name, d.state_lgd, s.name AS state_name, d.boundary IS NOT NULL AS has_boundary
     FROM districts d JOIN states s ON s.lgd_code = d.state_lgd WHERE d.lgd_code = $1`,
    [districtLgd],
  );
  const d = rows[0];
  // resolveFilters has already answered 404 for an unknown district.
  if (!d) throw new Error(`district ${districtLgd} vanished`);
  const roles = await districtRoles(tx, f);
  const role = roles.find((r) => r.districtLgd === districtLgd) ?? null;
  const { rows: source } = await tx.query<{ citation: string }>(
    `SELECT citation FROM official_statistics_sources WHERE dataset = 'ncrb_missing_persons_district'`,
  );
  return {
    districtLgd,
    districtName: d.name,
    stateLgd: d.state_lgd,
    stateName: d.state_name,
    hasBoundary: d.has_boundary,
    role,
    corridors: await corridors(tx, f, 'district', 10),
    hubs: await transitHubs(tx, f, 10),
    registeredByYear: await trends(tx, f, 'year'),
    exploitation: await exploitationMix(tx, f),
    missingPersons: await missingPersons(tx, { district: districtLgd }),
    missingPersonsSource: source[0]?.citation ?? '',
  };
}
