import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PROGRAMME_AUTHORS, TRAINING_MANAGERS, type Programme, type SessionItem } from '../../api/capacity';
import { hasRole, type Page } from '../../api/types';
import { useApiGet } from '../../api/useApi';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorNotice } from '../../components/feedback';
import { useUrlFilters } from '../../components/filters';
import { Pager } from '../../components/Pager';
import { usePage } from '../../components/PageReady';
import { formatDate } from '../../i18n/format';
import { useSession } from '../../session/session';
import { TrainingNav } from './AhtuNav';
import { programmeKindLabel, sessionStatusLabel } from './labels';
import { NewProgrammeForm, NewSessionForm } from './TrainingForms';

const LIMIT = 25;

/** Training programmes and sessions, with forms to add both. */
export default function TrainingPage() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const { offset, update } = useUrlFilters([] as const);
  const programmes = useApiGet<{ items: Programme[] }>('/api/training/programmes');
  const sessions = useApiGet<Page<SessionItem>>('/api/training/sessions', { limit: LIMIT, offset });
  usePage(t('capacity.training.title'), !programmes.loading && !sessions.loading);
  const lang = i18n.language;

  const columns: Column<SessionItem>[] = [
    {
      key: 'programme',
      header: t('capacity.training.programme'),
      render: (s) => (
        <Anchor component={Link} to={`/capacity/training/sessions/${s.id}`} fw={600} size="sm">
          {s.programme.title}
        </Anchor>
      ),
    },
    {
      key: 'kind',
      header: t('capacity.training.kind'),
      render: (s) => programmeKindLabel(t, s.programme.kind),
    },
    {
      key: 'dates',
      header: t('capacity.training.dates'),
      render: (s) =>
        s.startsOn === s.endsOn
          ? formatDate(s.startsOn, lang)
          : `${formatDate(s.startsOn, lang) ?? ''} – ${formatDate(s.endsOn, lang) ?? ''}`,
    },
    { key: 'place', header: t('capacity.training.place'), render: (s) => `${s.place} (${s.unit.name})` },
    { key: 'status', header: t('capacity.training.status'), render: (s) => sessionStatusLabel(t, s.status) },
    {
      key: 'people',
      header: t('capacity.training.attendedOf'),
      numeric: true,
      render: (s) => `${String(s.attended)} / ${String(s.participants)}`,
    },
  ];

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('capacity.training.title')}</Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('capacity.training.intro')}
        </Text>
      </div>
      <TrainingNav />
      <ErrorNotice error={programmes.error ?? sessions.error} onRetry={sessions.reload} />
      <Title order={2} size="h3">
        {t('capacity.training.sessions')}
      </Title>
      {sessions.data ? (
        <div aria-busy={sessions.loading}>
          <DataTable
            caption={t('capacity.training.sessions')}
            columns={columns}
            rows={sessions.data.items}
            rowKey={(s) => s.id}
            empty={t('capacity.training.noSessions')}
          />
          <Pager
            offset={offset}
            limit={LIMIT}
            total={sessions.data.total}
            onChange={(next) => update({ offset: next })}
          />
        </div>
      ) : null}
      {hasRole(me, TRAINING_MANAGERS) && programmes.data ? (
        <NewSessionForm
          programmes={programmes.data.items}
          onCreated={(id) => void navigate(`/capacity/training/sessions/${id}`)}
        />
      ) : null}
      <Title order={2} size="h3">
        {t('capacity.training.programmes')}
      </Title>
      {programmes.data ? (
        <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {programmes.data.items.map((p) => (
            <Text component="li" key={p.id} size="sm">
              <strong>{p.title}</strong> · {programmeKindLabel(t, p.kind)} ·{' '}
              {p.stateName ?? t('capacity.training.national')} ·{' '}
              {t('capacity.training.sessionCount', { count: p.sessions })}
            </Text>
          ))}
        </Stack>
      ) : null}
      {hasRole(me, PROGRAMME_AUTHORS) ? <NewProgrammeForm onCreated={programmes.reload} /> : null}
    </Stack>
  );
}
