import { Badge, Group } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  ALERT_KINDS,
  LOOKOUT_UNIT_KINDS,
  MEETING_STATUSES,
  REQUEST_ACTIONS,
  REQUEST_KINDS,
  REQUEST_PRIORITIES,
  REQUEST_STATUSES,
  SEVERITIES,
} from '../../api/channel';
import { oneOf } from '../cases/labels';

// Each code list has its own translated group; an unknown code (a newer server) shows as it is.
export const requestKindLabel = (t: TFunction, v: string) =>
  oneOf(REQUEST_KINDS, v) ? t(`channel.kind.${v}`) : v;
export const priorityLabel = (t: TFunction, v: string) =>
  oneOf(REQUEST_PRIORITIES, v) ? t(`channel.priority.${v}`) : v;
export const requestStatusLabel = (t: TFunction, v: string) =>
  oneOf(REQUEST_STATUSES, v) ? t(`channel.status.${v}`) : v;
export const actionLabel = (t: TFunction, v: string) =>
  oneOf(REQUEST_ACTIONS, v) ? t(`channel.action.${v}`) : v;
export const alertKindLabel = (t: TFunction, v: string) =>
  oneOf(ALERT_KINDS, v) ? t(`channel.alertKind.${v}`) : v;
export const severityLabel = (t: TFunction, v: string) =>
  oneOf(SEVERITIES, v) ? t(`channel.severity.${v}`) : v;
export const lookoutUnitKindLabel = (t: TFunction, v: string) =>
  oneOf(LOOKOUT_UNIT_KINDS, v) ? t(`unitKinds.${v}`) : v;
export const meetingStatusLabel = (t: TFunction, v: string) =>
  oneOf(MEETING_STATUSES, v) ? t(`channel.meetingStatus.${v}`) : v;

const EVENTS = [
  'created',
  'acknowledged',
  'started',
  'answered',
  'declined',
  'closed',
  'reopened',
  'escalated',
] as const;
export const eventLabel = (t: TFunction, v: string | null) =>
  v === null ? t('channel.event.message') : oneOf(EVENTS, v) ? t(`channel.event.${v}`) : v;

function statusColour(status: string): string {
  if (status === 'answered') return 'teal';
  if (status === 'closed') return 'gray';
  if (status === 'declined') return 'orange';
  if (status === 'sent') return 'blue';
  return 'indigo';
}

/** The state of a request, and whether it is overdue or escalated. */
export function RequestBadges({
  status,
  overdue,
  escalationLevel,
  priority,
}: {
  status: string;
  overdue: boolean;
  escalationLevel: number;
  priority?: string;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap">
      <Badge color={statusColour(status)} variant="light" tt="none" radius="sm" data-testid="request-status">
        {requestStatusLabel(t, status)}
      </Badge>
      {priority && priority !== 'routine' ? (
        <Badge color={priority === 'immediate' ? 'red' : 'orange'} variant="outline" tt="none" radius="sm">
          {priorityLabel(t, priority)}
        </Badge>
      ) : null}
      {overdue ? (
        <Badge color="red" variant="filled" tt="none" radius="sm" data-testid="overdue-badge">
          {t('channel.overdue')}
        </Badge>
      ) : null}
      {escalationLevel > 0 ? (
        <Badge color="grape" variant="light" tt="none" radius="sm" data-testid="escalated-badge">
          {escalationLevel >= 2 ? t('channel.escalatedCell') : t('channel.escalatedState')}
        </Badge>
      ) : null}
    </Group>
  );
}
