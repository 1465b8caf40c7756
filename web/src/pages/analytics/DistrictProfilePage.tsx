import './analytics.css';
import { Anchor, Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { csvHref, type DistrictProfile } from '../../api/analytics';
import { useApiGet } from '../../api/useApi';
import { DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/feedback';
import { usePage } from '../../components/PageReady';
import { formatNumber } from '../../i18n/format';
import { BarList, FigurePanel, percent, ROLE_COLORS, TrendChart } from './charts';
import { formTitle, hubKindLabel, placeLabel, roleLabel } from './labels';

/** One district: why it is a source, transit or destination, the routes through it, and NCRB figures. */
export default function DistrictProfilePage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { lgd = '' } = useParams();
  const valid = /^\d+$/.test(lgd);
  const profile = useApiGet<DistrictProfile>(valid ? `/api/analytics/districts/${lgd}` : null);
  const p = profile.data;
  usePage(p ? p.districtName : t('analytics.profileTitle'), !valid || !profile.loading);
  const n = (v: number) => formatNumber(v, language);
  const district = { district: lgd };

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/analytics/map" size="sm">
        ← {t('analytics.backToMap')}
      </Anchor>
      <ErrorNotice error={valid ? profile.error : new Error(t('analytics.badDistrict'))} />
      {p ? (
        <>
          <div>
            <Title order={1} data-testid="district-name">
              {p.districtName}
            </Title>
            <Text c="dimmed">{p.stateName}</Text>
          </div>
          <FigurePanel
            title={t('analytics.profileRole')}
            csv={csvHref('district-roles', district)}
            testId="profile-role"
          >
            {p.role ? (
              <Stack gap="xs">
                <Group gap="sm">
                  <Badge color={ROLE_COLORS[p.role.role]} size="lg" data-testid="district-role">
                    {roleLabel(t, p.role.role)}
                  </Badge>
                  <Text size="sm">{t('analytics.casesCount', { count: p.role.cases })}</Text>
                </Group>
                <BarList
                  label={t('analytics.profileRole')}
                  bars={(['source', 'transit', 'destination'] as const).map((role) => ({
                    key: role,
                    label: roleLabel(t, role),
                    value: p.role ? p.role[`${role}Cases`] : 0,
                    note: percent(p.role ? p.role[`${role}Share`] : null, language),
                    color: ROLE_COLORS[role],
                  }))}
                />
                <Text size="xs" c="dimmed">
                  {t('analytics.rolesRule')}
                </Text>
              </Stack>
            ) : (
              <Text c="dimmed">{t('analytics.noRole')}</Text>
            )}
          </FigurePanel>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <FigurePanel title={t('analytics.corridors')} csv={csvHref('corridors', district)}>
              <BarList
                label={t('analytics.corridors')}
                bars={p.corridors.map((r) => ({
                  key: `${r.originCode}-${r.destinationCode}`,
                  label: `${placeLabel(r.originName, r.originStateName)} → ${placeLabel(r.destinationName, r.destinationStateName)}`,
                  value: r.cases,
                  color: '#5f3dc4',
                }))}
              />
              {p.corridors.length === 0 ? <Text c="dimmed">{t('analytics.empty')}</Text> : null}
            </FigurePanel>
            <FigurePanel title={t('analytics.hubs')} csv={csvHref('hubs', district)}>
              <BarList
                label={t('analytics.hubs')}
                bars={p.hubs.map((r) => ({
                  key: r.code,
                  label: `${r.name} · ${hubKindLabel(t, r.kind)}`,
                  value: r.cases,
                  color: '#e67700',
                }))}
              />
              {p.hubs.length === 0 ? <Text c="dimmed">{t('analytics.empty')}</Text> : null}
            </FigurePanel>
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <FigurePanel
              title={t('analytics.registeredHere')}
              csv={csvHref('trends', { ...district, granularity: 'year' })}
            >
              <TrendChart
                label={t('analytics.registeredHere')}
                periods={p.registeredByYear.map((r) => r.period)}
                series={[
                  {
                    key: 'cases',
                    label: t('analytics.kpi.cases'),
                    color: '#364fc7',
                    values: p.registeredByYear.map((r) => r.cases),
                  },
                  {
                    key: 'victims',
                    label: t('analytics.kpi.victims'),
                    color: '#c92a2a',
                    values: p.registeredByYear.map((r) => r.victims),
                  },
                ]}
              />
            </FigurePanel>
            <FigurePanel title={t('analytics.exploitation')} csv={csvHref('exploitation', district)}>
              <BarList
                label={t('analytics.exploitation')}
                bars={p.exploitation.map((r) => ({
                  key: r.form,
                  label: formTitle(r, language),
                  value: r.cases,
                  note: percent(r.share, language),
                }))}
              />
              {p.exploitation.length === 0 ? <Text c="dimmed">{t('analytics.empty')}</Text> : null}
            </FigurePanel>
          </SimpleGrid>
          <FigurePanel title={t('analytics.missingTitle')} testId="profile-missing">
            <DataTable
              caption={t('analytics.missingTitle')}
              rows={p.missingPersons}
              rowKey={(r) => `${String(r.year)}-${r.districtName}`}
              empty={t('analytics.empty')}
              columns={[
                { key: 'year', header: t('analytics.year'), render: (r) => String(r.year) },
                {
                  key: 'children',
                  header: t('analytics.children'),
                  numeric: true,
                  render: (r) => n(r.children),
                },
                { key: 'adults', header: t('analytics.adults'), numeric: true, render: (r) => n(r.adults) },
                {
                  key: 'female',
                  header: t('analytics.sex.female'),
                  numeric: true,
                  render: (r) => n(r.female),
                },
                { key: 'male', header: t('analytics.sex.male'), numeric: true, render: (r) => n(r.male) },
                { key: 'total', header: t('analytics.total'), numeric: true, render: (r) => n(r.total) },
              ]}
            />
            <Text size="xs" c="dimmed" mt="xs">
              {t('analytics.source')}: {p.missingPersonsSource}
            </Text>
          </FigurePanel>
        </>
      ) : null}
    </Stack>
  );
}
