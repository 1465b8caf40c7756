/** Action items of a coordination meeting: recorded by the chair with an owner and due date, marked done by the owner. */
import type { RequestScope } from '../../server/access.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../server/errors.ts';
import { notify } from '../notifications/service.ts';
import type { ActionItemInput, ActionItemPatch } from './schemas.ts';
import { meetingHead, requireChair } from './service.ts';

async function resolveOwner(
  scope: RequestScope,
  input: { ownerUserId?: string | undefined; ownerUnitId?: string | undefined },
): Promise<{ userId: string | null; unitId: string | null; name: string }> {
  if (input.ownerUserId) {
    const { rows } = await scope.tx.query<{ display_name: string; unit_name: string }>(
      `SELECT u.display_name, un.name AS unit_name FROM users u JOIN units un ON un.id = u.unit_id WHERE u.id = $1`,
      [input.ownerUserId],
    );
    if (!rows[0]) {
      throw new AppError(
        422,
        'unknown_reference',
        'That account is not one you can assign; assign a unit instead.',
        {
          field: 'ownerUserId',
        },
      );
    }
    return {
      userId: input.ownerUserId,
      unitId: null,
      name: `${rows[0].display_name} (${rows[0].unit_name})`,
    };
  }
  if (input.ownerUnitId) {
    const { rows } = await scope.tx.query<{ name: string }>('SELECT name FROM units WHERE id = $1', [
      input.ownerUnitId,
    ]);
    if (!rows[0])
      throw new AppError(422, 'unknown_reference', 'The owner unit does not exist.', {
        field: 'ownerUnitId',
      });
    return { userId: null, unitId: input.ownerUnitId, name: rows[0].name };
  }
  throw badRequest('An action item needs an owner: ownerUserId or ownerUnitId.', { field: 'ownerUnitId' });
}

export async function addActionItem(
  scope: RequestScope,
  meetingId: string,
  input: ActionItemInput,
): Promise<string> {
  const head = await meetingHead(scope, meetingId);
  await requireChair(scope, head.state_lgd);
  const owner = await resolveOwner(scope, input);
  const { rows } = await scope.tx.query<{ id: string }>(
    `INSERT INTO meeting_action_items (meeting_id, state_lgd, title, description, owner_user_id, owner_unit_id, owner_name,
       due_on, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      meetingId,
      head.state_lgd,
      input.title,
      input.description ?? null,
      owner.userId,
      owner.unitId,
      owner.name,
      input.dueOn,
      scope.actor.userId,
    ],
  );
  const id = rows[0]?.id ?? '';
  await notify(
    scope.tx,
    scope.actor.userId,
    owner.userId ? { userId: owner.userId } : { unitId: owner.unitId ?? '' },
    {
      kind: 'meeting.action_assigned',
      title: `Action item for you from "${head.title}", due ${input.dueOn}`,
      body: input.title,
      link: `/meetings/${meetingId}`,
      objectType: 'meeting_action_item',
      objectId: id,
    },
  );
  await scope.audit({
    action: 'meeting.action_add',
    objectType: 'meeting',
    objectId: meetingId,
    details: { actionItemId: id },
  });
  return id;
}

export async function updateActionItem(
  scope: RequestScope,
  id: string,
  patch: ActionItemPatch,
): Promise<void> {
  const { tx, actor } = scope;
  const { rows } = await tx.query<{
    meeting_id: string;
    state_lgd: number;
    status: string;
    title: string;
    owner_user_id: string | null;
    owner_unit_id: string | null;
    created_by: string | null;
  }>(
    'SELECT meeting_id, state_lgd, status, title, owner_user_id, owner_unit_id, created_by FROM meeting_action_items WHERE id = $1',
    [id],
  );
  const item = rows[0];
  if (!item) throw notFound('The action item');
  const chair = await tx.query<{ ok: boolean }>('SELECT app_can_run_meeting($1) AS ok', [item.state_lgd]);
  const isChair = chair.rows[0]?.ok === true;
  const isOwner = item.owner_user_id === actor.userId || item.owner_unit_id === actor.unitId;
  const edits = (['title', 'description', 'dueOn', 'ownerUserId', 'ownerUnitId'] as const).filter(
    (k) => patch[k] !== undefined,
  );
  if (!isChair && (!isOwner || edits.length > 0))
    throw forbidden(
      isOwner
        ? 'As its owner you can mark the action item done or open; the meeting chair changes the rest.'
        : 'Only the owner of the action item, or the chair of the meeting, can change it.',
    );
  if (patch.status && patch.status === item.status)
    throw conflict(`The action item is already ${item.status}.`);
  const owner = patch.ownerUserId || patch.ownerUnitId ? await resolveOwner(scope, patch) : null;
  await tx.query(
    `UPDATE meeting_action_items SET title = coalesce($2, title),
       description = CASE WHEN $3::boolean THEN $4 ELSE description END, due_on = coalesce($5::date, due_on),
       owner_user_id = CASE WHEN $6::boolean THEN $7::uuid ELSE owner_user_id END,
       owner_unit_id = CASE WHEN $6::boolean THEN $8::uuid ELSE owner_unit_id END,
       owner_name = coalesce($9, owner_name), status = coalesce($10, status),
       done_at = CASE WHEN $10 = 'done' THEN now() WHEN $10 = 'open' THEN NULL ELSE done_at END,
       done_by = CASE WHEN $10 = 'done' THEN $11::uuid WHEN $10 = 'open' THEN NULL ELSE done_by END,
       done_note = CASE WHEN $10 IS NOT NULL THEN $12 ELSE done_note END, updated_at = now()
     WHERE id = $1`,
    [
      id,
      patch.title ?? null,
      patch.description !== undefined,
      patch.description ?? null,
      patch.dueOn ?? null,
      owner !== null,
      owner?.userId ?? null,
      owner?.unitId ?? null,
      owner?.name ?? null,
      patch.status ?? null,
      actor.userId,
      patch.note ?? null,
    ],
  );
  if (patch.status === 'done' && item.created_by && item.created_by !== actor.userId) {
    await notify(
      tx,
      actor.userId,
      { userId: item.created_by },
      {
        kind: 'meeting.action_done',
        title: `Action item done by ${actor.unitName}: ${item.title}`,
        body: patch.note ?? null,
        link: `/meetings/${item.meeting_id}`,
        objectType: 'meeting_action_item',
        objectId: id,
        sendEmail: false,
      },
    );
  }
  await scope.audit({
    action: 'meeting.action_update',
    objectType: 'meeting_action_item',
    objectId: id,
    details: { changed: Object.keys(patch), status: patch.status ?? item.status },
  });
}
