/** The request page: the request, the people it names (pseudonymous), its thread, escalations, and what the actor may do. */
import type { Actor, RequestScope } from '../../server/access.ts';
import {
  ACTION_RULES,
  OVERSIGHT_WRITERS,
  REQUEST_ACTIONS,
  REQUEST_WRITERS,
  type RequestAction,
} from './codes.ts';
import { findRequest, iso, isoOrNull, presentListItem, type RequestRow } from './repository.ts';
import type { RequestView } from './schemas.ts';

type Allowed = RequestView['allowedActions'][number];

const presentAttachment = (a: {
  id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
}) => ({
  id: a.id,
  fileName: a.file_name,
  contentType: a.content_type,
  sizeBytes: a.size_bytes,
  sha256: a.sha256,
});

/** What the actor may do with the request in its current state. */
export function allowedActions(
  actor: Actor,
  row: Pick<RequestRow, 'from_unit_id' | 'to_unit_id' | 'status'>,
): Allowed[] {
  if (!REQUEST_WRITERS.includes(actor.role)) return [];
  const side =
    row.to_unit_id === actor.unitId ? 'recipient' : row.from_unit_id === actor.unitId ? 'sender' : null;
  const allowed: Allowed[] = REQUEST_ACTIONS.filter(
    (action: RequestAction) =>
      ACTION_RULES[action].by === side && ACTION_RULES[action].from.includes(row.status),
  );
  if (row.status !== 'closed' && (side !== null || OVERSIGHT_WRITERS.includes(actor.role)))
    allowed.push('message');
  return allowed;
}

export function canWriteInThread(
  actor: Actor,
  row: Pick<RequestRow, 'from_unit_id' | 'to_unit_id'>,
): boolean {
  if (!REQUEST_WRITERS.includes(actor.role)) return false;
  return (
    row.to_unit_id === actor.unitId ||
    row.from_unit_id === actor.unitId ||
    OVERSIGHT_WRITERS.includes(actor.role)
  );
}

export async function getRequestView(scope: RequestScope, id: string): Promise<RequestView> {
  const { tx, actor } = scope;
  const row = await findRequest(tx, id);

  const messages = await tx.query<{
    id: string;
    event: string | null;
    body: string | null;
    author_name: string | null;
    author_unit_id: string | null;
    author_unit_name: string | null;
    created_at: string | Date;
  }>(
    `SELECT m.id, m.event, m.body, m.author_name, m.author_unit_id, u.name AS author_unit_name, m.created_at
     FROM request_messages m LEFT JOIN units u ON u.id = m.author_unit_id WHERE m.request_id = $1 ORDER BY m.seq`,
    [id],
  );
  const attachments = await tx.query<{
    id: string;
    message_id: string | null;
    file_name: string;
    content_type: string;
    size_bytes: number;
    sha256: string;
  }>(
    `SELECT id, message_id, file_name, content_type, size_bytes, sha256 FROM request_attachments
     WHERE request_id = $1 ORDER BY uploaded_at, id`,
    [id],
  );
  const persons = await tx.query<{
    person_id: string;
    role: string;
    pseudonym: string;
    sex: string;
    age_years: number | null;
    district_lgd: number | null;
    district_name: string | null;
    state_name: string | null;
  }>(
    `SELECT p.person_id, p.role, p.pseudonym, p.sex, p.age_years, d.lgd_code AS district_lgd,
       d.name AS district_name, s.name AS state_name
     FROM request_persons p LEFT JOIN districts d ON d.lgd_code = p.home_district_lgd
     LEFT JOIN states s ON s.lgd_code = d.state_lgd WHERE p.request_id = $1 ORDER BY p.pseudonym`,
    [id],
  );
  const escalations = await tx.query<{
    round: number;
    level: number;
    to_unit_id: string | null;
    to_unit_name: string | null;
    due_at: string | Date;
    escalated_at: string | Date;
  }>(
    `SELECT e.round, e.level, e.to_unit_id, u.name AS to_unit_name, e.due_at, e.escalated_at
     FROM request_escalations e LEFT JOIN units u ON u.id = e.to_unit_id WHERE e.request_id = $1
     ORDER BY e.round, e.level`,
    [id],
  );

  let caseView: RequestView['case'] = null;
  let identityAccess = false;
  if (row.case_id) {
    const { rows } = await tx.query<{ reference: string; standing: string | null }>(
      'SELECT reference, app_case_standing(id) AS standing FROM cases WHERE id = $1',
      [row.case_id],
    );
    const visible = rows[0];
    caseView = {
      id: row.case_id,
      reference: visible?.reference ?? row.case_reference,
      accessible: visible !== undefined,
    };
    identityAccess = visible?.standing === 'owner' || visible?.standing === 'assisting_identity';
  }

  return {
    ...presentListItem(row, actor.unitId),
    body: row.body,
    round: row.round,
    case: caseView,
    persons: persons.rows.map((p) => ({
      personId: p.person_id,
      role: p.role,
      pseudonym: p.pseudonym,
      sex: p.sex,
      ageYears: p.age_years,
      homeDistrict:
        p.district_lgd !== null && p.district_name && p.state_name
          ? { lgdCode: p.district_lgd, name: p.district_name, stateName: p.state_name }
          : null,
    })),
    caseShared: row.case_shared,
    identityShared: row.identity_shared,
    identityAccess,
    acknowledgedAt: isoOrNull(row.acknowledged_at),
    answeredAt: isoOrNull(row.answered_at),
    closedAt: isoOrNull(row.closed_at),
    declinedAt: isoOrNull(row.declined_at),
    declineReason: row.decline_reason,
    attachments: attachments.rows.filter((a) => a.message_id === null).map(presentAttachment),
    messages: messages.rows.map((m) => ({
      id: m.id,
      event: m.event,
      body: m.body,
      authorName: m.author_name,
      authorUnit:
        m.author_unit_id && m.author_unit_name ? { id: m.author_unit_id, name: m.author_unit_name } : null,
      createdAt: iso(m.created_at),
      attachments: attachments.rows.filter((a) => a.message_id === m.id).map(presentAttachment),
    })),
    escalations: escalations.rows.map((e) => ({
      round: e.round,
      level: e.level,
      toUnit: e.to_unit_id && e.to_unit_name ? { id: e.to_unit_id, name: e.to_unit_name } : null,
      dueAt: iso(e.due_at),
      escalatedAt: iso(e.escalated_at),
    })),
    allowedActions: allowedActions(actor, row),
  };
}
