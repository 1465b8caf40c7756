/**
 * Incremental matching with system rights: one queued person is prepared, its blocking keys stored, the
 * records that share a key fetched by index, scored with the active model, and pairs in the review or
 * auto-link tier recorded. A new pair across States raises an alert to both registering units.
 */
import type { Database, Tx } from '../../db/database.ts';
import {
  candidatesFromBlocks,
  hashedKeys,
  scoreCandidates,
  type IncrementalHit,
  type PairScore,
  type PreparedRecord,
} from '../../linkage/index.ts';
import { raiseSystemAlert } from '../alerts/service.ts';
import { clusterPending } from './identities.ts';
import { modelForPopulation } from './model-store.ts';
import {
  fetchBlocks,
  loadRecords,
  loadSourcePerson,
  preparePerson,
  storeRecord,
  todayNumber,
  type SourcePerson,
  type StoredRecord,
} from './records.ts';

export interface MatchResult {
  personId: string;
  candidates: number;
  review: number;
  autoLinked: number;
  alerts: number;
}

interface ExistingPair {
  id: string;
  status: string;
  alert_id: string | null;
}

/** The status a pair takes from a fresh score, given what it had; a person's decision is never overwritten. */
function nextStatus(current: string | undefined, score: PairScore): string {
  const fresh = score.tier === 'auto_link' ? 'auto_linked' : 'pending';
  if (current === undefined || current === 'pending' || current === 'withdrawn' || current === 'auto_linked')
    return fresh;
  return current;
}

async function recordPair(
  tx: Tx,
  modelId: number,
  person: SourcePerson,
  other: StoredRecord,
  score: PairScore,
): Promise<{ id: string; created: boolean; status: string; alerted: boolean }> {
  const mine = { person: person.person_id, caseId: person.case_id, state: person.state_lgd };
  const theirs = { person: other.person_id, caseId: other.case_id, state: other.state_lgd };
  const [a, b] = mine.person < theirs.person ? [mine, theirs] : [theirs, mine];
  const { rows } = await tx.query<ExistingPair>(
    'SELECT id, status, alert_id FROM linkage_candidates WHERE person_a = $1 AND person_b = $2 FOR UPDATE',
    [a.person, b.person],
  );
  const existing = rows[0];
  const status = nextStatus(existing?.status, score);
  const explanation = JSON.stringify(score.explanation);
  if (!existing) {
    const { rows: inserted } = await tx.query<{ id: string }>(
      `INSERT INTO linkage_candidates (person_a, person_b, case_a, case_b, state_a, state_b, probability, weight, tier,
         explanation, model_id, status, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, CASE WHEN $12 = 'auto_linked' THEN now() END)
       RETURNING id`,
      [
        a.person,
        b.person,
        a.caseId,
        b.caseId,
        a.state,
        b.state,
        score.probability,
        score.weight,
        score.tier,
        explanation,
        modelId,
        status,
      ],
    );
    return { id: inserted[0]?.id ?? '', created: true, status, alerted: false };
  }
  // Entering or leaving the auto-linked state changes identities: decided_at marks it for re-clustering.
  const relink = (existing.status === 'auto_linked') !== (status === 'auto_linked');
  await tx.query(
    `UPDATE linkage_candidates SET probability = $2, weight = $3, tier = $4, explanation = $5, model_id = $6,
       status = $7, decided_at = CASE WHEN $8 THEN now() ELSE decided_at END, updated_at = now() WHERE id = $1`,
    [existing.id, score.probability, score.weight, score.tier, explanation, modelId, status, relink],
  );
  return { id: existing.id, created: false, status, alerted: existing.alert_id !== null };
}

const STATE_NAME = 'SELECT name FROM states WHERE lgd_code = $1';

/** Alerts the two registering units of a cross-State pair, with pseudonyms and references only. */
async function alertCrossState(
  tx: Tx,
  candidateId: string,
  person: SourcePerson,
  other: StoredRecord,
  score: PairScore,
): Promise<string> {
  const { rows } = await tx.query<{
    pseudonym: string;
    reference: string;
    unit_id: string;
    state_lgd: number;
    role: string;
  }>(
    `SELECT p.pseudonym, c.reference, c.registering_unit_id AS unit_id, c.state_lgd, p.role::text AS role
     FROM case_persons p JOIN cases c ON c.id = p.case_id WHERE p.id = ANY($1::uuid[])`,
    [[person.person_id, other.person_id]],
  );
  const [x, y] = rows;
  if (!x || !y) throw new Error('a matched person has no case');
  const names = await Promise.all(
    [x.state_lgd, y.state_lgd].map(
      async (s) => (await tx.query<{ name: string }>(STATE_NAME, [s])).rows[0]?.name ?? String(s),
    ),
  );
  const percent = Math.round(score.probability * 100);
  return raiseSystemAlert(tx, {
    kind: 'cross_state_person_match',
    severity: score.tier === 'auto_link' ? 'critical' : 'warning',
    title: `Same person in ${names[0] ?? ''} and ${names[1] ?? ''}? ${x.pseudonym} / ${y.pseudonym}`,
    body:
      `Person linkage found that ${x.role} ${x.pseudonym} (case ${x.reference}) and ${y.role} ${y.pseudonym} ` +
      `(case ${y.reference}) are probably the same person (${String(percent)}%, ` +
      `${score.tier === 'auto_link' ? 'linked automatically' : 'waiting for review'}). ` +
      `Open the linkage review queue to compare them and decide.`,
    unitIds: [x.unit_id, y.unit_id],
    details: {
      candidateId,
      link: `/linkage/candidates/${candidateId}`,
      probability: score.probability,
      tier: score.tier,
      persons: [x.pseudonym, y.pseudonym],
      cases: [x.reference, y.reference],
    },
    dedupeKey: `linkage:${candidateId}`,
  });
}

export interface Scored {
  modelId: number;
  candidates: number;
  hits: IncrementalHit<StoredRecord>[];
}

/**
 * Stores a prepared record with its keys, fetches the records sharing a key (one index range per key),
 * and scores them: the part of matching whose cost grows with the stored collection (bench/linkage/incremental.ts).
 */
export async function storeAndScore(
  tx: Tx,
  person: Pick<SourcePerson, 'person_id' | 'case_id' | 'state_lgd' | 'role'>,
  prepared: PreparedRecord,
): Promise<Scored> {
  const keys = hashedKeys(prepared);
  const seq = await storeRecord(tx, person, prepared, keys);
  const members = await fetchBlocks(tx, keys, seq);
  const all = new Set<number>();
  for (const list of members.values()) for (const s of list) all.add(s);
  const records = await loadRecords(tx, [...all]);
  const candidates = candidatesFromBlocks(prepared, keys, members, (s) => records.get(s)?.prepared);
  const { id: modelId, model } = await modelForPopulation(tx);
  const others = [...candidates].flatMap((s) => records.get(s) ?? []);
  return {
    modelId,
    candidates: candidates.size,
    hits: scoreCandidates(model, prepared, others, (r) => r.prepared),
  };
}

/** Matches one person against every stored record in every State. Run inside a system transaction. */
export async function matchPerson(tx: Tx, personId: string, now = new Date()): Promise<MatchResult> {
  const result: MatchResult = { personId, candidates: 0, review: 0, autoLinked: 0, alerts: 0 };
  const person = await loadSourcePerson(tx, personId);
  if (!person?.name) return result;
  const prepared = preparePerson(person, todayNumber(now));
  const { modelId, candidates, hits } = await storeAndScore(tx, person, prepared);
  result.candidates = candidates;
  const kept: string[] = [];
  for (const hit of hits) {
    const { other } = hit;
    // Records in different roles (a victim and an accused) are never joined without a person looking:
    // putting a victim's record into a trafficker's identity by mistake is the costliest error here.
    const score: PairScore =
      hit.score.tier === 'auto_link' && other.role !== person.role
        ? { ...hit.score, tier: 'review' }
        : hit.score;
    const pair = await recordPair(tx, modelId, person, other, score);
    kept.push(pair.id);
    if (pair.status === 'auto_linked') result.autoLinked++;
    else result.review++;
    if (other.state_lgd !== person.state_lgd && !pair.alerted && pair.status !== 'rejected') {
      const alertId = await alertCrossState(tx, pair.id, person, other, score);
      await tx.query('UPDATE linkage_candidates SET alert_id = $2 WHERE id = $1', [pair.id, alertId]);
      result.alerts++;
    }
  }
  // Pairs this person no longer scores into are withdrawn; an auto-link withdrawn splits its identity.
  await tx.query(
    `UPDATE linkage_candidates SET status = 'withdrawn', updated_at = now(),
       decided_at = CASE WHEN status = 'auto_linked' THEN now() ELSE decided_at END
     WHERE (person_a = $1 OR person_b = $1) AND status IN ('pending', 'auto_linked') AND NOT (id = ANY($2::uuid[]))`,
    [personId, kept],
  );
  await clusterPending(tx);
  return result;
}

export interface DrainSummary {
  matched: number;
  failed: number;
  review: number;
  autoLinked: number;
  alerts: number;
}

const MAX_ATTEMPTS = 5;

/**
 * Works through the queue, one person per transaction. A person is claimed with a lease (so two workers
 * never match the same person at once) and removed only if it was not queued again meanwhile.
 */
export async function drainMatchQueue(
  db: Database,
  options: { limit?: number; shouldStop?: () => boolean } = {},
): Promise<DrainSummary> {
  const summary: DrainSummary = { matched: 0, failed: 0, review: 0, autoLinked: 0, alerts: 0 };
  const limit = options.limit ?? Number.MAX_SAFE_INTEGER;
  while (summary.matched + summary.failed < limit && !options.shouldStop?.()) {
    const claimed = await db.asSystem(async (tx) => {
      const { rows } = await tx.query<{ person_id: string; enqueued_at: string }>(
        `UPDATE linkage_queue SET attempts = attempts + 1, claimed_until = now() + interval '5 minutes'
         WHERE person_id = (
           SELECT person_id FROM linkage_queue
           WHERE attempts < $1 AND (claimed_until IS NULL OR claimed_until < now())
           ORDER BY attempts, enqueued_at LIMIT 1 FOR UPDATE SKIP LOCKED)
         RETURNING person_id::text AS person_id, enqueued_at::text AS enqueued_at`,
        [MAX_ATTEMPTS],
      );
      return rows[0];
    });
    if (!claimed) break;
    try {
      const matched = await db.asSystem(async (tx) => {
        const outcome = await matchPerson(tx, claimed.person_id);
        // Queued again while it was being matched: leave it for the next pass, without the lease.
        const done = await tx.query(
          'DELETE FROM linkage_queue WHERE person_id = $1 AND enqueued_at = $2::timestamptz',
          [claimed.person_id, claimed.enqueued_at],
        );
        if (done.rowCount === 0)
          await tx.query('UPDATE linkage_queue SET claimed_until = NULL WHERE person_id = $1', [
            claimed.person_id,
          ]);
        return outcome;
      });
      summary.matched++;
      summary.review += matched.review;
      summary.autoLinked += matched.autoLinked;
      summary.alerts += matched.alerts;
    } catch (error) {
      summary.failed++;
      const message = error instanceof Error ? error.message : String(error);
      await db.asSystem((tx) =>
        tx.query('UPDATE linkage_queue SET last_error = $2, claimed_until = NULL WHERE person_id = $1', [
          claimed.person_id,
          message.slice(0, 500),
        ]),
      );
    }
  }
  return summary;
}

/** Re-clusters after reviewer decisions (also done by every match), with system rights. */
export function clusterDecisions(db: Database): Promise<unknown> {
  return db.asSystem((tx) => clusterPending(tx));
}
