/**
 * Care and rehabilitation of a rescued victim (a found person): the plan, referrals to NGOs and shelter
 * homes (accepted or declined with a reason), services delivered, compensation through the District Legal
 * Services Authority, the bonded-labour release certificate, repatriation (between States, to Nepal or
 * Bangladesh), follow-up visits with re-trafficking risk flags for at least a year, and recorded consent.
 * NGO caseworkers see a plan only while a referral to their unit is open or accepted (RLS).
 */
import type { RequestScope } from '../../server/access.ts';
import { AppError, badRequest, conflict, notFound } from '../../server/errors.ts';
import { requireUnit } from '../missing/common.ts';
import type {
  EventInput,
  PlanInput,
  PlanListItem,
  PlanPatch,
  PlanView,
  ReferralAnswer,
  ReferralInput,
} from './schemas.ts';

interface PlanRow {
  id: string;
  found_id: string;
  reference: string;
  pseudonym: string;
  sex: string;
  age_years: number | null;
  found_status: string;
  owner_unit_id: string;
  owner_name: string;
  shelter: string | null;
  medical: string | null;
  counselling: string | null;
  legal_aid: string | null;
  education_skills: string | null;
  consent_tracing: boolean | null;
  consent_sharing: boolean | null;
  consent_given_by: string | null;
  consent_recorded_on: string | null;
  bonded_labour_certificate_number: string | null;
  bonded_labour_certificate_on: string | null;
  bonded_labour_certificate_by: string | null;
  follow_up_until: string | null;
  compensation: string | null;
  latest_risk: string | null;
  open_referrals: number;
  can_edit: boolean;
}

const SELECT = `SELECT p.id, p.found_id, f.reference, f.pseudonym, f.sex::text AS sex, f.age_years, f.status AS found_status,
  p.owner_unit_id, ou.name AS owner_name, p.shelter, p.medical, p.counselling, p.legal_aid, p.education_skills,
  p.consent_tracing, p.consent_sharing, p.consent_given_by, p.consent_recorded_on::text AS consent_recorded_on,
  p.bonded_labour_certificate_number, p.bonded_labour_certificate_on::text AS bonded_labour_certificate_on,
  p.bonded_labour_certificate_by, p.follow_up_until::text AS follow_up_until,
  (SELECT e.compensation_stage FROM care_events e WHERE e.plan_id = p.id AND e.kind = 'compensation'
     ORDER BY e.occurred_on DESC, e.created_at DESC LIMIT 1) AS compensation,
  (SELECT e.risk_level FROM care_events e WHERE e.plan_id = p.id AND e.kind = 'follow_up'
     ORDER BY e.occurred_on DESC, e.created_at DESC LIMIT 1) AS latest_risk,
  (SELECT count(*)::int FROM care_referrals r WHERE r.plan_id = p.id AND r.status IN ('sent', 'accepted')) AS open_referrals,
  (app_tracing_writer() AND (p.owner_unit_id = app_user_unit() OR app_in_jurisdiction(p.state_lgd, p.district_lgd))) AS can_edit
  FROM care_plans p JOIN found_persons f ON f.id = p.found_id JOIN units ou ON ou.id = p.owner_unit_id`;

export async function listPlans(scope: RequestScope): Promise<PlanListItem[]> {
  const { rows } = await scope.tx.query<PlanRow>(`${SELECT} ORDER BY p.updated_at DESC LIMIT 200`);
  return rows.map((r) => ({
    id: r.id,
    foundId: r.found_id,
    reference: r.reference,
    pseudonym: r.pseudonym,
    sex: r.sex,
    ageYears: r.age_years,
    ownerUnit: r.owner_name,
    openReferrals: r.open_referrals,
    latestRisk: r.latest_risk,
  }));
}

export async function getPlan(scope: RequestScope, id: string): Promise<PlanView> {
  const { tx, actor } = scope;
  const { rows } = await tx.query<PlanRow>(`${SELECT} WHERE p.id = $1`, [id]);
  const r = rows[0];
  if (!r) throw notFound('The care plan');
  const referrals = await tx.query<{
    id: string;
    to_unit_id: string;
    to_name: string;
    from_unit_id: string;
    from_name: string;
    services: string[];
    note: string | null;
    status: string;
    decline_reason: string | null;
    created_at: string;
    responded_at: string | null;
  }>(
    `SELECT r.id, r.to_unit_id, tu.name AS to_name, r.from_unit_id, fu.name AS from_name, r.services, r.note, r.status,
       r.decline_reason, r.created_at::text AS created_at, r.responded_at::text AS responded_at
     FROM care_referrals r JOIN units tu ON tu.id = r.to_unit_id JOIN units fu ON fu.id = r.from_unit_id
     WHERE r.plan_id = $1 ORDER BY r.created_at`,
    [id],
  );
  const events = await tx.query<{
    id: string;
    kind: string;
    occurred_on: string;
    service_kind: string | null;
    compensation_stage: string | null;
    amount_inr: number | null;
    authority_unit_id: string | null;
    authority_name: string | null;
    repatriation_stage: string | null;
    to_state_lgd: number | null;
    to_country: string | null;
    escort_name: string | null;
    handed_over_to: string | null;
    risk_level: string | null;
    risk_flags: string[];
    note: string | null;
    recorded_by: string | null;
  }>(
    `SELECT e.id, e.kind, e.occurred_on::text AS occurred_on, e.service_kind, e.compensation_stage, e.amount_inr,
       e.authority_unit_id, au.name AS authority_name, e.repatriation_stage, e.to_state_lgd, e.to_country, e.escort_name,
       e.handed_over_to, e.risk_level, e.risk_flags, e.note, ru.name AS recorded_by
     FROM care_events e LEFT JOIN units au ON au.id = e.authority_unit_id LEFT JOIN units ru ON ru.id = e.recorded_by_unit_id
     WHERE e.plan_id = $1 ORDER BY e.occurred_on, e.created_at`,
    [id],
  );
  return {
    id: r.id,
    found: {
      id: r.found_id,
      reference: r.reference,
      pseudonym: r.pseudonym,
      sex: r.sex,
      ageYears: r.age_years,
      status: r.found_status,
    },
    ownerUnit: { id: r.owner_unit_id, name: r.owner_name },
    shelter: r.shelter,
    medical: r.medical,
    counselling: r.counselling,
    legalAid: r.legal_aid,
    educationSkills: r.education_skills,
    consentTracing: r.consent_tracing,
    consentSharing: r.consent_sharing,
    consentGivenBy: r.consent_given_by,
    consentRecordedOn: r.consent_recorded_on,
    bondedLabourCertificateNumber: r.bonded_labour_certificate_number,
    bondedLabourCertificateOn: r.bonded_labour_certificate_on,
    bondedLabourCertificateBy: r.bonded_labour_certificate_by,
    followUpUntil: r.follow_up_until,
    compensation: r.compensation,
    latestRisk: r.latest_risk,
    referrals: referrals.rows.map((x) => ({
      id: x.id,
      toUnit: { id: x.to_unit_id, name: x.to_name },
      fromUnit: { id: x.from_unit_id, name: x.from_name },
      services: x.services,
      note: x.note,
      status: x.status,
      declineReason: x.decline_reason,
      createdAt: x.created_at,
      respondedAt: x.responded_at,
      mine: x.to_unit_id === actor.unitId,
    })),
    events: events.rows.map((e) => ({
      id: e.id,
      kind: e.kind,
      occurredOn: e.occurred_on,
      serviceKind: e.service_kind,
      compensationStage: e.compensation_stage,
      amountInr: e.amount_inr,
      authority:
        e.authority_unit_id && e.authority_name ? { id: e.authority_unit_id, name: e.authority_name } : null,
      repatriationStage: e.repatriation_stage,
      toStateLgd: e.to_state_lgd,
      toCountry: e.to_country,
      escortName: e.escort_name,
      handedOverTo: e.handed_over_to,
      riskLevel: e.risk_level,
      riskFlags: e.risk_flags,
      note: e.note,
      recordedBy: e.recorded_by,
    })),
    canEdit: r.can_edit,
  };
}

const planValues = (p: PlanPatch) => [
  p.shelter ?? null,
  p.medical ?? null,
  p.counselling ?? null,
  p.legalAid ?? null,
  p.educationSkills ?? null,
  p.consentTracing ?? null,
  p.consentSharing ?? null,
  p.consentGivenBy ?? null,
  p.consentRecordedOn ?? null,
  p.bondedLabourCertificateNumber ?? null,
  p.bondedLabourCertificateOn ?? null,
  p.bondedLabourCertificateBy ?? null,
];

function checkConsent(p: PlanPatch): void {
  const given = p.consentTracing !== undefined && p.consentTracing !== null;
  const shared = p.consentSharing !== undefined && p.consentSharing !== null;
  if ((given || shared) && (!p.consentGivenBy || !p.consentRecordedOn))
    throw badRequest('Record who gave consent (person, guardian or CWC) and when.', {
      field: 'consentGivenBy',
    });
}

export async function createPlan(scope: RequestScope, input: PlanInput): Promise<string> {
  const { tx, actor } = scope;
  checkConsent(input);
  const found = await tx.query<{ state_lgd: number; district_lgd: number }>(
    'SELECT state_lgd, district_lgd FROM found_persons WHERE id = $1',
    [input.foundId],
  );
  const f = found.rows[0];
  if (!f) throw notFound('The found person');
  const existing = await tx.query('SELECT 1 FROM care_plans WHERE found_id = $1', [input.foundId]);
  if (existing.rowCount > 0) throw conflict('This person already has a care plan; change that one.');
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO care_plans (found_id, state_lgd, district_lgd, owner_unit_id, shelter, medical, counselling, legal_aid,
       education_skills, consent_tracing, consent_sharing, consent_given_by, consent_recorded_on,
       bonded_labour_certificate_number, bonded_labour_certificate_on, bonded_labour_certificate_by, follow_up_until,
       created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, current_date + 365, $17) RETURNING id`,
    [input.foundId, f.state_lgd, f.district_lgd, actor.unitId, ...planValues(input), actor.userId],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('care plan insert returned no id');
  await scope.audit({
    action: 'care.plan_create',
    objectType: 'care_plan',
    objectId: id,
    details: { foundId: input.foundId },
  });
  return id;
}

export async function patchPlan(scope: RequestScope, id: string, patch: PlanPatch): Promise<void> {
  checkConsent(patch);
  const keys = Object.keys(patch) as (keyof PlanPatch)[];
  if (keys.length === 0) throw badRequest('Nothing to change.');
  const columns: Record<keyof PlanPatch, string> = {
    shelter: 'shelter',
    medical: 'medical',
    counselling: 'counselling',
    legalAid: 'legal_aid',
    educationSkills: 'education_skills',
    consentTracing: 'consent_tracing',
    consentSharing: 'consent_sharing',
    consentGivenBy: 'consent_given_by',
    consentRecordedOn: 'consent_recorded_on',
    bondedLabourCertificateNumber: 'bonded_labour_certificate_number',
    bondedLabourCertificateOn: 'bonded_labour_certificate_on',
    bondedLabourCertificateBy: 'bonded_labour_certificate_by',
  };
  const sets = keys.map((k, i) => `${columns[k]} = $${i + 2}`);
  const { rowCount } = await scope.tx.query(
    `UPDATE care_plans SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`,
    [id, ...keys.map((k) => patch[k] ?? null)],
  );
  if (rowCount === 0) throw notFound('The care plan');
  await scope.audit({
    action: 'care.plan_update',
    objectType: 'care_plan',
    objectId: id,
    details: { fields: keys },
  });
}

export async function addReferral(scope: RequestScope, planId: string, input: ReferralInput): Promise<void> {
  const { tx, actor } = scope;
  await requireUnit(tx, input.toUnitId, 'toUnitId', ['ngo', 'shelter_home']);
  const plan = await tx.query<{ found_id: string; state_lgd: number }>(
    'SELECT found_id, state_lgd FROM care_plans WHERE id = $1',
    [planId],
  );
  const p = plan.rows[0];
  if (!p) throw notFound('The care plan');
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO care_referrals (plan_id, found_id, state_lgd, from_unit_id, to_unit_id, services, note, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      planId,
      p.found_id,
      p.state_lgd,
      actor.unitId,
      input.toUnitId,
      input.services,
      input.note ?? null,
      actor.userId,
    ],
  );
  await scope.audit({
    action: 'care.refer',
    objectType: 'care_referral',
    objectId: rows[0]?.id,
    details: { planId, toUnitId: input.toUnitId, services: input.services },
  });
}

export async function answerReferral(
  scope: RequestScope,
  id: string,
  input: ReferralAnswer,
): Promise<string> {
  const { tx, actor } = scope;
  const { rows } = await tx.query<{
    plan_id: string;
    status: string;
    to_unit_id: string;
    from_unit_id: string;
  }>('SELECT plan_id, status, to_unit_id, from_unit_id FROM care_referrals WHERE id = $1', [id]);
  const r = rows[0];
  if (!r) throw notFound('The referral');
  if (input.decision === 'close') {
    if (r.status === 'closed' || r.status === 'declined')
      throw conflict(`The referral is already ${r.status}.`);
  } else {
    if (r.to_unit_id !== actor.unitId)
      throw new AppError(403, 'forbidden', 'Only the unit the victim was referred to answers the referral.');
    if (r.status !== 'sent') throw conflict(`The referral was already ${r.status}.`);
  }
  if (input.decision === 'decline' && !input.reason)
    throw badRequest('Say why you decline, so another unit can be found.', { field: 'reason' });
  const status = { accept: 'accepted', decline: 'declined', close: 'closed' }[input.decision];
  await tx.query(
    `UPDATE care_referrals SET status = $2, decline_reason = $3, responded_by = $4, responded_at = now() WHERE id = $1`,
    [id, status, input.decision === 'decline' ? (input.reason ?? null) : null, actor.userId],
  );
  await scope.audit({
    action: `care.referral_${input.decision}`,
    objectType: 'care_referral',
    objectId: id,
    ...(input.reason ? { reason: input.reason } : {}),
  });
  return r.plan_id;
}

export async function addEvent(scope: RequestScope, planId: string, input: EventInput): Promise<void> {
  const { tx, actor } = scope;
  const plan = await tx.query<{ found_id: string; state_lgd: number }>(
    'SELECT found_id, state_lgd FROM care_plans WHERE id = $1',
    [planId],
  );
  const p = plan.rows[0];
  if (!p) throw notFound('The care plan');
  const missing = (field: keyof EventInput, what: string) => {
    if (input[field] === undefined)
      throw badRequest(`${what} is required for a ${input.kind.replace('_', '-')} entry.`, { field });
  };
  if (input.kind === 'service') missing('serviceKind', 'The service');
  if (input.kind === 'compensation') {
    missing('compensationStage', 'The stage (applied, sanctioned, paid, rejected)');
    await requireUnit(tx, input.authorityUnitId, 'authorityUnitId', ['dlsa']);
  }
  if (input.kind === 'repatriation') {
    missing('repatriationStage', 'The stage (planned, escorted, handed over)');
    if (input.toStateLgd === undefined && input.toCountry === undefined)
      throw badRequest('Say where the person goes: a State, or Nepal or Bangladesh.', {
        field: 'toStateLgd',
      });
  }
  if (input.kind === 'follow_up') missing('riskLevel', 'The re-trafficking risk level');
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO care_events (plan_id, found_id, state_lgd, kind, occurred_on, service_kind, compensation_stage, amount_inr,
       authority_unit_id, repatriation_stage, to_state_lgd, to_country, escort_name, handed_over_to, risk_level, risk_flags,
       note, recorded_by, recorded_by_unit_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) RETURNING id`,
    [
      planId,
      p.found_id,
      p.state_lgd,
      input.kind,
      input.occurredOn,
      input.serviceKind ?? null,
      input.compensationStage ?? null,
      input.amountInr ?? null,
      input.authorityUnitId ?? null,
      input.repatriationStage ?? null,
      input.toStateLgd ?? null,
      input.toCountry ?? null,
      input.escortName ?? null,
      input.handedOverTo ?? null,
      input.riskLevel ?? null,
      input.riskFlags ?? [],
      input.note ?? null,
      actor.userId,
      actor.unitId,
    ],
  );
  await scope.audit({
    action: `care.${input.kind}`,
    objectType: 'care_event',
    objectId: rows[0]?.id,
    details: { planId },
  });
}
