/**
 * Keeping the AHTU registry: a unit's status, staff by rank and equipment (kept by the unit itself or
 * oversight), and functionality reviews scored on the checklist (oversight only: a unit does not score
 * itself). Row-Level Security enforces both; the checks here only give a clearer message first.
 */
import type { RequestScope } from '../../server/access.ts';
import { AppError, badRequest, forbidden, notFound } from '../../server/errors.ts';
import { todayInIndia } from '../training/refresher.ts';
import { CHECKLIST_VERSION, ChecklistError, scoreReview } from './checklist.ts';
import type { AhtuProfileInput, ReviewInput } from './schemas.ts';

export interface AhtuHead {
  id: string;
  name: string;
  state_lgd: number;
  district_lgd: number;
  state_name: string;
  can_keep: boolean;
  can_oversee: boolean;
}

export async function ahtuHead(scope: RequestScope, unitId: string): Promise<AhtuHead> {
  const { rows } = await scope.tx.query<AhtuHead>(
    `SELECT u.id, u.name, u.state_lgd, u.district_lgd, s.name AS state_name,
       app_can_keep_ahtu(u.id, u.state_lgd) AS can_keep, app_can_oversee_ahtu(u.state_lgd) AS can_oversee
     FROM units u JOIN states s ON s.lgd_code = u.state_lgd
     WHERE u.id = $1 AND u.kind = 'ahtu' AND app_in_jurisdiction(u.state_lgd, u.district_lgd)`,
    [unitId],
  );
  if (!rows[0]) throw notFound('The AHTU');
  return rows[0];
}

export async function saveProfile(
  scope: RequestScope,
  unitId: string,
  input: AhtuProfileInput,
): Promise<void> {
  const { tx, actor } = scope;
  const head = await ahtuHead(scope, unitId);
  if (!head.can_keep)
    throw forbidden(
      `Only ${head.name} itself, the State nodal officer of ${head.state_name} or the Nodal Cell keeps this record.`,
    );
  if (input.sanctionedOn && input.establishedOn && input.establishedOn < input.sanctionedOn)
    throw badRequest('The unit cannot be established before it was sanctioned; check the two dates.', {
      field: 'establishedOn',
    });
  const ranks = new Set<string>();
  for (const line of input.staff) {
    if (ranks.has(line.rank))
      throw badRequest(`The rank ${line.rank} is listed twice; give one line per rank.`, { field: 'staff' });
    ranks.add(line.rank);
  }
  for (const asset of input.assets) {
    if (asset.working > asset.quantity)
      throw badRequest(`${asset.item}: ${asset.working} working is more than the ${asset.quantity} held.`, {
        field: 'assets',
      });
  }
  await tx.query(
    `INSERT INTO ahtu_profiles (unit_id, state_lgd, district_lgd, status, sanctioned_on, established_on, notes, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (unit_id) DO UPDATE SET status = EXCLUDED.status, sanctioned_on = EXCLUDED.sanctioned_on,
       established_on = EXCLUDED.established_on, notes = EXCLUDED.notes, updated_by = EXCLUDED.updated_by,
       updated_at = now()`,
    [
      unitId,
      head.state_lgd,
      head.district_lgd,
      input.status,
      input.sanctionedOn ?? null,
      input.establishedOn ?? null,
      input.notes ?? null,
      actor.userId,
    ],
  );
  await tx.query('DELETE FROM ahtu_staff WHERE unit_id = $1', [unitId]);
  for (const line of input.staff) {
    await tx.query(
      `INSERT INTO ahtu_staff (unit_id, state_lgd, district_lgd, rank, sanctioned, posted) VALUES ($1, $2, $3, $4, $5, $6)`,
      [unitId, head.state_lgd, head.district_lgd, line.rank, line.sanctioned, line.posted],
    );
  }
  await tx.query('DELETE FROM ahtu_assets WHERE unit_id = $1', [unitId]);
  for (const asset of input.assets) {
    await tx.query(
      `INSERT INTO ahtu_assets (unit_id, state_lgd, district_lgd, kind, item, quantity, working) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [unitId, head.state_lgd, head.district_lgd, asset.kind, asset.item, asset.quantity, asset.working],
    );
  }
  await scope.audit({
    action: 'ahtu.update',
    objectType: 'unit',
    objectId: unitId,
    details: { status: input.status, staffLines: input.staff.length, assets: input.assets.length },
  });
}

export async function addReview(scope: RequestScope, unitId: string, input: ReviewInput): Promise<string> {
  const head = await ahtuHead(scope, unitId);
  if (!head.can_oversee)
    throw forbidden(
      `Only the State nodal officer of ${head.state_name} or the Nodal Cell reviews ${head.name}.`,
    );
  if (input.reviewedOn > todayInIndia())
    throw badRequest('A review records what was found: its date cannot be in the future.', {
      field: 'reviewedOn',
    });
  let result;
  try {
    result = scoreReview(input.answers);
  } catch (error) {
    if (error instanceof ChecklistError)
      throw new AppError(400, 'bad_checklist', error.message, { field: 'answers' });
    throw error;
  }
  const { rows } = await scope.tx.query<{ id: string }>(
    `INSERT INTO ahtu_reviews (unit_id, state_lgd, district_lgd, reviewed_on, checklist_version, answers, score, remarks, reviewed_by, reviewer_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      unitId,
      head.state_lgd,
      head.district_lgd,
      input.reviewedOn,
      CHECKLIST_VERSION,
      JSON.stringify(input.answers),
      result.score,
      input.remarks ?? null,
      scope.actor.userId,
      scope.actor.displayName,
    ],
  );
  const id = rows[0]?.id ?? '';
  await scope.audit({
    action: 'ahtu.review',
    objectType: 'unit',
    objectId: unitId,
    details: { reviewId: id, score: result.score, reviewedOn: input.reviewedOn },
  });
  return id;
}
