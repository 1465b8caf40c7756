/**
 * The tip inbox: officers of the district (and the unit a tip was routed or forwarded to), the State nodal
 * officer and the Nodal Cell read tips and move them through triage. Row-Level Security decides which
 * tips exist for the caller; the presenter maps only the tip's own fields, never anything about the sender.
 */
import { Conditions } from '../../db/sql.ts';
import type { RequestScope } from '../../server/access.ts';
import { AppError, badRequest, forbidden, notFound } from '../../server/errors.ts';
import { notify } from '../notifications/service.ts';
import {
  TIP_HANDLERS,
  type TipListItem,
  type TipQuery,
  type TipStatus,
  type TipView,
  type TriageInput,
} from './schemas.ts';

const NEXT: Record<TipStatus, readonly TipStatus[]> = {
  new: ['triaged', 'forwarded', 'actioned', 'dismissed'],
  triaged: ['forwarded', 'actioned', 'dismissed'],
  forwarded: ['triaged', 'actioned', 'dismissed'],
  actioned: [],
  dismissed: ['triaged'],
};

interface TipRow {
  id: string;
  reference: string;
  state_lgd: number;
  state_name: string;
  district_lgd: number;
  district_name: string;
  routed_unit_id: string;
  routed_unit_name: string;
  forwarded_to_unit_id: string | null;
  forwarded_name: string | null;
  status: TipStatus;
  what_seen: string;
  place_detail: string | null;
  seen_at: string | null;
  contact: string | null;
  language: string;
  triage_note: string | null;
  received_at: string | Date;
}

// An explicit column list: a new column on tips reaches officers only when it is added here on purpose.
const SELECT_TIP = `SELECT t.id, t.reference, t.state_lgd, s.name AS state_name, t.district_lgd, d.name AS district_name,
  t.routed_unit_id, ru.name AS routed_unit_name, t.forwarded_to_unit_id, fu.name AS forwarded_name, t.status,
  t.what_seen, t.place_detail, t.seen_at, t.contact, t.language, t.triage_note, t.received_at
  FROM tips t JOIN states s ON s.lgd_code = t.state_lgd JOIN districts d ON d.lgd_code = t.district_lgd
  JOIN units ru ON ru.id = t.routed_unit_id LEFT JOIN units fu ON fu.id = t.forwarded_to_unit_id`;

function presentItem(row: TipRow): TipListItem {
  return {
    id: row.id,
    reference: row.reference,
    state: { lgdCode: row.state_lgd, name: row.state_name },
    district: { lgdCode: row.district_lgd, name: row.district_name },
    routedUnit: { id: row.routed_unit_id, name: row.routed_unit_name },
    forwardedTo: row.forwarded_to_unit_id
      ? { id: row.forwarded_to_unit_id, name: row.forwarded_name ?? '' }
      : null,
    status: row.status,
    excerpt: row.what_seen.length > 160 ? `${row.what_seen.slice(0, 157)}…` : row.what_seen,
    hasContact: row.contact !== null,
    receivedAt: new Date(row.received_at).toISOString(),
  };
}

export async function listTips(scope: RequestScope, query: TipQuery) {
  const filter = new Conditions();
  if (query.status) filter.add((p) => `t.status = ${p}`, query.status);
  if (query.district !== undefined) filter.add((p) => `t.district_lgd = ${p}`, query.district);
  if (query.open) filter.raw(`t.status IN ('new', 'triaged', 'forwarded')`);
  const total = await scope.tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM tips t ${filter.where}`,
    filter.params,
  );
  const page = filter.page(query.limit ?? 50, query.offset ?? 0);
  const { rows } = await scope.tx.query<TipRow>(
    `${SELECT_TIP} ${filter.where} ORDER BY t.status = 'new' DESC, t.received_at DESC, t.id ${page.sql}`,
    page.params,
  );
  return { items: rows.map(presentItem), total: total.rows[0]?.n ?? 0 };
}

export async function getTip(scope: RequestScope, id: string, audit = true): Promise<TipView> {
  const { rows } = await scope.tx.query<TipRow>(`${SELECT_TIP} WHERE t.id = $1`, [id]);
  const row = rows[0];
  if (!row) throw notFound('The tip');
  const history = await scope.tx.query<{
    at: string | Date;
    from_status: string | null;
    to_status: string;
    note: string | null;
    by_name: string | null;
  }>('SELECT at, from_status, to_status, note, by_name FROM tip_events WHERE tip_id = $1 ORDER BY at, id', [
    id,
  ]);
  // A tip may carry the tipster's own contact details: reading it is recorded.
  if (audit) await scope.audit({ action: 'tip.view', objectType: 'tip', objectId: id });
  const handler = TIP_HANDLERS.includes(scope.actor.role);
  return {
    ...presentItem(row),
    whatSeen: row.what_seen,
    placeDetail: row.place_detail,
    seenAt: row.seen_at,
    contact: row.contact,
    language: row.language,
    triageNote: row.triage_note,
    history: history.rows.map((h) => ({
      at: new Date(h.at).toISOString(),
      fromStatus: h.from_status,
      toStatus: h.to_status,
      note: h.note,
      by: h.by_name,
    })),
    allowedStatuses: handler ? [...NEXT[row.status]] : [],
  };
}

export async function triageTip(scope: RequestScope, id: string, input: TriageInput): Promise<void> {
  const { tx, actor } = scope;
  const { rows } = await tx.query<{
    status: TipStatus;
    state_lgd: number;
    reference: string;
    district_name: string;
  }>(
    `SELECT t.status, t.state_lgd, t.reference, d.name AS district_name FROM tips t
     JOIN districts d ON d.lgd_code = t.district_lgd WHERE t.id = $1`,
    [id],
  );
  const tip = rows[0];
  if (!tip) throw notFound('The tip');
  const allowed = NEXT[tip.status];
  if (!allowed.includes(input.status))
    throw new AppError(
      409,
      'invalid_transition',
      `A ${tip.status} tip cannot be marked ${input.status}. ` +
        (allowed.length > 0 ? `It can be marked: ${allowed.join(', ')}.` : 'Its triage is finished.'),
      { allowedStatuses: allowed },
    );
  if (input.status === 'dismissed' && (input.note ?? '').trim().length < 5)
    throw badRequest('Say why the tip is dismissed (note, at least 5 characters).', { field: 'note' });
  let forwardTo: string | null = null;
  if (input.status === 'forwarded') {
    if (!input.forwardToUnitId)
      throw badRequest('Choose the unit to forward the tip to (forwardToUnitId).', {
        field: 'forwardToUnitId',
      });
    const unit = await tx.query('SELECT 1 FROM units WHERE id = $1', [input.forwardToUnitId]);
    if (unit.rowCount === 0)
      throw new AppError(422, 'unknown_reference', 'The unit to forward to does not exist.', {
        field: 'forwardToUnitId',
      });
    forwardTo = input.forwardToUnitId;
  }
  const updated = await tx.query(
    `UPDATE tips SET status = $2, triage_note = coalesce($3, triage_note),
       forwarded_to_unit_id = coalesce($4::uuid, forwarded_to_unit_id), updated_by = $5, updated_at = now()
     WHERE id = $1`,
    [id, input.status, input.note ?? null, forwardTo, actor.userId],
  );
  if (updated.rowCount === 0) throw forbidden('Your role can read this tip but not triage it.');
  await tx.query(
    `INSERT INTO tip_events (tip_id, state_lgd, from_status, to_status, note, forwarded_to_unit_id, by_user_id, by_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      id,
      tip.state_lgd,
      tip.status,
      input.status,
      input.note ?? null,
      forwardTo,
      actor.userId,
      `${actor.displayName} (${actor.unitName})`,
    ],
  );
  if (forwardTo) {
    await notify(
      tx,
      actor.userId,
      { unitId: forwardTo },
      {
        kind: 'tip.forwarded',
        title: `Public tip ${tip.reference} (${tip.district_name}) forwarded to your unit by ${actor.unitName}`,
        link: `/coordination/tips/${id}`,
        objectType: 'tip',
        objectId: id,
      },
    );
  }
  await scope.audit({
    action: 'tip.triage',
    objectType: 'tip',
    objectId: id,
    details: { from: tip.status, to: input.status, forwardTo },
  });
}
