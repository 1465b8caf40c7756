import { Badge, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../api/client';
import type { TipView } from '../../api/coordination';
import { useApiGet } from '../../api/useApi';
import { ErrorNotice } from '../../components/feedback';
import { usePage } from '../../components/PageReady';
import { formatDateTime } from '../../i18n/format';
import { label, STATUS_COLOURS } from './labels';
import { UnitPicker } from './UnitPicker';

/** One tip as an officer sees it: what the tipster wrote and chose to share, and its triage. */
export default function TipDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const state = useApiGet<TipView>(`/api/tips/${id}`);
  const [view, setView] = useState<TipView>();
  const tip = view ?? state.data;
  usePage(tip?.reference ?? t('coordination.tips.title'), !state.loading);
  const [status, setStatus] = useState('');
  const [note, setNote] = useState('');
  const [unit, setUnit] = useState('');
  const [error, setError] = useState<unknown>();

  if (!tip) return <ErrorNotice error={state.error} onRetry={state.reload} />;
  const next = status || tip.allowedStatuses[0] || '';
  const save = async () => {
    setError(undefined);
    try {
      setView(
        await api.post<TipView>(`/api/tips/${id}/triage`, {
          status: next,
          ...(note.trim() ? { note } : {}),
          ...(next === 'forwarded' && unit ? { forwardToUnitId: unit } : {}),
        }),
      );
      setStatus('');
      setNote('');
    } catch (caught) {
      setError(caught);
    }
  };
  const when = (value: string) => formatDateTime(value, i18n.language) ?? value;

  return (
    <Stack gap="md" maw={820}>
      <Group gap="sm">
        <Title order={1}>{tip.reference}</Title>
        <Badge color={STATUS_COLOURS[tip.status] ?? 'gray'} variant="light" data-testid="tip-status">
          {label(t, 'status', tip.status)}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {tip.district.name}, {tip.state.name} · {when(tip.receivedAt)}
      </Text>
      <Paper withBorder p="md" data-testid="tip-body">
        <Stack gap="xs">
          <Text fw={600}>{t('coordination.tips.whatSeen')}</Text>
          <Text lang={tip.language} style={{ whiteSpace: 'pre-wrap' }}>
            {tip.whatSeen}
          </Text>
          {tip.placeDetail ? (
            <Text>
              <b>{t('coordination.tips.place')}:</b> {tip.placeDetail}
            </Text>
          ) : null}
          {tip.seenAt ? (
            <Text>
              <b>{t('coordination.tips.when')}:</b> {tip.seenAt}
            </Text>
          ) : null}
          <Text>
            <b>{t('coordination.tips.contact')}:</b> {tip.contact ?? t('coordination.tips.noContact')}
          </Text>
          <Text size="sm">
            <b>{t('coordination.tips.routedTo')}:</b> {tip.routedUnit.name}
            {tip.forwardedTo ? ` · ${t('coordination.tips.forwardedTo')}: ${tip.forwardedTo.name}` : ''}
          </Text>
        </Stack>
      </Paper>
      <Text size="sm" c="dimmed">
        {t('coordination.tips.privacy')}
      </Text>
      <ErrorNotice error={error} />
      {tip.allowedStatuses.length > 0 ? (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('coordination.tips.triage')}
            </Title>
            <NativeSelect
              label={t('coordination.tips.newStatus')}
              value={next}
              onChange={(e) => setStatus(e.currentTarget.value)}
              data={tip.allowedStatuses.map((s) => ({ value: s, label: label(t, 'status', s) }))}
            />
            {next === 'forwarded' ? (
              <UnitPicker label={t('coordination.tips.forwardTo')} value={unit} onChange={setUnit} />
            ) : null}
            <Textarea
              label={t('coordination.tips.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Button w="fit-content" onClick={() => void save()}>
              {t('coordination.tips.save')}
            </Button>
          </Stack>
        </Paper>
      ) : null}
      <Title order={2} size="h4">
        {t('coordination.tips.history')}
      </Title>
      <Stack component="ol" gap={4} pl="lg">
        {tip.history.map((h, i) => (
          <li key={i}>
            <Text size="sm">
              {when(h.at)} · {label(t, 'status', h.toStatus)}
              {h.by ? ` · ${h.by}` : ''}
              {h.note ? ` — ${h.note}` : ''}
            </Text>
          </li>
        ))}
      </Stack>
    </Stack>
  );
}
