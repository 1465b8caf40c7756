import {
  Anchor,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActionItem, MeetingView } from '../../api/channel';
import { api } from '../../api/client';
import { ErrorNotice } from '../../components/feedback';
import { StatusText } from '../../components/StatusText';
import { formatDate, formatDateTime } from '../../i18n/format';
import { UnitPicker } from './pickers';

/** The agenda: overdue requests and open alerts drawn up when the meeting was called, and items added since. */
export function Agenda({ item, onChanged }: { item: MeetingView; onChanged: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const [titleError, setTitleError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!title.trim()) {
      setTitleError(t('channel.meeting.agendaTitleRequired'));
      return;
    }
    setTitleError(undefined);
    setError(undefined);
    api
      .post(`/api/meetings/${encodeURIComponent(item.id)}/agenda`, {
        title: title.trim(),
        ...(note.trim() ? { note: note.trim() } : {}),
      })
      .then(() => {
        setTitle('');
        setNote('');
        onChanged();
      })
      .catch(setError);
  };
  return (
    <section aria-labelledby="meeting-agenda">
      <Title order={2} size="h3" id="meeting-agenda" mb="sm">
        {t('channel.meeting.agenda')}
      </Title>
      {item.agenda.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('channel.meeting.noAgenda')}
        </Text>
      ) : (
        <ol className="plain-list" data-testid="agenda">
          {item.agenda.map((a) => (
            <li key={a.id}>
              {a.requestId ? (
                <Anchor component={Link} to={`/requests/${a.requestId}`} size="sm">
                  {a.title}
                </Anchor>
              ) : a.alertId ? (
                <Anchor component={Link} to={`/alerts/${a.alertId}`} size="sm">
                  {a.title}
                </Anchor>
              ) : (
                <Text size="sm">{a.title}</Text>
              )}
              {a.note ? (
                <Text size="xs" c="dimmed">
                  {a.note}
                </Text>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {item.canEdit ? (
        <form onSubmit={submit} noValidate aria-label={t('channel.meeting.addAgenda')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="sm">
            <TextInput
              label={t('channel.meeting.agendaTitle')}
              maxLength={300}
              value={title}
              error={titleError}
              onChange={(event) => setTitle(event.currentTarget.value)}
            />
            <TextInput
              label={t('channel.meeting.agendaNote')}
              description={t('common.optional')}
              maxLength={2000}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
            />
          </SimpleGrid>
          <ErrorNotice error={error} />
          <Button type="submit" variant="default" mt="sm">
            {t('channel.meeting.addAgenda')}
          </Button>
        </form>
      ) : null}
    </section>
  );
}

/** The minutes: the chair writes them; everyone who reads the meeting sees them. */
export function Minutes({ item, onSaved }: { item: MeetingView; onSaved: (view: MeetingView) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(item.minutes ?? '');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const save = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setSaved(false);
    api
      .patch<MeetingView>(`/api/meetings/${encodeURIComponent(item.id)}`, {
        minutes: text.trim() ? text : null,
      })
      .then((view) => {
        setSaved(true);
        onSaved(view);
      })
      .catch(setError)
      .finally(() => setBusy(false));
  };
  return (
    <section aria-labelledby="meeting-minutes">
      <Title order={2} size="h3" id="meeting-minutes" mb="sm">
        {t('channel.meeting.minutes')}
      </Title>
      {item.canEdit ? (
        <form onSubmit={save} noValidate>
          <Stack gap="sm">
            <Textarea
              label={t('channel.meeting.minutes')}
              autosize
              minRows={4}
              maxLength={50000}
              value={text}
              onChange={(event) => {
                setText(event.currentTarget.value);
                setSaved(false);
              }}
            />
            <ErrorNotice error={error} />
            <Group gap="sm">
              <Button type="submit" loading={busy}>
                {t('channel.meeting.saveMinutes')}
              </Button>
              {saved ? <StatusText tone="good">{t('channel.meeting.saved')}</StatusText> : null}
            </Group>
          </Stack>
        </form>
      ) : item.minutes ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {item.minutes}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {t('channel.meeting.noMinutes')}
        </Text>
      )}
    </section>
  );
}

function ActionRow({ action, onChanged }: { action: ActionItem; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<unknown>(undefined);
  const toggle = () => {
    setError(undefined);
    api
      .patch(`/api/meetings/action-items/${encodeURIComponent(action.id)}`, {
        status: action.status === 'done' ? 'open' : 'done',
      })
      .then(onChanged)
      .catch(setError);
  };
  return (
    <li>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <div style={{ minWidth: 0, flex: '1 1 16rem' }}>
          <Text size="sm" fw={600}>
            {action.title}
          </Text>
          {action.description ? <Text size="sm">{action.description}</Text> : null}
          <Text size="xs" c="dimmed">
            {t('channel.meeting.ownerDue', {
              owner: action.owner.name,
              due: formatDate(action.dueOn, i18n.language),
            })}
          </Text>
          {action.status === 'done' ? (
            <StatusText tone="good">
              {t('channel.meeting.doneAt', { at: formatDateTime(action.doneAt, i18n.language) ?? '' })}
            </StatusText>
          ) : action.overdue ? (
            <StatusText tone="bad">{t('channel.overdue')}</StatusText>
          ) : (
            <StatusText tone="neutral">{t('channel.meeting.open')}</StatusText>
          )}
        </div>
        {action.canComplete ? (
          <Button size="compact-sm" variant="default" onClick={toggle}>
            {action.status === 'done' ? t('channel.meeting.reopenItem') : t('channel.meeting.markDone')}
          </Button>
        ) : null}
      </Group>
      <ErrorNotice error={error} />
    </li>
  );
}

/** Action items with owners and due dates; the chair adds them, the owner marks them done. */
export function ActionItems({ item, onChanged }: { item: MeetingView; onChanged: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [ownerUnitId, setOwnerUnitId] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [problems, setProblems] = useState<{ title?: string; owner?: string; due?: string }>({});
  const [error, setError] = useState<unknown>(undefined);
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = {
      ...(title.trim().length < 3 ? { title: t('channel.meeting.actionTitleRequired') } : {}),
      ...(!ownerUnitId ? { owner: t('channel.meeting.ownerRequired') } : {}),
      ...(!/^\d{4}-\d{2}-\d{2}$/.test(dueOn) ? { due: t('channel.meetings.dateRequired') } : {}),
    };
    setProblems(next);
    if (Object.keys(next).length > 0) return;
    setError(undefined);
    api
      .post(`/api/meetings/${encodeURIComponent(item.id)}/action-items`, {
        title: title.trim(),
        ownerUnitId,
        dueOn,
      })
      .then(() => {
        setTitle('');
        setDueOn('');
        onChanged();
      })
      .catch(setError);
  };
  return (
    <section aria-labelledby="meeting-actions">
      <Title order={2} size="h3" id="meeting-actions" mb="sm">
        {t('channel.meetings.actionItems')}
      </Title>
      {item.actionItemList.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('channel.meeting.noActions')}
        </Text>
      ) : (
        <ul className="plain-list" data-testid="action-items">
          {item.actionItemList.map((action) => (
            <ActionRow key={action.id} action={action} onChanged={onChanged} />
          ))}
        </ul>
      )}
      {item.canEdit ? (
        <Paper withBorder p="md" radius="md" mt="sm">
          <form onSubmit={submit} noValidate aria-labelledby="new-action">
            <Stack gap="sm">
              <Title order={3} size="h5" id="new-action">
                {t('channel.meeting.addAction')}
              </Title>
              <TextInput
                label={t('channel.meeting.actionTitle')}
                required
                maxLength={300}
                value={title}
                error={problems.title}
                onChange={(event) => setTitle(event.currentTarget.value)}
              />
              <UnitPicker
                label={t('channel.meeting.ownerUnit')}
                value={ownerUnitId}
                onChange={setOwnerUnitId}
                error={problems.owner}
              />
              <TextInput
                label={t('channel.meeting.dueOn')}
                type="date"
                required
                value={dueOn}
                error={problems.due}
                onChange={(event) => setDueOn(event.currentTarget.value)}
              />
              <ErrorNotice error={error} />
              <Group>
                <Button type="submit">{t('channel.meeting.addAction')}</Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      ) : null}
    </section>
  );
}
