import { Anchor, Badge, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TipListItem } from '../../api/coordination';
import type { Page } from '../../api/types';
import { useApiGet } from '../../api/useApi';
import { DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/feedback';
import { useUrlFilters } from '../../components/filters';
import { usePage } from '../../components/PageReady';
import { formatDateTime } from '../../i18n/format';
import { label, STATUS_COLOURS } from './labels';

/** Tips routed to the user's unit and district (the State for State officers), new ones first. */
export default function TipsInboxPage() {
  const { t, i18n } = useTranslation();
  const { values, update } = useUrlFilters(['open'] as const);
  const list = useApiGet<Page<TipListItem>>('/api/tips', {
    open: values.open === 'true' ? true : undefined,
    limit: 100,
  });
  usePage(t('coordination.tips.title'), !list.loading);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('coordination.tips.title')}</Title>
        <Anchor component={Link} to="/tip">
          {t('coordination.tips.publicLine')}
        </Anchor>
      </Group>
      <Text size="sm" c="dimmed">
        {t('coordination.tips.privacy')}
      </Text>
      <Checkbox
        label={t('coordination.tips.openOnly')}
        checked={values.open === 'true'}
        onChange={(e) => update({ open: e.currentTarget.checked ? 'true' : '' })}
      />
      <ErrorNotice error={list.error} onRetry={list.reload} />
      <DataTable
        caption={t('coordination.tips.title')}
        rows={list.data?.items ?? []}
        rowKey={(tip) => tip.id}
        empty={t('coordination.tips.empty')}
        columns={[
          {
            key: 'ref',
            header: t('coordination.tips.colRef'),
            render: (tip) => (
              <Anchor component={Link} to={`/coordination/tips/${tip.id}`} data-testid="tip-link">
                {tip.reference}
              </Anchor>
            ),
          },
          { key: 'excerpt', header: t('coordination.tips.colExcerpt'), render: (tip) => tip.excerpt },
          { key: 'district', header: t('coordination.tips.colDistrict'), render: (tip) => tip.district.name },
          {
            key: 'status',
            header: t('coordination.tips.colStatus'),
            render: (tip) => (
              <Badge color={STATUS_COLOURS[tip.status] ?? 'gray'} variant="light">
                {label(t, 'status', tip.status)}
              </Badge>
            ),
          },
          {
            key: 'received',
            header: t('coordination.tips.colReceived'),
            render: (tip) => formatDateTime(tip.receivedAt, i18n.language) ?? '',
          },
        ]}
      />
    </Stack>
  );
}
