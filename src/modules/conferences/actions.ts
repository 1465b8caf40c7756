/**
 * What a conference leaves behind: participants by category, resolutions, and action items with an owner
 * unit and a due date, followed until done. The owner unit (in any State) updates its own items; the
 * proposing unit and the approvers record them.
 */
import type { RequestScope } from '../../server/access.ts';
import { AppError, conflict, forbidden, notFound } from '../../server/errors.ts';
import { notify } from '../notifications/service.ts';
import type { ActionItemInput, ActionItemPatch, ParticipantInput } from './schemas.ts';
import { conferenceHead, writeParticipants, type ConferenceHead } from './service.ts';

async function requireRecorder(scope: RequestScope, id: string, what: string): Promise<ConferenceHead> {
  const head = await conferenceHead(scope, id);
  if (!head.approver && head.proposed_by_unit_id !== scope.actor.unitId)
    throw forbidden(`Only the proposing unit or the approvers can record ${what}.`);
  return head;
}

export async function setParticipants(scope: RequestScope, id: string, participants: ParticipantInput[]) {
  const head = await requireRecorder(scope, id, 'participants');
  if (head.status === 'closed')
    throw new AppError(409, 'invalid_transition', 'The conference is closed; its participants are final.');
  await writeParticipants(scope, id, head.state_lgd, participants);
  await scope.audit({
    action: 'conference.participants',
    objectType: 'conference',
    objectId: id,
    details: { categories: participants.map((p) => p.category) },
  });
}

function requireHeld(head: ConferenceHead, what: string): void {
  if (head.status !== 'held')
    throw new AppError(
      409,
      'invalid_transition',
      `${what} are recorded once the conference is held; this one is ${head.status}.`,
    );
}

export async function addResolution(scope: RequestScope, id: string, text: string): Promise<string> {
  const head = await requireRecorder(scope, id, 'resolutions');
  requireHeld(head, 'Resolutions');
  const { rows } = await scope.tx.query<{ id: string }>(
    `INSERT INTO conference_resolutions (conference_id, state_lgd, position, text)
     VALUES ($1, $2, (SELECT coalesce(max(position), 0) + 1 FROM conference_resolutions WHERE conference_id = $1), $3)
     RETURNING id`,
    [id, head.state_lgd, text],
  );
  const resolutionId = rows[0]?.id ?? '';
  await scope.audit({
    action: 'conference.resolution_add',
    objectType: 'conference',
    objectId: id,
    details: { resolutionId },
  });
  return resolutionId;
}

export async function addActionItem(
  scope: RequestScope,
  id: string,
  input: ActionItemInput,
): Promise<string> {
  const head = await requireRecorder(scope, id, 'action items');
  requireHeld(head, 'Action items');
  const owner = await scope.tx.query<{ name: string }>('SELECT name FROM units WHERE id = $1', [
    input.ownerUnitId,
  ]);
  const ownerName = owner.rows[0]?.name;
  if (!ownerName)
    throw new AppError(422, 'unknown_reference', 'The owner unit does not exist.', { field: 'ownerUnitId' });
  if (input.resolutionId) {
    const resolution = await scope.tx.query(
      'SELECT 1 FROM conference_resolutions WHERE id = $1 AND conference_id = $2',
      [input.resolutionId, id],
    );
    if (resolution.rowCount === 0)
      throw new AppError(422, 'unknown_reference', 'That resolution is not one of this conference.', {
        field: 'resolutionId',
      });
  }
  const { rows } = await scope.tx.query<{ id: string }>(
    `INSERT INTO conference_action_items (conference_id, resolution_id, state_lgd, title, owner_unit_id, owner_name, due_on, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      id,
      input.resolutionId ?? null,
      head.state_lgd,
      input.title,
      input.ownerUnitId,
      ownerName,
      input.dueOn,
      scope.actor.userId,
    ],
  );
  const itemId = rows[0]?.id ?? '';
  await notify(
    scope.tx,
    scope.actor.userId,
    { unitId: input.ownerUnitId },
    {
      kind: 'conference.action_assigned',
      title: `Action item for your unit from "${head.title}", due ${input.dueOn}`,
      body: input.title,
      link: `/coordination/conferences/${id}`,
      objectType: 'conference_action_item',
      objectId: itemId,
    },
  );
  await scope.audit({
    action: 'conference.action_add',
    objectType: 'conference',
    objectId: id,
    details: { actionItemId: itemId, ownerUnitId: input.ownerUnitId },
  });
  return itemId;
}

export async function updateActionItem(scope: RequestScope, itemId: string, patch: ActionItemPatch) {
  const { rows } = await scope.tx.query<{
    status: string;
    owner_unit_id: string;
    approver: boolean;
  }>(
    `SELECT status, owner_unit_id, app_can_run_meeting(state_lgd) AS approver
     FROM conference_action_items WHERE id = $1`,
    [itemId],
  );
  const item = rows[0];
  if (!item) throw notFound('The action item');
  const owner = item.owner_unit_id === scope.actor.unitId;
  if (!owner && !item.approver)
    throw forbidden('Only the owner unit of the action item, or the approvers, can update it.');
  if (patch.dueOn !== undefined && !item.approver)
    throw forbidden('Only the approvers can move the due date; the owner unit reports progress.');
  if (patch.status === item.status) throw conflict(`The action item is already ${item.status}.`);
  await scope.tx.query(
    `UPDATE conference_action_items SET status = coalesce($2, status), due_on = coalesce($3::date, due_on),
       note = coalesce($4, note), updated_at = now(),
       done_at = CASE WHEN $2 = 'done' THEN now() WHEN $2 IS NOT NULL THEN NULL ELSE done_at END,
       done_by = CASE WHEN $2 = 'done' THEN $5::uuid WHEN $2 IS NOT NULL THEN NULL ELSE done_by END
     WHERE id = $1`,
    [itemId, patch.status ?? null, patch.dueOn ?? null, patch.note ?? null, scope.actor.userId],
  );
  await scope.audit({
    action: 'conference.action_update',
    objectType: 'conference_action_item',
    objectId: itemId,
    details: { changed: Object.keys(patch), status: patch.status ?? item.status },
  });
}
