import { Alert, Button, Stack, Text } from '@mantine/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePage } from './PageReady';

function PageFailed() {
  const { t } = useTranslation();
  usePage(t('errors.title'), true);
  return (
    <Alert color="red" variant="light" title={t('common.loadError')} data-testid="error">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('errors.pageFailed')}</Text>
        <Button size="xs" variant="default" onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </Button>
      </Stack>
    </Alert>
  );
}

/**
 * Catches a page that could not load (its code chunk failed on a weak connection, or a new version
 * was deployed) or that crashed, so the header and navigation stay usable. Keyed by page by its parent.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('page failed', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? <PageFailed /> : this.props.children;
  }
}
