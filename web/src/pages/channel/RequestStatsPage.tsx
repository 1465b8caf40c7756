import { Anchor, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { REQUEST_KINDS, type RequestStatsRow } from '../../api/channel';
import { useApiGet } from '../../api/useApi';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorNotice } from '../../components/feedback';
import { useUrlFilters } from '../../components/filters';
import { usePage } from '../../components/PageReady';
import { StateSelect, useStates } from '../../components/StateSelect';
import { formatNumber } from '../../i18n/format';
import { locale } from '../../i18n';
import { oneOf } from '../cases/labels';
import { requestKindLabel } from './labels';

/** Hours with one decimal, or a dash when there is nothing to measure yet. */
function hours(value: number | null, language: string, none: string): string {
  if (value === null) return none;
  return new Intl.NumberFormat(locale(language), { maximumFractionDigits: 1 }).format(value);
}

/** How quickly each recipient unit acknowledges and answers, over the requests the user can see. */
export default function RequestStatsPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { values, update } = useUrlFilters(['state', 'kind'] as const);
  const states = useStates();
  const stats = useApiGet<{ items: RequestStatsRow[] }>('/api/requests/stats', {
    state: /^\d+$/.test(values.state) ? values.state : undefined,
    kind: oneOf(REQUEST_KINDS, values.kind) ? values.kind : undefined,
  });
  usePage(t('channel.stats.title'), !stats.loading && !states.loading);
  const none = t('common.none');

  const columns: Column<RequestStatsRow>[] = [
    {
      key: 'unit',
      header: t('channel.stats.unit'),
      render: (row) => (
        <div>
          <Text size="sm" fw={600}>
            {row.unit.name}
          </Text>
          {row.unit.stateName ? (
            <Text size="xs" c="dimmed">
              {row.unit.stateName}
            </Text>
          ) : null}
        </div>
      ),
    },
    {
      key: 'received',
      header: t('channel.stats.received'),
      numeric: true,
      render: (row) => <Text size="sm">{formatNumber(row.received, language)}</Text>,
    },
    {
      key: 'open',
      header: t('channel.stats.open'),
      numeric: true,
      render: (row) => (
        <Text size="sm">
          {formatNumber(row.open, language)}
          {row.overdue > 0 ? (
            <Text span size="sm" c="red.9" fw={600}>
              {' '}
              ({t('channel.stats.overdueCount', { count: formatNumber(row.overdue, language) })})
            </Text>
          ) : null}
        </Text>
      ),
    },
    {
      key: 'ack',
      header: t('channel.stats.toAcknowledge'),
      numeric: true,
      render: (row) => (
        <Text size="sm">
          {hours(row.toAcknowledge.medianHours, language, none)} /{' '}
          {hours(row.toAcknowledge.p90Hours, language, none)}
        </Text>
      ),
    },
    {
      key: 'answer',
      header: t('channel.stats.toAnswer'),
      numeric: true,
      render: (row) => (
        <Text size="sm">
          {hours(row.toAnswer.medianHours, language, none)} / {hours(row.toAnswer.p90Hours, language, none)}
        </Text>
      ),
    },
    {
      key: 'declined',
      header: t('channel.stats.declined'),
      numeric: true,
      render: (row) => <Text size="sm">{formatNumber(row.declined, language)}</Text>,
    },
  ];

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/requests" size="sm">
        ← {t('channel.request.backToList')}
      </Anchor>
      <div>
        <Title order={1}>{t('channel.stats.title')}</Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('channel.stats.intro')}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <StateSelect
          label={t('channel.picker.state')}
          allLabel={t('channel.picker.allStates')}
          value={values.state}
          onChange={(state) => update({ state })}
          states={states.data}
          failed={states.error !== undefined}
        />
        <NativeSelect
          label={t('channel.requests.kind')}
          value={values.kind}
          onChange={(event) => update({ kind: event.currentTarget.value })}
          data={[
            { value: '', label: t('channel.requests.allKinds') },
            ...REQUEST_KINDS.map((k) => ({ value: k, label: requestKindLabel(t, k) })),
          ]}
        />
      </SimpleGrid>
      <ErrorNotice error={stats.error} onRetry={stats.reload} />
      {stats.data ? (
        <DataTable
          caption={t('channel.stats.title')}
          columns={columns}
          rows={stats.data.items}
          rowKey={(row) => row.unit.id}
          empty={t('channel.stats.none')}
        />
      ) : null}
    </Stack>
  );
}
