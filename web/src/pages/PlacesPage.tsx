import { NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLACE_KINDS, type Place } from '../api/types';
import { useApiGet } from '../api/useApi';
import { DataTable, type Column } from '../components/DataTable';
import { ErrorNotice, LiveRegion } from '../components/feedback';
import { useUrlFilters } from '../components/filters';
import { placeKindLabel } from '../components/labels';
import { usePage } from '../components/PageReady';
import { StateSelect, useStates } from '../components/StateSelect';
import { formatNumber } from '../i18n/format';

const LIMIT = 50;
const FILTERS = ['q', 'kind', 'state'] as const;

/** At least two letters (code points: "वा" is two, a consonant and its vowel sign). */
export function searchable(q: string): boolean {
  return Array.from(q.trim()).length >= 2;
}

export default function PlacesPage() {
  const { t, i18n } = useTranslation();
  const { values, update } = useUrlFilters(FILTERS);
  const [search, setSearch] = useState(values.q);
  const [debounced] = useDebouncedValue(search, 350);
  useEffect(() => {
    if (debounced.trim() !== values.q) update({ q: debounced.trim() });
  }, [debounced]);

  const states = useStates();
  const ready = searchable(values.q);
  const places = useApiGet<Place[]>(ready ? '/api/reference/places' : null, {
    q: values.q,
    kind: values.kind,
    state: values.state,
    limit: LIMIT,
  });
  usePage(t('places.title'), !places.loading && !states.loading);

  const columns: Column<Place>[] = [
    {
      key: 'name',
      header: t('places.name'),
      render: (place) => (
        <Text size="sm" fw={600}>
          {place.name}
        </Text>
      ),
    },
    { key: 'kind', header: t('places.kind'), render: (place) => placeKindLabel(t, place.kind) },
    {
      key: 'where',
      header: t('places.district'),
      render: (place) => [place.districtName, place.stateName].filter(Boolean).join(', ') || t('common.none'),
    },
    { key: 'code', header: t('places.code'), render: (place) => place.code },
    {
      key: 'coordinates',
      header: t('places.coordinates'),
      render: (place) =>
        place.lat !== null && place.lon !== null
          ? `${place.lat.toFixed(4)}, ${place.lon.toFixed(4)}`
          : t('common.none'),
    },
  ];

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('places.title')}</Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('places.intro')}
        </Text>
      </div>
      <form role="search" aria-label={t('common.filters')} onSubmit={(event) => event.preventDefault()}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('places.query')}
            placeholder={t('places.queryPlaceholder')}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            autoComplete="off"
          />
          <NativeSelect
            label={t('places.kind')}
            value={values.kind}
            onChange={(event) => update({ kind: event.currentTarget.value })}
            data={[
              { value: '', label: t('places.allKinds') },
              ...PLACE_KINDS.map((kind) => ({ value: kind, label: placeKindLabel(t, kind) })),
            ]}
          />
          <StateSelect
            label={t('places.state')}
            allLabel={t('places.allStates')}
            value={values.state}
            onChange={(state) => update({ state })}
            states={states.data}
            failed={states.error !== undefined}
          />
        </SimpleGrid>
      </form>
      <ErrorNotice error={places.error} onRetry={places.reload} />
      <LiveRegion>
        {!ready ? (
          <Text size="sm" c="dimmed">
            {t('places.typeMore')}
          </Text>
        ) : places.data && !places.error && !places.loading ? (
          <Text size="sm" c="dimmed">
            {t('common.results', { count: formatNumber(places.data.length, i18n.language) })}
          </Text>
        ) : null}
      </LiveRegion>
      {ready && places.data && !places.error ? (
        <div aria-busy={places.loading}>
          <DataTable
            caption={t('places.title')}
            columns={columns}
            rows={places.data}
            rowKey={(place) => `${place.kind}:${place.code}`}
            empty={t('places.none', { q: values.q })}
          />
        </div>
      ) : null}
    </Stack>
  );
}
