import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { SessionDetail } from '../../api/capacity';
import { useApiGet } from '../../api/useApi';
import { ErrorNotice, StatusNotice } from '../../components/feedback';
import { usePage } from '../../components/PageReady';
import { formatDate } from '../../i18n/format';
import { AttendanceRow } from './AttendanceRow';
import { AddParticipant } from './AddParticipant';
import { percent, programmeKindLabel, sessionStatusLabel } from './labels';
import { SessionStatusControl } from './SessionStatusControl';

/** One session: its trainers, and each participant's attendance, assessments and certificate. */
export default function SessionPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const session = useApiGet<SessionDetail>(`/api/training/sessions/${id}`);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const view = session.data;
  usePage(view?.programme.title ?? t('capacity.training.title'), !session.loading);
  const changed = (text: string) => {
    setMessage(text);
    session.reload();
  };

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/capacity/training" size="sm">
        {t('capacity.training.backToSessions')}
      </Anchor>
      <ErrorNotice error={session.error} onRetry={session.reload} />
      {view ? (
        <>
          <div>
            <Title order={1}>{view.programme.title}</Title>
            <Group gap="xs" mt={4}>
              <Badge variant="light">{programmeKindLabel(t, view.programme.kind)}</Badge>
              <Badge variant="outline">{sessionStatusLabel(t, view.status)}</Badge>
            </Group>
            <Text size="sm" mt={4}>
              {view.startsOn === view.endsOn
                ? formatDate(view.startsOn, lang)
                : `${formatDate(view.startsOn, lang) ?? ''} – ${formatDate(view.endsOn, lang) ?? ''}`}{' '}
              · {view.place} · {view.unit.name}
            </Text>
            <Text size="sm" c="dimmed">
              {t('capacity.training.trainedBy', {
                names: view.trainers.map((x) => x.name).join(', ') || '—',
              })}
            </Text>
          </div>
          <StatusNotice message={message} />
          {view.canManage ? (
            <SessionStatusControl session={view} onChanged={() => changed(t('capacity.training.saved'))} />
          ) : null}
          <Paper withBorder p="sm" radius="md">
            <Text size="sm">
              {t('capacity.training.summary', {
                attended: view.attended,
                participants: view.participants,
                pre: percent(view.averagePre, lang),
                post: percent(view.averagePost, lang),
              })}
            </Text>
          </Paper>
          <section aria-labelledby="attendance-title">
            <Title order={2} size="h3" id="attendance-title" mb="xs">
              {t('capacity.training.attendance')}
            </Title>
            {view.attendance.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t('capacity.training.noParticipants')}
              </Text>
            ) : (
              <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {view.attendance.map((a) => (
                  <AttendanceRow
                    key={a.participant.id}
                    session={view}
                    attendance={a}
                    onChanged={(text) => changed(text)}
                  />
                ))}
              </Stack>
            )}
          </section>
          {view.canManage ? (
            <AddParticipant session={view} onAdded={() => changed(t('capacity.training.participantAdded'))} />
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
