/**
 * The inter-State channel as the web app uses it: requests between units, alerts and lookouts, the inbox,
 * and coordination meetings (the server's `src/modules/{requests,alerts,notifications,meetings}`).
 * Response types are aliases of the generated API types; code lists are checked against the server's unions.
 */
import type { ApiQuery, ApiRequestBody, ApiResponse } from './client';
import { allCodes } from './client';
import type { Role } from './types';

type NewRequest = ApiRequestBody<'/api/requests'>;
type RequestQuery = ApiQuery<'/api/requests'>;
type NewAlert = ApiRequestBody<'/api/alerts'>;

// ---------------------------------------------------------------- requests

export type RequestKind = NewRequest['kind'];
export const REQUEST_KINDS = allCodes<RequestKind>()([
  'verify_family',
  'trace_accused',
  'obtain_documents',
  'repatriate_victim',
  'share_information',
  'border_lookout',
]);
export type RequestPriority = NewRequest['priority'];
export const REQUEST_PRIORITIES = allCodes<RequestPriority>()(['routine', 'urgent', 'immediate']);
export type RequestStatus = NonNullable<RequestQuery['status']>[number];
export const REQUEST_STATUSES = allCodes<RequestStatus>()([
  'sent',
  'acknowledged',
  'in_progress',
  'answered',
  'closed',
  'declined',
]);
export type RequestAction = Exclude<RequestView['allowedActions'][number], 'message'>;
export const REQUEST_ACTIONS = allCodes<RequestAction>()([
  'acknowledge',
  'start',
  'answer',
  'decline',
  'close',
  'reopen',
]);
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

export type RequestCodes = ApiResponse<'/api/requests/codes'>;
export type RequestListItem = ApiResponse<'/api/requests'>['items'][number];
export type ChannelUnitRef = RequestListItem['fromUnit'];
export type RequestView = ApiResponse<'/api/requests/{id}'>;
export type ThreadMessage = RequestView['messages'][number];
export type ThreadAttachment = RequestView['attachments'][number];
export type RequestPerson = RequestView['persons'][number];
export type AttachmentUpload = NonNullable<NewRequest['attachments']>[number];
export type RequestStatsRow = ApiResponse<'/api/requests/stats'>['items'][number];

// ---------------------------------------------------------------- alerts

export type AlertKind = NonNullable<ApiQuery<'/api/alerts'>['kind']>;
export const ALERT_KINDS = allCodes<AlertKind>()([
  'cross_state_person_match',
  'accused_seen_elsewhere',
  'missing_person_match',
  'district_spike',
  'missing_spike',
  'lookout',
]);
export type Severity = NonNullable<NewAlert['severity']>;
export const SEVERITIES = allCodes<Severity>()(['info', 'warning', 'critical']);
export type LookoutUnitKind = NonNullable<NewAlert['recipients']['unitKinds']>[number];
export const LOOKOUT_UNIT_KINDS = allCodes<LookoutUnitKind>()([
  'border_unit',
  'railway_post',
  'ahtu',
  'police_station',
  'state_nodal_office',
]);

export type AlertListItem = ApiResponse<'/api/alerts'>['items'][number];
export type AlertView = ApiResponse<'/api/alerts/{id}'>;

// ---------------------------------------------------------------- inbox

export type InboxPage = ApiResponse<'/api/inbox'>;
export type Notification = InboxPage['items'][number];
export type InboxSummary = ApiResponse<'/api/inbox/summary'>;

// ---------------------------------------------------------------- meetings

export type MeetingStatus = NonNullable<ApiQuery<'/api/meetings'>['status']>;
export const MEETING_STATUSES = allCodes<MeetingStatus>()(['scheduled', 'held', 'cancelled']);

export type ActionItem = ApiResponse<'/api/meetings/action-items'>['items'][number];
export type MeetingListItem = ApiResponse<'/api/meetings'>['items'][number];
export type MeetingView = ApiResponse<'/api/meetings/{id}'>;
