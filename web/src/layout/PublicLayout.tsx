import { Anchor, Box, Container, Group } from '@mantine/core';
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { useReadyState } from '../components/PageReady';
import { PageLoader } from '../components/feedback';
import { PageErrorBoundary } from '../components/PageErrorBoundary';

/** The frame of the pages before sign-in: the name, the language switcher, and the page. */
export function PublicLayout({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const [ready, provideReady] = useReadyState();
  const location = useLocation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Box component="header" px="md" py="sm" className="public-header">
        <Group justify="space-between" wrap="nowrap" maw={960} mx="auto">
          <Anchor component={Link} to="/login" fw={700} fz="xl" underline="never" c="indigo.8">
            {t('app.name')}
          </Anchor>
          <LanguageSwitcher />
        </Group>
      </Box>
      <Container
        component="main"
        id="main"
        tabIndex={-1}
        size="md"
        py="md"
        data-ready={ready ? 'true' : 'false'}
      >
        {provideReady(
          // Keyed by page: a new page shows the loader at once instead of leaving the last one up.
          <PageErrorBoundary key={location.pathname}>
            <Suspense fallback={<PageLoader />}>{children ?? <Outlet />}</Suspense>
          </PageErrorBoundary>,
        )}
      </Container>
    </>
  );
}
