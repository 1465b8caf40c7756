/**
 * District roles: whether a district is mainly where people are recruited from (source), moved through
 * (transit) or exploited in (destination), from the route events of cases.
 *
 * The rule (also in docs/ANALYTICS.md):
 * - For each district, count the distinct cases with a recruitment event there (source), a transit
 *   event there (transit: a district, a railway station or a border crossing located in it) and an
 *   exploitation event there (destination). Rescue events are not counted: rescue usually happens at
 *   the destination or in transit and would double-count those roles.
 * - A case counts once per role per district, but may count in several roles of the same district
 *   (recruited and exploited in the same district is local trafficking).
 * - Each role's share is its count divided by the sum of the three counts.
 * - The district takes the role whose share is at least DOMINANT_SHARE (60 %); when no role reaches
 *   it, the district is "mixed". A district with no counted events has no role.
 */
export const DOMINANT_SHARE = 0.6;

export const DISTRICT_ROLES = ['source', 'transit', 'destination', 'mixed'] as const;
export type DistrictRole = (typeof DISTRICT_ROLES)[number];

export interface RoleCounts {
  source: number;
  transit: number;
  destination: number;
}

export interface RoleClassification {
  role: DistrictRole | null;
  shares: RoleCounts;
}

export function classifyDistrict(counts: RoleCounts): RoleClassification {
  const total = counts.source + counts.transit + counts.destination;
  if (total <= 0) return { role: null, shares: { source: 0, transit: 0, destination: 0 } };
  const shares = {
    source: counts.source / total,
    transit: counts.transit / total,
    destination: counts.destination / total,
  };
  // Ordered so a tie at exactly 60 % (impossible between two roles, as 0.6 + 0.6 > 1) is still decided.
  const order: (keyof RoleCounts)[] = ['source', 'transit', 'destination'];
  const dominant = order.find((role) => shares[role] >= DOMINANT_SHARE);
  return { role: dominant ?? 'mixed', shares };
}
