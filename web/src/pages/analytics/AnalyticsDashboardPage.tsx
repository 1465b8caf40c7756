// SegmentedControl is not among the Mantine styles the app loads up front (web/src/styles.ts).
import '@mantine/core/styles/SegmentedControl.layer.css';
import './analytics.css';
import { Anchor, Group, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  csvHref,
  figureQuery,
  type CorridorRow,
  type DistrictRoleRow,
  type Figure,
  type HubRow,
  type MixRow,
  type Performance,
  type TrendRow,
  type VictimRow,
} from '../../api/analytics';
import { useApiGet } from '../../api/useApi';
import { DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/feedback';
import { useUrlFilters } from '../../components/filters';
import { usePage } from '../../components/PageReady';
import { formatNumber } from '../../i18n/format';
import { useSession } from '../../session/session';
import { BarList, CORRIDOR_COLOR, FigurePanel, percent, ROLE_COLORS, TrendChart } from './charts';
import { AnalyticsFilters } from './Filters';
import { FlowSankey } from './FlowSankey';
import { ageLabel, formTitle, hubKindLabel, placeLabel, roleLabel, sexLabel } from './labels';
import { PerformancePanel } from './PerformancePanel';

/** Corridors in the flows chart: enough to show the pattern, few enough to read every name. */
const FLOW_LIMIT = 20;

/** The national (or State, or district) picture: trends, exploitation, victims, routes, performance. */
export default function AnalyticsDashboardPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { me } = useSession();
  const { values, update } = useUrlFilters(['from', 'to', 'state'] as const);
  const [granularity, setGranularity] = useState<'year' | 'month'>('year');
  const query = figureQuery(values);
  const trends = useApiGet<Figure<TrendRow>>('/api/analytics/trends', { ...query, granularity });
  const mix = useApiGet<Figure<MixRow>>('/api/analytics/exploitation', query);
  const victims = useApiGet<Figure<VictimRow>>('/api/analytics/victims', query);
  const roles = useApiGet<Figure<DistrictRoleRow>>('/api/analytics/district-roles', query);
  const corridors = useApiGet<Figure<CorridorRow>>('/api/analytics/corridors', { ...query, limit: 10 });
  const hubs = useApiGet<Figure<HubRow>>('/api/analytics/hubs', { ...query, limit: 10 });
  const perf = useApiGet<Performance>('/api/analytics/performance', query);
  // All India compares States; with a State chosen, or for a State or district officer, districts.
  const flowLevel = me?.jurisdiction.level === 'national' && !values.state ? 'state' : 'district';
  const flowQuery = { ...query, level: flowLevel, limit: FLOW_LIMIT };
  const flows = useApiGet<Figure<CorridorRow>>('/api/analytics/corridors', flowQuery);
  const all = [trends, mix, victims, roles, corridors, flows, hubs, perf];
  usePage(
    t('analytics.title'),
    all.every((s) => !s.loading),
  );
  if (!me) return null;

  const error = all.find((s) => s.error !== undefined)?.error;
  const total = (key: 'cases' | 'victims' | 'accused') =>
    (trends.data?.rows ?? []).reduce((a, r) => a + r[key], 0);
  const allDeadlines = perf.data?.deadlines.find((d) => d.deadline === 'all');
  const kpis = [
    { key: 'cases', label: t('analytics.kpi.cases'), value: formatNumber(total('cases'), language) },
    { key: 'victims', label: t('analytics.kpi.victims'), value: formatNumber(total('victims'), language) },
    { key: 'accused', label: t('analytics.kpi.accused'), value: formatNumber(total('accused'), language) },
    {
      key: 'onTime',
      label: t('analytics.kpi.onTime'),
      value: percent(allDeadlines?.onTimeRate ?? null, language),
    },
    {
      key: 'conviction',
      label: t('analytics.kpi.conviction'),
      value: percent(perf.data?.convictionRate ?? null, language),
    },
  ];
  const victimsBySex = new Map<string, number>();
  const victimsByAge = new Map<string, number>();
  for (const v of victims.data?.rows ?? []) {
    victimsBySex.set(v.sex, (victimsBySex.get(v.sex) ?? 0) + v.victims);
    victimsByAge.set(v.ageBand, (victimsByAge.get(v.ageBand) ?? 0) + v.victims);
  }
  const trendRows = trends.data?.rows ?? [];
  const flowRows = flows.data?.rows ?? [];
  // The report covers the last complete month, for the chosen State or the officer's own.
  const reportState =
    values.state || (me.jurisdiction.stateLgd === null ? '' : String(me.jurisdiction.stateLgd));
  const now = new Date();
  const lastMonth = new Date(Date.UTC(now.getFullYear(), now.getMonth() - 1, 1)).toISOString().slice(0, 7);

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('analytics.title')}</Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('analytics.intro')}
        </Text>
        <Group gap="md" mt="xs">
          <Anchor component={Link} to={`/analytics/map${values.state ? `?state=${values.state}` : ''}`}>
            {t('analytics.openMap')}
          </Anchor>
          <Anchor href={csvHref('dataset', query)} download>
            {t('analytics.publishable')}
          </Anchor>
          {reportState && me.role !== 'district_officer' ? (
            <Anchor
              href={`/api/analytics/reports/state-monthly?state=${reportState}&month=${lastMonth}`}
              download
              data-testid="state-report"
            >
              {t('analytics.report', { month: lastMonth })}
            </Anchor>
          ) : null}
        </Group>
      </div>
      <AnalyticsFilters values={values} update={update} me={me} />
      <ErrorNotice error={error} />
      <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm" data-testid="analytics-kpis">
        {kpis.map((k) => (
          <div key={k.key} className="analytics-kpi">
            <Text size="xs" c="dimmed">
              {k.label}
            </Text>
            <Text fw={700} size="xl" data-testid={`kpi-${k.key}`}>
              {k.value}
            </Text>
          </div>
        ))}
      </SimpleGrid>

      <FigurePanel
        title={t('analytics.trends')}
        csv={csvHref('trends', { ...query, granularity })}
        testId="figure-trends"
      >
        <SegmentedControl
          size="xs"
          mb="sm"
          value={granularity}
          onChange={(v) => setGranularity(v === 'month' ? 'month' : 'year')}
          data={[
            { value: 'year', label: t('analytics.byYear') },
            { value: 'month', label: t('analytics.byMonth') },
          ]}
        />
        <TrendChart
          label={t('analytics.trendsLabel', { count: trendRows.length })}
          periods={trendRows.map((r) => r.period)}
          series={[
            {
              key: 'cases',
              label: t('analytics.kpi.cases'),
              color: '#364fc7',
              values: trendRows.map((r) => r.cases),
            },
            {
              key: 'victims',
              label: t('analytics.kpi.victims'),
              color: '#c92a2a',
              values: trendRows.map((r) => r.victims),
            },
            {
              key: 'accused',
              label: t('analytics.kpi.accused'),
              color: '#2b8a3e',
              values: trendRows.map((r) => r.accused),
            },
          ]}
        />
      </FigurePanel>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <FigurePanel
          title={t('analytics.exploitation')}
          csv={csvHref('exploitation', query)}
          testId="figure-exploitation"
        >
          <BarList
            label={t('analytics.exploitation')}
            bars={(mix.data?.rows ?? []).map((r) => ({
              key: r.form,
              label: formTitle(r, language),
              value: r.cases,
              note: percent(r.share, language),
            }))}
          />
        </FigurePanel>
        <FigurePanel title={t('analytics.victims')} csv={csvHref('victims', query)} testId="figure-victims">
          <Stack gap="sm">
            <BarList
              label={t('analytics.victimsBySex')}
              bars={[...victimsBySex].map(([sex, n]) => ({
                key: sex,
                label: sexLabel(t, sex),
                value: n,
                color: '#c92a2a',
              }))}
            />
            <BarList
              label={t('analytics.victimsByAge')}
              bars={[...victimsByAge].map(([band, n]) => ({
                key: band,
                label: ageLabel(t, band),
                value: n,
                color: '#e67700',
              }))}
            />
          </Stack>
        </FigurePanel>
      </SimpleGrid>

      <FigurePanel title={t('analytics.roles')} csv={csvHref('district-roles', query)} testId="figure-roles">
        <Text size="sm" c="dimmed" mb="xs">
          {t('analytics.rolesRule')}
        </Text>
        <DataTable
          caption={t('analytics.roles')}
          rows={(roles.data?.rows ?? []).slice(0, 15)}
          rowKey={(r) => String(r.districtLgd)}
          empty={t('analytics.empty')}
          columns={[
            {
              key: 'district',
              header: t('analytics.district'),
              render: (r) => (
                <Anchor component={Link} to={`/analytics/districts/${String(r.districtLgd)}`} size="sm">
                  {placeLabel(r.districtName, r.stateName)}
                </Anchor>
              ),
            },
            {
              key: 'role',
              header: t('analytics.roleColumn'),
              render: (r) => (
                <Text size="sm" fw={600} c={ROLE_COLORS[r.role]}>
                  {roleLabel(t, r.role)}
                </Text>
              ),
            },
            {
              key: 'source',
              header: t('analytics.role.source'),
              numeric: true,
              render: (r) => formatNumber(r.sourceCases, language),
            },
            {
              key: 'transit',
              header: t('analytics.role.transit'),
              numeric: true,
              render: (r) => formatNumber(r.transitCases, language),
            },
            {
              key: 'destination',
              header: t('analytics.role.destination'),
              numeric: true,
              render: (r) => formatNumber(r.destinationCases, language),
            },
          ]}
        />
      </FigurePanel>

      <FigurePanel title={t('analytics.flows')} csv={csvHref('corridors', flowQuery)} testId="figure-flows">
        <Text size="sm" c="dimmed" mb="xs">
          {t(flowLevel === 'state' ? 'analytics.flowsNoteState' : 'analytics.flowsNoteDistrict')}
        </Text>
        <FlowSankey rows={flowRows} label={t('analytics.flowsLabel', { count: flowRows.length })} />
        {flowRows.length > 0 ? (
          <details className="analytics-details">
            <summary>{t('analytics.flowsTable')}</summary>
            <DataTable
              caption={t('analytics.flows')}
              rows={flowRows}
              rowKey={(r) => `${r.originCode}>${r.destinationCode}`}
              empty={t('analytics.empty')}
              columns={[
                {
                  key: 'origin',
                  header: t('analytics.flowsFrom'),
                  render: (r) => placeLabel(r.originName, r.originStateName),
                },
                {
                  key: 'destination',
                  header: t('analytics.flowsTo'),
                  render: (r) => placeLabel(r.destinationName, r.destinationStateName),
                },
                {
                  key: 'cases',
                  header: t('analytics.kpi.cases'),
                  numeric: true,
                  render: (r) => formatNumber(r.cases, language),
                },
              ]}
            />
          </details>
        ) : null}
      </FigurePanel>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <FigurePanel
          title={t('analytics.corridors')}
          csv={csvHref('corridors', query)}
          testId="figure-corridors"
        >
          <BarList
            label={t('analytics.corridors')}
            bars={(corridors.data?.rows ?? []).map((r) => ({
              key: `${r.originCode}-${r.destinationCode}`,
              label: `${placeLabel(r.originName, r.originStateName)} → ${placeLabel(r.destinationName, r.destinationStateName)}`,
              value: r.cases,
              color: CORRIDOR_COLOR,
            }))}
          />
        </FigurePanel>
        <FigurePanel title={t('analytics.hubs')} csv={csvHref('hubs', query)} testId="figure-hubs">
          <BarList
            label={t('analytics.hubs')}
            bars={(hubs.data?.rows ?? []).map((r) => ({
              key: `${r.kind}-${r.code}`,
              label: `${r.name} · ${hubKindLabel(t, r.kind)}`,
              value: r.cases,
              color: '#e67700',
            }))}
          />
        </FigurePanel>
      </SimpleGrid>

      <PerformancePanel data={perf.data} csv={csvHref('performance', query)} />
    </Stack>
  );
}
