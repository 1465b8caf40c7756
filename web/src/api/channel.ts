/**
 * The inter-State channel as the web app uses it: requests between units, alerts and lookouts, the inbox,
 * and coordination meetings (the server's `src/modules/{requests,alerts,notifications,meetings}`).
 */
import type { Role } from './types';

// ---------------------------------------------------------------- requests

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
export const REQUEST_ACTIONS = ['acknowledge', 'start', 'answer', 'decline', 'close', 'reopen'] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];
/** Actions that need a text: the answer, or the reason for declining or reopening. */
export const TEXT_ACTIONS: readonly RequestAction[] = ['answer', 'decline', 'reopen'];

/** The server's REQUEST_READERS / REQUEST_WRITERS. */
export const REQUEST_WRITER_ROLES: readonly Role[] = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'liaison_officer',
  'ngo_caseworker',
];
export const REQUEST_READER_ROLES: readonly Role[] = [...REQUEST_WRITER_ROLES, 'auditor'];
/** The server's ALERT_READERS and LOOKOUT_RAISERS. */
export const ALERT_READER_ROLES: readonly Role[] = REQUEST_READER_ROLES;
export const LOOKOUT_RAISER_ROLES: readonly Role[] = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'liaison_officer',
];
/** The server's MEETING_READERS and MEETING_CHAIRS. */
export const MEETING_READER_ROLES: readonly Role[] = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'liaison_officer',
  'auditor',
];
export const MEETING_CHAIR_ROLES: readonly Role[] = ['national_analyst', 'state_nodal_officer'];

export interface ChannelUnitRef {
  id: string;
  name: string;
  kind: string;
  stateLgd: number | null;
  stateName: string | null;
}

export interface RequestCodes {
  kinds: {
    code: string;
    label: string;
    sharesIdentity: boolean;
    deadlineHours: Record<RequestPriority, number>;
  }[];
  priorities: string[];
  statuses: string[];
  furtherEscalationHours: Record<RequestPriority, number>;
}

export interface RequestListItem {
  id: string;
  reference: string;
  kind: string;
  priority: string;
  status: string;
  subject: string;
  fromUnit: ChannelUnitRef;
  toUnit: ChannelUnitRef;
  direction: 'in' | 'out' | 'oversight';
  caseReference: string | null;
  dueAt: string;
  overdue: boolean;
  /** 0 none, 1 State nodal office, 2 Nodal Cell. */
  escalationLevel: number;
  messageCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface ThreadAttachment {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

export interface ThreadMessage {
  id: string;
  event: string | null;
  body: string | null;
  /** null when Setu itself wrote the line (an escalation). */
  authorName: string | null;
  authorUnit: { id: string; name: string } | null;
  createdAt: string;
  attachments: ThreadAttachment[];
}

export interface RequestPerson {
  personId: string;
  role: string;
  pseudonym: string;
  sex: string;
  ageYears: number | null;
  homeDistrict: { lgdCode: number; name: string; stateName: string } | null;
}

export interface RequestView extends RequestListItem {
  body: string;
  round: number;
  case: { id: string; reference: string | null; accessible: boolean } | null;
  persons: RequestPerson[];
  caseShared: boolean;
  identityShared: boolean;
  identityAccess: boolean;
  acknowledgedAt: string | null;
  answeredAt: string | null;
  closedAt: string | null;
  declinedAt: string | null;
  declineReason: string | null;
  attachments: ThreadAttachment[];
  messages: ThreadMessage[];
  escalations: {
    round: number;
    level: number;
    toUnit: { id: string; name: string } | null;
    dueAt: string;
    escalatedAt: string;
  }[];
  allowedActions: (RequestAction | 'message')[];
}

export interface AttachmentUpload {
  fileName: string;
  contentType: string;
  contentBase64: string;
}

interface Figure {
  count: number;
  medianHours: number | null;
  p90Hours: number | null;
}

export interface RequestStatsRow {
  unit: ChannelUnitRef;
  received: number;
  open: number;
  overdue: number;
  answered: number;
  declined: number;
  toAcknowledge: Figure;
  toAnswer: Figure;
}

// ---------------------------------------------------------------- alerts

export const ALERT_KINDS = [
  'cross_state_person_match',
  'accused_seen_elsewhere',
  'missing_person_match',
  'district_spike',
  'missing_spike',
  'lookout',
] as const;
export const SEVERITIES = ['info', 'warning', 'critical'] as const;
export const LOOKOUT_UNIT_KINDS = [
  'border_unit',
  'railway_post',
  'ahtu',
  'police_station',
  'state_nodal_office',
] as const;

export interface AlertListItem {
  id: string;
  reference: string;
  kind: string;
  source: 'system' | 'user';
  severity: string;
  status: string;
  title: string;
  raisedByUnit: { id: string; name: string } | null;
  direction: 'received' | 'raised' | 'oversight';
  recipientCount: number;
  acknowledgedCount: number;
  myAcknowledgedAt: string | null;
  validUntil: string | null;
  expired: boolean;
  createdAt: string;
}

export interface AlertView extends AlertListItem {
  body: string;
  place: {
    stateLgd: number | null;
    stateName: string | null;
    districtLgd: number | null;
    districtName: string | null;
  } | null;
  raisedByName: string | null;
  case: { id: string; reference: string } | null;
  closedAt: string | null;
  recipients: {
    unit: { id: string; name: string; kind: string; stateName: string | null };
    acknowledgedAt: string | null;
    acknowledgedByName: string | null;
    note: string | null;
  }[];
  canAcknowledge: boolean;
  canClose: boolean;
}

// ---------------------------------------------------------------- inbox

export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  /** A path in the web app, e.g. /requests/<id>. */
  link: string | null;
  objectType: string | null;
  objectId: string | null;
  addressedTo: 'unit' | 'user';
  createdAt: string;
  readAt: string | null;
}

export interface InboxPage {
  items: Notification[];
  total: number;
  unread: number;
}

export interface InboxSummary {
  unreadNotifications: number;
  unacknowledgedAlerts: number;
  requests: {
    incomingOpen: number;
    incomingOverdue: number;
    incomingDueSoon: number;
    outgoingOpen: number;
    outgoingOverdue: number;
    outgoingAnswered: number;
  };
  actionItems: { open: number; overdue: number };
}

// ---------------------------------------------------------------- meetings

export const MEETING_STATUSES = ['scheduled', 'held', 'cancelled'] as const;

export interface ActionItem {
  id: string;
  meeting: { id: string; title: string; heldOn: string };
  stateLgd: number;
  title: string;
  description: string | null;
  owner: { userId: string | null; unitId: string | null; name: string };
  dueOn: string;
  status: string;
  overdue: boolean;
  doneAt: string | null;
  doneNote: string | null;
  canEdit: boolean;
  canComplete: boolean;
}

export interface MeetingListItem {
  id: string;
  state: { lgdCode: number; name: string };
  title: string;
  heldOn: string;
  location: string | null;
  status: string;
  agendaItems: number;
  actionItems: { open: number; overdue: number; done: number };
  createdAt: string;
}

export interface MeetingView extends MeetingListItem {
  minutes: string | null;
  agenda: {
    id: string;
    position: number;
    kind: string;
    title: string;
    note: string | null;
    requestId: string | null;
    alertId: string | null;
  }[];
  actionItemList: ActionItem[];
  canEdit: boolean;
}
