/** The figures a home page leads with: open work, deadlines due and overdue, recent activity. */
import { Type, type Static } from '@fastify/type-provider-typebox';
import type { RequestScope } from '../../server/access.ts';

const DeadlineItem = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  title: Type.String(),
  status: Type.String(),
  chargeSheetDueOn: Type.String(),
  daysLeft: Type.Integer({ description: 'negative when overdue' }),
});

export const CaseSummary = Type.Object({
  openCases: Type.Integer({ description: 'visible cases not yet decided or closed' }),
  myUnitOpenCases: Type.Integer(),
  overdueChargeSheets: Type.Integer(),
  dueWithin14Days: Type.Integer(),
  byStatus: Type.Record(Type.String(), Type.Integer()),
  deadlines: Type.Array(DeadlineItem, { description: 'overdue first, then the nearest, at most 10' }),
  recentlyUpdated: Type.Array(
    Type.Object({
      id: Type.String(),
      reference: Type.String(),
      title: Type.String(),
      status: Type.String(),
      updatedAt: Type.String(),
    }),
  ),
});
export type CaseSummary = Static<typeof CaseSummary>;

const OPEN = `c.status IN ('registered', 'under_investigation', 'charge_sheeted', 'on_trial')`;
const AWAITING_CHARGE_SHEET = `c.status IN ('registered', 'under_investigation') AND c.charge_sheet_due_on IS NOT NULL`;

export async function caseSummary(scope: RequestScope): Promise<CaseSummary> {
  const { tx, actor } = scope;
  const counts = await tx.query<{ open: number; mine: number; overdue: number; soon: number }>(
    `SELECT count(*) FILTER (WHERE ${OPEN})::int AS open,
       count(*) FILTER (WHERE ${OPEN} AND (c.registering_unit_id = $1 OR c.police_station_unit_id = $1))::int AS mine,
       count(*) FILTER (WHERE ${AWAITING_CHARGE_SHEET} AND c.charge_sheet_due_on < current_date)::int AS overdue,
       count(*) FILTER (WHERE ${AWAITING_CHARGE_SHEET} AND c.charge_sheet_due_on BETWEEN current_date AND current_date + 14)::int AS soon
     FROM cases c`,
    [actor.unitId],
  );
  const statuses = await tx.query<{ status: string; n: number }>(
    'SELECT status, count(*)::int AS n FROM cases c GROUP BY status',
  );
  const deadlines = await tx.query<{
    id: string;
    reference: string;
    title: string;
    status: string;
    due: string;
    days_left: number;
  }>(
    `SELECT c.id, c.reference, c.title, c.status, c.charge_sheet_due_on::text AS due, (c.charge_sheet_due_on - current_date) AS days_left
     FROM cases c WHERE ${AWAITING_CHARGE_SHEET} AND c.charge_sheet_due_on <= current_date + 14
     ORDER BY c.charge_sheet_due_on LIMIT 10`,
  );
  const recent = await tx.query<{
    id: string;
    reference: string;
    title: string;
    status: string;
    updated_at: string | Date;
  }>(
    `SELECT c.id, c.reference, c.title, c.status, c.updated_at FROM cases c
     WHERE c.registering_unit_id = $1 OR c.police_station_unit_id = $1 OR $2
     ORDER BY c.updated_at DESC LIMIT 8`,
    [actor.unitId, actor.level !== 'district'],
  );
  const row = counts.rows[0];
  return {
    openCases: row?.open ?? 0,
    myUnitOpenCases: row?.mine ?? 0,
    overdueChargeSheets: row?.overdue ?? 0,
    dueWithin14Days: row?.soon ?? 0,
    byStatus: Object.fromEntries(statuses.rows.map((s) => [s.status, s.n])),
    deadlines: deadlines.rows.map((d) => ({
      id: d.id,
      reference: d.reference,
      title: d.title,
      status: d.status,
      chargeSheetDueOn: d.due,
      daysLeft: d.days_left,
    })),
    recentlyUpdated: recent.rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      title: r.title,
      status: r.status,
      updatedAt: new Date(r.updated_at).toISOString(),
    })),
  };
}
