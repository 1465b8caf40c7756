/**
 * Sending a request to another unit. Every statement runs as `setu_app` under Row-Level Security; the
 * checks here give people clear messages, the policies make the rules hold regardless.
 */
import type { RequestScope } from '../../server/access.ts';
import { AppError, badRequest, notFound } from '../../server/errors.ts';
import { notify } from '../notifications/service.ts';
import { checkAttachments, storeAttachments } from './attachments.ts';
import { dueAt, KIND_LABELS } from './codes.ts';
import type { RequestInput } from './schemas.ts';
import { grantCaseAccess } from './sharing.ts';

interface UnitRow {
  id: string;
  name: string;
  kind: string;
  state_lgd: number | null;
  district_lgd: number | null;
}

interface PersonSnapshot {
  id: string;
  role: string;
  pseudonym: string;
  sex: string;
  age_years: number | null;
  home_district_lgd: number | null;
}

export async function createRequest(scope: RequestScope, input: RequestInput): Promise<string> {
  const { tx, actor } = scope;
  const units = await tx.query<UnitRow>(
    'SELECT id, name, kind, state_lgd, district_lgd FROM units WHERE id = ANY($1::uuid[])',
    [[actor.unitId, input.toUnitId]],
  );
  const from = units.rows.find((u) => u.id === actor.unitId);
  const to = units.rows.find((u) => u.id === input.toUnitId);
  if (!from) throw new Error('the actor has no unit');
  if (!to) {
    throw new AppError(
      422,
      'unknown_reference',
      'The recipient unit does not exist; pick one from GET /api/units.',
      {
        field: 'toUnitId',
      },
    );
  }
  if (to.id === from.id)
    throw badRequest('A request goes to another unit; for your own unit, add a note to the case.', {
      field: 'toUnitId',
    });
  const personIds = input.personIds ?? [];
  if (personIds.length > 0 && !input.caseId)
    throw badRequest('personIds name people in a case: send the caseId too.', { field: 'caseId' });

  let caseReference: string | null = null;
  let persons: PersonSnapshot[] = [];
  if (input.caseId) {
    const found = await tx.query<{ reference: string }>('SELECT reference FROM cases WHERE id = $1', [
      input.caseId,
    ]);
    if (!found.rows[0]) throw notFound('The case');
    caseReference = found.rows[0].reference;
    if (personIds.length > 0) {
      const { rows } = await tx.query<PersonSnapshot>(
        `SELECT id, role, pseudonym, sex, age_years, home_district_lgd FROM case_persons
         WHERE case_id = $1 AND id = ANY($2::uuid[])`,
        [input.caseId, personIds],
      );
      const missing = personIds.filter((id) => !rows.some((row) => row.id === id));
      if (missing.length > 0) {
        throw new AppError(422, 'unknown_reference', 'Some of the people named are not in this case.', {
          field: 'personIds',
          missing,
        });
      }
      persons = rows;
    }
  }
  const files = checkAttachments(input.attachments);

  const created = new Date();
  const numbered = await tx.query<{ reference: string }>(
    `SELECT 'RQ-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('unit_request_number_seq')::text, 6, '0') AS reference`,
  );
  const reference = numbered.rows[0]?.reference ?? '';
  const share = input.caseId
    ? await grantCaseAccess(scope, {
        caseId: input.caseId,
        toUnitId: to.id,
        kind: input.kind,
        reference,
        personCount: persons.length,
      })
    : { caseShared: false, identityShared: false };

  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO unit_requests (reference, kind, priority, from_unit_id, to_unit_id, state_lgd, district_lgd,
       to_state_lgd, to_district_lgd, subject, body, case_id, case_reference, case_shared, identity_shared, due_at,
       created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, now(), now()) RETURNING id`,
    [
      reference,
      input.kind,
      input.priority,
      from.id,
      to.id,
      from.state_lgd,
      from.district_lgd,
      to.state_lgd,
      to.district_lgd,
      input.subject,
      input.body,
      input.caseId ?? null,
      caseReference,
      share.caseShared,
      share.identityShared,
      dueAt(input.kind, input.priority, created).toISOString(),
      actor.userId,
    ],
  );
  const id = rows[0]?.id;
  if (!id) throw new AppError(403, 'forbidden', 'Your role cannot send requests.');
  for (const person of persons) {
    await tx.query(
      `INSERT INTO request_persons (request_id, person_id, role, pseudonym, sex, age_years, home_district_lgd)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, person.id, person.role, person.pseudonym, person.sex, person.age_years, person.home_district_lgd],
    );
  }
  const stored = files.length > 0 ? await storeAttachments(scope, id, null, files) : [];

  await notify(
    tx,
    actor.userId,
    { unitId: to.id },
    {
      kind: 'request.created',
      title: `New ${input.priority} request ${reference} from ${from.name}: ${KIND_LABELS[input.kind]}`,
      body: input.subject,
      link: `/requests/${id}`,
      objectType: 'request',
      objectId: id,
    },
  );
  await scope.audit({
    action: 'request.create',
    objectType: 'request',
    objectId: id,
    details: {
      reference,
      kind: input.kind,
      priority: input.priority,
      toUnitId: to.id,
      caseId: input.caseId ?? null,
      persons: persons.length,
      caseShared: share.caseShared,
      identityShared: share.identityShared,
      attachments: stored.map((a) => a.sha256),
    },
  });
  return id;
}
