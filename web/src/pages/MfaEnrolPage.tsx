import { Button, Checkbox, CopyButton, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, ApiError, loginPath } from '../api/client';
import type { MfaEnrolmentConfirmed, MfaEnrolmentStart } from '../api/types';
import { ErrorNotice, PageLoader } from '../components/feedback';
import { usePage } from '../components/PageReady';
import { QrCode } from '../components/QrCode';
import { needsSignIn, safeNext, useSession } from '../session/session';

/** `JBSWY3DPEHPK3PXP` → `JBSW Y3DP EHPK 3PXP`, easier to type into an app by hand. */
export function groupSecret(secret: string): string {
  return (secret.replace(/\s+/g, '').match(/.{1,4}/g) ?? []).join(' ');
}

function downloadCodes(codes: string[], header: string, username: string): void {
  const text = `${header}\n\n${codes.join('\n')}\n`;
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `setu-recovery-codes-${username}.txt`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export default function MfaEnrolPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { setMe } = useSession();
  const [enrolment, setEnrolment] = useState<MfaEnrolmentStart | undefined>(undefined);
  const [startError, setStartError] = useState<unknown>(undefined);
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [confirmed, setConfirmed] = useState<MfaEnrolmentConfirmed | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const started = useRef(false);
  const next = safeNext(params.get('next'));
  usePage(t('enrol.title'), enrolment !== undefined || startError !== undefined);

  const handleAuthFailure = useCallback(
    (failure: unknown): boolean => {
      if (needsSignIn(failure)) {
        void navigate(loginPath(failure.code), { replace: true });
        return true;
      }
      if (failure instanceof ApiError && failure.code === 'mfa_already_enrolled') {
        void navigate(`/login/mfa${window.location.search}`, { replace: true });
        return true;
      }
      return false;
    },
    [navigate],
  );

  const start = useCallback(() => {
    setStartError(undefined);
    setError(undefined);
    setEnrolment(undefined);
    setCode('');
    // A POST, so it must not run twice for one visit (React runs effects twice in development).
    api
      .post<MfaEnrolmentStart>('/api/auth/mfa/enrolment')
      .then(setEnrolment)
      .catch((failure: unknown) => {
        if (!handleAuthFailure(failure)) setStartError(failure);
      });
  }, [handleAuthFailure]);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    start();
  }, [start]);

  const confirm = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(value)) return setFieldError(t('enrol.codeFormat'));
    setFieldError(undefined);
    setError(undefined);
    setBusy(true);
    api
      .post<MfaEnrolmentConfirmed>('/api/auth/mfa/enrolment/confirm', { code: value })
      .then((result) => {
        setConfirmed(result);
        setBusy(false);
      })
      .catch((failure: unknown) => {
        setBusy(false);
        if (handleAuthFailure(failure)) return;
        setError(failure);
        setCode('');
      });
  };

  if (confirmed) {
    const codes = confirmed.recoveryCodes;
    return (
      <Paper withBorder p="lg" radius="md" maw={560} mx="auto" mt="lg">
        <Stack gap="md">
          <Title order={1} size="h2">
            {t('enrol.recoveryTitle')}
          </Title>
          <Text size="sm">{t('enrol.recoveryIntro')}</Text>
          <ol className="recovery-codes" aria-label={t('enrol.recoveryList')} data-testid="recovery-codes">
            {codes.map((recoveryCode) => (
              <li key={recoveryCode}>{recoveryCode}</li>
            ))}
          </ol>
          <Group gap="sm">
            <Button
              variant="default"
              size="sm"
              onClick={() =>
                downloadCodes(
                  codes,
                  t('enrol.fileHeader', { username: confirmed.user.username }),
                  confirmed.user.username,
                )
              }
            >
              {t('enrol.download')}
            </Button>
            <CopyButton value={codes.join('\n')}>
              {({ copied, copy }) => (
                <Button variant="default" size="sm" onClick={copy}>
                  {copied ? t('common.copied') : t('enrol.copyAll')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Checkbox
            label={t('enrol.saved')}
            checked={saved}
            onChange={(event) => setSaved(event.currentTarget.checked)}
          />
          <Button
            disabled={!saved}
            onClick={() => {
              setMe(confirmed.user);
              void navigate(next, { replace: true });
            }}
          >
            {t('enrol.continue')}
          </Button>
        </Stack>
      </Paper>
    );
  }

  return (
    <Paper withBorder p="lg" radius="md" maw={560} mx="auto" mt="lg">
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('enrol.title')}
        </Title>
        <Text size="sm">{t('enrol.intro')}</Text>
        <ErrorNotice error={startError} onRetry={start} />
        {enrolment ? (
          <>
            <QrCode value={enrolment.otpauthUri} label={t('enrol.qrLabel')} />
            <div>
              <Text size="sm">{t('enrol.manual')}</Text>
              <Group gap="sm" mt={4} wrap="wrap">
                <Text className="secret" data-testid="mfa-secret">
                  {groupSecret(enrolment.secret)}
                </Text>
                <CopyButton value={enrolment.secret}>
                  {({ copied, copy }) => (
                    <Button variant="default" size="compact-sm" onClick={copy}>
                      {copied ? t('common.copied') : t('enrol.copyKey')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </div>
            <form onSubmit={confirm} noValidate>
              <Stack gap="sm">
                <ErrorNotice error={error} />
                <TextInput
                  label={t('enrol.code')}
                  description={t('enrol.codeDescription')}
                  name="code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={7}
                  required
                  value={code}
                  onChange={(event) => setCode(event.currentTarget.value)}
                  error={fieldError}
                  styles={{
                    input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: '1.125rem' },
                  }}
                />
                <Group gap="sm">
                  <Button type="submit" loading={busy}>
                    {t('enrol.confirm')}
                  </Button>
                  <Button variant="subtle" onClick={start} disabled={busy}>
                    {t('enrol.startAgain')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </>
        ) : startError === undefined ? (
          <PageLoader />
        ) : null}
      </Stack>
    </Paper>
  );
}
