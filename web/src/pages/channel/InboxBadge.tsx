import { Anchor, Badge, Group, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { InboxSummary } from '../../api/channel';
import { useApiGet } from '../../api/useApi';
import { formatNumber } from '../../i18n/format';

/** Sent by the inbox page when it marks notifications read, so the header count follows at once. */
export const INBOX_CHANGED = 'setu:inbox-changed';

/**
 * The inbox link in the app header with the unread count, refreshed on every page change (no polling:
 * a district office on a slow link should not pay for a timer).
 */
export function InboxBadge() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const summary = useApiGet<InboxSummary>('/api/inbox/summary', undefined, { authRedirect: false });
  const { reload } = summary;
  const firstPath = useRef(location.pathname);
  useEffect(() => {
    // The first load happens on mount; later page changes refresh the count.
    if (firstPath.current === location.pathname) return;
    firstPath.current = location.pathname;
    reload();
  }, [location.pathname, reload]);
  useEffect(() => {
    window.addEventListener(INBOX_CHANGED, reload);
    return () => window.removeEventListener(INBOX_CHANGED, reload);
  }, [reload]);
  const unread = summary.data?.unreadNotifications ?? 0;
  const label =
    unread > 0
      ? t('channel.inbox.linkUnread', { count: unread, shown: formatNumber(unread, i18n.language) })
      : t('channel.inbox.title');
  return (
    <Anchor component={Link} to="/inbox" size="sm" aria-label={label} title={label} data-testid="inbox-link">
      <Group gap={4} wrap="nowrap">
        <span aria-hidden="true">✉</span>
        <Text span size="sm" visibleFrom="sm">
          {t('channel.inbox.title')}
        </Text>
        {unread > 0 ? (
          <Badge color="red" size="sm" circle={unread < 10} data-testid="inbox-unread">
            {formatNumber(Math.min(unread, 99), i18n.language)}
            {unread > 99 ? '+' : ''}
          </Badge>
        ) : null}
      </Group>
    </Anchor>
  );
}
