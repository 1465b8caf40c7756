import { Group, Progress, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SERVICES, TARGET_SETTERS, type Coverage } from '../../api/capacity';
import { hasRole } from '../../api/types';
import { useApiGet } from '../../api/useApi';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorNotice } from '../../components/feedback';
import { useUrlFilters } from '../../components/filters';
import { usePage } from '../../components/PageReady';
import { StateSelect, useStates } from '../../components/StateSelect';
import { useSession } from '../../session/session';
import { TrainingNav } from './AhtuNav';
import { percent, serviceLabel } from './labels';
import { TargetForm } from './TargetForm';

const FILTERS = ['state', 'since'] as const;
type District = Coverage['districts'][number];

/** People trained by district and service against the targets (e.g. 10,000 police officers nationally). */
export default function CoveragePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { me } = useSession();
  const { values, update } = useUrlFilters(FILTERS);
  const states = useStates();
  const coverage = useApiGet<Coverage>('/api/training/coverage', values);
  usePage(t('capacity.training.coverage'), !coverage.loading);
  const columns: Column<District>[] = [
    {
      key: 'district',
      header: t('capacity.training.district'),
      render: (d) => (
        <Text size="sm" fw={600}>
          {[d.districtName, d.stateName].filter(Boolean).join(', ')}
        </Text>
      ),
    },
    ...SERVICES.map((s) => ({
      key: s,
      header: serviceLabel(t, s),
      numeric: true,
      render: (d: District) => d.byService[s] ?? 0,
    })),
    {
      key: 'total',
      header: t('capacity.training.total'),
      numeric: true,
      render: (d) => <strong>{d.total}</strong>,
    },
  ];
  const where = (line: Coverage['targets'][number]) =>
    line.districtName ?? line.stateName ?? t('capacity.training.nationally');
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('capacity.training.coverage')}</Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('capacity.training.coverageIntro')}
        </Text>
      </div>
      <TrainingNav />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <StateSelect
          label={t('capacity.state')}
          allLabel={t('capacity.allStates')}
          value={values.state}
          onChange={(state) => update({ state })}
          states={states.data}
          failed={states.error !== undefined}
        />
        <TextInput
          type="date"
          label={t('capacity.training.since')}
          value={values.since}
          onChange={(e) => update({ since: e.currentTarget.value })}
        />
      </SimpleGrid>
      <ErrorNotice error={coverage.error} onRetry={coverage.reload} />
      {coverage.data ? (
        <>
          <Text size="sm">{t('capacity.training.trainedTotal', { count: coverage.data.trained })}</Text>
          <Title order={2} size="h3">
            {t('capacity.training.targets')}
          </Title>
          {coverage.data.targets.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('capacity.training.noTargets')}
            </Text>
          ) : (
            <Stack gap="sm">
              {coverage.data.targets.map((line) => {
                const label = t('capacity.training.targetLine', {
                  where: where(line),
                  service: line.service ? serviceLabel(t, line.service) : t('capacity.training.allServices'),
                  trained: line.trained,
                  target: line.target,
                  percent: percent(line.percent, lang),
                });
                return (
                  <div key={line.id}>
                    <Group justify="space-between" gap="xs">
                      <Text size="sm">{label}</Text>
                    </Group>
                    <Progress value={Math.min(100, line.percent)} aria-label={label} size="lg" mt={4} />
                  </div>
                );
              })}
            </Stack>
          )}
          <Title order={2} size="h3">
            {t('capacity.training.byDistrict')}
          </Title>
          <DataTable
            caption={t('capacity.training.byDistrict')}
            columns={columns}
            rows={coverage.data.districts}
            rowKey={(d) => `${String(d.stateLgd)}-${String(d.districtLgd ?? 0)}`}
            empty={t('capacity.training.nobodyTrained')}
          />
          {hasRole(me, TARGET_SETTERS) ? <TargetForm onSaved={coverage.reload} /> : null}
        </>
      ) : null}
    </Stack>
  );
}
