import {
  Anchor,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  CASE_KINDS,
  CASE_SORTS,
  CASE_STATUSES,
  CASE_WRITER_ROLES,
  EXPLOITATION_FORMS,
  hasRole,
  type CaseListItem,
  type Page,
} from '../../api/types';
import { useApiGet } from '../../api/useApi';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorNotice } from '../../components/feedback';
import { useUrlFilters } from '../../components/filters';
import { Pager } from '../../components/Pager';
import { usePage } from '../../components/PageReady';
import { StateSelect, useStates } from '../../components/StateSelect';
import { formatDate, formatNumber } from '../../i18n/format';
import { useSession } from '../../session/session';
import { CaseFlags, StatusBadge } from './CaseBadges';
import { formLabel, kindLabel, oneOf, sortLabel, statusLabel } from './labels';

const LIMIT = 25;
const FILTERS = [
  'q',
  'status',
  'kind',
  'form',
  'state',
  'district',
  'from',
  'to',
  'interState',
  'crossBorder',
  'overdue',
  'mine',
  'sort',
] as const;
const FLAGS = ['overdue', 'mine', 'interState', 'crossBorder'] as const;

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** Cases in the user's jurisdiction or shared with their unit; every filter lives in the address. */
export default function CaseListPage() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const { values, offset, update, clear } = useUrlFilters(FILTERS);
  const [search, setSearch] = useState(values.q);
  const [debounced] = useDebouncedValue(search, 350);
  useEffect(() => {
    if (debounced.trim() !== values.q) update({ q: debounced.trim() });
  }, [debounced]);
  // A search typed elsewhere (the address, "clear filters") shows in the box too.
  useEffect(() => {
    if (values.q !== search.trim()) setSearch(values.q);
  }, [values.q]);

  const level = me?.jurisdiction.level ?? 'district';
  const statuses = values.status.split(',').filter((s) => oneOf(CASE_STATUSES, s));
  // National users pick a State first; State users see their own State's districts.
  const districtState =
    level === 'national' ? values.state : level === 'state' ? String(me?.jurisdiction.stateLgd ?? '') : '';
  const states = useStates();
  const districts = useApiGet<{ lgdCode: number; name: string }[]>(
    level !== 'district' && districtState ? `/api/reference/states/${districtState}/districts` : null,
  );
  const cases = useApiGet<Page<CaseListItem>>('/api/cases', {
    q: values.q,
    status: statuses,
    kind: oneOf(CASE_KINDS, values.kind) ? values.kind : undefined,
    form: oneOf(EXPLOITATION_FORMS, values.form) ? values.form : undefined,
    state: level === 'national' ? values.state : undefined,
    district: level !== 'district' ? values.district : undefined,
    from: isDay(values.from) ? values.from : undefined,
    to: isDay(values.to) ? values.to : undefined,
    interState: values.interState === 'true' ? true : undefined,
    crossBorder: values.crossBorder === 'true' ? true : undefined,
    overdue: values.overdue === 'true' ? true : undefined,
    mine: values.mine === 'true' ? true : undefined,
    sort: oneOf(CASE_SORTS, values.sort) ? values.sort : undefined,
    limit: LIMIT,
    offset,
  });
  usePage(t('cases.title'), !cases.loading && !states.loading && !districts.loading);

  const activeFilters = FILTERS.filter((key) => key !== 'q' && key !== 'sort' && values[key] !== '').length;
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [filtersOpen, setFiltersOpen] = useState(!narrow || activeFilters > 0);
  const language = i18n.language;

  const columns: Column<CaseListItem>[] = [
    {
      key: 'case',
      header: t('cases.case'),
      render: (item) => (
        <div>
          <Anchor component={Link} to={`/cases/${item.id}`} fw={600} size="sm" className="nowrap">
            {item.reference}
          </Anchor>
          <Text size="sm">{item.title}</Text>
        </div>
      ),
    },
    {
      key: 'status',
      header: t('cases.status'),
      render: (item) => (
        <Stack gap={4} align="flex-start">
          <StatusBadge status={item.status} />
          <CaseFlags
            interState={item.isInterState}
            crossBorder={item.isCrossBorder}
            overdue={item.chargeSheetOverdue}
          />
        </Stack>
      ),
    },
    {
      key: 'kind',
      header: t('cases.kind'),
      render: (item) =>
        // An FIR's number says "FIR" already ("FIR 214/2025"): no need to say it twice.
        item.kind === 'fir' && item.firNumber ? (
          <Text size="sm">{t('cases.firShort', { number: item.firNumber })}</Text>
        ) : (
          <Text size="sm">
            {kindLabel(t, item.kind)}
            {item.firNumber ? (
              <Text span size="xs" c="dimmed" display="block">
                {t('cases.firShort', { number: item.firNumber })}
              </Text>
            ) : null}
          </Text>
        ),
    },
    {
      key: 'where',
      header: t('cases.where'),
      render: (item) => (
        <Text size="sm">
          {item.district.name}, {item.state.name}
        </Text>
      ),
    },
    {
      key: 'registered',
      header: t('cases.registered'),
      render: (item) => (
        <Text size="sm" className="nowrap">
          {formatDate(item.registeredOn, language)}
        </Text>
      ),
    },
    {
      key: 'people',
      header: t('cases.people'),
      render: (item) => (
        <Text size="sm">
          {t('cases.peopleCount', {
            count: item.victimCount,
            number: formatNumber(item.victimCount, language),
            accused: formatNumber(item.accusedCount, language),
          })}
        </Text>
      ),
    },
    {
      key: 'due',
      header: t('cases.chargeSheetDue'),
      render: (item) =>
        item.chargeSheetDueOn ? (
          <Text
            size="sm"
            className="nowrap"
            c={item.chargeSheetOverdue ? 'red.9' : undefined}
            fw={item.chargeSheetOverdue ? 600 : undefined}
          >
            {formatDate(item.chargeSheetDueOn, language)}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('common.none')}
          </Text>
        ),
    },
  ];

  const canCreate = hasRole(me, CASE_WRITER_ROLES);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1}>{t('cases.title')}</Title>
          <Text c="dimmed" size="sm" mt={4}>
            {t('cases.intro')}
          </Text>
        </div>
        {canCreate ? (
          <Button component={Link} to="/cases/new">
            {t('cases.create')}
          </Button>
        ) : null}
      </Group>
      <form role="search" aria-label={t('cases.searchLabel')} onSubmit={(event) => event.preventDefault()}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('cases.search')}
            description={t('cases.searchHint')}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            autoComplete="off"
            style={{ gridColumn: narrow ? undefined : 'span 2' }}
          />
          <NativeSelect
            label={t('cases.sort')}
            value={oneOf(CASE_SORTS, values.sort) ? values.sort : '-updated_at'}
            onChange={(event) =>
              update({ sort: event.currentTarget.value === '-updated_at' ? '' : event.currentTarget.value })
            }
            data={CASE_SORTS.map((sort) => ({ value: sort, label: sortLabel(t, sort) }))}
          />
        </SimpleGrid>
      </form>
      <details
        className="filters"
        open={filtersOpen}
        onToggle={(event) => setFiltersOpen(event.currentTarget.open)}
      >
        <summary>
          {t('common.filters')}
          {activeFilters > 0 ? ` (${formatNumber(activeFilters, language)})` : ''}
        </summary>
        <form aria-label={t('common.filters')} onSubmit={(event) => event.preventDefault()}>
          <Stack gap="sm">
            <Checkbox.Group
              label={t('cases.status')}
              value={statuses}
              onChange={(next) => update({ status: CASE_STATUSES.filter((s) => next.includes(s)).join(',') })}
            >
              <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing={6} mt={6}>
                {CASE_STATUSES.map((status) => (
                  <Checkbox key={status} value={status} label={statusLabel(t, status)} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
              <NativeSelect
                label={t('cases.kind')}
                value={values.kind}
                onChange={(event) => update({ kind: event.currentTarget.value })}
                data={[
                  { value: '', label: t('cases.allKinds') },
                  ...CASE_KINDS.map((kind) => ({ value: kind, label: kindLabel(t, kind) })),
                ]}
              />
              <NativeSelect
                label={t('cases.form')}
                value={values.form}
                onChange={(event) => update({ form: event.currentTarget.value })}
                data={[
                  { value: '', label: t('cases.allForms') },
                  ...EXPLOITATION_FORMS.map((form) => ({ value: form, label: formLabel(t, form) })),
                ]}
              />
              {level === 'national' ? (
                <StateSelect
                  label={t('cases.state')}
                  allLabel={t('cases.allStates')}
                  value={values.state}
                  onChange={(state) => update({ state, district: '' })}
                  states={states.data}
                  failed={states.error !== undefined}
                />
              ) : null}
              {level !== 'district' ? (
                <NativeSelect
                  label={t('cases.district')}
                  value={values.district}
                  disabled={!districtState}
                  description={!districtState ? t('cases.chooseStateFirst') : undefined}
                  onChange={(event) => update({ district: event.currentTarget.value })}
                  data={[
                    { value: '', label: t('cases.allDistricts') },
                    ...[...(districts.data ?? [])]
                      .sort((a, b) => a.name.localeCompare(b.name))
                      .map((d) => ({ value: String(d.lgdCode), label: d.name })),
                  ]}
                />
              ) : null}
              <TextInput
                label={t('cases.from')}
                type="date"
                value={values.from}
                onChange={(event) => update({ from: event.currentTarget.value })}
              />
              <TextInput
                label={t('cases.to')}
                type="date"
                value={values.to}
                onChange={(event) => update({ to: event.currentTarget.value })}
              />
            </SimpleGrid>
            <Group gap="lg" wrap="wrap">
              {FLAGS.map((flag) => (
                <Checkbox
                  key={flag}
                  label={t(`cases.filter.${flag}`)}
                  checked={values[flag] === 'true'}
                  onChange={(event) => update({ [flag]: event.currentTarget.checked ? 'true' : '' })}
                />
              ))}
            </Group>
            {activeFilters > 0 || values.q ? (
              <Group>
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
          </Stack>
        </form>
      </details>
      <ErrorNotice error={cases.error} onRetry={cases.reload} />
      {cases.data && !cases.error ? (
        <div aria-busy={cases.loading}>
          <DataTable
            caption={t('cases.title')}
            columns={columns}
            rows={cases.data.items}
            rowKey={(item) => item.id}
            empty={t('cases.none')}
          />
          <Pager
            offset={offset}
            limit={LIMIT}
            total={cases.data.total}
            onChange={(next) => update({ offset: next })}
          />
        </div>
      ) : null}
    </Stack>
  );
}
