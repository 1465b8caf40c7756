/** Building blocks of the demo channel data (channel.ts): ids of demo units and accounts, one request with its thread. */
import type { Tx } from '../../db/database.ts';
import { notify } from '../notifications/service.ts';
import {
  DEADLINE_HOURS,
  type RequestKind,
  type RequestPriority,
  type RequestStatus,
} from '../requests/codes.ts';
import { DEMO_UNITS } from './units.ts';

const HOUR = 3_600_000;
export const at = (hoursFromNow: number) => new Date(Date.now() + hoursFromNow * HOUR).toISOString();

export interface Ids {
  unit(key: string): string;
  user(username: string): { id: string; name: string };
}

export async function lookup(tx: Tx): Promise<Ids> {
  const units = await tx.query<{ id: string; name: string }>('SELECT id, name FROM units WHERE is_demo');
  const users = await tx.query<{ id: string; username: string; display_name: string }>(
    'SELECT id, username, display_name FROM users WHERE is_demo',
  );
  return {
    unit(key) {
      const name = DEMO_UNITS.find((u) => u.key === key)?.name;
      const id = units.rows.find((u) => u.name === name)?.id;
      if (!id) throw new Error(`demo unit ${key} is missing: run the demo seed first`);
      return id;
    },
    user(username) {
      const row = users.rows.find((u) => u.username === username);
      if (!row) throw new Error(`demo account ${username} is missing: run the demo seed first`);
      return { id: row.id, name: row.display_name };
    },
  };
}

export interface Step {
  event: 'acknowledged' | 'started' | 'answered' | 'declined' | 'closed' | null;
  by: string;
  hours: number;
  body?: string;
}

export interface RequestSpec {
  kind: RequestKind;
  priority: RequestPriority;
  status: RequestStatus;
  from: string;
  to: string;
  sender: string;
  createdHours: number;
  subject: string;
  body: string;
  steps: Step[];
  caseId?: string | null;
  caseReference?: string | null;
  identityShared?: boolean;
}

export async function addRequest(
  tx: Tx,
  ids: Ids,
  spec: RequestSpec,
): Promise<{ id: string; reference: string }> {
  const created = at(spec.createdHours);
  const due = new Date(Date.parse(created) + DEADLINE_HOURS[spec.kind][spec.priority] * HOUR).toISOString();
  const stepAt = (event: Step['event']) => spec.steps.find((s) => s.event === event);
  const ack = stepAt('acknowledged');
  const answered = stepAt('answered');
  const declined = stepAt('declined');
  const closed = stepAt('closed');
  const { rows } = await tx.query<{ id: string; reference: string }>(
    `INSERT INTO unit_requests (reference, kind, priority, status, from_unit_id, to_unit_id, state_lgd, district_lgd,
       to_state_lgd, to_district_lgd, subject, body, case_id, case_reference, case_shared, identity_shared, due_at,
       acknowledged_at, acknowledged_by, answered_at, answered_by, closed_at, declined_at, decline_reason,
       created_by, created_at, updated_at, is_demo)
     SELECT 'RQ-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('unit_request_number_seq')::text, 6, '0'),
       $1, $2, $3, f.id, t.id, f.state_lgd, f.district_lgd, t.state_lgd, t.district_lgd, $6, $7, $8, $9,
       $8::uuid IS NOT NULL, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $20, true
     FROM units f, units t WHERE f.id = $4 AND t.id = $5 RETURNING id, reference`,
    [
      spec.kind,
      spec.priority,
      spec.status,
      ids.unit(spec.from),
      ids.unit(spec.to),
      spec.subject,
      spec.body,
      spec.caseId ?? null,
      spec.caseReference ?? null,
      spec.identityShared ?? false,
      due,
      ack ? at(ack.hours) : null,
      ack ? ids.user(ack.by).id : null,
      answered ? at(answered.hours) : null,
      answered ? ids.user(answered.by).id : null,
      closed ? at(closed.hours) : null,
      declined ? at(declined.hours) : null,
      declined?.body ?? null,
      ids.user(spec.sender).id,
      created,
    ],
  );
  const request = rows[0];
  if (!request) throw new Error('could not create a demo request');
  for (const step of spec.steps) {
    const author = ids.user(step.by);
    await tx.query(
      `INSERT INTO request_messages (request_id, event, body, author_id, author_name, author_unit_id, created_at)
       SELECT $1, $2, $3, u.id, $4, u.unit_id, $5 FROM users u WHERE u.id = $6`,
      [request.id, step.event, step.body ?? null, author.name, at(step.hours), author.id],
    );
  }
  await notify(
    tx,
    ids.user(spec.sender).id,
    { unitId: ids.unit(spec.to) },
    {
      kind: 'request.created',
      title: `New ${spec.priority} request ${request.reference}: ${spec.kind.replaceAll('_', ' ')}`,
      body: spec.subject,
      link: `/requests/${request.id}`,
      objectType: 'request',
      objectId: request.id,
    },
  );
  return request;
}

/** A demo case of AHTU Patna with a victim (preferably from Jharkhand), if the demo cases are loaded. */
export async function demoCase(tx: Tx, patna: string) {
  const { rows } = await tx.query<{
    case_id: string;
    reference: string;
    person_id: string;
    pseudonym: string;
    sex: string;
    age_years: number | null;
    home_district_lgd: number | null;
    home_district_name: string | null;
  }>(
    // A victim whose home is in Jharkhand, Ranchi best, since the request goes to AHTU Ranchi.
    `SELECT c.id AS case_id, c.reference, p.id AS person_id, p.pseudonym, p.sex, p.age_years, p.home_district_lgd,
            d.name AS home_district_name
     FROM cases c JOIN case_persons p ON p.case_id = c.id AND p.role = 'victim'
     LEFT JOIN districts d ON d.lgd_code = p.home_district_lgd
     WHERE c.is_demo AND c.registering_unit_id = $1
     ORDER BY (p.home_district_lgd = 339) DESC NULLS LAST, (d.state_lgd = 20) DESC NULLS LAST, c.registered_on DESC
     LIMIT 1`,
    [patna],
  );
  return rows[0];
}
