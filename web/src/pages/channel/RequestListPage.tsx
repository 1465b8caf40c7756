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
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  REQUEST_KINDS,
  REQUEST_STATUSES,
  REQUEST_WRITER_ROLES,
  type RequestListItem,
} from '../../api/channel';
import { hasRole, type Page } from '../../api/types';
import { useApiGet } from '../../api/useApi';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorNotice } from '../../components/feedback';
import { useUrlFilters } from '../../components/filters';
import { Pager } from '../../components/Pager';
import { usePage } from '../../components/PageReady';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { useSession } from '../../session/session';
import { oneOf } from '../cases/labels';
import { RequestBadges, requestKindLabel, requestStatusLabel } from './labels';

const LIMIT = 25;
const FILTERS = ['direction', 'status', 'kind', 'overdue', 'escalated', 'q'] as const;
const DIRECTIONS = ['in', 'out'] as const;

/** Requests the unit received (inbox) or sent (outbox), or all it can see; filters live in the address. */
export default function RequestListPage() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const { values, offset, update, clear } = useUrlFilters(FILTERS);
  const [search, setSearch] = useState(values.q);
  const [debounced] = useDebouncedValue(search, 350);
  useEffect(() => {
    if (debounced.trim() !== values.q) update({ q: debounced.trim() });
  }, [debounced]);
  useEffect(() => {
    if (values.q !== search.trim()) setSearch(values.q);
  }, [values.q]);

  const list = useApiGet<Page<RequestListItem>>('/api/requests', {
    direction: oneOf(DIRECTIONS, values.direction) ? values.direction : undefined,
    status: oneOf(REQUEST_STATUSES, values.status) ? [values.status] : undefined,
    kind: oneOf(REQUEST_KINDS, values.kind) ? values.kind : undefined,
    overdue: values.overdue === 'true' ? true : undefined,
    escalated: values.escalated === 'true' ? true : undefined,
    q: values.q || undefined,
    limit: LIMIT,
    offset,
  });
  usePage(t('channel.requests.title'), !list.loading);
  const language = i18n.language;
  const active = FILTERS.filter((key) => values[key] !== '').length;

  const columns: Column<RequestListItem>[] = [
    {
      key: 'request',
      header: t('channel.requests.request'),
      render: (item) => (
        <div>
          <Anchor component={Link} to={`/requests/${item.id}`} fw={600} size="sm" className="nowrap">
            {item.reference}
          </Anchor>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {item.subject}
          </Text>
          <Text size="xs" c="dimmed">
            {requestKindLabel(t, item.kind)}
          </Text>
        </div>
      ),
    },
    {
      key: 'status',
      header: t('channel.requests.status'),
      render: (item) => (
        <RequestBadges
          status={item.status}
          overdue={item.overdue}
          escalationLevel={item.escalationLevel}
          priority={item.priority}
        />
      ),
    },
    {
      key: 'units',
      header: t('channel.requests.units'),
      render: (item) => (
        <Text size="sm">
          {item.direction === 'in'
            ? t('channel.requests.fromUnit', { unit: item.fromUnit.name })
            : item.direction === 'out'
              ? t('channel.requests.toUnit', { unit: item.toUnit.name })
              : `${item.fromUnit.name} → ${item.toUnit.name}`}
        </Text>
      ),
    },
    {
      key: 'due',
      header: t('channel.requests.due'),
      render: (item) => (
        <Text size="sm" c={item.overdue ? 'red.9' : undefined} fw={item.overdue ? 600 : undefined}>
          {formatDateTime(item.dueAt, language)}
        </Text>
      ),
    },
    {
      key: 'messages',
      header: t('channel.requests.messages'),
      numeric: true,
      render: (item) => <Text size="sm">{formatNumber(item.messageCount, language)}</Text>,
    },
  ];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1}>{t('channel.requests.title')}</Title>
          <Text c="dimmed" size="sm" mt={4}>
            {t('channel.requests.intro')}
          </Text>
        </div>
        <Group gap="xs">
          <Button component={Link} to="/requests/stats" variant="default">
            {t('channel.stats.title')}
          </Button>
          {hasRole(me, REQUEST_WRITER_ROLES) ? (
            <Button component={Link} to="/requests/new">
              {t('channel.requests.new')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <form role="search" aria-label={t('channel.requests.filters')} onSubmit={(e) => e.preventDefault()}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            <NativeSelect
              label={t('channel.requests.direction')}
              value={values.direction}
              onChange={(event) => update({ direction: event.currentTarget.value })}
              data={[
                { value: '', label: t('channel.direction.all') },
                { value: 'in', label: t('channel.direction.in') },
                { value: 'out', label: t('channel.direction.out') },
              ]}
            />
            <NativeSelect
              label={t('channel.requests.status')}
              value={values.status}
              onChange={(event) => update({ status: event.currentTarget.value })}
              data={[
                { value: '', label: t('channel.requests.allStatuses') },
                ...REQUEST_STATUSES.map((s) => ({ value: s, label: requestStatusLabel(t, s) })),
              ]}
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
            <TextInput
              label={t('channel.requests.search')}
              placeholder={t('channel.requests.searchHint')}
              type="search"
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              autoComplete="off"
            />
          </SimpleGrid>
          <Group gap="lg" wrap="wrap">
            <Checkbox
              label={t('channel.requests.overdueOnly')}
              checked={values.overdue === 'true'}
              onChange={(event) => update({ overdue: event.currentTarget.checked ? 'true' : '' })}
            />
            <Checkbox
              label={t('channel.requests.escalatedOnly')}
              checked={values.escalated === 'true'}
              onChange={(event) => update({ escalated: event.currentTarget.checked ? 'true' : '' })}
            />
            {active > 0 ? (
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
            ) : null}
          </Group>
        </Stack>
      </form>
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {list.data && !list.error ? (
        <div aria-busy={list.loading} data-testid="request-list">
          <DataTable
            caption={t('channel.requests.title')}
            columns={columns}
            rows={list.data.items}
            rowKey={(item) => item.id}
            empty={t('channel.requests.none')}
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
