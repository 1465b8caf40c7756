/**
 * Alerts: raised by Setu itself (raiseSystemAlert, for other modules) or broadcast by an officer as a
 * lookout to the border and railway units along a route or in given districts and States. Each recipient
 * unit acknowledges on its own; the alert shows who has and who has not.
 */
import type { Tx } from '../../db/database.ts';
import type { RequestScope } from '../../server/access.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../server/errors.ts';
import { notify } from '../notifications/service.ts';
import type { LookoutInput, Severity, SystemAlertKind } from './schemas.ts';

export interface SystemAlertInput {
  kind: SystemAlertKind;
  severity?: Severity;
  /** Short and free of identifying details (pseudonyms, references): it travels by e-mail and webhook. */
  title: string;
  body: string;
  /** Recipients: particular units, the nodal offices of some States, and/or the Nodal Cell. */
  unitIds?: readonly string[];
  stateNodalOfficesOf?: readonly number[];
  nodalCell?: boolean;
  /** The place the alert is about. */
  stateLgd?: number;
  districtLgd?: number;
  caseId?: string;
  /** Ids, pseudonyms and counts only. */
  details?: Record<string, unknown>;
  /** The same finding raised again returns the first alert instead of a second one. */
  dedupeKey?: string;
}

/**
 * Raises an alert on Setu's behalf, with its recipients and their notifications, inside the caller's
 * transaction (a signed-in request or a system job alike: the insert runs in a SECURITY DEFINER function).
 * Returns the alert id.
 */
export async function raiseSystemAlert(tx: Tx, input: SystemAlertInput): Promise<string> {
  const { rows: units } = await tx.query<{ id: string }>(
    `SELECT id FROM units WHERE id = ANY($1::uuid[])
       OR (kind = 'state_nodal_office' AND state_lgd = ANY($2::int[]))
       OR (kind = 'nodal_cell' AND $3::boolean)`,
    [input.unitIds ?? [], input.stateNodalOfficesOf ?? [], input.nodalCell ?? false],
  );
  if (units.length === 0) throw new Error(`system alert "${input.title}" has no recipient unit`);
  const { rows } = await tx.query<{ id: string }>(
    'SELECT raise_system_alert($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) AS id',
    [
      input.kind,
      input.severity ?? 'warning',
      input.title,
      input.body,
      units.map((u) => u.id),
      input.stateLgd ?? null,
      input.districtLgd ?? null,
      input.caseId ?? null,
      JSON.stringify(input.details ?? {}),
      input.dedupeKey ?? null,
    ],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('raise_system_alert returned no id');
  return id;
}

interface Place {
  state_lgd: number | null;
  district_lgd: number | null;
}

async function resolvePlace(tx: Tx, place: LookoutInput['place']): Promise<Place> {
  if (!place) return { state_lgd: null, district_lgd: null };
  const sources: [string, string | number | undefined, string][] = [
    [
      'SELECT state_lgd, district_lgd FROM border_crossings WHERE locode = $1',
      place.borderCrossingLocode,
      'border crossing',
    ],
    ['SELECT state_lgd, district_lgd FROM railway_stations WHERE code = $1', place.stationCode, 'station'],
    [
      'SELECT state_lgd, lgd_code AS district_lgd FROM districts WHERE lgd_code = $1',
      place.districtLgd,
      'district',
    ],
  ];
  for (const [sql, value, what] of sources) {
    if (value === undefined) continue;
    const { rows } = await tx.query<Place>(sql, [value]);
    if (!rows[0])
      throw new AppError(422, 'unknown_reference', `No ${what} ${String(value)} is known.`, {
        field: 'place',
      });
    return rows[0];
  }
  return { state_lgd: null, district_lgd: null };
}

/** The units a lookout reaches: units of the chosen kinds in the districts along the route or given, or in the States given. */
async function resolveRecipients(
  scope: RequestScope,
  recipients: LookoutInput['recipients'],
): Promise<{ id: string; state_lgd: number | null }[]> {
  const { rows } = await scope.tx.query<{ id: string; state_lgd: number | null }>(
    `WITH places AS (
       SELECT district_lgd FROM railway_stations WHERE code = ANY($1::text[])
       UNION SELECT district_lgd FROM border_crossings WHERE locode = ANY($2::text[])
       UNION SELECT unnest($3::int[])
     )
     SELECT id, state_lgd FROM units
     WHERE id <> $7 AND (
       (kind::text = ANY($5::text[]) AND (district_lgd IN (SELECT district_lgd FROM places) OR state_lgd = ANY($4::int[])))
       OR id = ANY($6::uuid[]))
     ORDER BY name`,
    [
      recipients.stationCodes ?? [],
      recipients.borderCrossingLocodes ?? [],
      recipients.districtLgds ?? [],
      recipients.stateLgds ?? [],
      recipients.unitKinds ?? ['border_unit', 'railway_post'],
      recipients.unitIds ?? [],
      scope.actor.unitId,
    ],
  );
  return rows;
}

export async function raiseLookout(scope: RequestScope, input: LookoutInput): Promise<string> {
  const { tx, actor } = scope;
  if (input.validUntil && new Date(input.validUntil).getTime() <= Date.now())
    throw badRequest('validUntil is in the past; a lookout must still be ahead.', { field: 'validUntil' });
  const place = await resolvePlace(tx, input.place);
  const recipients = await resolveRecipients(scope, input.recipients);
  if (recipients.length === 0) {
    throw new AppError(
      422,
      'no_recipients',
      'No unit of the kinds chosen is registered along that route or in those places. Add districts or States, other unit kinds, or particular units.',
      { field: 'recipients' },
    );
  }
  if (input.caseId) {
    const found = await tx.query('SELECT 1 FROM cases WHERE id = $1', [input.caseId]);
    if (found.rowCount === 0) throw notFound('The case');
  }
  const states = new Set<number>();
  for (const s of [actor.stateLgd, place.state_lgd, ...recipients.map((r) => r.state_lgd)])
    if (s !== null) states.add(s);
  const { rows } = await tx.query<{ id: string; reference: string }>(
    `INSERT INTO alerts (reference, kind, source, severity, title, body, state_lgd, district_lgd, state_lgds, raised_by,
       raised_by_name, raised_by_unit_id, case_id, target, valid_until)
     VALUES ('AL-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('alert_number_seq')::text, 6, '0'),
       'lookout', 'user', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     RETURNING id, reference`,
    [
      input.severity ?? 'warning',
      input.title,
      input.body,
      place.state_lgd,
      place.district_lgd,
      [...states].sort((a, b) => a - b),
      actor.userId,
      actor.displayName,
      actor.unitId,
      input.caseId ?? null,
      JSON.stringify({ place: input.place ?? null, recipients: input.recipients }),
      input.validUntil ?? null,
    ],
  );
  const alert = rows[0];
  if (!alert) throw forbidden('Your role cannot broadcast lookouts.');
  for (const unit of recipients) {
    await tx.query('INSERT INTO alert_recipients (alert_id, unit_id) VALUES ($1, $2)', [alert.id, unit.id]);
    await notify(
      tx,
      actor.userId,
      { unitId: unit.id },
      {
        kind: 'alert.raised',
        title: `Lookout ${alert.reference} from ${actor.unitName}: ${input.title}`,
        body: input.body,
        link: `/alerts/${alert.id}`,
        objectType: 'alert',
        objectId: alert.id,
      },
    );
  }
  await scope.audit({
    action: 'alert.lookout',
    objectType: 'alert',
    objectId: alert.id,
    details: { reference: alert.reference, recipients: recipients.length },
  });
  return alert.id;
}

export async function acknowledgeAlert(
  scope: RequestScope,
  id: string,
  note: string | undefined,
): Promise<void> {
  const { tx, actor } = scope;
  const alert = await tx.query<{ reference: string }>('SELECT reference FROM alerts WHERE id = $1', [id]);
  const reference = alert.rows[0]?.reference;
  if (!reference) throw notFound('The alert');
  const mine = await tx.query<{ acknowledged_at: string | Date | null; acknowledged_by_name: string | null }>(
    'SELECT acknowledged_at, acknowledged_by_name FROM alert_recipients WHERE alert_id = $1 AND unit_id = $2',
    [id, actor.unitId],
  );
  const row = mine.rows[0];
  if (!row)
    throw forbidden(`Alert ${reference} was not sent to your unit; only its recipients acknowledge it.`);
  if (row.acknowledged_at !== null) {
    throw conflict(
      `Your unit already acknowledged alert ${reference} (${row.acknowledged_by_name ?? 'someone'}, ${new Date(row.acknowledged_at).toISOString()}).`,
    );
  }
  await tx.query(
    `UPDATE alert_recipients SET acknowledged_at = now(), acknowledged_by = $3, acknowledged_by_name = $4, note = $5
     WHERE alert_id = $1 AND unit_id = $2 AND acknowledged_at IS NULL`,
    [id, actor.unitId, actor.userId, actor.displayName, note ?? null],
  );
  await scope.audit({
    action: 'alert.acknowledge',
    objectType: 'alert',
    objectId: id,
    details: { reference },
  });
}

export async function closeAlert(scope: RequestScope, id: string): Promise<void> {
  const { tx, actor } = scope;
  const found = await tx.query<{ reference: string; status: string }>(
    'SELECT reference, status FROM alerts WHERE id = $1',
    [id],
  );
  const alert = found.rows[0];
  if (!alert) throw notFound('The alert');
  if (alert.status === 'closed') throw conflict(`Alert ${alert.reference} is already closed.`);
  const updated = await tx.query(
    `UPDATE alerts SET status = 'closed', closed_at = now(), closed_by = $2 WHERE id = $1 AND status = 'open'`,
    [id, actor.userId],
  );
  if (updated.rowCount === 0)
    throw forbidden(
      'Only the unit that raised the alert, or the nodal officer of a State it concerns, can close it.',
    );
  await scope.audit({
    action: 'alert.close',
    objectType: 'alert',
    objectId: id,
    details: { reference: alert.reference },
  });
}

/** For the home page: open, unexpired alerts addressed to the actor's unit that it has not acknowledged. */
export async function unacknowledgedAlerts(scope: RequestScope): Promise<number> {
  const { rows } = await scope.tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM alert_recipients ar JOIN alerts a ON a.id = ar.alert_id
     WHERE ar.unit_id = $1 AND ar.acknowledged_at IS NULL AND a.status = 'open'
       AND (a.valid_until IS NULL OR a.valid_until > now())`,
    [scope.actor.unitId],
  );
  return rows[0]?.n ?? 0;
}
