import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import {
  TRACING_WRITER_ROLES,
  type FoundPerson,
  type MatchCandidate,
  type MissingReport,
} from '../../api/restoration';
import { hasRole } from '../../api/types';
import { useApiGet } from '../../api/useApi';
import { ErrorNotice, PageLoader } from '../../components/feedback';
import { usePage } from '../../components/PageReady';
import { useSession } from '../../session/session';
import { CandidateList } from './CandidateList';
import { facts, label, placeText, RestorationNav, RevealIdentity, StatusBadge } from './parts';
import { FoundEditForm, MissingEditForm } from './RecordEditForm';

function Fact({ name, children }: { name: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {name}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

function CarePlanLink({ found }: { found: FoundPerson }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  if (found.carePlanId)
    return (
      <Anchor component={Link} to={`/care/${found.carePlanId}`}>
        {t('restoration.found.carePlan')}
      </Anchor>
    );
  if (!hasRole(me, TRACING_WRITER_ROLES)) return null;
  return (
    <Stack gap="xs" align="flex-start">
      <Button
        variant="default"
        onClick={() =>
          void api
            .post<{ id: string }>('/api/care/plans', { foundId: found.id })
            .then((p) => navigate(`/care/${p.id}`), setError)
        }
      >
        {t('restoration.found.openCarePlan')}
      </Button>
      <ErrorNotice error={error ?? undefined} />
    </Stack>
  );
}

/** One missing report or found person: its facts, the identity behind a reason, and its match candidates. */
export default function RecordPage({ kind }: { kind: 'missing' | 'found' }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const record = useApiGet<MissingReport | FoundPerson>(`/api/${kind}/${id}`);
  const candidates = useApiGet<{ items: MatchCandidate[] }>('/api/restoration/candidates', {
    [kind === 'missing' ? 'missingId' : 'foundId']: id,
  });
  usePage(record.data?.reference ?? t(`restoration.${kind}.title`), !record.loading && !candidates.loading);
  const r = record.data;
  if (!r) return record.error ? <ErrorNotice error={record.error} /> : <PageLoader />;
  const missing = kind === 'missing' ? (r as MissingReport) : null;
  const found = kind === 'found' ? (r as FoundPerson) : null;
  const reload = () => {
    record.reload();
    candidates.reload();
  };
  return (
    <Stack gap="md">
      <RestorationNav />
      <Group justify="space-between">
        <Title order={1}>{r.reference}</Title>
        <StatusBadge group={kind === 'missing' ? 'missingStatus' : 'foundStatus'} value={r.status} />
      </Group>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact name={t('restoration.person')}>
            {r.pseudonym} · {facts(t, r)}
          </Fact>
          <Fact name={t('restoration.registeredBy')}>{r.registeringUnit.name}</Fact>
          {missing ? (
            <>
              <Fact name={t('restoration.missing.lastSeen')}>
                {placeText(missing.lastSeenIn)} · {missing.lastSeenOn}
                {missing.lastSeenPlace ? ` · ${missing.lastSeenPlace}` : ''}
              </Fact>
              <Fact name={t('restoration.form.reportedOn')}>{missing.reportedOn}</Fact>
              <Fact name={t('restoration.form.circumstances')}>{missing.circumstances ?? '—'}</Fact>
            </>
          ) : null}
          {found ? (
            <>
              <Fact name={t('restoration.found.where')}>
                {label(t, 'foundKind', found.foundKind)} · {placeText(found.foundIn)} · {found.foundOn}
                {found.foundPlace ? ` · ${found.foundPlace}` : ''}
              </Fact>
              <Fact name={t('restoration.found.placement')}>{found.placement?.name ?? '—'}</Fact>
              <Fact name={t('restoration.form.cwc')}>
                {found.cwc?.name ?? '—'}
                {found.cwcOrderNumber ? ` · ${found.cwcOrderNumber}` : ''}
              </Fact>
            </>
          ) : null}
        </SimpleGrid>
      </Paper>
      {found ? <CarePlanLink found={found} /> : null}
      {/* The server decides who may change the record (canEdit mirrors its UPDATE policy). */}
      {missing?.canEdit ? <MissingEditForm report={missing} onSaved={reload} /> : null}
      {found?.canEdit ? <FoundEditForm person={found} onSaved={reload} /> : null}
      <section aria-labelledby="identity-heading">
        <Title order={2} size="h3" id="identity-heading" mb="xs">
          {t('restoration.identity.title')}
        </Title>
        <RevealIdentity side={kind} id={r.id} />
      </section>
      <section aria-labelledby="candidates-heading">
        <Title order={2} size="h3" id="candidates-heading" mb="xs">
          {t('restoration.candidates')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('restoration.candidate.intro')}
        </Text>
        <ErrorNotice error={candidates.error} onRetry={candidates.reload} />
        <CandidateList
          items={candidates.data?.items ?? []}
          empty={t('restoration.candidate.none')}
          onChanged={reload}
        />
      </section>
    </Stack>
  );
}
