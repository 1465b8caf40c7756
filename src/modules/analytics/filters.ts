/**
 * The filters every figure takes, and the SQL they become. Two kinds of figure read them differently
 * (docs/ANALYTICS.md):
 * - case figures (trends, exploitation mix, victims, performance) select cases by where they were
 *   registered: `state` / `district` are the registering State / district;
 * - place figures (district roles, corridors, transit hubs) select places: `state` / `district` is
 *   where the route event happened.
 * The date range is always the case's registration date. Row-Level Security has already limited the
 * cases to the caller's jurisdiction; the explicit check here only turns a request for another State's
 * view into a clear 403 instead of an empty answer.
 */
import { Type, type Static } from '@fastify/type-provider-typebox';
import type { RequestScope } from '../../server/access.ts';
import { badRequest, forbidden, notFound } from '../../server/errors.ts';

const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD (case registration date)' });
const Lgd = Type.Integer({ minimum: 1, maximum: 999999 });

export const FilterQuery = Type.Object({
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  state: Type.Optional({ ...Lgd, description: 'State LGD code: the State view' }),
  district: Type.Optional({ ...Lgd, description: 'District LGD code: the district view' }),
});
export type FilterQuery = Static<typeof FilterQuery>;

export interface Filters {
  from: string | null;
  to: string | null;
  state: number | null;
  district: number | null;
  /**
   * The caller's jurisdiction, repeated as a plain predicate on cases: Row-Level Security already limits
   * the rows, but its policy ORs in own-unit and shared cases, which keeps PostgreSQL from using the scope
   * index (a district's figures read all of India's cases to keep 1 %). With it, figures count the cases
   * registered in the caller's State or district, read through `cases_scope_idx`.
   */
  scopeState?: number | null;
  scopeDistrict?: number | null;
}

/** Checks the filter against the caller's jurisdiction and returns it with the district's State filled in. */
export async function resolveFilters(scope: RequestScope, query: FilterQuery): Promise<Filters> {
  const { actor, tx } = scope;
  const from = query.from ?? null;
  const to = query.to ?? null;
  if (from && to && from > to) throw badRequest(`"from" (${from}) must not be after "to" (${to}).`);
  let state = query.state ?? null;
  const district = query.district ?? null;
  if (district !== null) {
    const { rows } = await tx.query<{ state_lgd: number }>(
      'SELECT state_lgd FROM districts WHERE lgd_code = $1',
      [district],
    );
    const found = rows[0];
    if (!found) throw notFound(`District with LGD code ${district}`);
    if (state !== null && state !== found.state_lgd)
      throw badRequest(
        `District ${district} is not in State ${state}; leave out "state" or pick a district in it.`,
      );
    state = found.state_lgd;
  }
  if (actor.level === 'state' && state !== null && state !== actor.stateLgd)
    throw forbidden('Your jurisdiction is your own State: choose a district in it or leave the State out.');
  if (actor.level === 'district' && district !== null && district !== actor.districtLgd)
    throw forbidden('Your jurisdiction is your own district: leave the district out or choose your own.');
  if (actor.level === 'district' && state !== null && state !== actor.stateLgd)
    throw forbidden('Your jurisdiction is your own district: leave the State out or choose your own.');
  return {
    from,
    to,
    state,
    district,
    scopeState: actor.level === 'national' ? null : actor.stateLgd,
    scopeDistrict: actor.level === 'district' ? actor.districtLgd : null,
  };
}

/** Collects parameters and returns their placeholders, so SQL fragments stay parameterised. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** WHERE conditions on cases `c` for case figures (registering jurisdiction and registration date). */
export function caseConditions(f: Filters, p: Params, alias = 'c'): string[] {
  const where: string[] = [];
  if (f.from) where.push(`${alias}.registered_on >= ${p.add(f.from)}::date`);
  if (f.to) where.push(`${alias}.registered_on <= ${p.add(f.to)}::date`);
  if (f.district !== null) where.push(`${alias}.district_lgd = ${p.add(f.district)}`);
  else if (f.state !== null) where.push(`${alias}.state_lgd = ${p.add(f.state)}`);
  if (f.scopeState) where.push(`${alias}.state_lgd = ${p.add(f.scopeState)}`);
  if (f.scopeDistrict) where.push(`${alias}.district_lgd = ${p.add(f.scopeDistrict)}`);
  return where;
}

/** Only the date conditions: place figures filter places instead of the registering jurisdiction. */
export function dateConditions(f: Filters, p: Params, alias = 'c'): string[] {
  return caseConditions({ ...f, state: null, district: null }, p, alias);
}

export function whereClause(conditions: readonly string[]): string {
  return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
}

export function describeFilters(f: Filters): Record<string, string | number> {
  // The jurisdiction is the actor's, already in the audit entry; only what was asked is described.
  const out: Record<string, string | number> = {};
  if (f.from) out.from = f.from;
  if (f.to) out.to = f.to;
  if (f.state !== null) out.state = f.state;
  if (f.district !== null) out.district = f.district;
  return out;
}
