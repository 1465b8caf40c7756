import '@mantine/core/styles/NumberInput.layer.css';
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, api } from '../../api/client';
import {
  CONFERENCE_KINDS,
  FUNDERS,
  formatRupees,
  MHA_CAP_RUPEES,
  type ConferenceView,
  type Funder,
} from '../../api/coordination';
import { ErrorNotice } from '../../components/feedback';
import { usePage } from '../../components/PageReady';
import { label } from './labels';

interface Line {
  item: string;
  amount: number | string;
  fundedBy: Funder;
}

const amountOf = (line: Line) => (typeof line.amount === 'number' ? line.amount : Number(line.amount) || 0);

/** A proposal with its budget lines; the MHA share is totted up as it is typed and checked again by the server. */
export default function ConferenceFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePage(t('coordination.proposal.title'), true);
  const [kind, setKind] = useState<string>('state_conference');
  const [title, setTitle] = useState('');
  const [venue, setVenue] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [objectives, setObjectives] = useState('');
  const [lines, setLines] = useState<Line[]>([{ item: '', amount: '', fundedBy: 'mha' }]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const mha = lines.filter((l) => l.fundedBy === 'mha').reduce((sum, l) => sum + amountOf(l), 0);
  const setLine = (index: number, change: Partial<Line>) =>
    setLines((all) => all.map((l, i) => (i === index ? { ...l, ...change } : l)));

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const view = await api.post<ConferenceView>(
        '/api/conferences',
        {
          kind,
          title,
          ...(venue.trim() ? { venue } : {}),
          startsOn,
          endsOn: endsOn || startsOn,
          ...(objectives.trim() ? { objectives } : {}),
          budgetLines: lines.map((l) => ({ item: l.item, amountRupees: amountOf(l), fundedBy: l.fundedBy })),
        },
        { headers: { 'Idempotency-Key': crypto.randomUUID() } },
      );
      void navigate(`/coordination/conferences/${view.id}`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const overCap =
    error instanceof ApiError && error.code === 'over_mha_cap'
      ? t('coordination.proposal.overCap', {
          cap: formatRupees(Number(error.details?.capRupees ?? MHA_CAP_RUPEES)),
          asked: formatRupees(Number(error.details?.requestedRupees ?? mha)),
          excess: formatRupees(Number(error.details?.excessRupees ?? mha - MHA_CAP_RUPEES)),
        })
      : undefined;

  return (
    <Stack gap="md" maw={760}>
      <Title order={1}>{t('coordination.proposal.title')}</Title>
      <form onSubmit={(event) => void submit(event)}>
        <Stack gap="sm">
          <NativeSelect
            label={t('coordination.proposal.kind')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value)}
            data={CONFERENCE_KINDS.map((k) => ({ value: k, label: label(t, 'kind', k) }))}
          />
          <TextInput
            label={t('coordination.proposal.name')}
            required
            minLength={3}
            maxLength={200}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <TextInput
            label={t('coordination.proposal.venue')}
            maxLength={300}
            value={venue}
            onChange={(e) => setVenue(e.currentTarget.value)}
          />
          <Group grow>
            <TextInput
              type="date"
              label={t('coordination.proposal.startsOn')}
              required
              value={startsOn}
              onChange={(e) => setStartsOn(e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={t('coordination.proposal.endsOn')}
              value={endsOn}
              onChange={(e) => setEndsOn(e.currentTarget.value)}
            />
          </Group>
          <Textarea
            label={t('coordination.proposal.objectives')}
            autosize
            minRows={2}
            maxLength={5000}
            value={objectives}
            onChange={(e) => setObjectives(e.currentTarget.value)}
          />
          <Title order={2} size="h4">
            {t('coordination.proposal.budget')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('coordination.proposal.capHint', { cap: formatRupees(MHA_CAP_RUPEES) })}
          </Text>
          {lines.map((line, index) => (
            <Group key={index} align="flex-end" wrap="wrap" gap="xs" data-testid="budget-line">
              <TextInput
                label={t('coordination.conference.item')}
                required
                value={line.item}
                onChange={(e) => setLine(index, { item: e.currentTarget.value })}
                style={{ flex: '2 1 200px' }}
              />
              <NumberInput
                label={t('coordination.conference.amount')}
                required
                min={1}
                thousandSeparator=","
                thousandsGroupStyle="lakh"
                value={line.amount}
                onChange={(value) => setLine(index, { amount: value })}
                style={{ flex: '1 1 120px' }}
              />
              <NativeSelect
                label={t('coordination.conference.fundedBy')}
                value={line.fundedBy}
                onChange={(e) => setLine(index, { fundedBy: e.currentTarget.value as Funder })}
                data={FUNDERS.map((f) => ({ value: f, label: label(t, 'funder', f) }))}
                style={{ flex: '1 1 110px' }}
              />
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t('coordination.proposal.removeLine', { n: index + 1 })}
                disabled={lines.length === 1}
                onClick={() => setLines((all) => all.filter((_, i) => i !== index))}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          <Button
            variant="default"
            w="fit-content"
            onClick={() => setLines((all) => [...all, { item: '', amount: '', fundedBy: 'state' }])}
          >
            {t('coordination.proposal.addLine')}
          </Button>
          <Text fw={600} aria-live="polite">
            {t('coordination.proposal.mhaRunning', { amount: formatRupees(mha) })}
            {mha > MHA_CAP_RUPEES
              ? ` ${t('coordination.proposal.overCapLive', { excess: formatRupees(mha - MHA_CAP_RUPEES), cap: formatRupees(MHA_CAP_RUPEES) })}`
              : ''}
          </Text>
          {overCap ? (
            <Alert color="red" variant="light" role="alert" data-testid="over-cap">
              {overCap}
            </Alert>
          ) : (
            <ErrorNotice error={error} />
          )}
          <Button type="submit" loading={busy} w="fit-content">
            {t('coordination.proposal.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
