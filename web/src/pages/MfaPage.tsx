import { Anchor, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, ApiError, loginPath } from '../api/client';
import type { Me } from '../api/types';
import { ErrorNotice } from '../components/feedback';
import { usePage } from '../components/PageReady';
import { needsSignIn, safeNext, useSession } from '../session/session';

/** A TOTP code (spaces ignored) or a recovery code like `k7qm-2x9d-p4wt`. */
export function normaliseCode(raw: string): string {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/\s+/g, '');
  return /^\d+$/.test(digits) ? digits : trimmed.toLowerCase();
}

export function isPlausibleCode(code: string): boolean {
  return /^\d{6}$/.test(code) || /^[a-z0-9]{4}-?[a-z0-9]{4}-?[a-z0-9]{4}$/.test(code);
}

export default function MfaPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { setMe, signOut } = useSession();
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  usePage(t('mfa.title'), true);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = normaliseCode(code);
    if (!value) return setFieldError(t('mfa.codeRequired'));
    if (!isPlausibleCode(value)) return setFieldError(t('mfa.codeFormat'));
    setFieldError(undefined);
    setError(undefined);
    setBusy(true);
    api
      .post<{ user: Me }>('/api/auth/mfa', { code: value })
      .then((result) => {
        setMe(result.user);
        void navigate(safeNext(params.get('next')), { replace: true });
      })
      .catch((failure: unknown) => {
        if (failure instanceof ApiError && failure.code === 'mfa_not_enrolled') {
          void navigate(`/login/enrol${window.location.search}`, { replace: true });
          return;
        }
        if (needsSignIn(failure)) {
          void navigate(loginPath(failure.code), { replace: true });
          return;
        }
        setError(failure);
        setCode('');
        setBusy(false);
      });
  };

  const cancel = () => {
    void signOut().then(() => navigate('/login', { replace: true }));
  };

  return (
    <Paper withBorder p="lg" radius="md" maw={420} mx="auto" mt="lg">
      <form onSubmit={submit} noValidate aria-labelledby="mfa-title">
        <Stack gap="md">
          <div>
            <Title order={1} size="h2" id="mfa-title">
              {t('mfa.title')}
            </Title>
            <Text size="sm" c="dimmed" mt={4}>
              {t('mfa.intro')}
            </Text>
          </div>
          <ErrorNotice error={error} />
          <TextInput
            label={t('mfa.code')}
            name="code"
            autoComplete="one-time-code"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={20}
            required
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            error={fieldError}
            autoFocus
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: '1.125rem' } }}
          />
          <Button type="submit" loading={busy} fullWidth>
            {t('mfa.submit')}
          </Button>
          <Anchor component="button" type="button" size="sm" onClick={cancel} ta="center">
            {t('mfa.cancel')}
          </Anchor>
        </Stack>
      </form>
    </Paper>
  );
}
