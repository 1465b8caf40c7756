import type { TFunction } from 'i18next';
import { coordinationNavItems } from '../api/coordination';
import { AppShell, Anchor, Box, Burger, Button, Divider, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import {
  AUDIT_PAGE_ROLES,
  CASE_READER_ROLES,
  CASE_WRITER_ROLES,
  hasRole,
  USERS_PAGE_ROLES,
  type Me,
} from '../api/types';
import { MEETING_READER_ROLES, REQUEST_READER_ROLES } from '../api/channel';
import { LINKAGE_REVIEWER_ROLES } from '../api/linkage';
import { CARE_READER_ROLES, TRACING_READER_ROLES } from '../api/restoration';
import { ANALYTICS_ROLES } from '../api/analytics';
import { AHTU_READERS, TRAINING_READERS } from '../api/capacity';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { useReadyState } from '../components/PageReady';
import { PageLoader } from '../components/feedback';
import { PageErrorBoundary } from '../components/PageErrorBoundary';
import { roleLabel } from '../components/labels';
import { InboxBadge } from '../pages/channel/InboxBadge';
import { useSession } from '../session/session';

interface NavItem {
  to: string;
  label: string;
}

export function navItems(me: Me, t: TFunction): NavItem[] {
  const items: NavItem[] = [{ to: '/', label: t('nav.home') }];
  if (hasRole(me, CASE_READER_ROLES)) items.push({ to: '/cases', label: t('nav.cases') });
  if (hasRole(me, CASE_WRITER_ROLES)) items.push({ to: '/cases/new', label: t('nav.newCase') });
  if (hasRole(me, REQUEST_READER_ROLES)) {
    items.push(
      { to: '/requests', label: t('channel.nav.requests') },
      { to: '/alerts', label: t('channel.nav.alerts') },
    );
  }
  items.push({ to: '/inbox', label: t('channel.nav.inbox') });
  if (hasRole(me, MEETING_READER_ROLES)) items.push({ to: '/meetings', label: t('channel.nav.meetings') });
  if (hasRole(me, LINKAGE_REVIEWER_ROLES)) items.push({ to: '/linkage', label: t('linkage.nav') });
  if (hasRole(me, TRACING_READER_ROLES))
    items.push({ to: '/restoration/found', label: t('restoration.nav.main') });
  if (hasRole(me, CARE_READER_ROLES)) items.push({ to: '/care', label: t('restoration.nav.care') });
  if (hasRole(me, ANALYTICS_ROLES)) items.push({ to: '/analytics', label: t('analytics.nav') });
  if (hasRole(me, AHTU_READERS)) items.push({ to: '/capacity/ahtus', label: t('capacity.nav') });
  if (hasRole(me, TRAINING_READERS))
    items.push({ to: '/capacity/training', label: t('capacity.navTraining') });
  items.push(...coordinationNavItems(me, t));
  items.push({ to: '/units', label: t('nav.units') }, { to: '/places', label: t('nav.places') });
  if (hasRole(me, USERS_PAGE_ROLES)) items.push({ to: '/users', label: t('nav.users') });
  if (hasRole(me, AUDIT_PAGE_ROLES)) items.push({ to: '/audit', label: t('nav.audit') });
  items.push({ to: '/about', label: t('nav.about') });
  return items;
}

/** The navigation item for an address: the most specific match (`/cases/new` over `/cases`). */
export function activeItem(items: NavItem[], pathname: string): string | undefined {
  if (pathname === '/') return '/';
  // A person belongs to a case.
  const path = pathname.startsWith('/persons/') ? '/cases' : pathname;
  return items
    .filter((item) => item.to !== '/' && (path === item.to || path.startsWith(`${item.to}/`)))
    .sort((a, b) => b.to.length - a.to.length)[0]?.to;
}

/** The signed-in frame: header with account and language, navigation (a burger menu on phones), the page. */
export default function AppLayout({ me, children }: { me: Me; children?: ReactNode }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const location = useLocation();
  const { signOut } = useSession();
  const [ready, provideReady] = useReadyState();
  const items = navItems(me, t);
  const active = activeItem(items, location.pathname);

  // Once the session is forgotten, RequireSession sends the user to the login page ("You have signed out").
  const doSignOut = () => void signOut();
  const roleAndUnit = `${roleLabel(t, me.role)} · ${me.unit.name}`;
  const account = (truncate: boolean) => (
    <>
      <Text size="sm" fw={600} lh={1.3} truncate={truncate ? 'end' : undefined} data-testid="account-name">
        {me.displayName}
      </Text>
      <Text size="xs" c="dimmed" lh={1.3} truncate={truncate ? 'end' : undefined} title={roleAndUnit}>
        {roleAndUnit}
      </Text>
    </>
  );

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
              aria-expanded={opened}
              aria-controls="app-nav"
            />
            <Anchor component={Link} to="/" fw={700} fz="xl" underline="never" c="indigo.8">
              {t('app.name')}
            </Anchor>
          </Group>
          <Group gap="md" wrap="nowrap">
            <InboxBadge />
            <Box visibleFrom="sm" ta="right" maw={360} miw={0}>
              {account(true)}
            </Box>
            <LanguageSwitcher />
            <Button variant="default" size="compact-sm" visibleFrom="sm" onClick={doSignOut}>
              {t('nav.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        id="app-nav"
        p="sm"
        aria-label={t('nav.main')}
        // Off-screen on a phone while the menu is closed: keep its links out of the tab order too.
        inert={narrow && !opened}
      >
        <Stack gap={2}>
          {items.map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              active={item.to === active}
              aria-current={item.to === active ? 'page' : undefined}
              onClick={close}
            />
          ))}
        </Stack>
        <Box hiddenFrom="sm" mt="md">
          <Divider mb="sm" />
          <Text size="xs" c="dimmed">
            {t('nav.account')}
          </Text>
          {account(false)}
          <Button variant="default" size="sm" mt="sm" fullWidth onClick={doSignOut}>
            {t('nav.signOut')}
          </Button>
        </Box>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} data-ready={ready ? 'true' : 'false'}>
        <Box maw={1200}>
          {provideReady(
            // Keyed by page: a new page shows the loader at once instead of leaving the last one up.
            <PageErrorBoundary key={location.pathname}>
              <Suspense fallback={<PageLoader />}>{children ?? <Outlet />}</Suspense>
            </PageErrorBoundary>,
          )}
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
