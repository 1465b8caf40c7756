import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Performance } from '../../api/analytics';
import { DataTable } from '../../components/DataTable';
import { formatNumber } from '../../i18n/format';
import { FigurePanel, percent } from './charts';

/** Charge-sheeting against the BNSS deadline, conviction rate and time to charge-sheet. */
export function PerformancePanel({ data, csv }: { data: Performance | undefined; csv: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const n = (v: number) => formatNumber(v, language);
  const days = (v: number | null) => (v === null ? '—' : t('analytics.days', { count: Math.round(v) }));
  const deadlineLabel = (d: string) =>
    d === 'all' ? t('analytics.deadlineAll') : t('analytics.deadlineDays', { days: d });
  return (
    <FigurePanel title={t('analytics.performance')} csv={csv} testId="figure-performance">
      <DataTable
        caption={t('analytics.performance')}
        rows={data?.deadlines ?? []}
        rowKey={(r) => r.deadline}
        empty={t('analytics.empty')}
        columns={[
          { key: 'deadline', header: t('analytics.deadline'), render: (r) => deadlineLabel(r.deadline) },
          {
            key: 'onTime',
            header: t('analytics.onTime'),
            numeric: true,
            render: (r) => n(r.chargeSheetedOnTime),
          },
          { key: 'late', header: t('analytics.late'), numeric: true, render: (r) => n(r.chargeSheetedLate) },
          {
            key: 'past',
            header: t('analytics.pendingPast'),
            numeric: true,
            render: (r) => n(r.pendingPastDeadline),
          },
          {
            key: 'within',
            header: t('analytics.pendingWithin'),
            numeric: true,
            render: (r) => n(r.pendingWithinDeadline),
          },
          {
            key: 'rate',
            header: t('analytics.onTimeRate'),
            numeric: true,
            render: (r) => percent(r.onTimeRate, language),
          },
        ]}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} mt="sm">
        <Text size="sm">
          {t('analytics.convictionRate')}: <b>{percent(data?.convictionRate ?? null, language)}</b> (
          {t('analytics.convictedOf', { convicted: n(data?.convicted ?? 0), decided: n(data?.decided ?? 0) })}
          )
        </Text>
        <Text size="sm">
          {t('analytics.medianDays')}: <b>{days(data?.medianDaysToChargeSheet ?? null)}</b>
        </Text>
        <Text size="sm">
          {t('analytics.medianArrestDays')}: <b>{days(data?.medianDaysArrestToChargeSheet ?? null)}</b>
        </Text>
      </SimpleGrid>
    </FigurePanel>
  );
}
