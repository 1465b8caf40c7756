import { Button, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { CaseView } from '../../api/types';
import { ErrorNotice, StatusNotice } from '../../components/feedback';
import { formatDate, formatDateTime } from '../../i18n/format';
import { StatusBadge } from './CaseBadges';
import { statusLabel } from './labels';

const today = () => {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

/** Moves the case to one of the statuses the server offers next, with the date it took effect. */
function LifecycleForm({ item, onChanged }: { item: CaseView; onChanged: (next: CaseView) => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState(item.nextStatuses[0] ?? '');
  const [effectiveOn, setEffectiveOn] = useState(today());
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [dateError, setDateError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<string | undefined>(undefined);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(effectiveOn)) {
      setDateError(t('caseForm.dateRequired'));
      return;
    }
    if (effectiveOn > today()) {
      setDateError(t('caseForm.dateFuture'));
      return;
    }
    if (effectiveOn < item.registeredOn) {
      setDateError(t('case.beforeRegistration'));
      return;
    }
    setDateError(undefined);
    setError(undefined);
    setDone(undefined);
    setBusy(true);
    api
      .post<CaseView>(`/api/cases/${encodeURIComponent(item.id)}/status`, {
        status,
        effectiveOn,
        ...(note.trim() ? { note: note.trim() } : {}),
      })
      .then((next) => {
        setNote('');
        setDone(t('case.statusChanged', { status: statusLabel(t, next.status) }));
        setStatus(next.nextStatuses[0] ?? '');
        onChanged(next);
      })
      .catch(setError)
      .finally(() => setBusy(false));
  };

  return (
    <Paper withBorder p="sm" radius="md">
      <form onSubmit={submit} noValidate aria-labelledby="lifecycle-title">
        <Stack gap="sm">
          <Title order={3} size="h5" id="lifecycle-title">
            {t('case.lifecycle')}
          </Title>
          <StatusNotice message={done} />
          <ErrorNotice error={error} />
          {item.nextStatuses.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('case.finalStatus')}
            </Text>
          ) : (
            <>
              <Group gap="sm" align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
                <NativeSelect
                  label={t('case.nextStatus')}
                  value={status}
                  onChange={(event) => setStatus(event.currentTarget.value)}
                  data={item.nextStatuses.map((next) => ({ value: next, label: statusLabel(t, next) }))}
                  miw={200}
                />
                <TextInput
                  label={t('case.effectiveOn')}
                  type="date"
                  required
                  value={effectiveOn}
                  max={today()}
                  min={item.registeredOn}
                  onChange={(event) => setEffectiveOn(event.currentTarget.value)}
                  error={dateError}
                  miw={160}
                />
              </Group>
              <Textarea
                label={t('case.statusNote')}
                description={t('common.optional')}
                autosize
                minRows={2}
                maxLength={2000}
                value={note}
                onChange={(event) => setNote(event.currentTarget.value)}
              />
              <Group>
                <Button type="submit" loading={busy}>
                  {t('case.changeStatus')}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

function NoteForm({ caseId, onAdded }: { caseId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [bodyError, setBodyError] = useState<string | undefined>(undefined);
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!body.trim()) {
      setBodyError(t('case.noteRequired'));
      return;
    }
    setBodyError(undefined);
    setError(undefined);
    setBusy(true);
    api
      .post(`/api/cases/${encodeURIComponent(caseId)}/notes`, { body: body.trim() })
      .then(() => {
        setBody('');
        onAdded();
      })
      .catch(setError)
      .finally(() => setBusy(false));
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Textarea
          label={t('case.addNote')}
          autosize
          minRows={2}
          maxLength={10000}
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
          error={bodyError}
        />
        <ErrorNotice error={error} />
        <Group>
          <Button type="submit" variant="default" loading={busy}>
            {t('case.saveNote')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type Entry =
  | { kind: 'status'; at: string; sort: string; status: string; note: string | null; by: string | null }
  | { kind: 'note'; at: string; sort: string; body: string; by: string | null; unit: string | null };

/** Status changes and notes in the order they happened, with the lifecycle actions and a note form. */
export function TimelineSection({
  item,
  onChanged,
  onReload,
}: {
  item: CaseView;
  onChanged: (next: CaseView) => void;
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const entries: Entry[] = [
    ...item.timeline.map((event): Entry => ({
      kind: 'status',
      at: event.effectiveOn,
      sort: `${event.effectiveOn}|${event.recordedAt}`,
      status: event.status,
      note: event.note,
      by: event.recordedBy,
    })),
    ...item.notes.map((note): Entry => ({
      kind: 'note',
      at: note.createdAt,
      sort: `${note.createdAt.slice(0, 10)}|${note.createdAt}`,
      body: note.body,
      by: note.author,
      unit: note.unit,
    })),
  ].sort((a, b) => a.sort.localeCompare(b.sort));

  return (
    <section aria-labelledby="case-timeline">
      <Title order={2} size="h3" id="case-timeline" mb="sm">
        {t('case.timeline')}
      </Title>
      <Stack gap="md">
        {item.canEdit ? <LifecycleForm item={item} onChanged={onChanged} /> : null}
        <ol className="timeline" data-testid="timeline">
          {entries.map((entry, index) => (
            <li key={`${entry.kind}-${String(index)}`} className={`timeline-${entry.kind}`}>
              {entry.kind === 'status' ? (
                <>
                  <Group gap="xs" wrap="wrap">
                    <Text size="sm" fw={600} className="nowrap">
                      {formatDate(entry.at, language)}
                    </Text>
                    <StatusBadge status={entry.status} />
                  </Group>
                  {entry.note ? <Text size="sm">{entry.note}</Text> : null}
                  {entry.by ? (
                    <Text size="xs" c="dimmed">
                      {t('case.recordedBy', { name: entry.by })}
                    </Text>
                  ) : null}
                </>
              ) : (
                <>
                  <Text size="sm" fw={600}>
                    {formatDateTime(entry.at, language)} · {t('case.note')}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {entry.body}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {[entry.by, entry.unit].filter(Boolean).join(' · ')}
                  </Text>
                </>
              )}
            </li>
          ))}
        </ol>
        {item.canEdit || item.standing !== 'jurisdiction' ? (
          <NoteForm caseId={item.id} onAdded={onReload} />
        ) : null}
      </Stack>
    </section>
  );
}
