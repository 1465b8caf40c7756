import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IdentityView } from '../../api/linkage';
import { useApiGet } from '../../api/useApi';
import { ErrorNotice } from '../../components/feedback';
import { formatDateTime } from '../../i18n/format';
import { eventLabel, personRoleLabel, SideName } from './parts';

/** The person identity a record belongs to: its records in every State (masked) and its merge/split history. */
export function IdentityPanel({ personId, refresh }: { personId: string; refresh: string }) {
  const { t, i18n } = useTranslation();
  const identity = useApiGet<IdentityView>(`/api/linkage/persons/${personId}/identity`, { refresh });
  const data = identity.data;
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4">
        {t('linkage.identity')}: {data?.identityId ?? t('linkage.noIdentity')}
      </Title>
      <ErrorNotice error={identity.error} onRetry={identity.reload} />
      {data ? (
        <Stack gap="xs" mt="sm">
          <Title order={3} size="h5">
            {t('linkage.identityRecords')}
          </Title>
          <Stack component="ul" gap={4} pl="md" my={0}>
            {data.records.map((r) => (
              <li key={r.personId}>
                <SideName side={r} />
                <Text size="xs" c="dimmed">
                  {personRoleLabel(t, r.role)} · {r.caseReference} ·{' '}
                  {r.district ? `${r.district.name}, ` : ''}
                  {r.state.name}
                </Text>
              </li>
            ))}
          </Stack>
          {data.history.length > 0 ? (
            <>
              <Title order={3} size="h5">
                {t('linkage.identityHistory')}
              </Title>
              <Stack component="ul" gap={4} pl="md" my={0}>
                {data.history.map((e, index) => (
                  <li key={`${e.at}-${String(index)}`}>
                    <Text size="sm">
                      {formatDateTime(e.at, i18n.language)}: {eventLabel(t, e.kind)} ({e.identityId})
                    </Text>
                  </li>
                ))}
              </Stack>
            </>
          ) : null}
        </Stack>
      ) : null}
    </Paper>
  );
}
