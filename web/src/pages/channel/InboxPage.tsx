import { Anchor, Badge, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { InboxPage as InboxData, InboxSummary, Notification } from '../../api/channel';
import { api } from '../../api/client';
import { useApiGet } from '../../api/useApi';
import { ErrorNotice } from '../../components/feedback';
import { useUrlFilters } from '../../components/filters';
import { Pager } from '../../components/Pager';
import { usePage } from '../../components/PageReady';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { INBOX_CHANGED } from './InboxBadge';

const LIMIT = 30;

function Counts({ summary }: { summary: InboxSummary }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  const items = [
    {
      to: '/requests?direction=in',
      text: t('channel.inbox.incomingOpen', {
        count: summary.requests.incomingOpen,
        shown: n(summary.requests.incomingOpen),
      }),
    },
    {
      to: '/requests?direction=in&overdue=true',
      text: t('channel.inbox.incomingOverdue', {
        count: summary.requests.incomingOverdue,
        shown: n(summary.requests.incomingOverdue),
      }),
      bad: summary.requests.incomingOverdue > 0,
    },
    {
      to: '/requests?direction=out&status=answered',
      text: t('channel.inbox.outgoingAnswered', {
        count: summary.requests.outgoingAnswered,
        shown: n(summary.requests.outgoingAnswered),
      }),
    },
    {
      to: '/alerts?unacknowledged=true',
      text: t('channel.inbox.unacknowledgedAlerts', {
        count: summary.unacknowledgedAlerts,
        shown: n(summary.unacknowledgedAlerts),
      }),
      bad: summary.unacknowledgedAlerts > 0,
    },
    {
      to: '/meetings',
      text: t('channel.inbox.actionItems', {
        count: summary.actionItems.open,
        shown: n(summary.actionItems.open),
        overdue: n(summary.actionItems.overdue),
      }),
    },
  ];
  return (
    <Group gap="md" wrap="wrap" data-testid="inbox-counts">
      {items.map((item) => (
        <Anchor
          key={item.to}
          component={Link}
          to={item.to}
          size="sm"
          c={item.bad ? 'red.9' : undefined}
          fw={item.bad ? 600 : undefined}
        >
          {item.text}
        </Anchor>
      ))}
    </Group>
  );
}

/** Notifications to the user and their unit, newest first; opening one marks it read for this user. */
export default function InboxPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { values, offset, update } = useUrlFilters(['unread'] as const);
  const inbox = useApiGet<InboxData>('/api/inbox', {
    unread: values.unread === 'true' ? true : undefined,
    limit: LIMIT,
    offset,
  });
  const summary = useApiGet<InboxSummary>('/api/inbox/summary');
  const [error, setError] = useState<unknown>(undefined);
  usePage(t('channel.inbox.title'), !inbox.loading && !summary.loading);

  const changed = () => {
    inbox.reload();
    summary.reload();
    window.dispatchEvent(new Event(INBOX_CHANGED));
  };
  const markRead = (n: Notification) => api.post(`/api/inbox/${encodeURIComponent(n.id)}/read`).then(changed);
  const open = (n: Notification) => {
    setError(undefined);
    const go = () => {
      if (n.link) void navigate(n.link);
    };
    if (n.readAt) go();
    else markRead(n).then(go).catch(setError);
  };
  const readAll = () => {
    setError(undefined);
    api.post('/api/inbox/read-all').then(changed).catch(setError);
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1}>{t('channel.inbox.title')}</Title>
          <Text c="dimmed" size="sm" mt={4}>
            {inbox.data
              ? t('channel.inbox.unreadCount', {
                  count: inbox.data.unread,
                  shown: formatNumber(inbox.data.unread, i18n.language),
                })
              : t('channel.inbox.intro')}
          </Text>
        </div>
        {inbox.data && inbox.data.unread > 0 ? (
          <Button variant="default" onClick={readAll}>
            {t('channel.inbox.readAll')}
          </Button>
        ) : null}
      </Group>
      {summary.data ? <Counts summary={summary.data} /> : null}
      <Checkbox
        label={t('channel.inbox.unreadOnly')}
        checked={values.unread === 'true'}
        onChange={(event) => update({ unread: event.currentTarget.checked ? 'true' : '' })}
      />
      <ErrorNotice error={inbox.error ?? error} onRetry={inbox.error ? inbox.reload : undefined} />
      {inbox.data && !inbox.error ? (
        inbox.data.items.length === 0 ? (
          <Text c="dimmed" data-testid="empty">
            {t('channel.inbox.none')}
          </Text>
        ) : (
          <>
            <Stack gap="xs" component="ul" className="bare-list" data-testid="inbox-list">
              {inbox.data.items.map((n) => (
                <Paper
                  component="li"
                  key={n.id}
                  withBorder
                  p="sm"
                  radius="md"
                  data-unread={n.readAt ? 'false' : 'true'}
                >
                  <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
                    <div style={{ minWidth: 0, flex: '1 1 16rem' }}>
                      <Group gap={6} wrap="wrap">
                        {!n.readAt ? (
                          <Badge color="red" size="xs" variant="filled" tt="none">
                            {t('channel.inbox.new')}
                          </Badge>
                        ) : null}
                        {n.link ? (
                          <Anchor
                            href={n.link}
                            onClick={(event) => {
                              event.preventDefault();
                              open(n);
                            }}
                            size="sm"
                            fw={n.readAt ? 400 : 700}
                            style={{ overflowWrap: 'anywhere' }}
                          >
                            {n.title}
                          </Anchor>
                        ) : (
                          <Text size="sm" fw={n.readAt ? 400 : 700}>
                            {n.title}
                          </Text>
                        )}
                      </Group>
                      {n.body ? (
                        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                          {n.body}
                        </Text>
                      ) : null}
                      <Text size="xs" c="dimmed">
                        {formatDateTime(n.createdAt, i18n.language)} ·{' '}
                        {n.addressedTo === 'unit' ? t('channel.inbox.toUnit') : t('channel.inbox.toYou')}
                      </Text>
                    </div>
                    {!n.readAt ? (
                      <Button
                        size="compact-sm"
                        variant="default"
                        onClick={() => {
                          setError(undefined);
                          markRead(n).catch(setError);
                        }}
                        aria-label={t('channel.inbox.markReadItem', { title: n.title })}
                      >
                        {t('channel.inbox.markRead')}
                      </Button>
                    ) : null}
                  </Group>
                </Paper>
              ))}
            </Stack>
            <Pager
              offset={offset}
              limit={LIMIT}
              total={inbox.data.total}
              onChange={(next) => update({ offset: next })}
            />
          </>
        )
      ) : null}
    </Stack>
  );
}
