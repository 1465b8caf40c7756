import { NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SERVICES, type Participant } from '../../api/capacity';
import type { Page } from '../../api/types';
import { useApiGet } from '../../api/useApi';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorNotice } from '../../components/feedback';
import { useUrlFilters } from '../../components/filters';
import { Pager } from '../../components/Pager';
import { usePage } from '../../components/PageReady';
import { formatDate } from '../../i18n/format';
import { TrainingNav } from './AhtuNav';
import { serviceLabel } from './labels';

const LIMIT = 25;
const FILTERS = ['q', 'service'] as const;

export default function ParticipantsPage() {
  const { t, i18n } = useTranslation();
  const { values, offset, update } = useUrlFilters(FILTERS);
  const [search, setSearch] = useState(values.q);
  const [debounced] = useDebouncedValue(search, 350);
  useEffect(() => {
    if (debounced.trim() !== values.q) update({ q: debounced.trim() });
  }, [debounced]);
  const list = useApiGet<Page<Participant>>('/api/training/participants', {
    ...values,
    limit: LIMIT,
    offset,
  });
  usePage(t('capacity.training.participants'), !list.loading);
  const columns: Column<Participant>[] = [
    {
      key: 'name',
      header: t('capacity.training.name'),
      render: (p) => (
        <Text size="sm" fw={600}>
          {p.name}
        </Text>
      ),
    },
    {
      key: 'service',
      header: t('capacity.training.service'),
      render: (p) => [serviceLabel(t, p.service), p.designation].filter(Boolean).join(' · '),
    },
    {
      key: 'unit',
      header: t('capacity.training.unit'),
      render: (p) => p.unit?.name ?? [p.districtName, p.stateName].filter(Boolean).join(', '),
    },
    {
      key: 'sessions',
      header: t('capacity.training.sessionsAttended'),
      numeric: true,
      render: (p) => p.sessionsAttended,
    },
    {
      key: 'last',
      header: t('capacity.training.lastTrained'),
      render: (p) => formatDate(p.lastTrainedOn, i18n.language) ?? t('capacity.training.notYet'),
    },
  ];
  return (
    <Stack gap="md">
      <Title order={1}>{t('capacity.training.participants')}</Title>
      <TrainingNav />
      <form role="search" aria-label={t('common.filters')} onSubmit={(e) => e.preventDefault()}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('capacity.training.searchName')}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
          <NativeSelect
            label={t('capacity.training.service')}
            value={values.service}
            onChange={(e) => update({ service: e.currentTarget.value })}
            data={[
              { value: '', label: t('capacity.training.allServices') },
              ...SERVICES.map((s) => ({ value: s, label: serviceLabel(t, s) })),
            ]}
          />
        </SimpleGrid>
      </form>
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {list.data ? (
        <div aria-busy={list.loading}>
          <DataTable
            caption={t('capacity.training.participants')}
            columns={columns}
            rows={list.data.items}
            rowKey={(p) => p.id}
            empty={t('capacity.training.noParticipants')}
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
