import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { TRACING_WRITER_ROLES, type MatchCandidate, type SideSummary } from '../../api/restoration';
import { hasRole } from '../../api/types';
import { ErrorNotice } from '../../components/feedback';
import { useSession } from '../../session/session';
import { ExplanationTable, facts, label, percent, placeText, StatusBadge } from './parts';

function Side({ side, kind }: { side: SideSummary | null; kind: 'missing' | 'found' }) {
  const { t } = useTranslation();
  if (!side) return <Text c="dimmed">{t('restoration.candidate.notVisible')}</Text>;
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase">
        {label(t, 'candidate', kind)}
      </Text>
      <Anchor component={Link} to={`/restoration/${kind}/${side.id}`} fw={600}>
        {side.reference}
      </Anchor>
      <Text size="sm">
        {side.pseudonym} · {facts(t, side)}
      </Text>
      <Text size="sm">
        {t(kind === 'missing' ? 'restoration.candidate.lastSeen' : 'restoration.candidate.foundAt', {
          place: placeText(side.place),
          date: side.on,
        })}
      </Text>
      <Text size="xs" c="dimmed">
        {side.unit.name}
      </Text>
    </Stack>
  );
}

function CandidateCard({ c, onChanged }: { c: MatchCandidate; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const review = (decision: 'confirm' | 'reject') => {
    setBusy(true);
    setError(null);
    api
      .post(`/api/restoration/candidates/${c.id}/review`, { decision, note })
      .then(onChanged, setError)
      .finally(() => setBusy(false));
  };
  return (
    <Paper withBorder p="md" data-testid="candidate">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('restoration.candidate.probability', { value: percent(c.probability, i18n.language) })}
          </Title>
          <StatusBadge group="candidateStatus" value={c.status} />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Side side={c.missing} kind="missing" />
          <Side side={c.found} kind="found" />
        </SimpleGrid>
        <ExplanationTable items={c.explanation} />
        {c.reviewNote ? (
          <Text size="sm">
            {t('restoration.candidate.reviewed', { by: c.reviewedBy ?? '', note: c.reviewNote })}
          </Text>
        ) : null}
        {c.restorationId ? (
          <Anchor component={Link} to={`/restoration/restorations/${c.restorationId}`}>
            {t('restoration.candidate.openRestoration')}
          </Anchor>
        ) : null}
        {c.status === 'proposed' && hasRole(me, TRACING_WRITER_ROLES) ? (
          <Stack gap="xs">
            <Textarea
              label={t('restoration.candidate.note')}
              description={t('restoration.candidate.noteHelp')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Group>
              <Button onClick={() => review('confirm')} disabled={busy || note.trim().length < 3}>
                {t('restoration.candidate.confirm')}
              </Button>
              <Button
                variant="default"
                onClick={() => review('reject')}
                disabled={busy || note.trim().length < 3}
              >
                {t('restoration.candidate.reject')}
              </Button>
            </Group>
            <ErrorNotice error={error ?? undefined} />
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}

export function CandidateList({
  items,
  empty,
  onChanged,
}: {
  items: MatchCandidate[];
  empty: string;
  onChanged: () => void;
}) {
  if (items.length === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <Stack gap="md">
      {items.map((c) => (
        <CandidateCard key={c.id} c={c} onChanged={onChanged} />
      ))}
    </Stack>
  );
}
