import { Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../api/client';
import { formatRupees, type ConferenceActionItem, type ConferenceView } from '../../api/coordination';
import { useApiGet } from '../../api/useApi';
import { ErrorNotice, StatusNotice } from '../../components/feedback';
import { usePage } from '../../components/PageReady';
import { formatDate } from '../../i18n/format';
import { label, STATUS_COLOURS } from './labels';
import { UnitPicker } from './UnitPicker';

/** One conference: its budget under the MHA cap, the decision, participants, resolutions and commitments. */
export default function ConferencePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const state = useApiGet<ConferenceView>(`/api/conferences/${id}`);
  const [view, setView] = useState<ConferenceView>();
  const c = view ?? state.data;
  usePage(c?.title ?? t('coordination.conferences.title'), !state.loading);
  const [note, setNote] = useState('');
  const [resolution, setResolution] = useState('');
  const [action, setAction] = useState({ title: '', owner: '', due: '' });
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState<string>();
  const day = (d: string) => formatDate(d, i18n.language) ?? d;

  const run = async (fn: () => Promise<ConferenceView>) => {
    setError(undefined);
    setSaved(undefined);
    try {
      setView(await fn());
      setSaved(t('coordination.conference.saved'));
    } catch (caught) {
      setError(caught);
    }
  };
  const updateItem = async (item: ConferenceActionItem, status: string) => {
    setError(undefined);
    try {
      await api.patch(`/api/conferences/action-items/${item.id}`, { status });
      setView(await api.get<ConferenceView>(`/api/conferences/${id}`));
    } catch (caught) {
      setError(caught);
    }
  };

  if (!c) return <ErrorNotice error={state.error} onRetry={state.reload} />;
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1}>{c.title}</Title>
        <Group gap="xs">
          <Badge color={STATUS_COLOURS[c.status] ?? 'gray'} variant="light" data-testid="conference-status">
            {label(t, 'status', c.status)}
          </Badge>
          <Text size="sm">
            {label(t, 'kind', c.kind)} · {c.state.name}
          </Text>
        </Group>
      </Stack>
      <Paper withBorder p="md">
        <Stack gap={4}>
          <Text>
            <b>{t('coordination.conference.dates')}:</b> {day(c.startsOn)}
            {c.endsOn !== c.startsOn ? ` – ${day(c.endsOn)}` : ''}
          </Text>
          {c.venue ? (
            <Text>
              <b>{t('coordination.conference.venue')}:</b> {c.venue}
            </Text>
          ) : null}
          <Text>
            <b>{t('coordination.conference.proposedBy')}:</b> {c.proposedBy.name}
          </Text>
          {c.objectives ? <Text>{c.objectives}</Text> : null}
          {c.decisionNote ? (
            <Text>
              <b>{t('coordination.conference.decision')}:</b> {c.decisionNote}
            </Text>
          ) : null}
          {c.outcomeSummary ? (
            <Text>
              <b>{t('coordination.conference.outcome')}:</b> {c.outcomeSummary}
            </Text>
          ) : null}
        </Stack>
      </Paper>
      <ErrorNotice error={error} />
      <StatusNotice message={saved} />
      {c.allowedActions.length > 0 ? (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('coordination.conference.workflow')}
            </Title>
            <Textarea
              label={t('coordination.conference.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Group>
              {c.allowedActions.map((a) => (
                <Button
                  key={a}
                  variant={a === 'return' ? 'default' : 'filled'}
                  onClick={() =>
                    void run(() =>
                      api.post<ConferenceView>(`/api/conferences/${id}/transitions`, {
                        action: a,
                        ...(note.trim() ? { note } : {}),
                      }),
                    )
                  }
                >
                  {label(t, 'action', a)}
                </Button>
              ))}
            </Group>
          </Stack>
        </Paper>
      ) : null}
      <Title order={2} size="h3">
        {t('coordination.conference.budget')}
      </Title>
      <Table.ScrollContainer minWidth={360}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('coordination.conference.item')}</Table.Th>
              <Table.Th ta="right">{t('coordination.conference.amount')}</Table.Th>
              <Table.Th>{t('coordination.conference.fundedBy')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.budgetLines.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td>{b.item}</Table.Td>
                <Table.Td ta="right">{formatRupees(b.amountRupees)}</Table.Td>
                <Table.Td>{label(t, 'funder', b.fundedBy)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text>
        {t('coordination.conference.mhaTotal', {
          amount: formatRupees(c.mhaSupportRupees),
          cap: formatRupees(c.mhaCapRupees),
        })}
      </Text>
      <Text>{t('coordination.conference.total', { amount: formatRupees(c.totalBudgetRupees) })}</Text>
      <Title order={2} size="h3">
        {t('coordination.conference.participants')}
      </Title>
      <Table.ScrollContainer minWidth={320}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('coordination.conference.category')}</Table.Th>
              <Table.Th ta="right">{t('coordination.conference.planned')}</Table.Th>
              <Table.Th ta="right">{t('coordination.conference.attended')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.participants.map((p) => (
              <Table.Tr key={p.category}>
                <Table.Td>{label(t, 'participant', p.category)}</Table.Td>
                <Table.Td ta="right">{p.planned}</Table.Td>
                <Table.Td ta="right">{p.attended ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Title order={2} size="h3">
        {t('coordination.conference.resolutions')}
      </Title>
      {c.resolutions.length === 0 ? (
        <Text c="dimmed">{t('coordination.conference.noResolutions')}</Text>
      ) : null}
      <Stack component="ol" gap={4} pl="lg">
        {c.resolutions.map((r) => (
          <li key={r.id}>{r.text}</li>
        ))}
      </Stack>
      {c.canRecord ? (
        <Group align="flex-end">
          <TextInput
            label={t('coordination.conference.resolutionText')}
            value={resolution}
            onChange={(e) => setResolution(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button
            variant="default"
            onClick={() =>
              void run(async () => {
                const v = await api.post<ConferenceView>(`/api/conferences/${id}/resolutions`, {
                  text: resolution,
                });
                setResolution('');
                return v;
              })
            }
          >
            {t('coordination.conference.addResolution')}
          </Button>
        </Group>
      ) : null}
      <Title order={2} size="h3">
        {t('coordination.conference.actionItems')}
      </Title>
      {c.actionItemList.length === 0 ? (
        <Text c="dimmed">{t('coordination.conference.noActionItems')}</Text>
      ) : null}
      <Stack gap="xs">
        {c.actionItemList.map((item) => (
          <Paper key={item.id} withBorder p="sm">
            <Group justify="space-between" wrap="wrap">
              <Stack gap={2}>
                <Text fw={600}>{item.title}</Text>
                <Text size="sm">
                  {item.owner.name} · {t('coordination.conference.due')} {day(item.dueOn)}
                </Text>
              </Stack>
              <Group gap="xs">
                {item.overdue ? <Badge color="red">{t('coordination.conference.overdue')}</Badge> : null}
                <Badge color={STATUS_COLOURS[item.status] ?? 'gray'} variant="light">
                  {label(t, 'status', item.status)}
                </Badge>
                {item.canUpdate && item.status !== 'done' ? (
                  <Button size="xs" onClick={() => void updateItem(item, 'done')}>
                    {t('coordination.conference.markDone')}
                  </Button>
                ) : null}
              </Group>
            </Group>
          </Paper>
        ))}
      </Stack>
      {c.canRecord ? (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <TextInput
              label={t('coordination.conference.actionTitle')}
              value={action.title}
              onChange={(e) => setAction({ ...action, title: e.currentTarget.value })}
            />
            <UnitPicker
              label={t('coordination.conference.owner')}
              value={action.owner}
              onChange={(owner) => setAction({ ...action, owner })}
            />
            <TextInput
              type="date"
              label={t('coordination.conference.due')}
              value={action.due}
              onChange={(e) => setAction({ ...action, due: e.currentTarget.value })}
            />
            <Button
              w="fit-content"
              onClick={() =>
                void run(async () => {
                  const v = await api.post<ConferenceView>(`/api/conferences/${id}/action-items`, {
                    title: action.title,
                    ownerUnitId: action.owner,
                    dueOn: action.due,
                  });
                  setAction({ title: '', owner: '', due: '' });
                  return v;
                })
              }
            >
              {t('coordination.conference.addAction')}
            </Button>
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
