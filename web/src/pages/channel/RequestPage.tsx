import { Anchor, Divider, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { RequestView } from '../../api/channel';
import { ApiError } from '../../api/client';
import { useApiGet } from '../../api/useApi';
import { ErrorNotice, PageLoader, StatusNotice } from '../../components/feedback';
import { usePage } from '../../components/PageReady';
import { formatDateTime } from '../../i18n/format';
import { personRoleLabel } from '../cases/labels';
import { NotFoundContent } from '../NotFoundPage';
import { AttachmentList } from './files';
import { actionLabel, priorityLabel, RequestBadges, requestKindLabel } from './labels';
import { RequestActions } from './RequestActions';
import { MessageForm, Thread } from './RequestThread';

function Row({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <div className="card-field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Details({ item }: { item: RequestView }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <Paper withBorder p="md" radius="md">
      <dl className="card-fields">
        <Row label={t('channel.request.from')}>{item.fromUnit.name}</Row>
        <Row label={t('channel.request.to')}>{item.toUnit.name}</Row>
        <Row label={t('channel.request.kind')}>{requestKindLabel(t, item.kind)}</Row>
        <Row label={t('channel.request.priority')}>{priorityLabel(t, item.priority)}</Row>
        <Row label={t('channel.request.sent')}>{formatDateTime(item.createdAt, language)}</Row>
        <Row label={t('channel.request.due')}>
          <Text span size="sm" c={item.overdue ? 'red.9' : undefined} fw={item.overdue ? 700 : undefined}>
            {formatDateTime(item.dueAt, language)}
            {item.overdue ? ` · ${t('channel.overdue')}` : ''}
          </Text>
        </Row>
        <Row label={t('channel.request.answeredAt')}>{formatDateTime(item.answeredAt, language)}</Row>
        <Row label={t('channel.request.declineReason')}>{item.declineReason}</Row>
        <Row label={t('channel.request.case')}>
          {item.case ? (
            item.case.accessible ? (
              <Anchor component={Link} to={`/cases/${item.case.id}`} size="sm">
                {item.case.reference ?? t('channel.request.openCase')}
              </Anchor>
            ) : (
              (item.case.reference ?? t('channel.request.caseHidden'))
            )
          ) : null}
        </Row>
        <Row label={t('channel.request.sharing')}>
          {item.case
            ? item.identityShared
              ? t('channel.request.sharedWithIdentity')
              : item.caseShared
                ? t('channel.request.sharedMasked')
                : t('channel.request.notShared')
            : null}
        </Row>
      </dl>
      <Divider my="sm" />
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="request-body">
        {item.body}
      </Text>
      <AttachmentList requestId={item.id} files={item.attachments} />
    </Paper>
  );
}

function People({ item }: { item: RequestView }) {
  const { t } = useTranslation();
  if (item.persons.length === 0) return null;
  return (
    <section aria-labelledby="request-people">
      <Title order={2} size="h3" id="request-people" mb="sm">
        {t('channel.request.people')}
      </Title>
      <ul className="plain-list">
        {item.persons.map((person) => (
          <li key={person.personId}>
            <Text size="sm" fw={600}>
              {personRoleLabel(t, person.role)}: {person.pseudonym}
            </Text>
            <Text size="sm">
              {[
                t(
                  `sex.${person.sex === 'female' || person.sex === 'male' || person.sex === 'transgender' ? person.sex : 'unknown'}`,
                ),
                person.ageYears !== null ? t('channel.request.age', { age: person.ageYears }) : null,
                person.homeDistrict
                  ? t('channel.request.home', {
                      district: person.homeDistrict.name,
                      state: person.homeDistrict.stateName,
                    })
                  : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            {item.identityAccess ? (
              <Anchor component={Link} to={`/persons/${person.personId}`} size="sm">
                {t('channel.request.identityOnPerson')}
              </Anchor>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Escalations({ item }: { item: RequestView }) {
  const { t, i18n } = useTranslation();
  if (item.escalations.length === 0) return null;
  return (
    <section aria-labelledby="request-escalations">
      <Title order={2} size="h3" id="request-escalations" mb="sm">
        {t('channel.request.escalations')}
      </Title>
      <ul className="plain-list" data-testid="escalations">
        {item.escalations.map((e) => (
          <li key={`${e.round}-${e.level}`}>
            <Text size="sm" fw={600}>
              {e.level >= 2 ? t('channel.escalatedCell') : t('channel.escalatedState')}
              {e.toUnit ? `: ${e.toUnit.name}` : ''}
            </Text>
            <Text size="xs" c="dimmed">
              {t('channel.request.escalatedAt', {
                at: formatDateTime(e.escalatedAt, i18n.language),
                due: formatDateTime(e.dueAt, i18n.language),
              })}
            </Text>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One request: what was asked, by whom, by when; its thread, files, escalations and the next steps. */
export default function RequestPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const result = useApiGet<RequestView>(`/api/requests/${encodeURIComponent(id)}`);
  const [latest, setLatest] = useState<RequestView | undefined>(undefined);
  const [status, setStatus] = useState<string | undefined>(undefined);
  useEffect(() => setLatest(undefined), [result.data]);
  const loaded = result.data?.id === id ? result.data : undefined;
  const item = latest?.id === id ? latest : loaded;
  const notFound = result.error instanceof ApiError && [400, 403, 404].includes(result.error.status) && !item;
  usePage(
    notFound
      ? t('channel.request.notFound')
      : item
        ? `${item.reference}: ${item.subject}`
        : t('channel.request.title'),
    !result.loading,
  );

  if (notFound)
    return <NotFoundContent title={t('channel.request.notFound')} text={t('channel.request.notFoundText')} />;
  if (result.error && !item) return <ErrorNotice error={result.error} onRetry={result.reload} />;
  if (!item) return <PageLoader />;

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Anchor component={Link} to="/requests" size="sm">
          ← {t('channel.request.backToList')}
        </Anchor>
        <Text size="sm" fw={700} c="dimmed" data-testid="request-reference">
          {item.reference}
        </Text>
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {item.subject}
        </Title>
        <RequestBadges
          status={item.status}
          overdue={item.overdue}
          escalationLevel={item.escalationLevel}
          priority={item.priority}
        />
      </Stack>
      <StatusNotice message={status} />
      <Details item={item} />
      <RequestActions
        item={item}
        onDone={(view, action) => {
          setLatest(view);
          setStatus(t('channel.request.done', { action: actionLabel(t, action) }));
        }}
      />
      <People item={item} />
      <Escalations item={item} />
      <Thread item={item} />
      <MessageForm
        item={item}
        onSent={(view) => {
          setLatest(view);
          setStatus(t('channel.request.messageSent'));
        }}
      />
    </Stack>
  );
}
