/**
 * Response-time figures per recipient unit, over the requests the actor can see: hours from sending to
 * the first acknowledgement and to the first answer (median and 90th percentile), and counts.
 */
import { Conditions } from '../../db/sql.ts';
import type { RequestScope } from '../../server/access.ts';
import type { StatsRow } from './schemas.ts';

export interface StatsQuery {
  unit?: string;
  state?: number;
  kind?: string;
  from?: string;
  to?: string;
}

interface Row {
  unit_id: string;
  name: string;
  kind: string;
  state_lgd: number | null;
  state_name: string | null;
  received: number;
  open: number;
  overdue: number;
  answered: number;
  declined: number;
  ack_count: number;
  ack_median: number | null;
  ack_p90: number | null;
  answer_count: number;
  answer_median: number | null;
  answer_p90: number | null;
}

const OPEN = `r.status IN ('sent', 'acknowledged', 'in_progress')`;
const HOURS = (column: string) => `extract(epoch FROM r.${column} - r.created_at) / 3600.0`;
const hours = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

export async function requestStats(scope: RequestScope, query: StatsQuery): Promise<{ items: StatsRow[] }> {
  const filter = new Conditions();
  if (query.unit) filter.add((p) => `r.to_unit_id = ${p}`, query.unit);
  if (query.state !== undefined) filter.add((p) => `r.to_state_lgd = ${p}`, query.state);
  if (query.kind) filter.add((p) => `r.kind = ${p}::request_kind`, query.kind);
  if (query.from) filter.add((p) => `r.created_at >= ${p}::date`, query.from);
  if (query.to) filter.add((p) => `r.created_at < ${p}::date + 1`, query.to);
  const { rows } = await scope.tx.query<Row>(
    `SELECT r.to_unit_id AS unit_id, u.name, u.kind, u.state_lgd, s.name AS state_name,
       count(*)::int AS received,
       count(*) FILTER (WHERE ${OPEN})::int AS open,
       count(*) FILTER (WHERE ${OPEN} AND r.due_at < now())::int AS overdue,
       count(r.answered_at)::int AS answered,
       count(*) FILTER (WHERE r.status = 'declined')::int AS declined,
       count(r.acknowledged_at)::int AS ack_count,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY ${HOURS('acknowledged_at')}) AS ack_median,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY ${HOURS('acknowledged_at')}) AS ack_p90,
       count(r.answered_at)::int AS answer_count,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY ${HOURS('answered_at')}) AS answer_median,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY ${HOURS('answered_at')}) AS answer_p90
     FROM unit_requests r JOIN units u ON u.id = r.to_unit_id LEFT JOIN states s ON s.lgd_code = u.state_lgd
     ${filter.where}
     GROUP BY r.to_unit_id, u.name, u.kind, u.state_lgd, s.name
     ORDER BY overdue DESC, received DESC, u.name LIMIT 500`,
    filter.params,
  );
  return {
    items: rows.map((row) => ({
      unit: {
        id: row.unit_id,
        name: row.name,
        kind: row.kind,
        stateLgd: row.state_lgd,
        stateName: row.state_name,
      },
      received: row.received,
      open: row.open,
      overdue: row.overdue,
      answered: row.answered,
      declined: row.declined,
      toAcknowledge: {
        count: row.ack_count,
        medianHours: hours(row.ack_median),
        p90Hours: hours(row.ack_p90),
      },
      toAnswer: {
        count: row.answer_count,
        medianHours: hours(row.answer_median),
        p90Hours: hours(row.answer_p90),
      },
    })),
  };
}

export interface RequestCounts {
  incomingOpen: number;
  incomingOverdue: number;
  incomingDueSoon: number;
  outgoingOpen: number;
  outgoingOverdue: number;
  outgoingAnswered: number;
}

/** For the home page: what the actor's unit owes and awaits. */
export async function requestCounts(scope: RequestScope): Promise<RequestCounts> {
  const { rows } = await scope.tx.query<RequestCounts>(
    `SELECT
       count(*) FILTER (WHERE r.to_unit_id = $1 AND ${OPEN})::int AS "incomingOpen",
       count(*) FILTER (WHERE r.to_unit_id = $1 AND ${OPEN} AND r.due_at < now())::int AS "incomingOverdue",
       count(*) FILTER (WHERE r.to_unit_id = $1 AND ${OPEN} AND r.due_at >= now()
                        AND r.due_at < now() + interval '24 hours')::int AS "incomingDueSoon",
       count(*) FILTER (WHERE r.from_unit_id = $1 AND ${OPEN})::int AS "outgoingOpen",
       count(*) FILTER (WHERE r.from_unit_id = $1 AND ${OPEN} AND r.due_at < now())::int AS "outgoingOverdue",
       count(*) FILTER (WHERE r.from_unit_id = $1 AND r.status = 'answered')::int AS "outgoingAnswered"
     FROM unit_requests r WHERE r.to_unit_id = $1 OR r.from_unit_id = $1`,
    [scope.actor.unitId],
  );
  return (
    rows[0] ?? {
      incomingOpen: 0,
      incomingOverdue: 0,
      incomingDueSoon: 0,
      outgoingOpen: 0,
      outgoingOverdue: 0,
      outgoingAnswered: 0,
    }
  );
}
