/**
 * Need-to-know for a request about a case. The recipient unit gets exactly what the kind of request needs:
 *
 * - verify_family / repatriate_victim with a person attached, sent by the case's own unit: the case is
 *   shared with the recipient unit *with* identity access (reason: the request), so its officers can open
 *   the victim's identity through reveal_person_identity(), which audits every view;
 * - the same kinds otherwise, and trace_accused / obtain_documents: the case is shared without identity
 *   (victims masked), when the sender may share it at all;
 * - share_information / border_lookout: no share; the recipient sees only the request and the
 *   pseudonymous snapshots of the people it names.
 *
 * An existing share is never narrowed (identity access once granted stays until the case's unit revokes it).
 */
import type { RequestScope } from '../../server/access.ts';
import { CASE_SHARE_KINDS, IDENTITY_KINDS, KIND_LABELS, type RequestKind } from './codes.ts';

export interface ShareOutcome {
  caseShared: boolean;
  identityShared: boolean;
}

export async function grantCaseAccess(
  scope: RequestScope,
  input: { caseId: string; toUnitId: string; kind: RequestKind; reference: string; personCount: number },
): Promise<ShareOutcome> {
  if (!CASE_SHARE_KINDS.includes(input.kind)) return { caseShared: false, identityShared: false };
  const { rows } = await scope.tx.query<{ standing: string | null; can_edit: boolean }>(
    'SELECT app_case_standing($1) AS standing, app_can_edit_case($1) AS can_edit',
    [input.caseId],
  );
  const standing = rows[0]?.standing ?? null;
  if (!rows[0]?.can_edit) return { caseShared: false, identityShared: false };
  const identity = IDENTITY_KINDS.includes(input.kind) && input.personCount > 0 && standing === 'owner';
  const reason = `Request ${input.reference}: ${KIND_LABELS[input.kind]}`;
  await scope.tx.query(
    `INSERT INTO case_shares (case_id, unit_id, purpose, identity_access, reason, granted_by)
     VALUES ($1, $2, 'assisting', $3, $4, $5)
     ON CONFLICT (case_id, unit_id) DO UPDATE SET
       identity_access = CASE WHEN case_shares.revoked_at IS NULL
         THEN case_shares.identity_access OR EXCLUDED.identity_access ELSE EXCLUDED.identity_access END,
       reason = CASE WHEN case_shares.revoked_at IS NOT NULL OR (EXCLUDED.identity_access AND NOT case_shares.identity_access)
         THEN EXCLUDED.reason ELSE case_shares.reason END,
       granted_by = CASE WHEN case_shares.revoked_at IS NOT NULL OR (EXCLUDED.identity_access AND NOT case_shares.identity_access)
         THEN EXCLUDED.granted_by ELSE case_shares.granted_by END,
       granted_at = CASE WHEN case_shares.revoked_at IS NOT NULL OR (EXCLUDED.identity_access AND NOT case_shares.identity_access)
         THEN now() ELSE case_shares.granted_at END,
       revoked_at = NULL`,
    [input.caseId, input.toUnitId, identity, reason, scope.actor.userId],
  );
  await scope.audit({
    action: identity ? 'case.share_with_identity' : 'case.share',
    objectType: 'case',
    objectId: input.caseId,
    reason,
    details: { unitId: input.toUnitId, purpose: 'assisting', viaRequest: input.reference },
  });
  return { caseShared: true, identityShared: identity };
}
