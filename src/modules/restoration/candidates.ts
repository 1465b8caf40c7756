/**
 * Match candidates and their review. A candidate is seen from either side's jurisdiction; confirming one
 * starts the restoration: the home-district unit is asked to verify the family through an inter-unit request.
 */
import type { RequestScope } from '../../server/access.ts';
import { AppError, conflict, notFound } from '../../server/errors.ts';
import { createRequest } from '../requests/service.ts';
import type { CandidateQuery, CandidateView, ReviewInput, SideSummary } from './schemas.ts';
import type { ExplainedField } from './scoring.ts';

interface CandidateRow {
  id: string;
  status: CandidateView['status'];
  probability: number;
  weight: number;
  explanation: ExplainedField[];
  review_note: string | null;
  reviewer: string | null;
  reviewed_at: string | null;
  restoration_id: string | null;
  missing_unit_id: string;
  found_unit_id: string;
  found_case_id: string | null;
  [key: string]: unknown;
}

const side = (p: string, table: string, on: string, place: [string, string], unit: string) => `
  ${p}.id AS ${p}_id, ${p}.reference AS ${p}_reference, ${p}.pseudonym AS ${p}_pseudonym, ${p}.sex::text AS ${p}_sex,
  ${p}.age_years AS ${p}_age, ${p}.age_on::text AS ${p}_age_on, ${p}.language AS ${p}_language,
  ${p}.${on}::text AS ${p}_on, ${p}.${place[0]} AS ${p}_district, ${p}d.name AS ${p}_district_name,
  ${p}.${place[1]} AS ${p}_state, ${p}s.name AS ${p}_state_name, ${p}.${unit} AS ${p}_unit, ${p}u.name AS ${p}_unit_name,
  ${p}.status AS ${p}_status`;

export const SELECT_CANDIDATE = `SELECT c.id, c.status, c.probability, c.weight, c.explanation, c.review_note,
  ru.display_name AS reviewer, c.reviewed_at::text AS reviewed_at, rs.id AS restoration_id, c.missing_unit_id,
  c.found_unit_id, f.case_id AS found_case_id,
  ${side('m', 'missing_reports', 'last_seen_on', ['last_seen_district_lgd', 'last_seen_state_lgd'], 'registering_unit_id')},
  ${side('f', 'found_persons', 'found_on', ['found_district_lgd', 'found_state_lgd'], 'registering_unit_id')}
  FROM match_candidates c
  LEFT JOIN missing_reports m ON m.id = c.missing_id
  LEFT JOIN districts md ON md.lgd_code = m.last_seen_district_lgd LEFT JOIN states ms ON ms.lgd_code = m.last_seen_state_lgd
  LEFT JOIN units mu ON mu.id = m.registering_unit_id
  LEFT JOIN found_persons f ON f.id = c.found_id
  LEFT JOIN districts fd ON fd.lgd_code = f.found_district_lgd LEFT JOIN states fs ON fs.lgd_code = f.found_state_lgd
  LEFT JOIN units fu ON fu.id = f.registering_unit_id
  LEFT JOIN users ru ON ru.id = c.reviewed_by
  LEFT JOIN restorations rs ON rs.candidate_id = c.id`;

function summary(row: CandidateRow, p: 'm' | 'f'): SideSummary | null {
  const get = (k: string) => row[`${p}_${k}`];
  if (get('id') === null || get('id') === undefined) return null;
  return {
    id: get('id') as string,
    reference: get('reference') as string,
    pseudonym: get('pseudonym') as string,
    sex: get('sex') as string,
    ageYears: (get('age') as number | null) ?? null,
    ageOn: (get('age_on') as string | null) ?? null,
    language: (get('language') as string | null) ?? null,
    on: get('on') as string,
    place: {
      districtLgd: get('district') as number,
      districtName: (get('district_name') as string | null) ?? '',
      stateLgd: get('state') as number,
      stateName: (get('state_name') as string | null) ?? '',
    },
    unit: { id: get('unit') as string, name: (get('unit_name') as string | null) ?? '' },
    status: get('status') as string,
  };
}

export function presentCandidate(row: CandidateRow): CandidateView {
  return {
    id: row.id,
    status: row.status,
    probability: Math.round(row.probability * 10000) / 10000,
    weight: row.weight,
    explanation: row.explanation,
    missing: summary(row, 'm'),
    found: summary(row, 'f'),
    reviewNote: row.review_note,
    reviewedBy: row.reviewer,
    reviewedAt: row.reviewed_at,
    restorationId: row.restoration_id,
  };
}

export async function listCandidates(
  scope: RequestScope,
  query: CandidateQuery,
): Promise<{ items: CandidateView[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (query.status) add('c.status = ?', query.status);
  if (query.missingId) add('c.missing_id = ?', query.missingId);
  if (query.foundId) add('c.found_id = ?', query.foundId);
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = await scope.tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM match_candidates c ${clause}`,
    params,
  );
  params.push(query.limit ?? 50, query.offset ?? 0);
  const { rows } = await scope.tx.query<CandidateRow>(
    `${SELECT_CANDIDATE} ${clause} ORDER BY c.probability DESC, c.id LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return { items: rows.map(presentCandidate), total: total.rows[0]?.n ?? 0 };
}

async function loadCandidate(scope: RequestScope, id: string): Promise<CandidateRow> {
  const { rows } = await scope.tx.query<CandidateRow>(`${SELECT_CANDIDATE} WHERE c.id = $1`, [id]);
  const row = rows[0];
  if (!row) throw notFound('The match candidate');
  return row;
}

export async function getCandidate(scope: RequestScope, id: string): Promise<CandidateView> {
  return presentCandidate(await loadCandidate(scope, id));
}

/** Confirms or rejects a candidate; a confirmation opens the restoration and asks the home unit to verify. */
export async function reviewCandidate(
  scope: RequestScope,
  id: string,
  input: ReviewInput,
): Promise<CandidateView> {
  const { tx, actor } = scope;
  const row = await loadCandidate(scope, id);
  if (row.status !== 'proposed')
    throw conflict(`This candidate is already ${row.status}; only a proposed candidate can be reviewed.`);
  const status = input.decision === 'confirm' ? 'confirmed' : 'rejected';
  const { rowCount } = await tx.query(
    `UPDATE match_candidates SET status = $2, review_note = $3, reviewed_by = $4, reviewed_at = now(), updated_at = now()
     WHERE id = $1 AND status = 'proposed'`,
    [id, status, input.note, actor.userId],
  );
  if (rowCount === 0)
    throw new AppError(
      403,
      'forbidden',
      'Your role or jurisdiction does not allow reviewing this candidate.',
    );
  await scope.audit({
    action: `match.${input.decision}`,
    objectType: 'match_candidate',
    objectId: id,
    reason: input.note,
    details: { probability: row.probability, missingId: row.m_id, foundId: row.f_id },
  });
  if (input.decision === 'confirm') {
    const found = summary(row, 'f');
    const missing = summary(row, 'm');
    if (!found || !missing)
      throw new AppError(403, 'forbidden', 'Both records of the candidate must be visible to you.');
    await tx.query('SELECT tracing_confirmed($1)', [id]);
    await openRestoration(scope, row, missing, found);
  }
  return getCandidate(scope, id);
}

async function openRestoration(
  scope: RequestScope,
  row: CandidateRow,
  missing: SideSummary,
  found: SideSummary,
) {
  const { tx, actor } = scope;
  const foundScope = await tx.query<{ state_lgd: number; district_lgd: number }>(
    'SELECT state_lgd, district_lgd FROM found_persons WHERE id = $1',
    [found.id],
  );
  const homeScope = await tx.query<{ state_lgd: number; district_lgd: number }>(
    'SELECT state_lgd, district_lgd FROM missing_reports WHERE id = $1',
    [missing.id],
  );
  const f = foundScope.rows[0];
  const h = homeScope.rows[0];
  if (!f || !h) throw notFound('A record of the candidate');
  // The home unit verifies the family; when it is another unit, ask it through the inter-unit channel.
  let requestId: string | null = null;
  if (missing.unit.id !== actor.unitId) {
    requestId = await createRequest(scope, {
      toUnitId: missing.unit.id,
      kind: 'verify_family',
      priority: 'urgent',
      subject: `Verify the family for restoration: found ${found.reference} matches missing ${missing.reference}`,
      body: `A match between missing-person report ${missing.reference} (${missing.pseudonym}) and found person ${found.reference} (${found.pseudonym}), staying in ${found.place.districtName}, ${found.place.stateName}, was confirmed. Please verify the family and home (home visit, documents, safety of return) and record the result on the restoration in Setu, for the Child Welfare Committee's order.`,
      ...(row.found_case_id && found.unit.id === actor.unitId ? { caseId: row.found_case_id } : {}),
    });
  }
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO restorations (candidate_id, missing_id, found_id, state_lgd, district_lgd, found_unit_id, home_state_lgd,
       home_district_lgd, home_unit_id, verification_request_id, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      row.id,
      missing.id,
      found.id,
      f.state_lgd,
      f.district_lgd,
      found.unit.id,
      h.state_lgd,
      h.district_lgd,
      missing.unit.id,
      requestId,
      actor.userId,
    ],
  );
  await scope.audit({
    action: 'restoration.open',
    objectType: 'restoration',
    objectId: rows[0]?.id,
    details: { candidateId: row.id, verificationRequestId: requestId },
  });
}
