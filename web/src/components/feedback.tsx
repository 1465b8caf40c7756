import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../i18n/errors';

/** A region that screen readers announce when its content changes; keep it mounted. */
export function LiveRegion({ children, assertive = false }: { children: ReactNode; assertive?: boolean }) {
  return (
    <div className="live-region" aria-live={assertive ? 'assertive' : 'polite'} aria-atomic="true">
      {children}
    </div>
  );
}

/** The error of a failed request, in the user's language, announced to screen readers. */
export function ErrorNotice({
  error,
  title,
  onRetry,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <LiveRegion assertive>
      {error !== undefined && error !== null ? (
        <Alert color="red" variant="light" title={title ?? t('errors.title')} role="none" data-testid="error">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{errorMessage(t, error)}</Text>
            {onRetry ? (
              <Button size="xs" variant="default" onClick={onRetry}>
                {t('common.retry')}
              </Button>
            ) : null}
          </Stack>
        </Alert>
      ) : null}
    </LiveRegion>
  );
}

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status">
      <Loader size="md" aria-hidden="true" />
      <Text ml="sm" c="dimmed">
        {t('app.loading')}
      </Text>
    </Center>
  );
}

/** A success or information message, announced politely. */
export function StatusNotice({ message, color = 'teal' }: { message: string | undefined; color?: string }) {
  return (
    <LiveRegion>
      {message ? (
        <Alert color={color} variant="light" role="none">
          <Text size="sm">{message}</Text>
        </Alert>
      ) : null}
    </LiveRegion>
  );
}
