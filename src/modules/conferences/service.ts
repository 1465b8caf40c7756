/**
 * State conferences and judicial colloquia: a unit proposes one with its budget, the State nodal officer
 * (or the Nodal Cell) approves or returns it, it is held, and it is closed once every action item its
 * resolutions produced is done (actions.ts). MHA funds at most Rs 2 lakh of each: the service refuses a
 * proposal over the cap with the figures, and a CHECK constraint holds the same line in the database.
 */
import type { RequestScope } from '../../server/access.ts';
import { AppError, badRequest, forbidden, notFound } from '../../server/errors.ts';
import {
  MHA_CAP_RUPEES,
  type ConferenceAction,
  type ConferenceInput,
  type ConferencePatch,
  type ConferenceStatus,
  type ParticipantInput,
  type TransitionInput,
} from './schemas.ts';

export const rupees = (value: number) => `Rs ${new Intl.NumberFormat('en-IN').format(value)}`;

interface BudgetLine {
  item: string;
  amountRupees: number;
  fundedBy: 'mha' | 'state' | 'other';
}

/** Refuses an MHA share over the cap, naming the cap, what was asked and the excess. */
export function checkMhaCap(lines: readonly BudgetLine[]): number {
  const mha = lines.filter((l) => l.fundedBy === 'mha').reduce((sum, l) => sum + l.amountRupees, 0);
  if (mha > MHA_CAP_RUPEES) {
    const excess = mha - MHA_CAP_RUPEES;
    throw new AppError(
      422,
      'over_mha_cap',
      `MHA support for a State conference or judicial colloquium is capped at ${rupees(MHA_CAP_RUPEES)}. ` +
        `This proposal asks MHA for ${rupees(mha)}, which is ${rupees(excess)} over the cap. ` +
        'Reduce the MHA-funded budget lines, or fund the difference from the State budget or another source.',
      { capRupees: MHA_CAP_RUPEES, requestedRupees: mha, excessRupees: excess, field: 'budgetLines' },
    );
  }
  return mha;
}

export interface ConferenceHead {
  state_lgd: number;
  status: ConferenceStatus;
  title: string;
  proposed_by_unit_id: string;
  approver: boolean;
}

export async function conferenceHead(scope: RequestScope, id: string): Promise<ConferenceHead> {
  const { rows } = await scope.tx.query<ConferenceHead>(
    `SELECT state_lgd, status, title, proposed_by_unit_id, app_can_run_meeting(state_lgd) AS approver
     FROM conferences WHERE id = $1`,
    [id],
  );
  if (!rows[0]) throw notFound('The conference');
  return rows[0];
}

/** Which workflow steps the actor may take now. */
export function allowedActions(head: ConferenceHead, unitId: string): ConferenceAction[] {
  const proposer = head.proposed_by_unit_id === unitId;
  const actions: ConferenceAction[] = [];
  if (head.approver && head.status === 'proposed') actions.push('approve', 'return');
  if ((head.approver || proposer) && head.status === 'returned') actions.push('resubmit');
  if ((head.approver || proposer) && head.status === 'approved') actions.push('hold');
  if (head.approver && head.status === 'held') actions.push('close');
  return actions;
}

function checkDates(startsOn: string, endsOn: string): void {
  if (endsOn < startsOn)
    throw badRequest('The conference cannot end before it starts: check startsOn and endsOn.', {
      field: 'endsOn',
    });
}

async function writeBudget(scope: RequestScope, id: string, state: number, lines: readonly BudgetLine[]) {
  await scope.tx.query('DELETE FROM conference_budget_lines WHERE conference_id = $1', [id]);
  for (const [i, line] of lines.entries()) {
    await scope.tx.query(
      `INSERT INTO conference_budget_lines (conference_id, state_lgd, position, item, amount_rupees, funded_by)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, state, i + 1, line.item, line.amountRupees, line.fundedBy],
    );
  }
}

export async function writeParticipants(
  scope: RequestScope,
  id: string,
  state: number,
  participants: readonly ParticipantInput[],
) {
  const seen = new Set<string>();
  for (const p of participants) {
    if (seen.has(p.category))
      throw badRequest(`The participant category ${p.category} is listed twice.`, { field: 'participants' });
    seen.add(p.category);
    await scope.tx.query(
      `INSERT INTO conference_participants (conference_id, state_lgd, category, planned, attended)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (conference_id, category) DO UPDATE SET planned = EXCLUDED.planned, attended = EXCLUDED.attended`,
      [id, state, p.category, p.planned, p.attended ?? null],
    );
  }
}

export async function createConference(scope: RequestScope, input: ConferenceInput): Promise<string> {
  const { tx, actor } = scope;
  const state = input.stateLgd ?? actor.stateLgd;
  if (state === null)
    throw badRequest('Say which State the conference is for (stateLgd).', { field: 'stateLgd' });
  if (actor.level !== 'national' && actor.stateLgd !== state)
    throw forbidden('You can propose conferences only for your own State.');
  checkDates(input.startsOn, input.endsOn);
  const mha = checkMhaCap(input.budgetLines);
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO conferences (state_lgd, kind, title, venue, starts_on, ends_on, objectives, proposed_by_unit_id, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      state,
      input.kind,
      input.title,
      input.venue ?? null,
      input.startsOn,
      input.endsOn,
      input.objectives ?? null,
      actor.unitId,
      actor.userId,
    ],
  );
  const id = rows[0]?.id ?? '';
  await writeBudget(scope, id, state, input.budgetLines);
  await writeParticipants(scope, id, state, input.participants ?? []);
  await scope.audit({
    action: 'conference.propose',
    objectType: 'conference',
    objectId: id,
    details: { state, kind: input.kind, mhaSupportRupees: mha },
  });
  return id;
}

export async function updateConference(scope: RequestScope, id: string, patch: ConferencePatch) {
  const head = await conferenceHead(scope, id);
  const proposer = head.proposed_by_unit_id === scope.actor.unitId;
  if (!head.approver && !proposer)
    throw forbidden('Only the proposing unit or the approvers can change a conference proposal.');
  if (head.status !== 'proposed' && head.status !== 'returned')
    throw new AppError(
      409,
      'invalid_transition',
      `The proposal is ${head.status}; its budget and details can be changed only while it is proposed or returned.`,
    );
  const current = await scope.tx.query<{ starts_on: string; ends_on: string }>(
    'SELECT starts_on::text, ends_on::text FROM conferences WHERE id = $1',
    [id],
  );
  checkDates(
    patch.startsOn ?? current.rows[0]?.starts_on ?? '',
    patch.endsOn ?? current.rows[0]?.ends_on ?? '',
  );
  if (patch.budgetLines) checkMhaCap(patch.budgetLines);
  await scope.tx.query(
    `UPDATE conferences SET title = coalesce($2, title),
       venue = CASE WHEN $3::boolean THEN $4 ELSE venue END,
       starts_on = coalesce($5::date, starts_on), ends_on = coalesce($6::date, ends_on),
       objectives = CASE WHEN $7::boolean THEN $8 ELSE objectives END, updated_at = now()
     WHERE id = $1`,
    [
      id,
      patch.title ?? null,
      patch.venue !== undefined,
      patch.venue ?? null,
      patch.startsOn ?? null,
      patch.endsOn ?? null,
      patch.objectives !== undefined,
      patch.objectives ?? null,
    ],
  );
  if (patch.budgetLines) await writeBudget(scope, id, head.state_lgd, patch.budgetLines);
  await scope.audit({
    action: 'conference.update',
    objectType: 'conference',
    objectId: id,
    details: { changed: Object.keys(patch) },
  });
}

const NEXT: Record<ConferenceAction, ConferenceStatus> = {
  approve: 'approved',
  return: 'returned',
  resubmit: 'proposed',
  hold: 'held',
  close: 'closed',
};

export async function transitionConference(scope: RequestScope, id: string, input: TransitionInput) {
  const head = await conferenceHead(scope, id);
  const allowed = allowedActions(head, scope.actor.unitId);
  if (!allowed.includes(input.action)) {
    throw new AppError(
      409,
      'invalid_transition',
      `You cannot ${input.action} a ${head.status} proposal. ` +
        (allowed.length > 0
          ? `What you can do now: ${allowed.join(', ')}.`
          : 'There is nothing for you to do on it now.'),
      { allowedActions: allowed },
    );
  }
  if (input.action === 'return' && (input.note ?? '').trim().length < 5)
    throw badRequest('Say what the proposing unit should change (note, at least 5 characters).', {
      field: 'note',
    });
  if (input.action === 'close') {
    const open = await scope.tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM conference_action_items WHERE conference_id = $1 AND status <> 'done'`,
      [id],
    );
    const n = open.rows[0]?.n ?? 0;
    if (n > 0)
      throw new AppError(
        409,
        'open_action_items',
        `${n} action item${n === 1 ? ' is' : 's are'} not done yet; a conference is closed once its commitments are followed through.`,
        { openActionItems: n },
      );
  }
  const deciding = input.action === 'approve' || input.action === 'return';
  await scope.tx.query(
    `UPDATE conferences SET status = $2, updated_at = now(),
       decided_by = CASE WHEN $3::boolean THEN $4::uuid ELSE decided_by END,
       decided_at = CASE WHEN $3::boolean THEN now() ELSE decided_at END,
       decision_note = CASE WHEN $3::boolean THEN $5 ELSE decision_note END,
       outcome_summary = coalesce($6, outcome_summary)
     WHERE id = $1`,
    [id, NEXT[input.action], deciding, scope.actor.userId, input.note ?? null, input.outcomeSummary ?? null],
  );
  await scope.audit({
    action: `conference.${input.action}`,
    objectType: 'conference',
    objectId: id,
    details: { from: head.status, to: NEXT[input.action] },
  });
}
