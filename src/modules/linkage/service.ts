/**
 * The review queue as a reviewer sees it. Pairs come from linkage_candidates under Row-Level Security (a
 * pair exists for you when you may see at least one of its cases); both sides' facts come from SECURITY
 * DEFINER functions that return pseudonymous facts only, with how you stand to each case. Names are shown
 * only where the case itself would show them, or through reveal_person_identity() with a stated reason.
 */
import type { Tx } from '../../db/database.ts';
import type { RequestScope } from '../../server/access.ts';
import { badRequest, notFound } from '../../server/errors.ts';
import type {
  CandidateListItem,
  CandidateListQuery,
  CandidateView,
  DecisionInput,
  IdentityView,
  PairSide,
} from './schemas.ts';

export interface FactsRow {
  side?: string;
  person_id: string;
  case_id: string;
  case_reference: string;
  state_lgd: number;
  state_name: string | null;
  district_lgd: number | null;
  district_name: string | null;
  unit_id: string;
  unit_name: string;
  role: string;
  pseudonym: string;
  display_name: string | null;
  sex: string;
  age_years: number | null;
  age_is_estimate: boolean;
  standing: string | null;
  identity_id: string | null;
}

/** The facts columns, optionally from a table alias (`s.`), with text casts for ids. */
const factColumns = (p = '') =>
  `${p}person_id::text AS person_id, ${p}case_id::text AS case_id, ${p}case_reference AS case_reference,
  ${p}state_lgd AS state_lgd, ${p}state_name AS state_name, ${p}district_lgd AS district_lgd,
  ${p}district_name AS district_name, ${p}unit_id::text AS unit_id, ${p}unit_name AS unit_name, ${p}role::text AS role,
  ${p}pseudonym AS pseudonym, ${p}display_name AS display_name, ${p}sex::text AS sex, ${p}age_years AS age_years,
  ${p}age_is_estimate AS age_is_estimate, ${p}standing AS standing, ${p}identity_id AS identity_id`;

const PROTECTED = new Set(['victim', 'witness']);

export function presentSide(row: FactsRow, revealedName: string | null = null): PairSide {
  const masked = row.standing === null;
  const isProtected = PROTECTED.has(row.role);
  const name = revealedName ?? (isProtected ? null : row.display_name);
  return {
    personId: row.person_id,
    pseudonym: row.pseudonym,
    role: row.role,
    sex: row.sex,
    ageYears: row.age_years,
    ageIsEstimate: row.age_is_estimate,
    caseId: row.case_id,
    caseReference: row.case_reference,
    state: { lgdCode: row.state_lgd, name: row.state_name ?? String(row.state_lgd) },
    district:
      row.district_lgd !== null && row.district_name
        ? { lgdCode: row.district_lgd, name: row.district_name }
        : null,
    unit: { id: row.unit_id, name: row.unit_name },
    masked,
    name,
    identityMasked: name === null,
    canReveal: isProtected && (row.standing === 'owner' || row.standing === 'assisting_identity'),
    identityId: row.identity_id,
  };
}

interface CandidateRow {
  id: string;
  probability: number;
  weight: number;
  tier: string;
  status: string;
  state_a: number;
  state_b: number;
  explanation: CandidateView['explanation'];
  alert_id: string | null;
  created_at: string;
}

const CANDIDATE_COLUMNS = `k.id::text AS id, k.probability, k.weight, k.tier, k.status, k.state_a, k.state_b, k.explanation,
  k.alert_id::text AS alert_id, k.created_at::text AS created_at`;

async function sidesOf(tx: Tx, ids: readonly string[]): Promise<Map<string, { a?: FactsRow; b?: FactsRow }>> {
  const out = new Map<string, { a?: FactsRow; b?: FactsRow }>();
  if (ids.length === 0) return out;
  const { rows } = await tx.query<FactsRow & { candidate_id: string }>(
    `SELECT k.id::text AS candidate_id, s.side, ${factColumns('s.')}
     FROM unnest($1::uuid[]) AS k (id) CROSS JOIN LATERAL linkage_candidate_sides(k.id) s`,
    [ids],
  );
  for (const row of rows) {
    const entry = out.get(row.candidate_id) ?? {};
    if (row.side === 'a') entry.a = row;
    else entry.b = row;
    out.set(row.candidate_id, entry);
  }
  return out;
}

function listItem(row: CandidateRow, a: PairSide, b: PairSide): CandidateListItem {
  return {
    id: row.id,
    probability: row.probability,
    tier: row.tier,
    status: row.status,
    crossState: row.state_a !== row.state_b,
    createdAt: row.created_at,
    a,
    b,
  };
}

export async function listCandidates(
  scope: RequestScope,
  query: CandidateListQuery,
): Promise<{ items: CandidateListItem[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.status) {
    params.push(query.status);
    where.push(`k.status = $${String(params.length)}`);
  } else where.push(`k.status IN ('pending', 'unsure')`);
  if (query.crossState !== undefined)
    where.push(query.crossState ? 'k.state_a <> k.state_b' : 'k.state_a = k.state_b');
  const filter = `WHERE ${where.join(' AND ')}`;
  const { rows: count } = await scope.tx.query<{ n: number | string }>(
    `SELECT count(*) AS n FROM linkage_candidates k ${filter}`,
    params,
  );
  params.push(query.limit ?? 50, query.offset ?? 0);
  const { rows } = await scope.tx.query<CandidateRow>(
    `SELECT ${CANDIDATE_COLUMNS} FROM linkage_candidates k ${filter}
     ORDER BY k.probability DESC, k.created_at, k.id
     LIMIT $${String(params.length - 1)} OFFSET $${String(params.length)}`,
    params,
  );
  const sides = await sidesOf(
    scope.tx,
    rows.map((r) => r.id),
  );
  const items = rows.flatMap((row) => {
    const s = sides.get(row.id);
    return s?.a && s.b ? [listItem(row, presentSide(s.a), presentSide(s.b))] : [];
  });
  return { items, total: Number(count[0]?.n ?? 0) };
}

async function revealName(
  scope: RequestScope,
  personId: string,
  reason: string,
  ip: string,
): Promise<string | null> {
  const { rows } = await scope.tx.query<{ name: string }>(
    'SELECT name FROM reveal_person_identity($1, $2, $3)',
    [personId, reason, ip],
  );
  return rows[0]?.name ?? null;
}

export async function getCandidate(
  scope: RequestScope,
  id: string,
  options: { reason?: string; clientIp: string },
): Promise<CandidateView> {
  const { rows } = await scope.tx.query<CandidateRow>(
    `SELECT ${CANDIDATE_COLUMNS} FROM linkage_candidates k WHERE k.id = $1`,
    [id],
  );
  const row = rows[0];
  const sides = (await sidesOf(scope.tx, [id])).get(id);
  if (!row || !sides?.a || !sides.b) throw notFound('The candidate pair');
  const present = async (facts: FactsRow) => {
    const side = presentSide(facts);
    if (!side.canReveal || !options.reason) return side;
    // reveal_person_identity checks need-to-know again and writes the audit entry itself.
    return presentSide(facts, await revealName(scope, facts.person_id, options.reason, options.clientIp));
  };
  const a = await present(sides.a);
  const b = await present(sides.b);
  const { rows: decisions } = await scope.tx.query<{
    decision: string;
    reason: string;
    decided_by: string;
    decided_at: string;
  }>(
    `SELECT d.decision, d.reason, coalesce(u.display_name, 'unknown') AS decided_by, d.decided_at::text AS decided_at
     FROM linkage_decisions d LEFT JOIN users u ON u.id = d.decided_by
     WHERE d.candidate_id = $1 ORDER BY d.decided_at, d.id`,
    [id],
  );
  await scope.audit({
    action: 'linkage.view_candidate',
    objectType: 'linkage_candidate',
    objectId: id,
    details: {
      persons: [a.pseudonym, b.pseudonym],
      revealed: [a, b].filter((s) => s.name && s.canReveal).length,
    },
  });
  return {
    ...listItem(row, a, b),
    weight: row.weight,
    explanation: row.explanation,
    alertId: row.alert_id,
    decisions: decisions.map((d) => ({
      decision: d.decision,
      reason: d.reason,
      decidedBy: d.decided_by,
      decidedAt: d.decided_at,
    })),
  };
}

/** Records a reviewer's decision and audits it; identities follow after commit (clusterDecisions). */
export async function decideCandidate(scope: RequestScope, id: string, input: DecisionInput): Promise<void> {
  const reason = input.reason.trim();
  if (reason.length < 5) throw badRequest('Give a reason of at least 5 characters.', { field: 'reason' });
  const { rows } = await scope.tx.query<{ status: string }>(
    `SELECT status FROM linkage_candidates WHERE id = $1 FOR UPDATE`,
    [id],
  );
  const current = rows[0];
  if (!current) throw notFound('The candidate pair');
  if (current.status === 'withdrawn')
    throw badRequest(
      'This pair was withdrawn: the records changed and no longer look alike. Nothing to decide.',
    );
  const linkedBefore = current.status === 'confirmed' || current.status === 'auto_linked';
  const linkedAfter = input.decision === 'confirmed';
  await scope.tx.query(
    `UPDATE linkage_candidates SET status = $2, decided_by = $3, decision_reason = $4, updated_at = now(),
       decided_at = CASE WHEN $5 THEN now() ELSE coalesce(decided_at, now()) END
     WHERE id = $1`,
    [id, input.decision, scope.actor.userId, reason, linkedBefore !== linkedAfter],
  );
  await scope.tx.query(
    'INSERT INTO linkage_decisions (candidate_id, decision, reason, decided_by) VALUES ($1, $2, $3, $4)',
    [id, input.decision, reason, scope.actor.userId],
  );
  await scope.audit({
    action: 'linkage.decide',
    objectType: 'linkage_candidate',
    objectId: id,
    reason,
    details: { decision: input.decision, previous: current.status },
  });
}

export async function getIdentity(scope: RequestScope, personId: string): Promise<IdentityView> {
  const { rows } = await scope.tx.query<FactsRow>(
    `SELECT ${factColumns()} FROM linkage_identity_records($1)`,
    [personId],
  );
  const self = rows.find((r) => r.person_id === personId);
  if (!self) throw notFound('The person');
  const { rows: history } = await scope.tx.query<{
    identity_id: string;
    kind: string;
    detail: Record<string, unknown>;
    at: string;
  }>('SELECT identity_id, kind, detail, at::text AS at FROM linkage_identity_history($1)', [personId]);
  await scope.audit({
    action: 'linkage.view_identity',
    objectType: 'case_person',
    objectId: personId,
    details: { identityId: self.identity_id, records: rows.length },
  });
  return {
    personId,
    identityId: self.identity_id,
    records: rows.map((r) => presentSide(r)),
    history: history.map((h) => ({ identityId: h.identity_id, kind: h.kind, detail: h.detail, at: h.at })),
  };
}
