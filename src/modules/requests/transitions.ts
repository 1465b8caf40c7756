/** Moving a request through its life, and writing in its thread. The rules are in codes.ts. */
import type { RequestScope } from '../../server/access.ts';
import { AppError, badRequest, forbidden } from '../../server/errors.ts';
import { notify, type EventType } from '../notifications/service.ts';
import { checkAttachments, storeAttachments, type CheckedFile } from './attachments.ts';
import {
  ACTION_RULES,
  dueAt,
  label,
  nextStatus,
  type RequestAction,
  type RequestKind,
  type RequestPriority,
} from './codes.ts';
import { findRequest, type RequestRow } from './repository.ts';
import type { ActionInput, MessageInput } from './schemas.ts';
import { allowedActions, canWriteInThread } from './thread.ts';

const PAST: Record<RequestAction, string> = {
  acknowledge: 'acknowledged',
  start: 'marked in progress',
  answer: 'answered',
  decline: 'declined',
  close: 'closed',
  reopen: 'reopened',
};

const TEXT_NEEDED: Partial<Record<RequestAction, string>> = {
  answer: 'Write the answer in "text".',
  decline: 'Say in "text" why your unit declines the request (at least 5 characters).',
  reopen: 'Say in "text" why the request is reopened (at least 5 characters).',
};

/** What each action sets besides the status ($4 is its one value); first acknowledgement and answer are kept. */
function extraSet(
  action: RequestAction,
  values: { userId: string; text: string; due: string },
): [string, unknown[]] {
  switch (action) {
    case 'acknowledge':
    case 'start':
      return [
        'acknowledged_at = coalesce(acknowledged_at, now()), acknowledged_by = coalesce(acknowledged_by, $4::uuid)',
        [values.userId],
      ];
    case 'answer':
      return [
        'answered_at = coalesce(answered_at, now()), answered_by = coalesce(answered_by, $4::uuid)',
        [values.userId],
      ];
    case 'decline':
      return ['declined_at = now(), decline_reason = $4', [values.text]];
    case 'close':
      return ['closed_at = now()', []];
    case 'reopen':
      return [
        'due_at = $4, round = round + 1, escalation_level = 0, closed_at = NULL, declined_at = NULL, decline_reason = NULL',
        [values.due],
      ];
  }
}

async function writeMessage(
  scope: RequestScope,
  requestId: string,
  event: string | null,
  body: string | null,
  files: readonly CheckedFile[],
): Promise<string> {
  const { rows } = await scope.tx.query<{ id: string }>(
    `INSERT INTO request_messages (request_id, event, body, author_id, author_name, author_unit_id)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [requestId, event, body, scope.actor.userId, scope.actor.displayName, scope.actor.unitId],
  );
  const id = rows[0]?.id;
  if (!id) throw forbidden('You cannot write in this request.');
  if (files.length > 0) await storeAttachments(scope, requestId, id, files);
  return id;
}

export async function transition(
  scope: RequestScope,
  id: string,
  action: RequestAction,
  input: ActionInput,
): Promise<void> {
  const { tx, actor } = scope;
  const row = await findRequest(tx, id);
  const rule = ACTION_RULES[action];
  const party =
    rule.by === 'recipient'
      ? { id: row.to_unit_id, name: row.to_name, what: 'the unit it was sent to' }
      : { id: row.from_unit_id, name: row.from_name, what: 'the unit that sent it' };
  if (party.id !== actor.unitId) {
    throw forbidden(`Only ${party.name}, ${party.what}, can ${action} request ${row.reference}.`);
  }
  if (!rule.from.includes(row.status)) {
    const now = allowedActions(actor, row).filter((a) => a !== 'message');
    throw new AppError(
      409,
      'invalid_transition',
      `Request ${row.reference} is ${label(row.status)}, so it cannot be ${PAST[action]}. ` +
        (now.length > 0
          ? `Your unit can now: ${now.join(', ')}.`
          : action === 'answer' && row.status === 'sent'
            ? 'Acknowledge it first.'
            : 'Nothing is left for your unit to do with it.'),
      { status: row.status, allowed: now },
    );
  }
  const text = input.text?.trim() ?? '';
  const need = TEXT_NEEDED[action];
  if (need && (text.length === 0 || (action !== 'answer' && text.length < 5)))
    throw badRequest(need, { field: 'text' });
  const files = checkAttachments(input.attachments);
  const to = nextStatus(action, row);
  const due = dueAt(row.kind as RequestKind, row.priority as RequestPriority, new Date()).toISOString();
  const [set, values] = extraSet(action, { userId: actor.userId, text, due });
  const updated = await tx.query(
    `UPDATE unit_requests SET status = $3::request_status, updated_at = now(), ${set}
     WHERE id = $1 AND status = $2::request_status`,
    [id, row.status, to, ...values],
  );
  if (updated.rowCount === 0) {
    throw new AppError(
      409,
      'conflict',
      `Request ${row.reference} was changed meanwhile. Reload it and try again.`,
    );
  }
  await writeMessage(scope, id, rule.event, text || null, files);
  await notifyOtherSide(scope, row, rule.by === 'recipient' ? 'sender' : 'recipient', {
    kind: `request.${rule.event}` as EventType,
    title: `Request ${row.reference} ${PAST[action]} by ${actor.unitName}`,
    body: action === 'decline' || action === 'reopen' ? text : row.subject,
  });
  await scope.audit({
    action: `request.${action}`,
    objectType: 'request',
    objectId: id,
    details: { reference: row.reference, from: row.status, to, attachments: files.length },
  });
}

export async function postMessage(scope: RequestScope, id: string, input: MessageInput): Promise<void> {
  const { tx, actor } = scope;
  const row = await findRequest(tx, id);
  if (!canWriteInThread(actor, row)) {
    throw forbidden(
      `Only ${row.from_name}, ${row.to_name} and the State nodal officers concerned can write in this request.`,
    );
  }
  if (row.status === 'closed') {
    throw new AppError(
      409,
      'invalid_transition',
      `Request ${row.reference} is closed. ${row.from_name} can reopen it to continue the thread.`,
      { status: row.status },
    );
  }
  const files = checkAttachments(input.attachments);
  await writeMessage(scope, id, null, input.body, files);
  await tx.query('UPDATE unit_requests SET updated_at = now() WHERE id = $1', [id]);
  const side =
    row.to_unit_id === actor.unitId ? 'sender' : row.from_unit_id === actor.unitId ? 'recipient' : 'both';
  await notifyOtherSide(scope, row, side, {
    kind: 'request.message',
    title: `New message on request ${row.reference} from ${actor.unitName}`,
    body: row.subject,
  });
  await scope.audit({
    action: 'request.message',
    objectType: 'request',
    objectId: id,
    details: { reference: row.reference, attachments: files.length },
  });
}

async function notifyOtherSide(
  scope: RequestScope,
  row: RequestRow,
  side: 'sender' | 'recipient' | 'both',
  message: { kind: EventType; title: string; body: string },
): Promise<void> {
  const units =
    side === 'both'
      ? [row.from_unit_id, row.to_unit_id]
      : [side === 'sender' ? row.from_unit_id : row.to_unit_id];
  for (const unitId of units) {
    await notify(
      scope.tx,
      scope.actor.userId,
      { unitId },
      {
        ...message,
        link: `/requests/${row.id}`,
        objectType: 'request',
        objectId: row.id,
        sendEmail: message.kind !== 'request.message',
      },
    );
  }
}
