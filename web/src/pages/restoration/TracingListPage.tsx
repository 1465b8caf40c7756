import { Anchor, Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TRACING_WRITER_ROLES } from '../../api/restoration';
import { hasRole } from '../../api/types';
import { useApiGet } from '../../api/useApi';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorNotice } from '../../components/feedback';
import { useUrlFilters } from '../../components/filters';
import { Pager } from '../../components/Pager';
import { usePage } from '../../components/PageReady';
import { useSession } from '../../session/session';
import { DistrictPicker, facts, label, RestorationNav, StatusBadge } from './parts';

const LIMIT = 25;
const KEYS = ['status', 'new'] as const;

/**
 * The place filter: a district kept in the address, so an alert can link to a filtered list. Its State is
 * looked up from the district, else the user's own State is offered first; the State is not kept itself.
 */
function DistrictFilter({
  legend,
  value,
  onChange,
}: {
  legend: string;
  value: string;
  onChange: (district: string) => void;
}) {
  const { t } = useTranslation();
  const { me } = useSession();
  const detail = useApiGet<{ state: { lgdCode: number } }>(
    value ? `/api/reference/districts/${value}` : null,
  );
  const own = me?.jurisdiction.stateLgd ? String(me.jurisdiction.stateLgd) : '';
  return (
    <DistrictPicker
      legend={legend}
      value={value}
      onChange={onChange}
      defaultState={detail.data && value ? String(detail.data.state.lgdCode) : own}
      emptyDistrict={t('restoration.filter.allDistricts')}
    />
  );
}

interface Listed {
  id: string;
  reference: string;
  pseudonym: string;
  sex: string;
  ageYears: number | null;
  language: string | null;
  status: string;
  openCandidates: number;
}

/**
 * The list of missing reports or of found persons: filters kept in the address, the table, paging and the
 * register form behind a button. The two lists differ in their place columns, statuses and place filter.
 */
export function TracingListPage<T extends Listed>({
  kind,
  statuses,
  placeParam,
  placeLegend,
  placeColumns,
  form,
}: {
  kind: 'missing' | 'found';
  statuses: readonly string[];
  /** The API's place filter, and the address's: `lastSeenDistrict` or `foundDistrict`. */
  placeParam: 'lastSeenDistrict' | 'foundDistrict';
  placeLegend: string;
  /** The columns between the person and the status. */
  placeColumns: Column<T>[];
  form: ReactNode;
}) {
  const { t } = useTranslation();
  const { me } = useSession();
  const { values, offset, update } = useUrlFilters([...KEYS, placeParam]);
  const place = values[placeParam];
  const title = t(`restoration.${kind}.title`);
  const statusGroup = kind === 'missing' ? 'missingStatus' : 'foundStatus';
  const list = useApiGet<{ items: T[]; total: number }>(`/api/${kind}`, {
    status: values.status || undefined,
    [placeParam]: /^\d+$/.test(place) ? place : undefined,
    limit: LIMIT,
    offset,
  });
  usePage(title, !list.loading);
  const columns: Column<T>[] = [
    {
      key: 'ref',
      header: t('restoration.reference'),
      render: (m) => (
        <Anchor component={Link} to={`/restoration/${kind}/${m.id}`} fw={600}>
          {m.reference}
        </Anchor>
      ),
    },
    { key: 'who', header: t('restoration.person'), render: (m) => `${m.pseudonym} · ${facts(t, m)}` },
    ...placeColumns,
    {
      key: 'status',
      header: t('restoration.status'),
      render: (m) => <StatusBadge group={statusGroup} value={m.status} />,
    },
    {
      key: 'cand',
      header: t('restoration.candidates'),
      numeric: true,
      render: (m) => String(m.openCandidates),
    },
  ];
  return (
    <Stack gap="md">
      <RestorationNav />
      <Group justify="space-between">
        <Title order={1}>{title}</Title>
        {hasRole(me, TRACING_WRITER_ROLES) ? (
          <Button variant="default" onClick={() => update({ new: values.new ? '' : '1' })}>
            {t(`restoration.${kind}.new`)}
          </Button>
        ) : null}
      </Group>
      <Text c="dimmed" size="sm">
        {t(`restoration.${kind}.intro`)}
      </Text>
      {values.new ? form : null}
      <Group grow align="flex-end" gap="sm" maw={760}>
        <NativeSelect
          label={t('restoration.status')}
          value={values.status}
          onChange={(e) => update({ status: e.currentTarget.value })}
          data={[
            { value: '', label: t('restoration.all') },
            ...statuses.map((s) => ({ value: s, label: label(t, statusGroup, s) })),
          ]}
        />
        <DistrictFilter
          legend={placeLegend}
          value={place}
          onChange={(district) => update({ [placeParam]: district })}
        />
      </Group>
      <ErrorNotice error={list.error} onRetry={list.reload} />
      <DataTable
        caption={title}
        columns={columns}
        rows={list.data?.items ?? []}
        rowKey={(m) => m.id}
        empty={list.loading ? '' : t('restoration.empty')}
      />
      <Pager
        offset={offset}
        limit={LIMIT}
        total={list.data?.total ?? 0}
        onChange={(next) => update({ offset: next })}
      />
    </Stack>
  );
}
