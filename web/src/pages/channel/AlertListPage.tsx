import { Anchor, Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ALERT_KINDS, LOOKOUT_RAISER_ROLES, type AlertListItem } from '../../api/channel';
import { hasRole, type Page } from '../../api/types';
import { useApiGet } from '../../api/useApi';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorNotice } from '../../components/feedback';
import { useUrlFilters } from '../../components/filters';
import { Pager } from '../../components/Pager';
import { usePage } from '../../components/PageReady';
import { StatusText } from '../../components/StatusText';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { useSession } from '../../session/session';
import { oneOf } from '../cases/labels';
import { AlertBadges } from './AlertBadges';
import { alertKindLabel } from './labels';

const LIMIT = 25;
const FILTERS = ['direction', 'status', 'kind', 'unacknowledged'] as const;

/** Alerts raised by Setu and lookouts raised by officers, with how many recipients acknowledged. */
export default function AlertListPage() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const { values, offset, update, clear } = useUrlFilters(FILTERS);
  const list = useApiGet<Page<AlertListItem>>('/api/alerts', {
    direction: oneOf(['received', 'raised'] as const, values.direction) ? values.direction : undefined,
    status: oneOf(['open', 'closed'] as const, values.status) ? values.status : undefined,
    kind: oneOf(ALERT_KINDS, values.kind) ? values.kind : undefined,
    unacknowledged: values.unacknowledged === 'true' ? true : undefined,
    limit: LIMIT,
    offset,
  });
  usePage(t('channel.alerts.title'), !list.loading);
  const language = i18n.language;

  const columns: Column<AlertListItem>[] = [
    {
      key: 'alert',
      header: t('channel.alerts.alert'),
      render: (item) => (
        <div>
          <Anchor component={Link} to={`/alerts/${item.id}`} fw={600} size="sm" className="nowrap">
            {item.reference}
          </Anchor>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {item.title}
          </Text>
          <Text size="xs" c="dimmed">
            {alertKindLabel(t, item.kind)}
            {item.raisedByUnit ? ` · ${item.raisedByUnit.name}` : ` · ${t('channel.request.setu')}`}
          </Text>
        </div>
      ),
    },
    { key: 'status', header: t('channel.alerts.status'), render: (item) => <AlertBadges item={item} /> },
    {
      key: 'ack',
      header: t('channel.alerts.acknowledged'),
      render: (item) => (
        <Stack gap={2}>
          <Text size="sm">
            {t('channel.alerts.ackCount', {
              done: formatNumber(item.acknowledgedCount, language),
              total: formatNumber(item.recipientCount, language),
            })}
          </Text>
          {item.direction === 'received' ? (
            item.myAcknowledgedAt ? (
              <StatusText tone="good">{t('channel.alerts.youAcknowledged')}</StatusText>
            ) : (
              <StatusText tone="bad">{t('channel.alerts.youHaveNot')}</StatusText>
            )
          ) : null}
        </Stack>
      ),
    },
    {
      key: 'raised',
      header: t('channel.alerts.raised'),
      render: (item) => <Text size="sm">{formatDateTime(item.createdAt, language)}</Text>,
    },
  ];
  const active = FILTERS.filter((key) => values[key] !== '').length;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1}>{t('channel.alerts.title')}</Title>
          <Text c="dimmed" size="sm" mt={4}>
            {t('channel.alerts.intro')}
          </Text>
        </div>
        {hasRole(me, LOOKOUT_RAISER_ROLES) ? (
          <Button component={Link} to="/alerts/new">
            {t('channel.lookout.title')}
          </Button>
        ) : null}
      </Group>
      <form aria-label={t('common.filters')} onSubmit={(e) => e.preventDefault()}>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <NativeSelect
            label={t('channel.alerts.direction')}
            value={values.direction}
            onChange={(event) => update({ direction: event.currentTarget.value })}
            data={[
              { value: '', label: t('channel.direction.all') },
              { value: 'received', label: t('channel.alerts.received') },
              { value: 'raised', label: t('channel.alerts.raisedByUs') },
            ]}
          />
          <NativeSelect
            label={t('channel.alerts.status')}
            value={values.status}
            onChange={(event) => update({ status: event.currentTarget.value })}
            data={[
              { value: '', label: t('channel.requests.allStatuses') },
              { value: 'open', label: t('channel.alerts.open') },
              { value: 'closed', label: t('channel.alerts.closed') },
            ]}
          />
          <NativeSelect
            label={t('channel.alerts.kind')}
            value={values.kind}
            onChange={(event) => update({ kind: event.currentTarget.value })}
            data={[
              { value: '', label: t('channel.requests.allKinds') },
              ...ALERT_KINDS.map((k) => ({ value: k, label: alertKindLabel(t, k) })),
            ]}
          />
        </SimpleGrid>
        <Group gap="lg" mt="sm">
          <Checkbox
            label={t('channel.alerts.unacknowledgedOnly')}
            checked={values.unacknowledged === 'true'}
            onChange={(event) => update({ unacknowledged: event.currentTarget.checked ? 'true' : '' })}
          />
          {active > 0 ? (
            <Button variant="subtle" size="compact-sm" onClick={clear}>
              {t('common.clearFilters')}
            </Button>
          ) : null}
        </Group>
      </form>
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {list.data && !list.error ? (
        <div aria-busy={list.loading} data-testid="alert-list">
          <DataTable
            caption={t('channel.alerts.title')}
            columns={columns}
            rows={list.data.items}
            rowKey={(item) => item.id}
            empty={t('channel.alerts.none')}
          />
          <Pager
            offset={offset}
            limit={LIMIT}
            total={list.data.total}
            onChange={(next) => update({ offset: next })}
          />
        </div>
      ) : null}
    </Stack>
  );
}
