/** Reading alerts: the list with filters and one alert with its recipients' acknowledgements. RLS scopes both. */
import { Conditions } from '../../db/sql.ts';
import type { RequestScope } from '../../server/access.ts';
import { notFound } from '../../server/errors.ts';
import type { AlertListItem, AlertListQuery, AlertView } from './schemas.ts';

interface AlertRow {
  id: string;
  reference: string;
  kind: string;
  source: 'system' | 'user';
  severity: string;
  status: string;
  title: string;
  body: string;
  state_lgd: number | null;
  state_name: string | null;
  district_lgd: number | null;
  district_name: string | null;
  raised_by_name: string | null;
  raised_by_unit_id: string | null;
  raised_by_unit_name: string | null;
  case_id: string | null;
  target: Record<string, unknown>;
  details: Record<string, unknown>;
  valid_until: string | Date | null;
  expired: boolean;
  closed_at: string | Date | null;
  created_at: string | Date;
  recipient_count: number;
  acknowledged_count: number;
  my_recipient: boolean;
  my_acknowledged_at: string | Date | null;
}

const SELECT_ALERT = `SELECT a.id, a.reference, a.kind, a.source, a.severity, a.status, a.title, a.body,
  a.state_lgd, s.name AS state_name, a.district_lgd, d.name AS district_name, a.raised_by_name, a.raised_by_unit_id,
  u.name AS raised_by_unit_name, a.case_id, a.target, a.details, a.valid_until,
  (a.valid_until IS NOT NULL AND a.valid_until <= now()) AS expired, a.closed_at, a.created_at,
  (SELECT count(*)::int FROM alert_recipients r WHERE r.alert_id = a.id) AS recipient_count,
  (SELECT count(r.acknowledged_at)::int FROM alert_recipients r WHERE r.alert_id = a.id) AS acknowledged_count,
  mine.unit_id IS NOT NULL AS my_recipient, mine.acknowledged_at AS my_acknowledged_at
  FROM alerts a LEFT JOIN states s ON s.lgd_code = a.state_lgd LEFT JOIN districts d ON d.lgd_code = a.district_lgd
  LEFT JOIN units u ON u.id = a.raised_by_unit_id
  LEFT JOIN alert_recipients mine ON mine.alert_id = a.id AND mine.unit_id = $1`;

const iso = (value: string | Date) => new Date(value).toISOString();
const isoOrNull = (value: string | Date | null) => (value === null ? null : iso(value));

function presentItem(row: AlertRow, unitId: string): AlertListItem {
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind,
    source: row.source,
    severity: row.severity,
    status: row.status,
    title: row.title,
    raisedByUnit:
      row.raised_by_unit_id && row.raised_by_unit_name
        ? { id: row.raised_by_unit_id, name: row.raised_by_unit_name }
        : null,
    direction: row.my_recipient ? 'received' : row.raised_by_unit_id === unitId ? 'raised' : 'oversight',
    recipientCount: row.recipient_count,
    acknowledgedCount: row.acknowledged_count,
    myAcknowledgedAt: isoOrNull(row.my_acknowledged_at),
    validUntil: isoOrNull(row.valid_until),
    expired: row.expired,
    createdAt: iso(row.created_at),
  };
}

export async function listAlerts(
  scope: RequestScope,
  query: AlertListQuery,
): Promise<{ items: AlertListItem[]; total: number }> {
  const unit = scope.actor.unitId;
  const filter = new Conditions();
  filter.params.push(unit); // $1: the actor's unit, used by SELECT_ALERT
  if (query.direction === 'received') filter.raw('mine.unit_id IS NOT NULL');
  if (query.direction === 'raised') filter.raw('a.raised_by_unit_id = $1');
  if (query.status) filter.add((p) => `a.status = ${p}`, query.status);
  if (query.kind) filter.add((p) => `a.kind = ${p}::alert_kind`, query.kind);
  if (query.unacknowledged) filter.raw('mine.unit_id IS NOT NULL AND mine.acknowledged_at IS NULL');
  if (query.state !== undefined) filter.add((p) => `${p}::int = ANY(a.state_lgds)`, query.state);
  const total = await scope.tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM alerts a
     LEFT JOIN alert_recipients mine ON mine.alert_id = a.id AND mine.unit_id = $1 ${filter.where}`,
    filter.params,
  );
  const page = filter.page(query.limit ?? 50, query.offset ?? 0);
  const { rows } = await scope.tx.query<AlertRow>(
    `${SELECT_ALERT} ${filter.where} ORDER BY a.created_at DESC, a.id ${page.sql}`,
    page.params,
  );
  return { items: rows.map((row) => presentItem(row, unit)), total: total.rows[0]?.n ?? 0 };
}

export async function getAlertView(scope: RequestScope, id: string): Promise<AlertView> {
  const { tx, actor } = scope;
  const { rows } = await tx.query<AlertRow>(`${SELECT_ALERT} WHERE a.id = $2`, [actor.unitId, id]);
  const row = rows[0];
  if (!row) throw notFound('The alert');
  const recipients = await tx.query<{
    unit_id: string;
    name: string;
    kind: string;
    state_name: string | null;
    acknowledged_at: string | Date | null;
    acknowledged_by_name: string | null;
    note: string | null;
  }>(
    `SELECT r.unit_id, u.name, u.kind, s.name AS state_name, r.acknowledged_at, r.acknowledged_by_name, r.note
     FROM alert_recipients r JOIN units u ON u.id = r.unit_id LEFT JOIN states s ON s.lgd_code = u.state_lgd
     WHERE r.alert_id = $1 ORDER BY s.name NULLS FIRST, u.name`,
    [id],
  );
  let caseRef: AlertView['case'] = null;
  if (row.case_id) {
    const found = await tx.query<{ reference: string }>('SELECT reference FROM cases WHERE id = $1', [
      row.case_id,
    ]);
    if (found.rows[0]) caseRef = { id: row.case_id, reference: found.rows[0].reference };
  }
  const closable = await tx.query<{ ok: boolean }>(
    `SELECT a.raised_by_unit_id = $2 OR ($3::text IN ('national_analyst', 'state_nodal_officer')
       AND ($4::text = 'national' OR $5::int = ANY(a.state_lgds))) AS ok FROM alerts a WHERE a.id = $1`,
    [id, actor.unitId, actor.role, actor.level, actor.stateLgd],
  );
  return {
    ...presentItem(row, actor.unitId),
    body: row.body,
    place:
      row.state_lgd !== null || row.district_lgd !== null
        ? {
            stateLgd: row.state_lgd,
            stateName: row.state_name,
            districtLgd: row.district_lgd,
            districtName: row.district_name,
          }
        : null,
    raisedByName: row.raised_by_name,
    case: caseRef,
    target: row.target,
    details: row.details,
    closedAt: isoOrNull(row.closed_at),
    recipients: recipients.rows.map((r) => ({
      unit: { id: r.unit_id, name: r.name, kind: r.kind, stateName: r.state_name },
      acknowledgedAt: isoOrNull(r.acknowledged_at),
      acknowledgedByName: r.acknowledged_by_name,
      note: r.note,
    })),
    canAcknowledge: row.my_recipient && row.my_acknowledged_at === null && actor.role !== 'auditor',
    canClose: row.status === 'open' && actor.role !== 'auditor' && closable.rows[0]?.ok === true,
  };
}
