import { NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MatchCandidate } from '../../api/restoration';
import { useApiGet } from '../../api/useApi';
import { ErrorNotice } from '../../components/feedback';
import { useUrlFilters } from '../../components/filters';
import { Pager } from '../../components/Pager';
import { usePage } from '../../components/PageReady';
import { CandidateList } from './CandidateList';
import { label, RestorationNav } from './parts';

const LIMIT = 20;
const STATUSES = ['proposed', 'confirmed', 'rejected', 'withdrawn'] as const;

/** Candidates waiting for review in either side's jurisdiction, most probable first. */
export default function CandidatesPage() {
  const { t } = useTranslation();
  const { values, offset, update } = useUrlFilters(['status'] as const);
  const status = values.status || 'proposed';
  const list = useApiGet<{ items: MatchCandidate[]; total: number }>('/api/restoration/candidates', {
    status,
    limit: LIMIT,
    offset,
  });
  usePage(t('restoration.candidate.title'), !list.loading);
  return (
    <Stack gap="md">
      <RestorationNav />
      <Title order={1}>{t('restoration.candidate.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('restoration.candidate.intro')}
      </Text>
      <NativeSelect
        label={t('restoration.status')}
        value={status}
        onChange={(e) => update({ status: e.currentTarget.value })}
        data={STATUSES.map((s) => ({ value: s, label: label(t, 'candidateStatus', s) }))}
        maw={240}
      />
      <ErrorNotice error={list.error} onRetry={list.reload} />
      <CandidateList
        items={list.data?.items ?? []}
        empty={list.loading ? '' : t('restoration.candidate.none')}
        onChanged={list.reload}
      />
      <Pager
        offset={offset}
        limit={LIMIT}
        total={list.data?.total ?? 0}
        onChange={(next) => update({ offset: next })}
      />
    </Stack>
  );
}
