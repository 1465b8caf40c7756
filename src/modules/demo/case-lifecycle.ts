/**
 * The law a demo case cites and the course it has run since registration. Sections follow the form of
 * exploitation and the date (IPC before the BNS came into force on 1 July 2024); the lifecycle follows
 * what NCRB and the source documents report: most old cases charge-sheeted and on trial for years, a
 * conviction rate of about a fifth of decided cases, and some recent charge-sheets overdue.
 */
import type { CaseStatus } from '../cases/codes.ts';
import type { FormCode } from './case-corridors.ts';
import { addDays, type Rng } from './rng.ts';

export const BNS_IN_FORCE = '2024-07-01';

interface SectionFacts {
  registeredOn: string;
  forms: FormCode[];
  hasChild: boolean;
  crossBorder: boolean;
}

/** [IPC section, BNS section that replaced it] for each form of exploitation. */
const PENAL: Record<FormCode, [string, string][]> = {
  forced_labour: [
    ['IPC-370', 'BNS-143'],
    ['IPC-374', 'BNS-146'],
  ],
  bonded_labour: [
    ['IPC-370', 'BNS-143'],
    ['IPC-374', 'BNS-146'],
  ],
  child_labour: [['IPC-370', 'BNS-143']],
  sexual_exploitation: [
    ['IPC-370', 'BNS-143'],
    ['IPC-370A', 'BNS-144'],
  ],
  child_sexual_abuse_material: [['IPC-370', 'BNS-143']],
  forced_marriage: [
    ['IPC-366', 'BNS-87'],
    ['IPC-370', 'BNS-143'],
  ],
  domestic_servitude: [
    ['IPC-370', 'BNS-143'],
    ['IPC-374', 'BNS-146'],
  ],
  forced_begging: [
    ['IPC-363A', 'BNS-139'],
    ['IPC-370', 'BNS-143'],
  ],
  organ_removal: [['IPC-370', 'BNS-143']],
  drug_couriers: [['IPC-370', 'BNS-143']],
  arms_smuggling: [['IPC-370', 'BNS-143']],
  other_illicit_activity: [['IPC-370', 'BNS-143']],
  other: [['IPC-370', 'BNS-143']],
};

/** Special laws, which did not change in 2024. */
const SPECIAL: Partial<Record<FormCode, string[]>> = {
  sexual_exploitation: ['ITPA-5', 'ITPA-3'],
  bonded_labour: ['BLSA-16', 'BLSA-17'],
  child_labour: ['JJ-79', 'CALPA-14'],
  child_sexual_abuse_material: ['POCSO-14', 'POCSO-15'],
  forced_begging: ['JJ-76'],
  organ_removal: ['THOTA-19'],
};

export function legalSections(rng: Rng, facts: SectionFacts): string[] {
  const bns = facts.registeredOn >= BNS_IN_FORCE;
  const sections: string[] = [];
  const add = (code: string) => {
    if (!sections.includes(code)) sections.push(code);
  };
  const [primary] = facts.forms;
  for (const form of facts.forms) {
    for (const [ipc, bnsCode] of PENAL[form]) add(bns ? bnsCode : ipc);
    for (const code of SPECIAL[form] ?? []) if (form === primary || rng.chance(0.5)) add(code);
  }
  if (primary === 'sexual_exploitation' && facts.hasChild) add(bns ? 'BNS-98' : 'IPC-372');
  if (primary === 'sexual_exploitation' && facts.hasChild && rng.chance(0.5))
    add(bns ? 'BNS-96' : 'IPC-366A');
  if (primary === 'sexual_exploitation' && facts.crossBorder) add(bns ? 'BNS-141' : 'IPC-366B');
  if (primary === 'forced_marriage' && facts.hasChild) add('PCMA-9');
  if (primary === 'forced_marriage' && facts.hasChild && rng.chance(0.6)) add('PCMA-11');
  if (facts.hasChild && ['domestic_servitude', 'forced_labour', 'bonded_labour'].includes(primary ?? ''))
    add('JJ-79');
  if (facts.hasChild && ['other_illicit_activity', 'drug_couriers'].includes(primary ?? ''))
    add(bns ? 'BNS-95' : 'JJ-79');
  return sections;
}

export interface StatusStep {
  status: CaseStatus;
  effectiveOn: string;
  note: string;
}

interface LifecycleFacts {
  registeredOn: string;
  firstArrest: string | null;
  /** BNSS: 60 or 90 days from the first arrest, by the gravest section. */
  chargeSheetDays: number;
  today: string;
}

/** Keeps the share of convictions among decided cases near the target without relying on luck. */
export class Verdicts {
  private decided = 0;
  private convicted = 0;

  constructor(private readonly convictionRate: number) {}

  next(rng: Rng): 'convicted' | 'acquitted' | 'discharged' {
    this.decided += 1;
    if (this.convicted / this.decided < this.convictionRate - 0.02 + rng.next() * 0.04) {
      this.convicted += 1;
      return 'convicted';
    }
    return rng.chance(0.1) ? 'discharged' : 'acquitted';
  }
}

/** The status changes a case has gone through by today, in order; future steps are left out. */
export function lifecycle(rng: Rng, verdicts: Verdicts, facts: LifecycleFacts): StatusStep[] {
  const steps: StatusStep[] = [];
  const push = (status: CaseStatus, effectiveOn: string, note: string): boolean => {
    const last = steps[steps.length - 1]?.effectiveOn ?? facts.registeredOn;
    const on = effectiveOn < last ? last : effectiveOn;
    if (on > facts.today) return false;
    steps.push({ status, effectiveOn: on, note });
    return true;
  };
  if (!push('under_investigation', addDays(facts.registeredOn, rng.int(0, 3)), 'Investigation taken up'))
    return steps;
  // A few cases stall in investigation for years, as the pendency figures show.
  if (rng.chance(0.05)) return steps;
  if (!facts.firstArrest) {
    if (rng.chance(0.35)) {
      push(
        'closed_final_report',
        addDays(facts.registeredOn, rng.int(150, 600)),
        'Accused untraced; final report submitted',
      );
      return steps;
    }
  }
  const start = facts.firstArrest ?? addDays(facts.registeredOn, rng.int(60, 200));
  if (rng.chance(0.04)) {
    push('closed_final_report', addDays(start, rng.int(60, 300)), 'Final report: evidence insufficient');
    return steps;
  }
  const due = facts.chargeSheetDays;
  const late = rng.chance(0.25);
  const chargeSheet = late
    ? addDays(start, due + rng.int(5, 150))
    : addDays(start, rng.int(Math.max(15, due - 50), due - 1));
  if (
    !push(
      'charge_sheeted',
      chargeSheet,
      late ? 'Charge-sheet filed after the BNSS deadline' : 'Charge-sheet filed',
    )
  )
    return steps;
  if (rng.chance(0.03)) {
    push('discharged', addDays(chargeSheet, rng.int(60, 400)), 'Accused discharged before trial');
    return steps;
  }
  const trial = addDays(chargeSheet, rng.int(30, 240));
  if (!push('on_trial', trial, 'Charges framed')) return steps;
  // Trials in trafficking cases commonly run two to five years.
  const decisionDays = Math.round(400 + rng.next() * rng.next() * 3200);
  const decidedOn = addDays(trial, decisionDays);
  if (decidedOn > facts.today) return steps;
  const verdict = verdicts.next(rng);
  const notes = {
    convicted: 'Convicted',
    acquitted: 'Acquitted: witnesses turned hostile',
    discharged: 'Discharged',
  };
  push(verdict, decidedOn, notes[verdict]);
  return steps;
}
