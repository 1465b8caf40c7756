import '@mantine/core/styles/Radio.layer.css';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Radio,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { DECISIONS, type CandidateView, type Decision } from '../../api/linkage';
import { useApiGet } from '../../api/useApi';
import { ErrorNotice, PageLoader, StatusNotice } from '../../components/feedback';
import { usePage } from '../../components/PageReady';
import { formatDateTime, formatNumber } from '../../i18n/format';
import {
  CandidateStatusBadge,
  fieldLabel,
  levelLabel,
  percent,
  SideCard,
  statusLabel,
  tierLabel,
} from './parts';
import { IdentityPanel } from './IdentityPanel';

/** Two records side by side, the per-field explanation of the match weight, and the decision form. */
export default function CandidatePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [revealReason, setRevealReason] = useState('');
  const [reasonSent, setReasonSent] = useState<string | undefined>(undefined);
  const loaded = useApiGet<CandidateView>(`/api/linkage/candidates/${id}`, { reason: reasonSent });
  const [saved, setSaved] = useState<CandidateView | undefined>(undefined);
  const view = saved?.id === id && !reasonSent ? saved : loaded.data;
  usePage(t('linkage.pageTitle'), !loaded.loading);

  const [decision, setDecision] = useState<Decision | ''>('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [message, setMessage] = useState<string | undefined>(undefined);

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!decision) return;
    setBusy(true);
    setError(undefined);
    setMessage(undefined);
    try {
      const next = await api.post<CandidateView>(`/api/linkage/candidates/${id}/decision`, {
        decision,
        reason: reason.trim(),
      });
      setReasonSent(undefined);
      setSaved(next);
      setReason('');
      setMessage(t('linkage.saved'));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  if (!view) {
    return loaded.error ? <ErrorNotice error={loaded.error} onRetry={loaded.reload} /> : <PageLoader />;
  }
  const canReveal = view.a.canReveal || view.b.canReveal;

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/linkage" size="sm">
        ← {t('linkage.back')}
      </Anchor>
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1}>{t('linkage.pageTitle')}</Title>
          <Text size="sm" c="dimmed" mt={4}>
            {t('linkage.probability')}: <strong>{percent(view.probability, language)}</strong> ·{' '}
            {tierLabel(t, view.tier)}
          </Text>
        </div>
        <Group gap={4}>
          <CandidateStatusBadge status={view.status} />
          {view.crossState ? (
            <Badge color="orange" variant="light">
              {t('linkage.crossState')}
            </Badge>
          ) : null}
          {view.alertId ? (
            <Anchor component={Link} to={`/alerts/${view.alertId}`} size="sm">
              {t('linkage.alert')}
            </Anchor>
          ) : null}
        </Group>
      </Group>

      <Group align="stretch" gap="md" wrap="wrap">
        <SideCard side={view.a} title={t('linkage.recordA')} />
        <SideCard side={view.b} title={t('linkage.recordB')} />
      </Group>

      {canReveal && !reasonSent ? (
        <Paper withBorder p="md" radius="md">
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (revealReason.trim().length >= 5) setReasonSent(revealReason.trim());
            }}
          >
            <Group align="flex-end" gap="sm" wrap="wrap">
              <TextInput
                style={{ flex: 1, minWidth: 220 }}
                label={t('linkage.revealReason')}
                description={t('linkage.revealHint')}
                value={revealReason}
                minLength={5}
                required
                onChange={(event) => setRevealReason(event.currentTarget.value)}
              />
              <Button type="submit" variant="default">
                {t('linkage.reveal')}
              </Button>
            </Group>
          </form>
        </Paper>
      ) : null}

      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4">
          {t('linkage.explanationTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('linkage.explanationIntro', { weight: formatNumber(view.weight, language) })}
        </Text>
        <Table.ScrollContainer minWidth={320}>
          <Table striped>
            <Table.Caption>{t('linkage.explanationTitle')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('linkage.field')}</Table.Th>
                <Table.Th>{t('linkage.comparison')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('linkage.weight')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.explanation.map((e) => (
                <Table.Tr key={e.field}>
                  <Table.Td>{fieldLabel(t, e.field)}</Table.Td>
                  <Table.Td>
                    {levelLabel(t, e.level)}
                    {e.tfAdjusted ? (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        ({t('linkage.commonName')})
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td
                    style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}
                    c={e.weight > 0 ? 'teal.9' : e.weight < 0 ? 'red.9' : undefined}
                  >
                    {e.weight > 0 ? '+' : ''}
                    {formatNumber(e.weight, language)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="sm">
          {t('linkage.decideTitle')}
        </Title>
        {view.status === 'withdrawn' ? (
          <Alert color="gray">{t('linkage.statuses.withdrawn')}</Alert>
        ) : (
          <form onSubmit={(event) => void submit(event)}>
            <Stack gap="sm">
              <Radio.Group label={t('linkage.decision')} value={decision} onChange={setDecision} required>
                <Stack gap={6} mt={6}>
                  {DECISIONS.map((d) => (
                    <Radio key={d} value={d} label={t(`linkage.decisions.${d}`)} />
                  ))}
                </Stack>
              </Radio.Group>
              <Textarea
                label={t('linkage.reason')}
                description={t('linkage.reasonHint')}
                value={reason}
                required
                minLength={5}
                autosize
                minRows={2}
                onChange={(event) => setReason(event.currentTarget.value)}
              />
              <ErrorNotice error={error} />
              <StatusNotice message={message} />
              <Group>
                <Button type="submit" loading={busy} disabled={!decision || reason.trim().length < 5}>
                  {t('linkage.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        <Title order={3} size="h5" mt="md">
          {t('linkage.history')}
        </Title>
        {view.decisions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('linkage.noDecisions')}
          </Text>
        ) : (
          <Stack component="ul" gap={4} pl="md" my={4}>
            {view.decisions.map((d) => (
              <li key={`${d.decidedAt}-${d.decision}`}>
                <Text size="sm">
                  {t('linkage.decidedBy', {
                    decision: statusLabel(t, d.decision),
                    who: d.decidedBy,
                    when: formatDateTime(d.decidedAt, language),
                  })}
                  : {d.reason}
                </Text>
              </li>
            ))}
          </Stack>
        )}
      </Paper>
      <IdentityPanel personId={view.a.masked ? view.b.personId : view.a.personId} refresh={view.status} />
    </Stack>
  );
}
