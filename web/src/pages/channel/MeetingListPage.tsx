import {
  Anchor,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  MEETING_CHAIR_ROLES,
  MEETING_STATUSES,
  type MeetingListItem,
  type MeetingView,
} from '../../api/channel';
import { api } from '../../api/client';
import { hasRole, type Page } from '../../api/types';
import { useApiGet } from '../../api/useApi';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorNotice } from '../../components/feedback';
import { useUrlFilters } from '../../components/filters';
import { Pager } from '../../components/Pager';
import { usePage } from '../../components/PageReady';
import { StateSelect, useStates } from '../../components/StateSelect';
import { formatDate, formatNumber } from '../../i18n/format';
import { useSession } from '../../session/session';
import { newIdempotencyKey } from '../cases/form/model';
import { oneOf } from '../cases/labels';
import { meetingStatusLabel } from './labels';

const LIMIT = 25;

/** A chair calls the State's meeting; its agenda is drawn up from overdue requests and open alerts. */
function CallMeeting() {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const states = useStates();
  const national = me?.jurisdiction.level === 'national';
  const [state, setState] = useState('');
  const [heldOn, setHeldOn] = useState('');
  const [title, setTitle] = useState('');
  const [location, setLocation] = useState('');
  const [dateError, setDateError] = useState<string | undefined>(undefined);
  const [stateError, setStateError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [key] = useState(newIdempotencyKey);
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDateError(/^\d{4}-\d{2}-\d{2}$/.test(heldOn) ? undefined : t('channel.meetings.dateRequired'));
    setStateError(national && !state ? t('channel.meetings.stateRequired') : undefined);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(heldOn) || (national && !state)) return;
    setBusy(true);
    setError(undefined);
    api
      .post<MeetingView>(
        '/api/meetings',
        {
          heldOn,
          ...(national ? { stateLgd: Number(state) } : {}),
          ...(title.trim().length >= 3 ? { title: title.trim() } : {}),
          ...(location.trim() ? { location: location.trim() } : {}),
        },
        { headers: { 'Idempotency-Key': key } },
      )
      .then((view) => navigate(`/meetings/${view.id}`))
      .catch((e: unknown) => {
        setError(e);
        setBusy(false);
      });
  };
  return (
    <details className="filters">
      <summary>{t('channel.meetings.call')}</summary>
      <Paper p="sm">
        <form onSubmit={submit} noValidate aria-label={t('channel.meetings.call')}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('channel.meetings.callHint')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {national ? (
                <div>
                  <StateSelect
                    label={t('channel.picker.state')}
                    allLabel={t('channel.meetings.chooseState')}
                    value={state}
                    onChange={setState}
                    states={states.data}
                    failed={states.error !== undefined}
                  />
                  {stateError ? (
                    <Text size="xs" c="red.8">
                      {stateError}
                    </Text>
                  ) : null}
                </div>
              ) : null}
              <TextInput
                label={t('channel.meetings.heldOn')}
                type="date"
                required
                value={heldOn}
                error={dateError}
                onChange={(event) => setHeldOn(event.currentTarget.value)}
              />
              <TextInput
                label={t('channel.meetings.titleField')}
                description={t('channel.meetings.titleHint')}
                maxLength={200}
                value={title}
                onChange={(event) => setTitle(event.currentTarget.value)}
              />
              <TextInput
                label={t('channel.meetings.location')}
                description={t('common.optional')}
                maxLength={300}
                value={location}
                onChange={(event) => setLocation(event.currentTarget.value)}
              />
            </SimpleGrid>
            <ErrorNotice error={error} />
            <Group>
              <Button type="submit" loading={busy}>
                {t('channel.meetings.callSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </details>
  );
}

/** Coordination meetings of the user's State (every State for national users), latest first. */
export default function MeetingListPage() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const { values, offset, update } = useUrlFilters(['status'] as const);
  const list = useApiGet<Page<MeetingListItem>>('/api/meetings', {
    status: oneOf(MEETING_STATUSES, values.status) ? values.status : undefined,
    limit: LIMIT,
    offset,
  });
  usePage(t('channel.meetings.title'), !list.loading);
  const language = i18n.language;
  const columns: Column<MeetingListItem>[] = [
    {
      key: 'meeting',
      header: t('channel.meetings.meeting'),
      render: (item) => (
        <div>
          <Anchor component={Link} to={`/meetings/${item.id}`} fw={600} size="sm">
            {item.title}
          </Anchor>
          <Text size="xs" c="dimmed">
            {[item.state.name, item.location].filter(Boolean).join(' · ')}
          </Text>
        </div>
      ),
    },
    {
      key: 'date',
      header: t('channel.meetings.heldOn'),
      render: (item) => <Text size="sm">{formatDate(item.heldOn, language)}</Text>,
    },
    {
      key: 'status',
      header: t('channel.meetings.status'),
      render: (item) => <Text size="sm">{meetingStatusLabel(t, item.status)}</Text>,
    },
    {
      key: 'actions',
      header: t('channel.meetings.actionItems'),
      render: (item) => (
        <Text size="sm">
          {t('channel.meetings.actionCounts', {
            open: formatNumber(item.actionItems.open, language),
            overdue: formatNumber(item.actionItems.overdue, language),
            done: formatNumber(item.actionItems.done, language),
          })}
        </Text>
      ),
    },
  ];
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('channel.meetings.title')}</Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('channel.meetings.intro')}
        </Text>
      </div>
      {hasRole(me, MEETING_CHAIR_ROLES) ? <CallMeeting /> : null}
      <NativeSelect
        label={t('channel.meetings.status')}
        maw={320}
        value={values.status}
        onChange={(event) => update({ status: event.currentTarget.value })}
        data={[
          { value: '', label: t('channel.requests.allStatuses') },
          ...MEETING_STATUSES.map((s) => ({ value: s, label: meetingStatusLabel(t, s) })),
        ]}
      />
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {list.data && !list.error ? (
        <div aria-busy={list.loading}>
          <DataTable
            caption={t('channel.meetings.title')}
            columns={columns}
            rows={list.data.items}
            rowKey={(item) => item.id}
            empty={t('channel.meetings.none')}
          />
          <Pager
            offset={offset}
            limit={LIMIT}
            total={list.data.total}
            onChange={(next) => update({ offset: next })}
          />
        </div>
      ) : null}
    </Stack>
  );
}
