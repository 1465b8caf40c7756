import { Anchor, Badge, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CANDIDATE_STATUSES, type CandidateListItem, type CandidateStatus } from '../../api/linkage';
import { useApiGet } from '../../api/useApi';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorNotice } from '../../components/feedback';
import { useUrlFilters } from '../../components/filters';
import { Pager } from '../../components/Pager';
import { usePage } from '../../components/PageReady';
import { CandidateStatusBadge, percent, personRoleLabel, SideName, statusLabel } from './parts';

const LIMIT = 25;
const FILTERS = ['status', 'crossState'] as const;
const isStatus = (value: string): value is CandidateStatus =>
  (CANDIDATE_STATUSES as readonly string[]).includes(value);

/** Candidate pairs waiting for a reviewer (or already decided), most likely first. */
export default function ReviewQueuePage() {
  const { t, i18n } = useTranslation();
  const { values, offset, update } = useUrlFilters(FILTERS);
  const status = isStatus(values.status) ? values.status : undefined;
  const list = useApiGet<{ items: CandidateListItem[]; total: number }>('/api/linkage/candidates', {
    status,
    crossState: values.crossState === 'true' ? true : undefined,
    limit: LIMIT,
    offset,
  });
  usePage(t('linkage.queueTitle'), !list.loading);
  const language = i18n.language;

  const side = (item: CandidateListItem, which: 'a' | 'b') => {
    const s = item[which];
    return (
      <div>
        <SideName side={s} />
        <Text size="xs" c="dimmed">
          {personRoleLabel(t, s.role)} · {s.caseReference} · {s.district ? `${s.district.name}, ` : ''}
          {s.state.name}
        </Text>
      </div>
    );
  };

  const columns: Column<CandidateListItem>[] = [
    {
      key: 'probability',
      header: t('linkage.probability'),
      render: (item) => (
        <Stack gap={4} align="flex-start">
          <Anchor component={Link} to={`/linkage/candidates/${item.id}`} fw={600} className="nowrap">
            {percent(item.probability, language)} · {t('linkage.open')}
          </Anchor>
          <Group gap={4}>
            <CandidateStatusBadge status={item.status} />
            {item.crossState ? (
              <Badge color="orange" variant="light">
                {t('linkage.crossState')}
              </Badge>
            ) : null}
          </Group>
        </Stack>
      ),
    },
    { key: 'a', header: t('linkage.recordA'), render: (item) => side(item, 'a') },
    { key: 'b', header: t('linkage.recordB'), render: (item) => side(item, 'b') },
  ];

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('linkage.queueTitle')}</Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('linkage.queueIntro')}
        </Text>
      </div>
      <form aria-label={t('common.filters')} onSubmit={(event) => event.preventDefault()}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t('linkage.status')}
            value={status ?? ''}
            onChange={(event) => update({ status: event.currentTarget.value })}
            data={[
              { value: '', label: `${statusLabel(t, 'pending')} + ${statusLabel(t, 'unsure')}` },
              ...CANDIDATE_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) })),
            ]}
          />
          <Checkbox
            mt={{ base: 0, sm: 28 }}
            label={t('linkage.crossStateOnly')}
            checked={values.crossState === 'true'}
            onChange={(event) => update({ crossState: event.currentTarget.checked ? 'true' : '' })}
          />
        </SimpleGrid>
      </form>
      <ErrorNotice error={list.error} onRetry={list.reload} />
      <DataTable
        caption={t('linkage.caption')}
        columns={columns}
        rows={list.data?.items ?? []}
        rowKey={(item) => item.id}
        empty={list.loading ? '' : t('linkage.empty')}
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
