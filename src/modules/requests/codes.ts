/**
 * The rules of a request between units: its kinds, priorities and states, how long the recipient has to
 * answer, who may move it from which state to which, and when an overdue request is escalated.
 * docs/CHANNEL.md explains the same tables for people.
 */
import type { Role } from '../../server/access.ts';

export const REQUEST_KINDS = [
  'verify_family',
  'trace_accused',
  'obtain_documents',
  'repatriate_victim',
  'share_information',
  'border_lookout',
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const REQUEST_PRIORITIES = ['routine', 'urgent', 'immediate'] as const;
export type RequestPriority = (typeof REQUEST_PRIORITIES)[number];

export const REQUEST_STATUSES = [
  'sent',
  'acknowledged',
  'in_progress',
  'answered',
  'closed',
  'declined',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** States in which the recipient still owes an answer: the clock runs and the request can be overdue. */
export const OPEN_STATUSES: readonly RequestStatus[] = ['sent', 'acknowledged', 'in_progress'];

export const KIND_LABELS: Record<RequestKind, string> = {
  verify_family: "verify a victim's family or address",
  trace_accused: 'trace or arrest an accused',
  obtain_documents: 'obtain documents or a statement',
  repatriate_victim: 'repatriate a victim',
  share_information: 'share information',
  border_lookout: 'border lookout',
};

/**
 * Hours the recipient unit has to answer, by kind and priority. Home verification feeds the Child Welfare
 * Committee's restoration order (its social investigation report is due within 15 days), so a routine
 * verification gets 10 days; a repatriation needs CWC orders and an escort (21 days); a border lookout is
 * about hours.
 */
export const DEADLINE_HOURS: Record<RequestKind, Record<RequestPriority, number>> = {
  verify_family: { immediate: 24, urgent: 72, routine: 240 },
  trace_accused: { immediate: 24, urgent: 72, routine: 336 },
  obtain_documents: { immediate: 48, urgent: 120, routine: 336 },
  repatriate_victim: { immediate: 48, urgent: 168, routine: 504 },
  share_information: { immediate: 12, urgent: 48, routine: 168 },
  border_lookout: { immediate: 2, urgent: 6, routine: 24 },
};

/** After the due date passes: level 1 at once; level 2 (the Nodal Cell) this many hours later. */
export const FURTHER_ESCALATION_HOURS: Record<RequestPriority, number> = {
  immediate: 12,
  urgent: 48,
  routine: 120,
};

export function dueAt(kind: RequestKind, priority: RequestPriority, from: Date): Date {
  return new Date(from.getTime() + DEADLINE_HOURS[kind][priority] * 3_600_000);
}

/** Kinds whose recipient must know who the person is: a case share with identity access goes with them. */
export const IDENTITY_KINDS: readonly RequestKind[] = ['verify_family', 'repatriate_victim'];
/** Kinds whose recipient works on the case: the case is shared with them, identity masked unless above. */
export const CASE_SHARE_KINDS: readonly RequestKind[] = [
  'verify_family',
  'repatriate_victim',
  'trace_accused',
  'obtain_documents',
];

export const REQUEST_ACTIONS = ['acknowledge', 'start', 'answer', 'decline', 'close', 'reopen'] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

export interface ActionRule {
  by: 'recipient' | 'sender';
  from: readonly RequestStatus[];
  /** The message event the action writes into the thread. */
  event: 'acknowledged' | 'started' | 'answered' | 'declined' | 'closed' | 'reopened';
  /** Whether the action needs a text (the answer, the reason for declining or reopening). */
  needsText: boolean;
}

export const ACTION_RULES: Record<RequestAction, ActionRule> = {
  acknowledge: { by: 'recipient', from: ['sent'], event: 'acknowledged', needsText: false },
  start: { by: 'recipient', from: ['acknowledged'], event: 'started', needsText: false },
  answer: { by: 'recipient', from: ['acknowledged', 'in_progress'], event: 'answered', needsText: true },
  decline: {
    by: 'recipient',
    from: ['sent', 'acknowledged', 'in_progress'],
    event: 'declined',
    needsText: true,
  },
  close: {
    by: 'sender',
    from: ['sent', 'acknowledged', 'in_progress', 'answered', 'declined'],
    event: 'closed',
    needsText: false,
  },
  reopen: { by: 'sender', from: ['answered', 'declined', 'closed'], event: 'reopened', needsText: true },
};

/** The status an action leads to. A reopened request goes back to work if it had been answered, else to the inbox. */
export function nextStatus(
  action: RequestAction,
  current: { status: RequestStatus; answered_at: unknown },
): RequestStatus {
  switch (action) {
    case 'acknowledge':
      return 'acknowledged';
    case 'start':
      return 'in_progress';
    case 'answer':
      return 'answered';
    case 'decline':
      return 'declined';
    case 'close':
      return 'closed';
    case 'reopen':
      return current.status === 'answered' || (current.status === 'closed' && current.answered_at !== null)
        ? 'in_progress'
        : 'sent';
  }
}

/** Roles that work with requests; auditors read them. */
export const REQUEST_WRITERS: readonly Role[] = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'liaison_officer',
  'ngo_caseworker',
];
export const REQUEST_READERS: readonly Role[] = [...REQUEST_WRITERS, 'auditor'];
/** Oversight roles may write into a thread they can see without being one of the two units. */
export const OVERSIGHT_WRITERS: readonly Role[] = ['national_analyst', 'state_nodal_officer'];

export const label = (value: string) => value.replaceAll('_', ' ');
