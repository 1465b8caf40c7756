import { Anchor, Badge, Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  CONFERENCE_PROPOSER_ROLES,
  CONFERENCE_STATUSES,
  formatRupees,
  type ConferenceActionItem,
  type ConferenceListItem,
} from '../../api/coordination';
import { hasRole, type Page } from '../../api/types';
import { useApiGet } from '../../api/useApi';
import { DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/feedback';
import { useUrlFilters } from '../../components/filters';
import { usePage } from '../../components/PageReady';
import { formatDate } from '../../i18n/format';
import { useSession } from '../../session/session';
import { label, STATUS_COLOURS } from './labels';

/** Conferences and colloquia of the user's State (every State nationally), with the overdue commitments. */
export default function ConferenceListPage() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const { values, update } = useUrlFilters(['status'] as const);
  const list = useApiGet<Page<ConferenceListItem>>('/api/conferences', { status: values.status, limit: 100 });
  const overdue = useApiGet<Page<ConferenceActionItem>>('/api/conferences/action-items', { overdue: true });
  usePage(t('coordination.conferences.title'), !list.loading && !overdue.loading);
  const day = (d: string) => formatDate(d, i18n.language) ?? d;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('coordination.conferences.title')}</Title>
        {hasRole(me, CONFERENCE_PROPOSER_ROLES) ? (
          <Button component={Link} to="/coordination/conferences/new">
            {t('coordination.conferences.propose')}
          </Button>
        ) : null}
      </Group>
      <NativeSelect
        label={t('coordination.conferences.filterStatus')}
        maw={260}
        value={values.status}
        onChange={(e) => update({ status: e.currentTarget.value })}
        data={[
          { value: '', label: t('coordination.conferences.all') },
          ...CONFERENCE_STATUSES.map((s) => ({ value: s, label: label(t, 'status', s) })),
        ]}
      />
      <ErrorNotice error={list.error} onRetry={list.reload} />
      <DataTable
        caption={t('coordination.conferences.title')}
        rows={list.data?.items ?? []}
        rowKey={(c) => c.id}
        empty={t('coordination.conferences.empty')}
        columns={[
          {
            key: 'title',
            header: t('coordination.conferences.colTitle'),
            render: (c) => (
              <Stack gap={0}>
                <Anchor component={Link} to={`/coordination/conferences/${c.id}`}>
                  {c.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {label(t, 'kind', c.kind)}
                </Text>
              </Stack>
            ),
          },
          { key: 'state', header: t('coordination.conferences.colState'), render: (c) => c.state.name },
          {
            key: 'dates',
            header: t('coordination.conferences.colDates'),
            render: (c) =>
              c.startsOn === c.endsOn ? day(c.startsOn) : `${day(c.startsOn)} – ${day(c.endsOn)}`,
          },
          {
            key: 'status',
            header: t('coordination.conferences.colStatus'),
            render: (c) => (
              <Badge color={STATUS_COLOURS[c.status] ?? 'gray'} variant="light">
                {label(t, 'status', c.status)}
              </Badge>
            ),
          },
          {
            key: 'mha',
            header: t('coordination.conferences.colMha'),
            numeric: true,
            render: (c) => formatRupees(c.mhaSupportRupees),
          },
          {
            key: 'actions',
            header: t('coordination.conferences.colActions'),
            render: (c) => t('coordination.conferences.actionSummary', c.actionItems),
          },
        ]}
      />
      <Title order={2} size="h3">
        {t('coordination.conferences.overdueTitle')}
      </Title>
      <ErrorNotice error={overdue.error} onRetry={overdue.reload} />
      <DataTable
        caption={t('coordination.conferences.overdueTitle')}
        rows={overdue.data?.items ?? []}
        rowKey={(i) => i.id}
        empty={t('coordination.conferences.overdueEmpty')}
        columns={[
          {
            key: 'title',
            header: t('coordination.conference.actionTitle'),
            render: (i) => (
              <Anchor component={Link} to={`/coordination/conferences/${i.conference.id}`}>
                {i.title}
              </Anchor>
            ),
          },
          { key: 'owner', header: t('coordination.conference.owner'), render: (i) => i.owner.name },
          { key: 'due', header: t('coordination.conference.due'), render: (i) => day(i.dueOn) },
          {
            key: 'status',
            header: t('coordination.conferences.colStatus'),
            render: (i) => label(t, 'status', i.status),
          },
        ]}
      />
    </Stack>
  );
}
