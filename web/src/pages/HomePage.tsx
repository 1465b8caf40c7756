import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  AUDIT_PAGE_ROLES,
  CASE_READER_ROLES,
  CASE_WRITER_ROLES,
  hasRole,
  USERS_PAGE_ROLES,
  type CaseSummary,
  type DistrictDetail,
  type Me,
  type Page,
  type State,
} from '../api/types';
import { ALERT_READER_ROLES, type AlertListItem } from '../api/channel';
import { useApiGet } from '../api/useApi';
import { levelLabel, roleLabel } from '../components/labels';
import { usePage } from '../components/PageReady';
import { useSession } from '../session/session';
import { CaseSummaryPanel } from './cases/CaseSummaryPanel';

function localName(item: { name: string; nameHi: string | null } | undefined, language: string) {
  if (!item) return undefined;
  return language === 'hi' && item.nameHi ? item.nameHi : item.name;
}

function JurisdictionText({
  me,
  states,
  district,
}: {
  me: Me;
  states: State[] | undefined;
  district: DistrictDetail | undefined;
}) {
  const { t, i18n } = useTranslation();
  const { level, stateLgd, districtLgd } = me.jurisdiction;
  if (level === 'national') return <>{t('home.jurisdictionNational')}</>;
  // Names when the reference data answers; LGD codes otherwise.
  const state =
    localName(
      district?.state ?? states?.find((candidate) => candidate.lgdCode === stateLgd),
      i18n.language,
    ) ?? t('common.lgdCode', { code: stateLgd ?? '' });
  if (level === 'state') return <>{t('home.jurisdictionState', { state })}</>;
  const districtName = district?.name ?? t('common.lgdCode', { code: districtLgd ?? '' });
  return <>{t('home.jurisdictionDistrict', { district: districtName, state })}</>;
}

export default function HomePage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const level = me?.jurisdiction.level;
  const districtLgd = me?.jurisdiction.districtLgd;
  const states = useApiGet<State[]>(level === 'state' ? '/api/reference/states' : null);
  const district = useApiGet<DistrictDetail>(
    level === 'district' && districtLgd ? `/api/reference/districts/${String(districtLgd)}` : null,
  );
  const readsCases = hasRole(me, CASE_READER_ROLES);
  const summary = useApiGet<CaseSummary>(readsCases ? '/api/cases/summary' : null);
  // Only the count: alerts addressed to the user's unit, still open, that nobody there has acknowledged.
  const alerts = useApiGet<Page<AlertListItem>>(hasRole(me, ALERT_READER_ROLES) ? '/api/alerts' : null, {
    direction: 'received',
    status: 'open',
    unacknowledged: true,
    limit: 1,
  });
  usePage(t('home.title'), !states.loading && !district.loading && !summary.loading && !alerts.loading);
  if (!me) return null;

  const links = [
    { to: '/cases', title: t('nav.cases'), text: t('home.casesText'), show: readsCases },
    {
      to: '/cases/new',
      title: t('nav.newCase'),
      text: t('home.newCaseText'),
      show: hasRole(me, CASE_WRITER_ROLES),
    },
    { to: '/units', title: t('nav.units'), text: t('home.unitsText'), show: true },
    { to: '/places', title: t('nav.places'), text: t('home.placesText'), show: true },
    { to: '/users', title: t('nav.users'), text: t('home.usersText'), show: hasRole(me, USERS_PAGE_ROLES) },
    { to: '/audit', title: t('nav.audit'), text: t('home.auditText'), show: hasRole(me, AUDIT_PAGE_ROLES) },
    { to: '/about', title: t('nav.about'), text: t('home.aboutText'), show: true },
  ].filter((link) => link.show);

  return (
    <Stack gap="lg">
      <Title order={1}>{t('home.welcome', { name: me.displayName })}</Title>
      {readsCases ? <CaseSummaryPanel me={me} summary={summary} unreadAlerts={alerts.data?.total} /> : null}
      <Paper withBorder p="md" radius="md">
        <dl className="card-fields">
          <div className="card-field">
            <dt>{t('home.role')}</dt>
            <dd>{roleLabel(t, me.role)}</dd>
          </div>
          <div className="card-field">
            <dt>{t('home.unit')}</dt>
            <dd data-testid="home-unit">{me.unit.name}</dd>
          </div>
          <div className="card-field">
            <dt>{t('home.jurisdiction')}</dt>
            <dd data-testid="home-jurisdiction">
              {levelLabel(t, me.jurisdiction.level)}:{' '}
              <JurisdictionText me={me} states={states.data} district={district.data} />
            </dd>
          </div>
        </dl>
      </Paper>
      <section aria-labelledby="home-links">
        <Title order={2} size="h3" id="home-links" mb="sm">
          {t('home.goTo')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {links.map((link) => (
            <Paper key={link.to} withBorder p="md" radius="md">
              <Anchor component={Link} to={link.to} fw={600} fz="lg">
                {link.title}
              </Anchor>
              <Text size="sm" c="dimmed" mt={4}>
                {link.text}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      </section>
    </Stack>
  );
}
