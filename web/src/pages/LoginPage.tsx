import { Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/client';
import type { LoginResponse } from '../api/types';
import { ErrorNotice, StatusNotice } from '../components/feedback';
import { usePage } from '../components/PageReady';
import { safeNext, useSession } from '../session/session';

export function afterSignInPath(step: LoginResponse['next'], next: string): string {
  const query = next === '/' ? '' : `?next=${encodeURIComponent(next)}`;
  if (step === 'mfa_required') return `/login/mfa${query}`;
  if (step === 'mfa_enrolment_required') return `/login/enrol${query}`;
  return next;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { setMe } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ username?: string; password?: string }>({});
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  usePage(t('login.title'), true);

  const reason = params.get('reason');
  const notice =
    reason === 'session_expired'
      ? t('errors.session_expired')
      : reason === 'signed_out'
        ? t('login.signedOut')
        : reason === 'unauthenticated'
          ? t('errors.unauthenticated')
          : undefined;

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = {
      ...(username.trim() ? {} : { username: t('login.usernameRequired') }),
      ...(password ? {} : { password: t('login.passwordRequired') }),
    };
    setFieldErrors(errors);
    if (errors.username || errors.password) return;
    setBusy(true);
    setError(undefined);
    api
      .post<LoginResponse>(
        '/api/auth/login',
        { username: username.trim(), password },
        { authRedirect: false },
      )
      .then((result) => {
        setMe(result.user);
        void navigate(afterSignInPath(result.next, safeNext(params.get('next'))), { replace: true });
      })
      .catch((failure: unknown) => {
        setError(failure);
        setPassword('');
        setBusy(false);
      });
  };

  return (
    <Paper withBorder p="lg" radius="md" maw={420} mx="auto" mt="lg">
      <form onSubmit={submit} noValidate aria-labelledby="login-title">
        <Stack gap="md">
          <div>
            <Title order={1} size="h2" id="login-title">
              {t('login.title')}
            </Title>
            <Text size="sm" c="dimmed" mt={4}>
              {t('login.intro')}
            </Text>
          </div>
          <StatusNotice message={error ? undefined : notice} color="indigo" />
          {/* A refused sign-in is the user's to correct, not "something went wrong". */}
          <ErrorNotice error={error} title={t('login.failed')} />
          <TextInput
            label={t('login.username')}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            onChange={(event) => setUsername(event.currentTarget.value)}
            error={fieldErrors.username}
            data-autofocus
            autoFocus
          />
          <PasswordInput
            label={t('login.password')}
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={fieldErrors.password}
            visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
          />
          <Button type="submit" loading={busy} fullWidth>
            {t('login.submit')}
          </Button>
          <Anchor component={Link} to="/about" size="sm" ta="center">
            {t('login.about')}
          </Anchor>
          <Anchor component={Link} to="/tip" size="sm" ta="center">
            {t('login.tip')}
          </Anchor>
        </Stack>
      </form>
    </Paper>
  );
}
