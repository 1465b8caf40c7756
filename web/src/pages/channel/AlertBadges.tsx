import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AlertListItem } from '../../api/channel';
import { severityLabel } from './labels';

/** Severity, and whether the alert is closed or lapsed. */
export function AlertBadges({ item }: { item: AlertListItem }) {
  const { t } = useTranslation();
  const colour = item.severity === 'critical' ? 'red' : item.severity === 'warning' ? 'orange' : 'blue';
  return (
    <Group gap={4} wrap="wrap">
      <Badge color={colour} variant="light" tt="none" radius="sm">
        {severityLabel(t, item.severity)}
      </Badge>
      {item.status === 'closed' ? (
        <Badge color="gray" variant="light" tt="none" radius="sm">
          {t('channel.alerts.closed')}
        </Badge>
      ) : item.expired ? (
        <Badge color="gray" variant="outline" tt="none" radius="sm">
          {t('channel.alerts.expired')}
        </Badge>
      ) : (
        <Badge color="teal" variant="outline" tt="none" radius="sm">
          {t('channel.alerts.open')}
        </Badge>
      )}
    </Group>
  );
}
