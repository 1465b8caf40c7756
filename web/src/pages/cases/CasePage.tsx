import { Anchor, Button, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import type { CaseView } from '../../api/types';
import { useApiGet } from '../../api/useApi';
import { ErrorNotice, PageLoader } from '../../components/feedback';
import { usePage } from '../../components/PageReady';
import { formatDate } from '../../i18n/format';
import { NotFoundContent } from '../NotFoundPage';
import { AttachmentsSection } from './AttachmentsSection';
import { CaseFlags, StatusBadge } from './CaseBadges';
import { formLabel, kindLabel, linkRelationLabel } from './labels';
import { PeopleSection } from './PeopleSection';
import { RouteSection } from './RouteSection';
import { SharesSection } from './SharesSection';
import { TimelineSection } from './TimelineSection';

function Row({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <div className="card-field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function CaseDetails({ item }: { item: CaseView }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const hindi = language === 'hi';
  return (
    <Paper withBorder p="md" radius="md">
      <dl className="card-fields">
        <Row label={t('case.kind')}>{kindLabel(t, item.kind)}</Row>
        <Row label={t('case.fir')}>
          {item.firNumber
            ? [item.firNumber, formatDate(item.firDate, language)].filter(Boolean).join(' · ')
            : null}
        </Row>
        <Row label={t('case.registeredOn')}>{formatDate(item.registeredOn, language)}</Row>
        <Row label={t('case.unit')}>{item.registeringUnit.name}</Row>
        <Row label={t('case.where')}>{`${item.district.name}, ${item.state.name}`}</Row>
        <Row label={t('case.policeStation')}>{item.policeStation?.name}</Row>
        <Row label={t('case.io')}>{item.investigatingOfficer?.name}</Row>
        <Row label={t('case.forms')}>
          {item.exploitationForms.length > 0
            ? item.exploitationForms.map((f) => formLabel(t, f)).join(', ')
            : null}
        </Row>
        <Row label={t('case.sections')}>
          {item.legalSections.length > 0 ? (
            <ul className="bare-list">
              {item.legalSections.map((section) => (
                <li key={section.code}>
                  <Text span size="sm" fw={600}>
                    {section.code}
                  </Text>{' '}
                  <Text span size="sm">
                    {hindi && section.titleHi ? section.titleHi : section.title}
                  </Text>
                  {section.replacedBy ? (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      ({t('case.replacedBy', { code: section.replacedBy })})
                    </Text>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
        </Row>
        <Row label={t('case.firstArrest')}>{formatDate(item.firstArrestOn, language)}</Row>
        <Row label={t('case.chargeSheetDue')}>
          {item.chargeSheetDueOn ? (
            <Text
              span
              size="sm"
              c={item.chargeSheetOverdue ? 'red.9' : undefined}
              fw={item.chargeSheetOverdue ? 700 : undefined}
            >
              {formatDate(item.chargeSheetDueOn, language)}
              {item.chargeSheetOverdue ? ` · ${t('cases.flagOverdue')}` : ''}
            </Text>
          ) : null}
        </Row>
        <Row label={t('case.chargeSheetedOn')}>{formatDate(item.chargeSheetedOn, language)}</Row>
        <Row label={t('case.links')}>
          {item.links.length > 0 ? (
            <ul className="bare-list">
              {item.links.map((link) => (
                <li key={link.caseId}>
                  <Anchor component={Link} to={`/cases/${link.caseId}`} size="sm">
                    {link.reference}
                  </Anchor>{' '}
                  <Text span size="xs" c="dimmed">
                    ({linkRelationLabel(t, link.relation)})
                  </Text>
                </li>
              ))}
            </ul>
          ) : null}
        </Row>
      </dl>
      {item.summary ? (
        <>
          <Divider my="sm" />
          <Text size="sm" fw={600}>
            {t('case.summary')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {item.summary}
          </Text>
        </>
      ) : null}
    </Paper>
  );
}

/** One case: header, details, people (identity masked), route with map, timeline, files and sharing. */
export default function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const result = useApiGet<CaseView>(`/api/cases/${encodeURIComponent(id)}`);
  const item = result.data?.id === id ? result.data : undefined;
  const notFound =
    result.error instanceof ApiError && (result.error.status === 404 || result.error.status === 400);
  usePage(
    notFound ? t('case.notFound') : item ? `${item.reference}: ${item.title}` : t('case.title'),
    !result.loading,
  );

  if (notFound) return <NotFoundContent title={t('case.notFound')} text={t('case.notFoundText')} />;
  if (result.error && !item) return <ErrorNotice error={result.error} onRetry={result.reload} />;
  if (!item) return <PageLoader />;

  const sections = [
    { id: 'case-people', label: t('case.people') },
    { id: 'case-route', label: t('route.title') },
    { id: 'case-timeline', label: t('case.timeline') },
    { id: 'case-attachments', label: t('attachments.title') },
    { id: 'case-shares', label: t('shares.title') },
  ];

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Anchor component={Link} to="/cases" size="sm">
          ← {t('case.backToList')}
        </Anchor>
        <Group justify="space-between" align="flex-start" gap="sm">
          <div style={{ minWidth: 0, flex: '1 1 20rem' }}>
            <Text size="sm" fw={700} c="dimmed" data-testid="case-reference">
              {item.reference}
            </Text>
            <Title order={1}>{item.title}</Title>
          </div>
          {item.canEdit ? (
            <Button component={Link} to={`/cases/${item.id}/edit`} variant="default">
              {t('case.edit')}
            </Button>
          ) : null}
        </Group>
        <Group gap={6} wrap="wrap">
          <StatusBadge status={item.status} />
          <CaseFlags
            interState={item.isInterState}
            crossBorder={item.isCrossBorder}
            overdue={item.chargeSheetOverdue}
          />
        </Group>
      </Stack>
      <ErrorNotice error={result.error} onRetry={result.reload} />
      <CaseDetails item={item} />
      <nav aria-label={t('case.sectionsNav')}>
        <Group gap="md" wrap="wrap">
          {sections.map((section) => (
            <Anchor key={section.id} href={`#${section.id}`} size="sm">
              {section.label}
            </Anchor>
          ))}
        </Group>
      </nav>
      <PeopleSection persons={item.persons} />
      <RouteSection route={item.route} caseState={item.state.lgdCode} />
      <TimelineSection item={item} onChanged={() => result.reload()} onReload={result.reload} />
      <AttachmentsSection item={item} onChanged={result.reload} />
      <SharesSection item={item} />
    </Stack>
  );
}
