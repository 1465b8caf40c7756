/**
 * Files in a request's thread, held to the same rules as case attachments: the type is recognised from
 * the bytes, the size is limited, the SHA-256 is kept, and every download is audited.
 */
import crypto from 'node:crypto';
import type { RequestScope } from '../../server/access.ts';
import { AppError, notFound } from '../../server/errors.ts';
import { MAX_ATTACHMENT_BYTES, sniffContentType } from '../cases/extras.ts';
import type { AttachmentInput } from './schemas.ts';

/** JSON bodies that may carry up to 10 MB of files in base64. */
export const WITH_FILES_BODY_LIMIT = Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 64 * 1024;

/** Decodes and checks every file before anything is written, so a bad file refuses the whole message. */
export function checkAttachments(inputs: readonly AttachmentInput[] | undefined) {
  const files = (inputs ?? []).map((input) => {
    const content = Buffer.from(input.contentBase64, 'base64');
    if (content.length === 0) {
      throw new AppError(400, 'bad_request', `The file ${input.fileName} is empty.`, {
        field: 'attachments',
      });
    }
    const actualType = sniffContentType(content);
    if (!actualType) {
      throw new AppError(
        415,
        'unsupported_media_type',
        `${input.fileName}: only PDF, JPEG, PNG and WebP files can be attached.`,
      );
    }
    if (actualType !== input.contentType) {
      throw new AppError(
        415,
        'unsupported_media_type',
        `${input.fileName} is a ${actualType}, not the ${input.contentType} it claims to be.`,
      );
    }
    return { fileName: input.fileName, contentType: actualType, content };
  });
  const total = files.reduce((sum, file) => sum + file.content.length, 0);
  if (total > MAX_ATTACHMENT_BYTES)
    throw new AppError(413, 'payload_too_large', 'The files of one message can be at most 10 MB together.');
  return files;
}
export type CheckedFile = ReturnType<typeof checkAttachments>[number];

export async function storeAttachments(
  scope: RequestScope,
  requestId: string,
  messageId: string | null,
  files: readonly CheckedFile[],
): Promise<{ id: string; sha256: string }[]> {
  const stored: { id: string; sha256: string }[] = [];
  for (const file of files) {
    const sha256 = crypto.createHash('sha256').update(file.content).digest('hex');
    const id = crypto.randomUUID();
    await scope.tx.query(
      `INSERT INTO request_attachments (id, request_id, message_id, file_name, content_type, size_bytes, sha256, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        id,
        requestId,
        messageId,
        file.fileName,
        file.contentType,
        file.content.length,
        sha256,
        scope.actor.userId,
      ],
    );
    await scope.tx.query('INSERT INTO request_attachment_contents (attachment_id, content) VALUES ($1, $2)', [
      id,
      file.content,
    ]);
    stored.push({ id, sha256 });
  }
  return stored;
}

export async function readRequestAttachment(scope: RequestScope, requestId: string, attachmentId: string) {
  const { rows } = await scope.tx.query<{
    file_name: string;
    content_type: string;
    sha256: string;
    content: Uint8Array;
  }>(
    `SELECT a.file_name, a.content_type, a.sha256, c.content FROM request_attachments a
     JOIN request_attachment_contents c ON c.attachment_id = a.id WHERE a.id = $1 AND a.request_id = $2`,
    [attachmentId, requestId],
  );
  const row = rows[0];
  if (!row) throw notFound('The attachment');
  await scope.audit({
    action: 'request.attachment_read',
    objectType: 'request',
    objectId: requestId,
    details: { attachmentId, sha256: row.sha256 },
  });
  return {
    fileName: row.file_name,
    contentType: row.content_type,
    sha256: row.sha256,
    content: Buffer.from(row.content),
  };
}
