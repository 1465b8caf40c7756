import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApiState } from '../../api/useApi';
import type { CaseSummary, Me } from '../../api/types';
import { ErrorNotice } from '../../components/feedback';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format';
import { StatusBadge } from './CaseBadges';
import { OPEN_STATUSES } from './labels';

const OPEN = OPEN_STATUSES.join(',');
const AWAITING = 'registered,under_investigation';

function Figure({ to, value, label, alarm }: { to: string; value: number; label: string; alarm?: boolean }) {
  const { i18n } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md">
      <Anchor component={Link} to={to} underline="hover" c={alarm ? 'red.9' : undefined}>
        <Text component="span" fz={32} fw={700} lh={1.1} display="block">
          {formatNumber(value, i18n.language)}
        </Text>
        <Text component="span" size="sm" fw={600} display="block">
          {label}
        </Text>
      </Anchor>
    </Paper>
  );
}

/** The home page's figures: open work, charge-sheet deadlines, alerts waiting, recent activity. */
export function CaseSummaryPanel({
  me,
  summary,
  unreadAlerts,
}: {
  me: Me;
  summary: ApiState<CaseSummary>;
  /** Open alerts to the user's unit not yet acknowledged; undefined when the role reads no alerts. */
  unreadAlerts?: number | undefined;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  if (summary.error) return <ErrorNotice error={summary.error} onRetry={summary.reload} />;
  const data = summary.data;
  if (!data) return null;
  const district = me.jurisdiction.level === 'district';

  return (
    <Stack gap="lg">
      <section aria-labelledby="home-figures">
        <Title order={2} size="h3" id="home-figures" mb="sm">
          {t('home.casesTitle')}
        </Title>
        <SimpleGrid
          cols={{ base: 1, xs: 2, md: (district ? 3 : 4) + (unreadAlerts === undefined ? 0 : 1) }}
          spacing="md"
        >
          <Figure
            to={`/cases?mine=true&status=${OPEN}`}
            value={data.myUnitOpenCases}
            label={t('home.myUnitOpen')}
          />
          {!district ? (
            <Figure
              to={`/cases?status=${OPEN}`}
              value={data.openCases}
              label={t('home.openInJurisdiction')}
            />
          ) : null}
          <Figure
            to="/cases?overdue=true&sort=charge_sheet_due_on"
            value={data.overdueChargeSheets}
            label={t('home.overdue')}
            alarm={data.overdueChargeSheets > 0}
          />
          <Figure
            to={`/cases?status=${AWAITING}&sort=charge_sheet_due_on`}
            value={data.dueWithin14Days}
            label={t('home.dueSoon')}
          />
          {unreadAlerts !== undefined ? (
            <Figure
              to="/alerts?direction=received&status=open&unacknowledged=true"
              value={unreadAlerts}
              label={t('home.unreadAlerts')}
              alarm={unreadAlerts > 0}
            />
          ) : null}
        </SimpleGrid>
      </section>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <section aria-labelledby="home-deadlines">
          <Title order={2} size="h3" id="home-deadlines" mb="xs">
            {t('home.deadlines')}
          </Title>
          {data.deadlines.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('home.noDeadlines')}
            </Text>
          ) : (
            <ul className="plain-list" data-testid="deadlines">
              {data.deadlines.map((item) => (
                <li key={item.id}>
                  <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                    <div style={{ minWidth: 0 }}>
                      <Anchor component={Link} to={`/cases/${item.id}`} fw={600} size="sm">
                        {item.reference}
                      </Anchor>
                      <Text size="sm">{item.title}</Text>
                    </div>
                    <Text
                      size="sm"
                      ta="right"
                      fw={600}
                      c={item.daysLeft < 0 ? 'red.9' : undefined}
                      className="nowrap"
                    >
                      {item.daysLeft < 0
                        ? t('home.overdueBy', { count: -item.daysLeft })
                        : item.daysLeft === 0
                          ? t('home.dueToday')
                          : t('home.daysLeft', { count: item.daysLeft })}
                      <Text span size="xs" c="dimmed" display="block" fw={400}>
                        {formatDate(item.chargeSheetDueOn, language)}
                      </Text>
                    </Text>
                  </Group>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="home-recent">
          <Title order={2} size="h3" id="home-recent" mb="xs">
            {t('home.recent')}
          </Title>
          {data.recentlyUpdated.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('home.noRecent')}
            </Text>
          ) : (
            <ul className="plain-list">
              {data.recentlyUpdated.map((item) => (
                <li key={item.id}>
                  <Group gap="xs" wrap="wrap" align="center">
                    <Anchor component={Link} to={`/cases/${item.id}`} fw={600} size="sm">
                      {item.reference}
                    </Anchor>
                    <StatusBadge status={item.status} />
                  </Group>
                  <Text size="sm">{item.title}</Text>
                  <Text size="xs" c="dimmed">
                    {t('home.updatedAt', { when: formatDateTime(item.updatedAt, language) })}
                  </Text>
                </li>
              ))}
            </ul>
          )}
          <Anchor component={Link} to="/cases" size="sm" mt="xs" display="inline-block">
            {t('home.allCases')}
          </Anchor>
        </section>
      </SimpleGrid>
    </Stack>
  );
}
