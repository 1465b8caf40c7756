import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import type { PersonPageData } from '../../api/types';
import { useApiGet } from '../../api/useApi';
import { ErrorNotice, PageLoader } from '../../components/feedback';
import { usePage } from '../../components/PageReady';
import { StatusBadge } from '../cases/CaseBadges';
import { personRoleLabel } from '../cases/labels';
import { NotFoundContent } from '../NotFoundPage';
import { PersonFacts, PersonName } from './PersonFacts';
import { RevealDialog } from './RevealDialog';

/** A person in a case as everyone on the case sees them, the case they belong to, and the reveal flow. */
export default function PersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const result = useApiGet<PersonPageData>(`/api/persons/${encodeURIComponent(id)}`);
  const data = result.data?.person.id === id ? result.data : undefined;
  const notFound =
    result.error instanceof ApiError && (result.error.status === 404 || result.error.status === 400);
  const [revealing, setRevealing] = useState(false);
  const title = data
    ? `${personRoleLabel(t, data.person.role)}: ${data.person.displayName ?? data.person.pseudonym}`
    : t('person.title');
  usePage(notFound ? t('person.notFound') : title, !result.loading);

  if (notFound) return <NotFoundContent title={t('person.notFound')} text={t('person.notFoundText')} />;
  if (result.error && !data) return <ErrorNotice error={result.error} onRetry={result.reload} />;
  if (!data) return <PageLoader />;
  const { person } = data;

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Anchor component={Link} to={`/cases/${data.case.id}`} size="sm">
          ← {t('person.backToCase', { reference: data.case.reference })}
        </Anchor>
        <Text size="sm" fw={700} c="dimmed">
          {personRoleLabel(t, person.role)}
        </Text>
        <Title order={1}>{person.displayName ?? person.pseudonym}</Title>
        <PersonName person={person} />
      </Stack>
      {person.identityMasked ? (
        <Paper withBorder p="md" radius="md">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('person.maskedExplain')}</Text>
            <Button onClick={() => setRevealing(true)}>{t('reveal.button')}</Button>
          </Stack>
        </Paper>
      ) : null}
      <section aria-labelledby="person-facts">
        <Title order={2} size="h3" id="person-facts" mb="sm">
          {t('person.facts')}
        </Title>
        <Paper withBorder p="md" radius="md">
          <PersonFacts person={person} />
        </Paper>
      </section>
      <section aria-labelledby="person-case">
        <Title order={2} size="h3" id="person-case" mb="sm">
          {t('person.case')}
        </Title>
        <Paper withBorder p="md" radius="md">
          <Group gap="xs" wrap="wrap">
            <Anchor component={Link} to={`/cases/${data.case.id}`} fw={600}>
              {data.case.reference}
            </Anchor>
            <StatusBadge status={data.case.status} />
          </Group>
          <Text size="sm">{data.case.title}</Text>
        </Paper>
      </section>
      <RevealDialog person={revealing ? person : undefined} onClose={() => setRevealing(false)} />
    </Stack>
  );
}
