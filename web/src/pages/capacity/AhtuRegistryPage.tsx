import { Anchor, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AHTU_STATUSES, type AhtuListItem } from '../../api/capacity';
import type { Page } from '../../api/types';
import { useApiGet } from '../../api/useApi';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorNotice, PageLoader } from '../../components/feedback';
import { useUrlFilters } from '../../components/filters';
import { Pager } from '../../components/Pager';
import { usePage } from '../../components/PageReady';
import { StateSelect, useStates } from '../../components/StateSelect';
import { StatusText } from '../../components/StatusText';
import { AhtuNav } from './AhtuNav';
import { STATUS_COLOURS } from './colours';
import { ahtuStatusLabel, bandTone, percent, statusTone } from './labels';

const AhtuMap = lazy(() => import('./AhtuMap'));
const LIMIT = 25;
const FILTERS = ['state', 'status', 'q'] as const;

export default function AhtuRegistryPage() {
  const { t, i18n } = useTranslation();
  const { values, offset, update } = useUrlFilters(FILTERS);
  const [search, setSearch] = useState(values.q);
  const [debounced] = useDebouncedValue(search, 350);
  useEffect(() => {
    if (debounced.trim() !== values.q) update({ q: debounced.trim() });
  }, [debounced]);
  const [mapFailed, setMapFailed] = useState(false);
  const states = useStates();
  const list = useApiGet<Page<AhtuListItem>>('/api/ahtus', { ...values, limit: LIMIT, offset });
  const all = useApiGet<{ items: AhtuListItem[] }>('/api/ahtus/map', { state: values.state });
  usePage(t('capacity.ahtu.registry'), !list.loading && !all.loading);
  const hindi = i18n.language === 'hi';

  const columns: Column<AhtuListItem>[] = [
    {
      key: 'name',
      header: t('capacity.ahtu.unit'),
      render: (u) => (
        <Anchor component={Link} to={`/capacity/ahtus/${u.unitId}`} fw={600} size="sm">
          {hindi && u.nameHi ? u.nameHi : u.name}
        </Anchor>
      ),
    },
    {
      key: 'place',
      header: t('capacity.ahtu.district'),
      render: (u) => `${u.district.name}, ${u.state.name}`,
    },
    {
      key: 'status',
      header: t('capacity.ahtu.status'),
      render: (u) => <StatusText tone={statusTone(u.status)}>{ahtuStatusLabel(t, u.status)}</StatusText>,
    },
    {
      key: 'score',
      header: t('capacity.ahtu.latestScore'),
      numeric: true,
      render: (u) =>
        u.latestScore === null ? (
          t('capacity.ahtu.notReviewed')
        ) : (
          <StatusText tone={bandTone(u.latestScore)}>{percent(u.latestScore, i18n.language)}</StatusText>
        ),
    },
    {
      key: 'staff',
      header: t('capacity.ahtu.staffing'),
      numeric: true,
      render: (u) =>
        u.staffSanctioned === 0
          ? '—'
          : t('capacity.ahtu.postedOf', { posted: u.staffPosted, sanctioned: u.staffSanctioned }),
    },
  ];

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('capacity.ahtu.registry')}</Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('capacity.ahtu.intro')}
        </Text>
      </div>
      <AhtuNav />
      <form role="search" aria-label={t('common.filters')} onSubmit={(e) => e.preventDefault()}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <StateSelect
            label={t('capacity.state')}
            allLabel={t('capacity.allStates')}
            value={values.state}
            onChange={(state) => update({ state })}
            states={states.data}
            failed={states.error !== undefined}
          />
          <NativeSelect
            label={t('capacity.ahtu.status')}
            value={values.status}
            onChange={(e) => update({ status: e.currentTarget.value })}
            data={[
              { value: '', label: t('capacity.ahtu.allStatuses') },
              ...[...AHTU_STATUSES, 'not_recorded'].map((s) => ({ value: s, label: ahtuStatusLabel(t, s) })),
            ]}
          />
          <TextInput
            label={t('capacity.ahtu.search')}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
        </SimpleGrid>
      </form>
      <ErrorNotice error={list.error ?? all.error} onRetry={list.reload} />
      {all.data && all.data.items.length > 0 && !mapFailed ? (
        <Stack gap={4}>
          <Suspense fallback={<PageLoader />}>
            <AhtuMap units={all.data.items} onFail={() => setMapFailed(true)} />
          </Suspense>
          <Group gap="md" aria-hidden="true">
            {[...AHTU_STATUSES, 'not_recorded'].map((s) => (
              <Text key={s} size="xs">
                <span className="legend-swatch" style={{ background: STATUS_COLOURS[s] }} />
                {ahtuStatusLabel(t, s)}
              </Text>
            ))}
          </Group>
        </Stack>
      ) : null}
      {mapFailed ? (
        <Text size="sm" c="dimmed">
          {t('capacity.ahtu.mapFailed')}
        </Text>
      ) : null}
      {list.data ? (
        <div aria-busy={list.loading}>
          <DataTable
            caption={t('capacity.ahtu.registry')}
            columns={columns}
            rows={list.data.items}
            rowKey={(u) => u.unitId}
            empty={t('capacity.ahtu.none')}
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
