/**
 * Automatic escalation of overdue requests. A request still open after its due date goes to the nodal
 * office of the recipient's State (level 1); if still open FURTHER_ESCALATION_HOURS later, to the MHA Nodal
 * Cell (level 2). Each step writes an escalation record, a line in the thread, an audit entry and
 * notifications, once: the (request, round, level) key makes the job idempotent, so it can run every
 * minute, from several servers, or again from `setu jobs run`.
 */
import type { Database, Tx } from '../../db/database.ts';
import { appendAudit } from '../audit/service.ts';
import { notify } from '../notifications/service.ts';
import { FURTHER_ESCALATION_HOURS, type RequestPriority } from './codes.ts';

export interface EscalationSummary {
  overdue: number;
  level1: number;
  level2: number;
}

interface OverdueRow {
  id: string;
  reference: string;
  priority: RequestPriority;
  round: number;
  due_at: string | Date;
  escalation_level: number;
  to_unit_id: string;
  to_name: string;
  to_state_lgd: number | null;
  to_is_demo: boolean;
}

interface Target {
  id: string;
  name: string;
}

async function nodalOffice(tx: Tx, state: number | null, demo: boolean): Promise<Target | undefined> {
  const { rows } = await tx.query<Target>(
    state === null
      ? `SELECT id, name FROM units WHERE kind = 'nodal_cell' ORDER BY (is_demo = $1) DESC, created_at LIMIT 1`
      : `SELECT id, name FROM units WHERE kind = 'state_nodal_office' AND state_lgd = $2
         ORDER BY (is_demo = $1) DESC, created_at LIMIT 1`,
    state === null ? [demo] : [demo, state],
  );
  return rows[0];
}

const when = (value: Date) => `${value.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export async function runEscalations(db: Database, now: Date = new Date()): Promise<EscalationSummary> {
  return db.asSystem(async (tx) => {
    const { rows } = await tx.query<OverdueRow>(
      `SELECT r.id, r.reference, r.priority, r.round, r.due_at, r.escalation_level, r.to_unit_id,
         tu.name AS to_name, r.to_state_lgd, tu.is_demo AS to_is_demo
       FROM unit_requests r JOIN units tu ON tu.id = r.to_unit_id
       WHERE r.status IN ('sent', 'acknowledged', 'in_progress') AND r.due_at < $1 AND r.escalation_level < 2
       ORDER BY r.due_at LIMIT 1000`,
      [now.toISOString()],
    );
    const summary: EscalationSummary = { overdue: rows.length, level1: 0, level2: 0 };
    for (const row of rows) {
      const due = new Date(row.due_at);
      const further = due.getTime() + FURTHER_ESCALATION_HOURS[row.priority] * 3_600_000;
      const reached = now.getTime() >= further ? 2 : 1;
      for (let level = row.escalation_level + 1; level <= reached; level += 1) {
        const cell = await nodalOffice(tx, null, row.to_is_demo);
        let target = level === 1 ? await nodalOffice(tx, row.to_state_lgd, row.to_is_demo) : cell;
        // A request to the State nodal office itself goes straight to the Nodal Cell.
        if (target?.id === row.to_unit_id) target = cell;
        const inserted = await tx.query<{ id: string }>(
          `INSERT INTO request_escalations (request_id, round, level, to_unit_id, due_at, escalated_at)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (request_id, round, level) DO NOTHING RETURNING id`,
          [row.id, row.round, level, target?.id ?? null, due.toISOString(), now.toISOString()],
        );
        if (inserted.rowCount === 0) continue; // another run got there first
        await escalate(tx, row, level, target, due, now);
        if (level === 1) summary.level1 += 1;
        else summary.level2 += 1;
      }
    }
    return summary;
  });
}

async function escalate(
  tx: Tx,
  row: OverdueRow,
  level: number,
  target: Target | undefined,
  due: Date,
  now: Date,
): Promise<void> {
  await tx.query('UPDATE unit_requests SET escalation_level = greatest(escalation_level, $2) WHERE id = $1', [
    row.id,
    level,
  ]);
  const to =
    target?.name ??
    (level === 1 ? 'the State nodal office (none registered)' : 'the Nodal Cell (none registered)');
  await tx.query(
    `INSERT INTO request_messages (request_id, event, body, created_at) VALUES ($1, 'escalated', $2, $3)`,
    [row.id, `Overdue since ${when(due)}: escalated to ${to}.`, now.toISOString()],
  );
  const link = `/requests/${row.id}`;
  if (target) {
    await notify(
      tx,
      null,
      { unitId: target.id },
      {
        kind: 'request.escalated',
        title: `Overdue request ${row.reference} to ${row.to_name} escalated to your office`,
        body: `No answer since ${when(due)}. Level ${level} escalation.`,
        link,
        objectType: 'request',
        objectId: row.id,
      },
    );
  }
  await notify(
    tx,
    null,
    { unitId: row.to_unit_id },
    {
      kind: 'request.escalated',
      title: `Request ${row.reference} is overdue and was escalated to ${to}`,
      body: `It was due ${when(due)}.`,
      link,
      objectType: 'request',
      objectId: row.id,
    },
  );
  await appendAudit(
    tx,
    { username: 'setu escalation job' },
    {
      action: 'request.escalate',
      objectType: 'request',
      objectId: row.id,
      details: { reference: row.reference, round: row.round, level, toUnitId: target?.id ?? null },
    },
  );
}
