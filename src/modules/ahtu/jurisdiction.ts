import type { RequestScope } from '../../server/access.ts';
import { forbidden } from '../../server/errors.ts';

/**
 * Refuses a State filter outside the actor's jurisdiction with a 403 that says so, instead of quietly
 * answering with nothing (Row-Level Security would hide the rows either way).
 */
export function requireStateInScope(scope: RequestScope, state: number | undefined): void {
  if (state === undefined || scope.actor.level === 'national') return;
  if (scope.actor.stateLgd !== state)
    throw forbidden('You can see only your own State. Ask the State nodal officer or the Nodal Cell.');
}

/**
 * The jurisdiction test for a row placed at (state, district), written out so PostgreSQL evaluates the
 * actor's lookups once per statement; app_in_jurisdiction() cannot be inlined and runs per row.
 */
export function inJurisdiction(state: string, district: string): string {
  return `((SELECT app_scope_level()) = 'national'
    OR ((SELECT app_scope_level()) = 'state' AND ${state} = (SELECT app_scope_state()))
    OR ((SELECT app_scope_level()) = 'district' AND ${district} = (SELECT app_scope_district())))`;
}
