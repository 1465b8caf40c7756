import {
  Anchor,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UNIT_KINDS, type Page, type Unit } from '../api/types';
import { useApiGet } from '../api/useApi';
import { DataTable, type Column } from '../components/DataTable';
import { ErrorNotice } from '../components/feedback';
import { useUrlFilters } from '../components/filters';
import { levelLabel, unitKindLabel } from '../components/labels';
import { Pager } from '../components/Pager';
import { usePage } from '../components/PageReady';
import { StateSelect, useStates } from '../components/StateSelect';

const LIMIT = 25;
const FILTERS = ['kind', 'state', 'q'] as const;

export default function UnitsPage() {
  const { t, i18n } = useTranslation();
  const { values, offset, update, clear } = useUrlFilters(FILTERS);
  const [search, setSearch] = useState(values.q);
  const [debounced] = useDebouncedValue(search, 350);
  useEffect(() => {
    if (debounced.trim() !== values.q) update({ q: debounced.trim() });
    // Only the typed text drives this; the address is the source of truth otherwise.
  }, [debounced]);

  const states = useStates();
  const units = useApiGet<Page<Unit>>('/api/units', {
    kind: values.kind,
    state: values.state,
    q: values.q,
    limit: LIMIT,
    offset,
  });
  usePage(t('units.title'), !units.loading && !states.loading);

  const hindi = i18n.language === 'hi';
  const columns: Column<Unit>[] = [
    {
      key: 'name',
      header: t('units.name'),
      render: (unit) => (
        <>
          <Text size="sm" fw={600} lang={hindi && unit.nameHi ? 'hi' : 'en'}>
            {hindi && unit.nameHi ? unit.nameHi : unit.name}
          </Text>
          {hindi && unit.nameHi ? (
            <Text size="xs" c="dimmed" lang="en">
              {unit.name}
            </Text>
          ) : null}
        </>
      ),
    },
    {
      key: 'kind',
      header: t('units.kind'),
      render: (unit) => (
        <Text size="sm">
          {unitKindLabel(t, unit.kind)}
          {unit.force ? ` · ${unit.force}` : ''}
        </Text>
      ),
    },
    {
      key: 'location',
      header: t('units.location'),
      render: (unit) => (
        <Text size="sm">
          {unit.level === 'national'
            ? levelLabel(t, 'national')
            : [unit.districtName, unit.stateName].filter(Boolean).join(', ')}
        </Text>
      ),
    },
    {
      key: 'contact',
      header: t('units.contact'),
      render: (unit) =>
        unit.phone || unit.email ? (
          <Stack gap={0}>
            {unit.phone ? (
              <Anchor href={`tel:${unit.phone.replace(/\s+/g, '')}`} size="sm">
                {unit.phone}
              </Anchor>
            ) : null}
            {unit.email ? (
              <Anchor href={`mailto:${unit.email}`} size="sm">
                {unit.email}
              </Anchor>
            ) : null}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('common.none')}
          </Text>
        ),
    },
  ];

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('units.title')}</Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('units.intro')}
        </Text>
      </div>
      <form role="search" aria-label={t('common.filters')} onSubmit={(event) => event.preventDefault()}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NativeSelect
            label={t('units.kind')}
            value={values.kind}
            onChange={(event) => update({ kind: event.currentTarget.value })}
            data={[
              { value: '', label: t('units.allKinds') },
              ...UNIT_KINDS.map((kind) => ({ value: kind, label: unitKindLabel(t, kind) })),
            ]}
          />
          <StateSelect
            label={t('units.state')}
            allLabel={t('units.allStates')}
            value={values.state}
            onChange={(state) => update({ state })}
            states={states.data}
            failed={states.error !== undefined}
          />
          <TextInput
            label={t('units.search')}
            placeholder={t('units.searchPlaceholder')}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
          />
        </SimpleGrid>
        {values.kind || values.state || values.q ? (
          <Group mt="xs">
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => {
                setSearch('');
                clear();
              }}
            >
              {t('common.clearFilters')}
            </Button>
          </Group>
        ) : null}
      </form>
      <ErrorNotice error={units.error} onRetry={units.reload} />
      {units.data && !units.error ? (
        <div aria-busy={units.loading}>
          <DataTable
            caption={t('units.title')}
            columns={columns}
            rows={units.data.items}
            rowKey={(unit) => unit.id}
            empty={t('units.none')}
          />
          <Pager
            offset={offset}
            limit={LIMIT}
            total={units.data.total}
            onChange={(next) => update({ offset: next })}
          />
        </div>
      ) : null}
    </Stack>
  );
}
