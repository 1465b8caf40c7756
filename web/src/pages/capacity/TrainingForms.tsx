import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { PROGRAMME_KINDS, type Programme, type SessionDetail } from '../../api/capacity';
import { ErrorNotice } from '../../components/feedback';
import { programmeKindLabel, todayInIndia } from './labels';

/** Records a session: programme, dates, place, outside trainers; the signed-in user can run it. */
export function NewSessionForm({
  programmes,
  onCreated,
}: {
  programmes: Programme[];
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [programmeId, setProgrammeId] = useState(programmes[0]?.id ?? '');
  const [startsOn, setStartsOn] = useState(todayInIndia());
  const [endsOn, setEndsOn] = useState(todayInIndia());
  const [place, setPlace] = useState('');
  const [trainers, setTrainers] = useState('');
  const [runByMe, setRunByMe] = useState(true);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    api
      .post<SessionDetail>(
        '/api/training/sessions',
        {
          programmeId,
          startsOn,
          endsOn,
          place: place.trim(),
          runByMe,
          trainers: trainers
            .split(',')
            .map((name) => name.trim())
            .filter((name) => name.length >= 2)
            .map((name) => ({ name })),
        },
        { headers: { 'Idempotency-Key': crypto.randomUUID() } },
      )
      .then((session) => {
        setBusy(false);
        onCreated(session.id);
      })
      .catch((failure: unknown) => {
        setBusy(false);
        setError(failure);
      });
  };
  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={submit} noValidate aria-labelledby="new-session-title">
        <Stack gap="sm">
          <Title order={2} size="h3" id="new-session-title">
            {t('capacity.training.newSession')}
          </Title>
          <ErrorNotice error={error} />
          <NativeSelect
            label={t('capacity.training.programme')}
            value={programmeId}
            onChange={(e) => setProgrammeId(e.currentTarget.value)}
            data={programmes.map((p) => ({
              value: p.id,
              label: `${p.title} (${programmeKindLabel(t, p.kind)})`,
            }))}
            required
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              type="date"
              label={t('capacity.training.startsOn')}
              value={startsOn}
              onChange={(e) => setStartsOn(e.currentTarget.value)}
              required
            />
            <TextInput
              type="date"
              label={t('capacity.training.endsOn')}
              value={endsOn}
              onChange={(e) => setEndsOn(e.currentTarget.value)}
              required
            />
          </SimpleGrid>
          <TextInput
            label={t('capacity.training.place')}
            value={place}
            onChange={(e) => setPlace(e.currentTarget.value)}
            required
          />
          <TextInput
            label={t('capacity.training.trainers')}
            description={t('capacity.training.trainersHint')}
            value={trainers}
            onChange={(e) => setTrainers(e.currentTarget.value)}
          />
          <Checkbox
            label={t('capacity.training.runByMe')}
            checked={runByMe}
            onChange={(e) => setRunByMe(e.currentTarget.checked)}
          />
          <Group>
            <Button type="submit" loading={busy} disabled={!programmeId || place.trim().length < 2}>
              {t('capacity.training.createSession')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function NewProgrammeForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<string>('refresher');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    api
      .post(
        '/api/training/programmes',
        { kind, title: title.trim() },
        { headers: { 'Idempotency-Key': crypto.randomUUID() } },
      )
      .then(() => {
        setBusy(false);
        setTitle('');
        onCreated();
      })
      .catch((failure: unknown) => {
        setBusy(false);
        setError(failure);
      });
  };
  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={submit} noValidate aria-labelledby="new-programme-title">
        <Stack gap="sm">
          <Title order={2} size="h3" id="new-programme-title">
            {t('capacity.training.newProgramme')}
          </Title>
          <ErrorNotice error={error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label={t('capacity.training.kind')}
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value)}
              data={PROGRAMME_KINDS.map((k) => ({ value: k, label: programmeKindLabel(t, k) }))}
            />
            <TextInput
              label={t('capacity.training.programmeTitle')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              required
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={busy} disabled={title.trim().length < 3}>
              {t('capacity.training.createProgramme')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
