import { Anchor, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { MEETING_STATUSES, type MeetingView } from '../../api/channel';
import { api, ApiError } from '../../api/client';
import { useApiGet } from '../../api/useApi';
import { ErrorNotice, PageLoader } from '../../components/feedback';
import { usePage } from '../../components/PageReady';
import { formatDate } from '../../i18n/format';
import { NotFoundContent } from '../NotFoundPage';
import { meetingStatusLabel } from './labels';
import { ActionItems, Agenda, Minutes } from './MeetingSections';

/** One coordination meeting: agenda (prefilled), minutes and action items. */
export default function MeetingPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const result = useApiGet<MeetingView>(`/api/meetings/${encodeURIComponent(id)}`);
  const [latest, setLatest] = useState<MeetingView | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  useEffect(() => setLatest(undefined), [result.data]);
  const loaded = result.data?.id === id ? result.data : undefined;
  const item = latest?.id === id ? latest : loaded;
  const notFound = result.error instanceof ApiError && [400, 403, 404].includes(result.error.status) && !item;
  usePage(
    notFound ? t('channel.meeting.notFound') : (item?.title ?? t('channel.meetings.title')),
    !result.loading,
  );
  if (notFound)
    return <NotFoundContent title={t('channel.meeting.notFound')} text={t('channel.meeting.notFoundText')} />;
  if (result.error && !item) return <ErrorNotice error={result.error} onRetry={result.reload} />;
  if (!item) return <PageLoader />;

  const setStatus = (status: string) => {
    setError(undefined);
    api
      .patch<MeetingView>(`/api/meetings/${encodeURIComponent(item.id)}`, { status })
      .then(setLatest)
      .catch(setError);
  };

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Anchor component={Link} to="/meetings" size="sm">
          ← {t('channel.meeting.backToList')}
        </Anchor>
        <Title order={1}>{item.title}</Title>
        <Text size="sm" c="dimmed">
          {[item.state.name, formatDate(item.heldOn, i18n.language), item.location]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        <Group gap="sm">
          {item.canEdit ? (
            <NativeSelect
              label={t('channel.meetings.status')}
              value={item.status}
              onChange={(event) => setStatus(event.currentTarget.value)}
              data={MEETING_STATUSES.map((s) => ({ value: s, label: meetingStatusLabel(t, s) }))}
            />
          ) : (
            <Text size="sm" fw={600}>
              {meetingStatusLabel(t, item.status)}
            </Text>
          )}
        </Group>
        <ErrorNotice error={error} />
      </Stack>
      <Agenda item={item} onChanged={result.reload} />
      <Minutes key={item.id} item={item} onSaved={setLatest} />
      <ActionItems item={item} onChanged={result.reload} />
    </Stack>
  );
}
