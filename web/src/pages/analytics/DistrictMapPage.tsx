// SegmentedControl is not among the Mantine styles the app loads up front (web/src/styles.ts).
import '@mantine/core/styles/SegmentedControl.layer.css';
import './analytics.css';
import { Anchor, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  csvHref,
  type CorridorRow,
  figureQuery,
  type DistrictRoleRow,
  type Figure,
  type MissingPersonsRow,
  type StatisticsSource,
} from '../../api/analytics';
import { useApiGet } from '../../api/useApi';
import { ErrorNotice, PageLoader } from '../../components/feedback';
import { useUrlFilters } from '../../components/filters';
import { usePage } from '../../components/PageReady';
import { formatNumber } from '../../i18n/format';
import { useSession } from '../../session/session';
import { FigurePanel, ROLE_COLORS } from './charts';
import { AnalyticsFilters } from './Filters';
import { placeLabel, roleLabel } from './labels';

const ChoroplethMap = lazy(() => import('./ChoroplethMap'));

type Metric = 'role' | 'cases' | 'missing';
const SCALE = ['#edf2ff', '#bac8ff', '#748ffc', '#4263eb', '#364fc7', '#1c2f8f'];

/** Five classes by quantile of the non-zero values, so a few large districts do not wash out the rest. */
function classes(values: number[]): number[] {
  const sorted = values.filter((v) => v > 0).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  return [0.2, 0.4, 0.6, 0.8].map(
    (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0,
  );
}
const classOf = (v: number, breaks: number[]) => breaks.filter((b) => v > b).length + 1;

/** A district choropleth of India: roles, cases, or NCRB missing persons; a click opens the district. */
export default function DistrictMapPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { me } = useSession();
  const navigate = useNavigate();
  const { values, update } = useUrlFilters(['from', 'to', 'state', 'metric'] as const);
  const metric: Metric = values.metric === 'cases' || values.metric === 'missing' ? values.metric : 'role';
  const query = figureQuery({ from: values.from, to: values.to, state: values.state });
  const roles = useApiGet<Figure<DistrictRoleRow>>('/api/analytics/district-roles', query);
  const flows = useApiGet<Figure<CorridorRow>>('/api/analytics/corridors', { ...query, limit: 25 });
  const missing = useApiGet<{ source: StatisticsSource; rows: MissingPersonsRow[] }>(
    metric === 'missing' ? '/api/statistics/missing-persons' : null,
    { year: 2022, state: values.state || undefined },
  );
  const [mapSettled, setMapSettled] = useState(false);
  const onSettled = useCallback(() => setMapSettled(true), []);
  const stateView =
    me?.jurisdiction.level === 'national' ? values.state : String(me?.jurisdiction.stateLgd ?? '');
  usePage(
    t('analytics.mapTitle'),
    !roles.loading && !flows.loading && (metric !== 'missing' || !missing.loading) && mapSettled,
  );
  const arcs = useMemo(
    () =>
      (flows.data?.rows ?? []).flatMap((c) =>
        c.originPoint && c.destinationPoint && c.originCode !== c.destinationCode
          ? [{ from: c.originPoint, to: c.destinationPoint, cases: c.cases }]
          : [],
      ),
    [flows.data],
  );

  const { colors, legend } = useMemo(() => {
    const map = new Map<number, string>();
    if (metric === 'role') {
      for (const r of roles.data?.rows ?? []) map.set(r.districtLgd, ROLE_COLORS[r.role] ?? '#868e96');
      const items = (['source', 'transit', 'destination', 'mixed'] as const).map((role) => ({
        color: ROLE_COLORS[role] ?? '#868e96',
        label: roleLabel(t, role),
      }));
      return { colors: map, legend: items };
    }
    const entries: [number, number][] =
      metric === 'cases'
        ? (roles.data?.rows ?? []).map((r) => [r.districtLgd, r.cases])
        : (missing.data?.rows ?? []).flatMap((r) =>
            r.districtLgd === null ? [] : [[r.districtLgd, r.total] as [number, number]],
          );
    const breaks = classes(entries.map(([, v]) => v));
    for (const [lgd, v] of entries) if (v > 0) map.set(lgd, SCALE[classOf(v, breaks)] ?? '#1c2f8f');
    const bounds = [1, ...breaks.map((b) => b + 1)];
    const items = bounds.map((lower, i) => ({
      color: SCALE[i + 1] ?? '#1c2f8f',
      label: `${formatNumber(lower, language)}${breaks[i] !== undefined ? `–${formatNumber(breaks[i] ?? 0, language)}` : '+'}`,
    }));
    return { colors: map, legend: items };
  }, [metric, roles.data, missing.data, t, language]);

  if (!me) return null;
  const top = (roles.data?.rows ?? []).slice(0, 12);
  const mapLabel = t('analytics.mapLabel', { metric: t(`analytics.metric.${metric}`) });

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/analytics${values.state ? `?state=${values.state}` : ''}`} size="sm">
        ← {t('analytics.backToDashboard')}
      </Anchor>
      <div>
        <Title order={1}>{t('analytics.mapTitle')}</Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('analytics.mapIntro')}
        </Text>
      </div>
      <AnalyticsFilters values={values} update={update} me={me} />
      <SegmentedControl
        value={metric}
        onChange={(v) => update({ metric: v === 'role' ? '' : v })}
        data={(['role', 'cases', 'missing'] as const).map((m) => ({
          value: m,
          label: t(`analytics.metric.${m}`),
        }))}
        aria-label={t('analytics.metricLabel')}
      />
      <ErrorNotice error={roles.error ?? missing.error} />
      <FigurePanel
        title={mapLabel}
        csv={
          metric === 'missing'
            ? `/api/statistics/missing-persons/csv?year=2022${values.state ? `&state=${values.state}` : ''}`
            : csvHref('district-roles', query)
        }
        testId="figure-map"
      >
        <Suspense fallback={<PageLoader />}>
          <ChoroplethMap
            state={stateView ? Number(stateView) : null}
            colors={colors}
            arcs={arcs}
            label={mapLabel}
            onSelect={(lgd) => void navigate(`/analytics/districts/${String(lgd)}`)}
            onSettled={onSettled}
          />
        </Suspense>
        <Group gap="md" mt="sm" aria-label={t('analytics.legend')} role="list">
          {legend.map((item) => (
            <Group key={item.label} gap={6} role="listitem">
              <span className="analytics-swatch" style={{ background: item.color }} aria-hidden="true" />
              <Text size="xs">{item.label}</Text>
            </Group>
          ))}
        </Group>
        <Text size="xs" c="dimmed" mt="xs">
          {t('analytics.arcsNote')}
        </Text>
        {metric === 'missing' && missing.data ? (
          <Text size="xs" c="dimmed" mt="xs" data-testid="ncrb-source">
            {t('analytics.source')}: {missing.data.source.citation} ({missing.data.source.licence})
          </Text>
        ) : null}
      </FigurePanel>
      <FigurePanel title={t('analytics.topDistricts')}>
        <ul className="analytics-district-list">
          {top.map((r) => (
            <li key={r.districtLgd}>
              <Anchor component={Link} to={`/analytics/districts/${String(r.districtLgd)}`}>
                {placeLabel(r.districtName, r.stateName)}
              </Anchor>{' '}
              <Text span size="sm" c={ROLE_COLORS[r.role]}>
                {roleLabel(t, r.role)}
              </Text>{' '}
              <Text span size="sm" c="dimmed">
                · {t('analytics.casesCount', { count: r.cases })}
              </Text>
            </li>
          ))}
        </ul>
      </FigurePanel>
    </Stack>
  );
}
