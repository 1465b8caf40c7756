import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { PublicCertificate } from '../../api/capacity';
import { ApiError } from '../../api/client';
import { useApiGet } from '../../api/useApi';
import { ErrorNotice } from '../../components/feedback';
import { usePage } from '../../components/PageReady';
import { formatDate } from '../../i18n/format';

/** Public: anyone can check a certificate's code; only the name, programme and date are shown. */
export default function CertificateVerifyPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const code = params.get('code') ?? '';
  const [typed, setTyped] = useState(code);
  const result = useApiGet<PublicCertificate>(
    code ? `/api/public/certificates/${encodeURIComponent(code)}` : null,
    undefined,
    { authRedirect: false },
  );
  usePage(t('capacity.verify.title'), !result.loading);
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setParams(typed.trim() ? { code: typed.trim() } : {});
  };
  const unknown = result.error instanceof ApiError && result.error.status === 404;
  return (
    <Stack gap="md" maw={560}>
      <Title order={1}>{t('capacity.verify.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('capacity.verify.intro')}
      </Text>
      <form onSubmit={submit}>
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('capacity.verify.code')}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            autoCapitalize="characters"
            spellCheck={false}
          />
          <Button type="submit">{t('capacity.verify.check')}</Button>
        </Group>
      </form>
      {unknown ? (
        <Alert color="red" variant="light" role="status">
          {t('capacity.verify.unknown')}
        </Alert>
      ) : (
        <ErrorNotice error={result.error} onRetry={result.reload} />
      )}
      {result.data && code ? (
        <Paper withBorder p="md" radius="md" role="status" data-testid="certificate-valid">
          <Text fw={700} c="teal.9">
            {t('capacity.verify.valid')}
          </Text>
          <Text size="sm">{t('capacity.verify.name', { name: result.data.name })}</Text>
          <Text size="sm">{t('capacity.verify.programme', { programme: result.data.programme })}</Text>
          <Text size="sm">
            {t('capacity.verify.date', { date: formatDate(result.data.date, i18n.language) })}
          </Text>
        </Paper>
      ) : null}
    </Stack>
  );
}
