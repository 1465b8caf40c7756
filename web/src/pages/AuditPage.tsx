import {
  Alert,
  Button,
  Code,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { AUDIT_OUTCOMES, type AuditRow, type AuditVerification, type Page } from '../api/types';
import { useApiGet } from '../api/useApi';
import { DataTable, type Column } from '../components/DataTable';
import { ErrorNotice, LiveRegion } from '../components/feedback';
import { useUrlFilters } from '../components/filters';
import { Pager } from '../components/Pager';
import { StatusText } from '../components/StatusText';
import { usePage } from '../components/PageReady';
import { formatDateTime, formatNumber } from '../i18n/format';

const LIMIT = 50;
const FILTERS = ['actor', 'action', 'objectType', 'objectId', 'outcome', 'from', 'to'] as const;
type Filter = (typeof FILTERS)[number];

/** A day picked in the form (local time) as the instant the server filters on: `to` includes the whole day. */
export function dayBoundary(day: string, end: boolean): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const date = new Date(`${day}T00:00:00`);
  if (Number.isNaN(date.getTime())) return undefined;
  if (end) date.setDate(date.getDate() + 1);
  return date.toISOString();
}

function outcomeTone(outcome: string): 'good' | 'bad' {
  return outcome === 'success' ? 'good' : 'bad';
}

export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const { values, offset, update, clear } = useUrlFilters(FILTERS);
  const [draft, setDraft] = useState<Record<Filter, string>>(values);
  const activeFilters = FILTERS.filter((key) => values[key] !== '').length;
  // Seven fields fill a phone's screen: there they start folded unless some are in use.
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [filtersOpen, setFiltersOpen] = useState(!narrow || activeFilters > 0);
  const log = useApiGet<Page<AuditRow>>('/api/audit', {
    actor: values.actor,
    action: values.action,
    objectType: values.objectType,
    objectId: values.objectId,
    outcome: values.outcome,
    from: dayBoundary(values.from, false),
    to: dayBoundary(values.to, true),
    limit: LIMIT,
    offset,
  });
  usePage(t('audit.title'), !log.loading);

  const [verifying, setVerifying] = useState(false);
  const [verification, setVerification] = useState<AuditVerification | undefined>(undefined);
  const [verifyError, setVerifyError] = useState<unknown>(undefined);
  const verify = () => {
    setVerifying(true);
    setVerification(undefined);
    setVerifyError(undefined);
    api
      .post<AuditVerification>('/api/audit/verify')
      .then(setVerification)
      .catch(setVerifyError)
      .finally(() => setVerifying(false));
  };

  const apply = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    update(Object.fromEntries(FILTERS.map((key) => [key, draft[key].trim()])));
  };

  const outcomeLabel = (outcome: string) =>
    outcome === 'success' || outcome === 'refused' || outcome === 'failed'
      ? t(`audit.outcomes.${outcome}`)
      : outcome;

  const columns: Column<AuditRow>[] = [
    { key: 'seq', header: t('audit.seq'), numeric: true, render: (row) => formatNumber(row.seq, 'en') },
    {
      key: 'time',
      header: t('audit.time'),
      render: (row) => (
        <Text size="sm" className="nowrap">
          {formatDateTime(row.occurredAt, i18n.language)}
        </Text>
      ),
    },
    { key: 'actor', header: t('audit.colActor'), render: (row) => row.actorUsername ?? t('common.none') },
    { key: 'action', header: t('audit.colAction'), render: (row) => <Code>{row.action}</Code> },
    {
      key: 'object',
      header: t('audit.object'),
      render: (row) =>
        row.objectType ? (
          <Text size="sm">
            {row.objectType}
            {row.objectId ? (
              <Text span size="xs" c="dimmed" display="block" ff="monospace">
                {row.objectId}
              </Text>
            ) : null}
          </Text>
        ) : (
          t('common.none')
        ),
    },
    {
      key: 'outcome',
      header: t('audit.outcome'),
      render: (row) => <StatusText tone={outcomeTone(row.outcome)}>{outcomeLabel(row.outcome)}</StatusText>,
    },
    { key: 'reason', header: t('audit.reason'), render: (row) => row.reason ?? t('common.none') },
    { key: 'ip', header: t('audit.ip'), render: (row) => row.clientIp ?? t('common.none') },
  ];

  const field = (key: Filter, label: string, type: 'text' | 'date' = 'text') => (
    <TextInput
      label={label}
      type={type}
      value={draft[key]}
      onChange={(event) => {
        const value = event.currentTarget.value;
        setDraft((previous) => ({ ...previous, [key]: value }));
      }}
      autoComplete="off"
    />
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1}>{t('audit.title')}</Title>
          <Text c="dimmed" size="sm" mt={4}>
            {t('audit.intro')}
          </Text>
        </div>
        <Button onClick={verify} loading={verifying} variant="default">
          {t('audit.verify')}
        </Button>
      </Group>
      <LiveRegion>
        {verifying ? (
          <Text size="sm">{t('audit.verifying')}</Text>
        ) : verification ? (
          <Alert
            color={verification.ok ? 'teal' : 'red'}
            variant="light"
            role="none"
            data-testid="verify-result"
          >
            <Text size="sm">
              {verification.ok || !verification.problem
                ? t('audit.verifyOk', {
                    checked: formatNumber(verification.checked, i18n.language),
                    lastSeq: verification.lastSeq,
                  })
                : t('audit.verifyBroken', {
                    seq: verification.problem.seq,
                    message: verification.problem.message,
                  })}
            </Text>
          </Alert>
        ) : null}
      </LiveRegion>
      <ErrorNotice error={verifyError} />
      <details
        className="filters"
        open={filtersOpen}
        onToggle={(event) => setFiltersOpen(event.currentTarget.open)}
      >
        <summary>
          {t('common.filters')}
          {activeFilters > 0 ? ` (${String(activeFilters)})` : ''}
        </summary>
        <form role="search" aria-label={t('common.filters')} onSubmit={apply}>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            {field('actor', t('audit.actor'))}
            {field('action', t('audit.action'))}
            {field('objectType', t('audit.objectType'))}
            {field('objectId', t('audit.objectId'))}
            <NativeSelect
              label={t('audit.outcome')}
              value={draft.outcome}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setDraft((previous) => ({ ...previous, outcome: value }));
              }}
              data={[
                { value: '', label: t('audit.allOutcomes') },
                ...AUDIT_OUTCOMES.map((outcome) => ({
                  value: outcome,
                  label: t(`audit.outcomes.${outcome}`),
                })),
              ]}
            />
            {field('from', t('audit.from'), 'date')}
            {field('to', t('audit.to'), 'date')}
          </SimpleGrid>
          <Group gap="sm" mt="sm">
            <Button type="submit">{t('audit.apply')}</Button>
            <Button
              variant="subtle"
              onClick={() => {
                setDraft(Object.fromEntries(FILTERS.map((key) => [key, ''])) as Record<Filter, string>);
                clear();
              }}
            >
              {t('common.clearFilters')}
            </Button>
          </Group>
        </form>
      </details>
      <ErrorNotice error={log.error} onRetry={log.reload} />
      {log.data && !log.error ? (
        <div aria-busy={log.loading}>
          <DataTable
            caption={t('audit.title')}
            columns={columns}
            rows={log.data.items}
            rowKey={(row) => String(row.seq)}
            empty={t('audit.none')}
          />
          <Pager
            offset={offset}
            limit={LIMIT}
            total={log.data.total}
            onChange={(next) => update({ offset: next })}
          />
        </div>
      ) : null}
    </Stack>
  );
}
