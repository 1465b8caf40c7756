import { Anchor, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AlertView } from '../../api/channel';
import { api, ApiError } from '../../api/client';
import { useApiGet } from '../../api/useApi';
import { ErrorNotice, PageLoader, StatusNotice } from '../../components/feedback';
import { usePage } from '../../components/PageReady';
import { StatusText } from '../../components/StatusText';
import { unitKindLabel } from '../../components/labels';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { NotFoundContent } from '../NotFoundPage';
import { AlertBadges } from './AlertBadges';
import { alertKindLabel } from './labels';

function Row({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <div className="card-field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Acknowledge({ item, onDone }: { item: AlertView; onDone: (view: AlertView) => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    api
      .post<AlertView>(
        `/api/alerts/${encodeURIComponent(item.id)}/acknowledge`,
        note.trim() ? { note: note.trim() } : {},
      )
      .then(onDone)
      .catch(setError)
      .finally(() => setBusy(false));
  };
  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={submit} noValidate aria-labelledby="ack-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="ack-title">
            {t('channel.alert.acknowledgeTitle')}
          </Title>
          <TextInput
            label={t('channel.alert.note')}
            description={t('channel.alert.noteHint')}
            maxLength={2000}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
          <ErrorNotice error={error} />
          <Group>
            <Button type="submit" loading={busy}>
              {t('channel.alert.acknowledge')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** One alert: what, where, until when, and which recipient units acknowledged it. */
export default function AlertPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { id = '' } = useParams();
  const result = useApiGet<AlertView>(`/api/alerts/${encodeURIComponent(id)}`);
  const [latest, setLatest] = useState<AlertView | undefined>(undefined);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [closeError, setCloseError] = useState<unknown>(undefined);
  useEffect(() => setLatest(undefined), [result.data]);
  const loaded = result.data?.id === id ? result.data : undefined;
  const item = latest?.id === id ? latest : loaded;
  const notFound = result.error instanceof ApiError && [400, 403, 404].includes(result.error.status) && !item;
  usePage(
    notFound
      ? t('channel.alert.notFound')
      : item
        ? `${item.reference}: ${item.title}`
        : t('channel.alert.title'),
    !result.loading,
  );
  if (notFound)
    return <NotFoundContent title={t('channel.alert.notFound')} text={t('channel.alert.notFoundText')} />;
  if (result.error && !item) return <ErrorNotice error={result.error} onRetry={result.reload} />;
  if (!item) return <PageLoader />;

  const close = () => {
    setCloseError(undefined);
    api
      .post<AlertView>(`/api/alerts/${encodeURIComponent(item.id)}/close`)
      .then((view) => {
        setLatest(view);
        setStatus(t('channel.alert.closedNow'));
      })
      .catch(setCloseError);
  };
  const place = item.place
    ? [item.place.districtName, item.place.stateName].filter(Boolean).join(', ')
    : null;

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Anchor component={Link} to="/alerts" size="sm">
          ← {t('channel.alert.backToList')}
        </Anchor>
        <Text size="sm" fw={700} c="dimmed" data-testid="alert-reference">
          {item.reference}
        </Text>
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {item.title}
        </Title>
        <AlertBadges item={item} />
      </Stack>
      <StatusNotice message={status} />
      <Paper withBorder p="md" radius="md">
        <dl className="card-fields">
          <Row label={t('channel.alerts.kind')}>{alertKindLabel(t, item.kind)}</Row>
          <Row label={t('channel.alert.raisedBy')}>
            {item.raisedByUnit
              ? [item.raisedByName, item.raisedByUnit.name].filter(Boolean).join(', ')
              : t('channel.request.setu')}
          </Row>
          <Row label={t('channel.alerts.raised')}>{formatDateTime(item.createdAt, language)}</Row>
          <Row label={t('channel.alert.validUntil')}>{formatDateTime(item.validUntil, language)}</Row>
          <Row label={t('channel.alert.place')}>{place}</Row>
          <Row label={t('channel.request.case')}>
            {item.case ? (
              <Anchor component={Link} to={`/cases/${item.case.id}`} size="sm">
                {item.case.reference}
              </Anchor>
            ) : null}
          </Row>
        </dl>
        <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {item.body}
        </Text>
      </Paper>
      {item.canAcknowledge ? (
        <Acknowledge
          item={item}
          onDone={(view) => {
            setLatest(view);
            setStatus(t('channel.alert.acknowledgedNow'));
          }}
        />
      ) : null}
      <section aria-labelledby="alert-recipients">
        <Title order={2} size="h3" id="alert-recipients" mb="sm">
          {t('channel.alert.recipients', {
            done: formatNumber(item.acknowledgedCount, language),
            total: formatNumber(item.recipientCount, language),
          })}
        </Title>
        <ul className="plain-list" data-testid="alert-recipients">
          {item.recipients.map((r) => (
            <li key={r.unit.id}>
              <Group justify="space-between" gap="xs" wrap="wrap">
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600}>
                    {r.unit.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {[unitKindLabel(t, r.unit.kind), r.unit.stateName].filter(Boolean).join(' · ')}
                  </Text>
                </div>
                {r.acknowledgedAt ? (
                  <StatusText tone="good">
                    {t('channel.alert.acknowledgedAt', { at: formatDateTime(r.acknowledgedAt, language) })}
                  </StatusText>
                ) : (
                  <StatusText tone="bad">{t('channel.alert.notYet')}</StatusText>
                )}
              </Group>
              {r.acknowledgedByName || r.note ? (
                <Text size="xs">{[r.acknowledgedByName, r.note].filter(Boolean).join(': ')}</Text>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      {item.canClose ? (
        <Group>
          <Button variant="default" onClick={close}>
            {t('channel.alert.close')}
          </Button>
        </Group>
      ) : null}
      <ErrorNotice error={closeError} />
    </Stack>
  );
}
