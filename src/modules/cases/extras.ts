/** Notes, sharing with assisting units, links between cases, and attachments. */
import crypto from 'node:crypto';
import type { RequestScope } from '../../server/access.ts';
import { AppError, badRequest, notFound } from '../../server/errors.ts';
import { caseHead, requireEditable } from './service.ts';

export async function addNote(scope: RequestScope, caseId: string, body: string): Promise<void> {
  const head = await caseHead(scope.tx, caseId);
  const { rows } = await scope.tx.query<{ standing: string | null; can_edit: boolean }>(
    'SELECT app_case_standing($1) AS standing, app_can_edit_case($1) AS can_edit',
    [caseId],
  );
  const allowed =
    rows[0]?.can_edit || ['owner', 'assisting', 'assisting_identity'].includes(rows[0]?.standing ?? '');
  if (!allowed)
    throw new AppError(
      403,
      'forbidden',
      "Only the case's unit, assisting units and the State nodal officer can add notes.",
    );
  await scope.tx.query(
    'INSERT INTO case_notes (case_id, state_lgd, body, author_id, author_unit_id) VALUES ($1, $2, $3, $4, $5)',
    [caseId, head.state_lgd, body, scope.actor.userId, scope.actor.unitId],
  );
  await scope.audit({ action: 'case.note', objectType: 'case', objectId: caseId });
}

export interface ShareInput {
  unitId: string;
  purpose: 'assisting' | 'referral' | 'investigation_transfer';
  identityAccess: boolean;
  reason: string;
}

/**
 * Shares a case with another unit (an assisting AHTU in the source State, a shelter, an NGO). Identity
 * access is a separate, recorded authorisation that only the investigating unit's officers can give.
 */
export async function shareCase(scope: RequestScope, caseId: string, input: ShareInput): Promise<void> {
  await requireEditable(scope.tx, caseId);
  const unit = await scope.tx.query('SELECT 1 FROM units WHERE id = $1', [input.unitId]);
  if (unit.rowCount === 0)
    throw new AppError(422, 'unknown_reference', 'The unit does not exist.', { field: 'unitId' });
  if (input.identityAccess) {
    const standing = await scope.tx.query<{ standing: string | null }>(
      'SELECT app_case_standing($1) AS standing',
      [caseId],
    );
    if (standing.rows[0]?.standing !== 'owner') {
      throw new AppError(
        403,
        'forbidden',
        "Only the investigating officer or the case's own unit can authorise another unit to see victim identity.",
      );
    }
  }
  await scope.tx.query(
    `INSERT INTO case_shares (case_id, unit_id, purpose, identity_access, reason, granted_by) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (case_id, unit_id) DO UPDATE SET purpose = EXCLUDED.purpose, identity_access = EXCLUDED.identity_access,
       reason = EXCLUDED.reason, granted_by = EXCLUDED.granted_by, granted_at = now(), revoked_at = NULL`,
    [caseId, input.unitId, input.purpose, input.identityAccess, input.reason, scope.actor.userId],
  );
  await scope.audit({
    action: input.identityAccess ? 'case.share_with_identity' : 'case.share',
    objectType: 'case',
    objectId: caseId,
    reason: input.reason,
    details: { unitId: input.unitId, purpose: input.purpose },
  });
}

export async function revokeShare(scope: RequestScope, caseId: string, unitId: string): Promise<void> {
  await requireEditable(scope.tx, caseId);
  const result = await scope.tx.query(
    'UPDATE case_shares SET revoked_at = now() WHERE case_id = $1 AND unit_id = $2 AND revoked_at IS NULL',
    [caseId, unitId],
  );
  if (result.rowCount === 0) throw notFound('The share');
  await scope.audit({ action: 'case.unshare', objectType: 'case', objectId: caseId, details: { unitId } });
}

export async function listShares(scope: RequestScope, caseId: string) {
  await caseHead(scope.tx, caseId);
  const { rows } = await scope.tx.query<{
    unit_id: string;
    unit_name: string;
    purpose: string;
    identity_access: boolean;
    reason: string;
    granted_at: string | Date;
  }>(
    `SELECT s.unit_id, u.name AS unit_name, s.purpose, s.identity_access, s.reason, s.granted_at
     FROM case_shares s JOIN units u ON u.id = s.unit_id WHERE s.case_id = $1 AND s.revoked_at IS NULL ORDER BY s.granted_at`,
    [caseId],
  );
  return rows.map((r) => ({
    unitId: r.unit_id,
    unitName: r.unit_name,
    purpose: r.purpose,
    identityAccess: r.identity_access,
    reason: r.reason,
    grantedAt: new Date(r.granted_at).toISOString(),
  }));
}

export async function linkCases(
  scope: RequestScope,
  caseId: string,
  linkedCaseId: string,
  relation: string,
  note?: string,
): Promise<void> {
  await requireEditable(scope.tx, caseId);
  if (caseId === linkedCaseId) throw badRequest('A case cannot be linked to itself.');
  await caseHead(scope.tx, linkedCaseId); // the other case must be visible too
  await scope.tx.query(
    `INSERT INTO case_links (case_id, linked_case_id, relation, note, created_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (case_id, linked_case_id) DO UPDATE SET relation = EXCLUDED.relation, note = EXCLUDED.note`,
    [caseId, linkedCaseId, relation, note ?? null, scope.actor.userId],
  );
  await scope.audit({
    action: 'case.link',
    objectType: 'case',
    objectId: caseId,
    details: { linkedCaseId, relation },
  });
}

/** What Setu accepts as attachments, recognised by their first bytes rather than by the name or header. */
const SIGNATURES: { type: string; magic: number[]; offset?: number }[] = [
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  { type: 'image/webp', magic: [0x57, 0x45, 0x42, 0x50], offset: 8 },
];
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export function sniffContentType(bytes: Buffer): string | undefined {
  return SIGNATURES.find((sig) => sig.magic.every((byte, i) => bytes[(sig.offset ?? 0) + i] === byte))?.type;
}

export interface AttachmentInput {
  fileName: string;
  contentType: string;
  contentBase64: string;
  personId?: string;
  isIdentity?: boolean;
  description?: string;
}

export async function addAttachment(scope: RequestScope, caseId: string, input: AttachmentInput) {
  const head = await caseHead(scope.tx, caseId);
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.length === 0) throw badRequest('The file is empty.', { field: 'contentBase64' });
  if (content.length > MAX_ATTACHMENT_BYTES)
    throw new AppError(413, 'payload_too_large', 'Attachments can be at most 10 MB.');
  const actualType = sniffContentType(content);
  if (!actualType)
    throw new AppError(415, 'unsupported_media_type', 'Only PDF, JPEG, PNG and WebP files can be attached.');
  if (actualType !== input.contentType) {
    throw new AppError(
      415,
      'unsupported_media_type',
      `The file is a ${actualType}, not the ${input.contentType} it claims to be.`,
    );
  }
  if (input.personId) {
    const person = await scope.tx.query('SELECT 1 FROM case_persons WHERE id = $1 AND case_id = $2', [
      input.personId,
      caseId,
    ]);
    if (person.rowCount === 0)
      throw new AppError(422, 'unknown_reference', 'That person is not in this case.', { field: 'personId' });
  }
  const sha256 = crypto.createHash('sha256').update(content).digest('hex');
  const { rows } = await scope.tx.query<{ id: string }>(
    `INSERT INTO attachments (case_id, state_lgd, person_id, file_name, content_type, size_bytes, sha256, is_identity, description, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      caseId,
      head.state_lgd,
      input.personId ?? null,
      input.fileName,
      actualType,
      content.length,
      sha256,
      input.isIdentity ?? false,
      input.description ?? null,
      scope.actor.userId,
    ],
  );
  const id = rows[0]?.id;
  if (!id) throw new AppError(403, 'forbidden', 'You cannot attach files to this case.');
  await scope.tx.query('INSERT INTO attachment_contents (attachment_id, content) VALUES ($1, $2)', [
    id,
    content,
  ]);
  if (input.isIdentity && input.personId) {
    await scope.tx.query('UPDATE person_identities SET photo_attachment_id = $2 WHERE person_id = $1', [
      input.personId,
      id,
    ]);
  }
  await scope.audit({
    action: 'attachment.create',
    objectType: 'case',
    objectId: caseId,
    details: { attachmentId: id, sha256, sizeBytes: content.length },
  });
  return { id, sha256, sizeBytes: content.length, contentType: actualType };
}

export async function readAttachment(
  scope: RequestScope,
  attachmentId: string,
  reason: string | undefined,
  clientIp: string,
) {
  try {
    const { rows } = await scope.tx.query<{
      file_name: string;
      content_type: string;
      size_bytes: number;
      sha256: string;
      content: Uint8Array;
    }>('SELECT file_name, content_type, size_bytes, sha256, content FROM read_attachment($1, $2, $3)', [
      attachmentId,
      reason ?? null,
      clientIp,
    ]);
    const row = rows[0];
    if (!row) throw notFound('The attachment');
    return { ...row, content: Buffer.from(row.content) };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'P0002') throw notFound('The attachment');
    if (code === '42501')
      throw new AppError(
        403,
        'identity_not_authorised',
        "This photo identifies a victim; only the case's unit and authorised units may open it.",
      );
    if (code === '22023')
      throw badRequest('State why you need to open this photo (at least 5 characters).', { field: 'reason' });
    throw error;
  }
}
