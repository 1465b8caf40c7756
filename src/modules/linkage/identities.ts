/**
 * Person identities: the connected components of linked pairs (confirmed by a reviewer or auto-linked),
 * with the engine's stable ids and merge/split events (src/linkage/cluster.ts). Runs with system rights
 * after a pair's status changed: the affected components are recomputed and only what changed is written.
 */
import type { Tx } from '../../db/database.ts';
import { clusterLinks } from '../../linkage/index.ts';

const LINKED = `('confirmed', 'auto_linked')`;

export interface ClusterSummary {
  pairs: number;
  events: number;
}

/** The persons reachable from `seeds` through linked pairs. */
async function component(tx: Tx, seeds: readonly string[]): Promise<string[]> {
  const { rows } = await tx.query<{ p: string }>(
    `WITH RECURSIVE comp (p) AS (
       SELECT unnest($1::uuid[])
       UNION
       SELECT CASE WHEN k.person_a = comp.p THEN k.person_b ELSE k.person_a END
       FROM linkage_candidates k JOIN comp ON k.person_a = comp.p OR k.person_b = comp.p
       WHERE k.status IN ${LINKED}
     ) SELECT p::text AS p FROM comp`,
    [seeds],
  );
  return rows.map((r) => r.p);
}

/** Re-clusters around every pair whose status changed since identities last reflected it. */
export async function clusterPending(tx: Tx): Promise<ClusterSummary> {
  const { rows: pending } = await tx.query<{ id: string; person_a: string; person_b: string }>(
    `SELECT id, person_a, person_b FROM linkage_candidates
     WHERE decided_at IS NOT NULL AND (clustered_at IS NULL OR clustered_at < decided_at)
     ORDER BY decided_at LIMIT 500`,
  );
  if (pending.length === 0) return { pairs: 0, events: 0 };
  // One writer of identities at a time, so an id is never issued twice.
  const { rows: counter } = await tx.query<{ value: number | string }>(
    `SELECT value FROM linkage_counters WHERE name = 'identity' FOR UPDATE`,
  );
  let persons = [...new Set(pending.flatMap((k) => [k.person_a, k.person_b]))];
  let assignments: Record<string, string> = {};
  // Grow until stable: a component's records, and every record of the identities they held before
  // (which may now be split off).
  for (let round = 0; round < 10; round++) {
    const reached = await component(tx, persons);
    const { rows } = await tx.query<{ person_id: string; identity_id: string }>(
      `SELECT r.person_id::text AS person_id, r.identity_id FROM linkage_records r
       WHERE r.identity_id IN (SELECT identity_id FROM linkage_records WHERE person_id = ANY($1::uuid[]))`,
      [reached],
    );
    assignments = Object.fromEntries(rows.map((r) => [r.person_id, r.identity_id]));
    const next = new Set([...reached, ...Object.keys(assignments)]);
    const grew = next.size > persons.length;
    persons = [...next];
    if (!grew) break;
  }
  const { rows: links } = await tx.query<{ a: string; b: string }>(
    `SELECT person_a::text AS a, person_b::text AS b FROM linkage_candidates
     WHERE status IN ${LINKED} AND person_a = ANY($1::uuid[]) AND person_b = ANY($1::uuid[])`,
    [persons],
  );
  const result = clusterLinks(
    persons,
    links.map((l) => [l.a, l.b] as const),
    { assignments, nextSequence: Number(counter[0]?.value ?? 1) },
    'P-',
  );
  for (const person of persons) {
    const now = result.state.assignments[person] ?? null;
    if ((assignments[person] ?? null) !== now)
      await tx.query('UPDATE linkage_records SET identity_id = $2 WHERE person_id = $1', [person, now]);
  }
  for (const [identity, members] of result.identities)
    await tx.query(
      `INSERT INTO linkage_identities (id, records) VALUES ($1, $2)
       ON CONFLICT (id) DO UPDATE SET records = EXCLUDED.records, updated_at = now()`,
      [identity, members.length],
    );
  const emptied = Object.values(assignments).filter((id) => !result.identities.has(id));
  if (emptied.length > 0)
    await tx.query('UPDATE linkage_identities SET records = 0, updated_at = now() WHERE id = ANY($1)', [
      [...new Set(emptied)],
    ]);
  const cause = pending.length === 1 ? (pending[0]?.id ?? null) : null;
  for (const event of result.events) {
    const { type, identity, ...detail } = event;
    await tx.query(
      'INSERT INTO linkage_identity_events (identity_id, kind, detail, candidate_id) VALUES ($1, $2, $3, $4)',
      [identity, type, JSON.stringify({ ...detail, pairs: pending.map((k) => k.id) }), cause],
    );
  }
  await tx.query(`UPDATE linkage_counters SET value = $1 WHERE name = 'identity'`, [
    result.state.nextSequence,
  ]);
  await tx.query('UPDATE linkage_candidates SET clustered_at = now() WHERE id = ANY($1::uuid[])', [
    pending.map((k) => k.id),
  ]);
  return { pairs: pending.length, events: result.events.length };
}
