import { Badge, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DueItem, DueList } from '../../api/capacity';
import { useApiGet } from '../../api/useApi';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorNotice } from '../../components/feedback';
import { useUrlFilters } from '../../components/filters';
import { Pager } from '../../components/Pager';
import { usePage } from '../../components/PageReady';
import { StatusText } from '../../components/StatusText';
import { formatDate } from '../../i18n/format';
import { TrainingNav } from './AhtuNav';
import { serviceLabel } from './labels';

const LIMIT = 50;
const FILTERS = ['asOf', 'unitId'] as const;

/** Who is due for refresher training (90 days after their last), per unit; "as of" any day. */
export default function RefresherDuePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { values, offset, update } = useUrlFilters(FILTERS);
  const due = useApiGet<DueList>('/api/training/refresher-due', { ...values, limit: LIMIT, offset });
  usePage(t('capacity.training.due'), !due.loading);
  const columns: Column<DueItem>[] = [
    {
      key: 'name',
      header: t('capacity.training.name'),
      render: (d) => (
        <Text size="sm" fw={600} data-testid="due-name">
          {d.participant.name}
        </Text>
      ),
    },
    {
      key: 'service',
      header: t('capacity.training.service'),
      render: (d) =>
        [serviceLabel(t, d.participant.service), d.participant.designation].filter(Boolean).join(' · '),
    },
    {
      key: 'unit',
      header: t('capacity.training.unit'),
      render: (d) => d.unit?.name ?? [d.districtName, d.stateName].filter(Boolean).join(', '),
    },
    {
      key: 'last',
      header: t('capacity.training.lastTrained'),
      render: (d) => `${formatDate(d.lastTrainedOn, lang) ?? ''} · ${d.lastProgramme}`,
    },
    {
      key: 'due',
      header: t('capacity.training.dueOn'),
      render: (d) => (
        <Group gap={6} wrap="wrap">
          <span>{formatDate(d.dueOn, lang)}</span>
          {d.daysOverdue > 0 ? (
            <StatusText tone="bad">{t('capacity.training.overdueBy', { count: d.daysOverdue })}</StatusText>
          ) : null}
        </Group>
      ),
    },
  ];
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('capacity.training.due')}</Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('capacity.training.dueIntro')}
        </Text>
      </div>
      <TrainingNav />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput
          type="date"
          label={t('capacity.training.asOf')}
          value={values.asOf || due.data?.asOf || ''}
          onChange={(e) => update({ asOf: e.currentTarget.value })}
        />
      </SimpleGrid>
      <ErrorNotice error={due.error} onRetry={due.reload} />
      {due.data ? (
        <>
          <Paper withBorder p="sm" radius="md">
            <Text size="sm" fw={600} mb={4}>
              {t('capacity.training.dueByUnit', { count: due.data.total })}
            </Text>
            <Group gap="xs" wrap="wrap">
              {due.data.byUnit.map((u) => (
                <Badge
                  key={u.unitId ?? 'none'}
                  variant={values.unitId === u.unitId ? 'filled' : 'light'}
                  component="button"
                  type="button"
                  style={{ cursor: 'pointer' }}
                  onClick={() => update({ unitId: values.unitId === u.unitId ? '' : (u.unitId ?? '') })}
                  aria-pressed={values.unitId === u.unitId}
                >
                  {`${u.unitName}: ${String(u.due)}`}
                </Badge>
              ))}
            </Group>
          </Paper>
          <div aria-busy={due.loading}>
            <DataTable
              caption={t('capacity.training.due')}
              columns={columns}
              rows={due.data.items}
              rowKey={(d) => d.participant.id}
              empty={t('capacity.training.nobodyDue')}
            />
            <Pager
              offset={offset}
              limit={LIMIT}
              total={due.data.total}
              onChange={(next) => update({ offset: next })}
            />
          </div>
        </>
      ) : null}
    </Stack>
  );
}
