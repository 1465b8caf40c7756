/**
 * The best-practice compendium: a unit submits a practice, a reviewer (the State nodal officer of its
 * State or the Nodal Cell) publishes it for the whole country or returns it with a note, the unit edits
 * and resubmits. Files are checked by their bytes and stored with their SHA-256, as case attachments are.
 */
import crypto from 'node:crypto';
import type { RequestScope } from '../../server/access.ts';
import { AppError, badRequest, forbidden, notFound } from '../../server/errors.ts';
import { sniffContentType } from '../cases/extras.ts';
import type { PracticeAttachmentInput, PracticeInput, PracticePatch, ReviewInput } from './schemas.ts';

export const MAX_PRACTICE_FILE_BYTES = 5 * 1024 * 1024;

export async function submitPractice(scope: RequestScope, input: PracticeInput): Promise<string> {
  const { tx, actor } = scope;
  if (actor.stateLgd === null)
    throw badRequest(
      'Practices are submitted by a unit of a State; the Nodal Cell reviews them instead of submitting.',
    );
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO practices (state_lgd, district_lgd, unit_id, unit_name, category, language, title, summary, body, outcomes, submitted_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      actor.stateLgd,
      actor.districtLgd,
      actor.unitId,
      actor.unitName,
      input.category,
      input.language ?? 'en',
      input.title,
      input.summary,
      input.body,
      input.outcomes ?? null,
      actor.userId,
    ],
  );
  const id = rows[0]?.id ?? '';
  await scope.audit({ action: 'practice.submit', objectType: 'practice', objectId: id });
  return id;
}

interface PracticeHead {
  unit_id: string;
  status: string;
  reviewer: boolean;
}

async function practiceHead(scope: RequestScope, id: string): Promise<PracticeHead> {
  const { rows } = await scope.tx.query<PracticeHead>(
    'SELECT unit_id, status, app_can_run_meeting(state_lgd) AS reviewer FROM practices WHERE id = $1',
    [id],
  );
  if (!rows[0]) throw notFound('The practice');
  return rows[0];
}

/** The submitting unit edits while it is not published; an edit of a returned practice resubmits it. */
export async function editPractice(scope: RequestScope, id: string, patch: PracticePatch) {
  const head = await practiceHead(scope, id);
  if (head.unit_id !== scope.actor.unitId && !head.reviewer)
    throw forbidden('Only the unit that submitted the practice, or its reviewers, can edit it.');
  if (head.status === 'published' && !head.reviewer)
    throw new AppError(409, 'invalid_transition', 'The practice is published; ask a reviewer to change it.');
  await scope.tx.query(
    `UPDATE practices SET category = coalesce($2, category), language = coalesce($3, language),
       title = coalesce($4, title), summary = coalesce($5, summary), body = coalesce($6, body),
       outcomes = CASE WHEN $7::boolean THEN $8 ELSE outcomes END,
       status = CASE WHEN status = 'returned' THEN 'submitted' ELSE status END, updated_at = now()
     WHERE id = $1`,
    [
      id,
      patch.category ?? null,
      patch.language ?? null,
      patch.title ?? null,
      patch.summary ?? null,
      patch.body ?? null,
      patch.outcomes !== undefined,
      patch.outcomes ?? null,
    ],
  );
  await scope.audit({
    action: 'practice.edit',
    objectType: 'practice',
    objectId: id,
    details: { changed: Object.keys(patch), resubmitted: head.status === 'returned' },
  });
}

export async function reviewPractice(scope: RequestScope, id: string, input: ReviewInput) {
  const head = await practiceHead(scope, id);
  if (!head.reviewer)
    throw forbidden(
      "Only the State nodal officer of the practice's State, or the Nodal Cell, can review it.",
    );
  if (head.status !== 'submitted')
    throw new AppError(
      409,
      'invalid_transition',
      `The practice is ${head.status}; only a submitted practice can be published or returned.`,
    );
  if (input.action === 'return' && (input.note ?? '').trim().length < 5)
    throw badRequest('Say what the unit should change (note, at least 5 characters).', { field: 'note' });
  await scope.tx.query(
    `UPDATE practices SET status = $2, review_note = $3, reviewed_by = $4, updated_at = now(),
       published_at = CASE WHEN $2 = 'published' THEN now() ELSE published_at END
     WHERE id = $1`,
    [id, input.action === 'publish' ? 'published' : 'returned', input.note ?? null, scope.actor.userId],
  );
  await scope.audit({ action: `practice.${input.action}`, objectType: 'practice', objectId: id });
}

export async function addPracticeAttachment(scope: RequestScope, id: string, input: PracticeAttachmentInput) {
  const head = await practiceHead(scope, id);
  if (head.unit_id !== scope.actor.unitId && !head.reviewer)
    throw forbidden('Only the unit that submitted the practice, or its reviewers, can attach files.');
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.length === 0) throw badRequest('The file is empty.', { field: 'contentBase64' });
  if (content.length > MAX_PRACTICE_FILE_BYTES)
    throw new AppError(413, 'payload_too_large', 'Files in the compendium can be at most 5 MB.');
  const actualType = sniffContentType(content);
  if (!actualType)
    throw new AppError(415, 'unsupported_media_type', 'Only PDF, JPEG, PNG and WebP files can be attached.');
  if (actualType !== input.contentType)
    throw new AppError(
      415,
      'unsupported_media_type',
      `The file is a ${actualType}, not the ${input.contentType} it claims to be.`,
    );
  const sha256 = crypto.createHash('sha256').update(content).digest('hex');
  const attachmentId = crypto.randomUUID();
  await scope.tx.query(
    `INSERT INTO practice_attachments (id, practice_id, state_lgd, file_name, content_type, size_bytes, sha256, uploaded_by)
     SELECT $1, id, state_lgd, $3, $4, $5, $6, $7 FROM practices WHERE id = $2`,
    [attachmentId, id, input.fileName, actualType, content.length, sha256, scope.actor.userId],
  );
  await scope.tx.query('INSERT INTO practice_attachment_contents (attachment_id, content) VALUES ($1, $2)', [
    attachmentId,
    content,
  ]);
  await scope.audit({
    action: 'practice.attach',
    objectType: 'practice',
    objectId: id,
    details: { attachmentId, sha256, sizeBytes: content.length },
  });
  return { id: attachmentId, sha256, sizeBytes: content.length, contentType: actualType };
}

export async function readPracticeAttachment(scope: RequestScope, attachmentId: string) {
  const { rows } = await scope.tx.query<{
    file_name: string;
    content_type: string;
    sha256: string;
    content: Uint8Array;
  }>(
    `SELECT a.file_name, a.content_type, a.sha256, c.content FROM practice_attachments a
     JOIN practice_attachment_contents c ON c.attachment_id = a.id WHERE a.id = $1`,
    [attachmentId],
  );
  const row = rows[0];
  if (!row) throw notFound('The file');
  return { ...row, content: Buffer.from(row.content) };
}
