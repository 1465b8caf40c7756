import { NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FundTotal, Scorecard } from '../../api/capacity';
import { useApiGet } from '../../api/useApi';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorNotice } from '../../components/feedback';
import { useUrlFilters } from '../../components/filters';
import { usePage } from '../../components/PageReady';
import { StateSelect, useStates } from '../../components/StateSelect';
import { StatusText } from '../../components/StatusText';
import { AhtuNav } from './AhtuNav';
import { bandTone, formatRupees, percent } from './labels';

const FILTERS = ['state', 'year'] as const;

/** State scorecards (units by status, average latest score, staffing) and funds by State and year. */
export default function ScorecardPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { values, update } = useUrlFilters(FILTERS);
  const states = useStates();
  const cards = useApiGet<{ states: Scorecard[]; total: Scorecard }>('/api/ahtus/scorecards', {
    state: values.state,
  });
  const funds = useApiGet<{ items: FundTotal[] }>('/api/ahtus/funds', {
    state: values.state,
    year: values.year,
  });
  const allYears = useApiGet<{ items: FundTotal[] }>('/api/ahtus/funds', { state: values.state });
  usePage(t('capacity.ahtu.scorecards'), !cards.loading && !funds.loading && !allYears.loading);
  const years = [...new Set((allYears.data?.items ?? []).map((f) => f.financialYear))];

  const columns: Column<Scorecard>[] = [
    {
      key: 'state',
      header: t('capacity.state'),
      render: (c) => (
        <Text size="sm" fw={600}>
          {c.stateLgd === null ? t('capacity.allStates') : c.stateName}
        </Text>
      ),
    },
    { key: 'units', header: t('capacity.scorecard.units'), numeric: true, render: (c) => c.units },
    {
      key: 'functional',
      header: t('capacity.status.functional'),
      numeric: true,
      render: (c) => c.byStatus.functional,
    },
    {
      key: 'established',
      header: t('capacity.status.established'),
      numeric: true,
      render: (c) => c.byStatus.established,
    },
    {
      key: 'sanctioned',
      header: t('capacity.status.sanctioned'),
      numeric: true,
      render: (c) => c.byStatus.sanctioned,
    },
    {
      key: 'defunct',
      header: t('capacity.status.defunct'),
      numeric: true,
      render: (c) => c.byStatus.defunct,
    },
    {
      key: 'notRecorded',
      header: t('capacity.status.not_recorded'),
      numeric: true,
      render: (c) => c.byStatus.not_recorded,
    },
    {
      key: 'score',
      header: t('capacity.scorecard.averageScore'),
      numeric: true,
      render: (c) => <StatusText tone={bandTone(c.averageScore)}>{percent(c.averageScore, lang)}</StatusText>,
    },
    {
      key: 'staffing',
      header: t('capacity.scorecard.staffing'),
      numeric: true,
      render: (c) => percent(c.staffingPercent, lang),
    },
  ];
  const fundColumns: Column<FundTotal>[] = [
    {
      key: 'state',
      header: t('capacity.state'),
      render: (f) => (
        <Text size="sm" fw={600}>
          {f.stateName}
        </Text>
      ),
    },
    { key: 'year', header: t('capacity.funds.year'), render: (f) => f.financialYear },
    { key: 'units', header: t('capacity.scorecard.units'), numeric: true, render: (f) => f.units },
    {
      key: 'sanctioned',
      header: t('capacity.funds.sanctioned'),
      numeric: true,
      render: (f) => formatRupees(f.sanctioned, lang),
    },
    {
      key: 'released',
      header: t('capacity.funds.released'),
      numeric: true,
      render: (f) => formatRupees(f.released, lang),
    },
    {
      key: 'utilised',
      header: t('capacity.funds.utilised'),
      numeric: true,
      render: (f) => formatRupees(f.utilised, lang),
    },
    {
      key: 'uc',
      header: t('capacity.funds.ucCounts'),
      numeric: true,
      render: (f) => t('capacity.funds.ucOf', { received: f.ucReceived, pending: f.ucPending }),
    },
  ];

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('capacity.ahtu.scorecards')}</Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('capacity.scorecard.intro')}
        </Text>
      </div>
      <AhtuNav />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <StateSelect
          label={t('capacity.state')}
          allLabel={t('capacity.allStates')}
          value={values.state}
          onChange={(state) => update({ state })}
          states={states.data}
          failed={states.error !== undefined}
        />
        <NativeSelect
          label={t('capacity.funds.year')}
          value={values.year}
          onChange={(e) => update({ year: e.currentTarget.value })}
          data={[
            { value: '', label: t('capacity.funds.allYears') },
            ...years.map((y) => ({ value: y, label: y })),
          ]}
        />
      </SimpleGrid>
      <ErrorNotice error={cards.error ?? funds.error} onRetry={cards.reload} />
      {cards.data ? (
        <DataTable
          caption={t('capacity.ahtu.scorecards')}
          columns={columns}
          rows={cards.data.states.length > 1 ? [...cards.data.states, cards.data.total] : cards.data.states}
          rowKey={(c) => String(c.stateLgd ?? 'all')}
          empty={t('capacity.ahtu.none')}
        />
      ) : null}
      <Title order={2} size="h3">
        {t('capacity.funds.byState')}
      </Title>
      {funds.data ? (
        <DataTable
          caption={t('capacity.funds.byState')}
          columns={fundColumns}
          rows={funds.data.items}
          rowKey={(f) => `${String(f.stateLgd)}-${f.financialYear}`}
          empty={t('capacity.funds.none')}
        />
      ) : null}
    </Stack>
  );
}
