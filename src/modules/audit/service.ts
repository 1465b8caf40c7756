import crypto from 'node:crypto';
import type { Database, Tx } from '../../db/database.ts';
import type { Actor, AuditEntry } from '../../server/access.ts';

export interface AuditContext {
  actor?: Pick<Actor, 'userId' | 'username' | 'unitId'> | undefined;
  /** For entries without a signed-in actor (failed logins): the name that was tried. */
  username?: string | undefined;
  clientIp?: string | undefined;
}

/** Appends one entry. The database trigger assigns the sequence number and chains the hash. */
export async function appendAudit(tx: Tx, context: AuditContext, entry: AuditEntry): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (actor_user_id, actor_username, actor_unit_id, action, object_type, object_id,
       outcome, reason, client_ip, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      context.actor?.userId ?? null,
      context.actor?.username ?? context.username ?? null,
      context.actor?.unitId ?? null,
      entry.action,
      entry.objectType ?? null,
      entry.objectId ?? null,
      entry.outcome ?? 'success',
      entry.reason ?? null,
      context.clientIp ?? null,
      JSON.stringify(entry.details ?? {}),
    ],
  );
}

/** Records an outcome whose own transaction rolled back (a refusal, a failure) in a transaction of its own. */
export async function appendAuditSeparately(
  db: Database,
  context: AuditContext,
  entry: AuditEntry,
): Promise<void> {
  await db.asSystem((tx) => appendAudit(tx, context, entry));
}

export interface ChainProblem {
  seq: number;
  problem: 'hash_mismatch' | 'broken_link' | 'sequence_gap' | 'head_mismatch';
  message: string;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  lastSeq: number;
  problem?: ChainProblem;
}

const GENESIS = '0'.repeat(64);

/**
 * Walks the whole chain in sequence order, recomputing every hash in Node (not trusting the database's
 * stored hashes) and checking each row links to the one before and the head to the last row.
 * Stops at the first bad entry: everything after it is suspect anyway.
 */
export async function verifyAuditChain(db: Database, batchSize = 5000): Promise<VerifyResult> {
  return db.asSystem(async (tx) => {
    let expectedPrev = GENESIS;
    let expectedSeq = 1;
    let checked = 0;
    for (;;) {
      const { rows } = await tx.query<{
        seq: number | string;
        canonical: string;
        prev_hash: string;
        hash: string;
      }>(
        `SELECT a.seq, audit_canonical(a) AS canonical, a.prev_hash, a.hash
         FROM audit_log a WHERE a.seq >= $1 ORDER BY a.seq LIMIT $2`,
        [expectedSeq, batchSize],
      );
      for (const row of rows) {
        const seq = Number(row.seq);
        if (seq !== expectedSeq) {
          return fail(checked, {
            seq: expectedSeq,
            problem: 'sequence_gap',
            message: `entry ${expectedSeq} is missing (next present entry is ${seq})`,
          });
        }
        if (row.prev_hash !== expectedPrev) {
          return fail(checked, {
            seq,
            problem: 'broken_link',
            message: `entry ${seq} does not follow entry ${seq - 1}: its previous-hash differs (deleted or reordered entries)`,
          });
        }
        const recomputed = crypto.createHash('sha256').update(row.canonical, 'utf8').digest('hex');
        if (recomputed !== row.hash) {
          return fail(checked, {
            seq,
            problem: 'hash_mismatch',
            message: `entry ${seq} was altered after it was written: its content no longer matches its hash`,
          });
        }
        expectedPrev = row.hash;
        expectedSeq = seq + 1;
        checked += 1;
      }
      if (rows.length < batchSize) break;
    }
    const head = await tx.query<{ last_seq: number | string; last_hash: string }>(
      'SELECT last_seq, last_hash FROM audit_chain_head',
    );
    const headRow = head.rows[0];
    if (!headRow || Number(headRow.last_seq) !== expectedSeq - 1 || headRow.last_hash !== expectedPrev) {
      return fail(checked, {
        seq: headRow ? Number(headRow.last_seq) : 0,
        problem: 'head_mismatch',
        message: `the chain ends at entry ${expectedSeq - 1} but the head records entry ${headRow?.last_seq ?? 'none'}: the newest entries were removed`,
      });
    }
    return { ok: true, checked, lastSeq: expectedSeq - 1 };
  });
}

function fail(checked: number, problem: ChainProblem): VerifyResult {
  return { ok: false, checked, lastSeq: problem.seq, problem };
}
