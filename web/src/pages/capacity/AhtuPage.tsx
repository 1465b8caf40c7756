import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AhtuView, Checklist } from '../../api/capacity';
import { useApiGet } from '../../api/useApi';
import { ErrorNotice, StatusNotice } from '../../components/feedback';
import { usePage } from '../../components/PageReady';
import { StatusText } from '../../components/StatusText';
import { formatDate } from '../../i18n/format';
import { AhtuFundsSection } from './AhtuFundsSection';
import { AhtuProfileForm } from './AhtuProfileForm';
import { AhtuReviewForm } from './AhtuReviewForm';
import {
  ahtuStatusLabel,
  assetKindLabel,
  bandLabel,
  bandTone,
  percent,
  rankLabel,
  statusTone,
} from './labels';

export default function AhtuPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const unit = useApiGet<AhtuView>(`/api/ahtus/${id}`);
  const checklist = useApiGet<Checklist>('/api/ahtus/checklist');
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const view = unit.data;
  usePage(view?.name ?? t('capacity.ahtu.registry'), !unit.loading && !checklist.loading);
  const lang = i18n.language;
  const done = (message: string) => {
    setSaved(message);
    unit.reload();
  };

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/capacity/ahtus" size="sm">
        {t('capacity.ahtu.backToRegistry')}
      </Anchor>
      <ErrorNotice error={unit.error ?? checklist.error} onRetry={unit.reload} />
      {view ? (
        <>
          <div>
            <Title order={1}>{lang === 'hi' && view.nameHi ? view.nameHi : view.name}</Title>
            <Group gap="sm" mt={4}>
              <Text c="dimmed" size="sm">
                {view.district.name}, {view.state.name}
              </Text>
              <StatusText tone={statusTone(view.status)}>{ahtuStatusLabel(t, view.status)}</StatusText>
            </Group>
          </div>
          <StatusNotice message={saved} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Paper withBorder p="sm" radius="md">
              <Text size="xs" c="dimmed">
                {t('capacity.ahtu.latestScore')}
              </Text>
              <Text size="xl" fw={700} data-testid="latest-score">
                {view.latestScore === null ? t('capacity.ahtu.notReviewed') : percent(view.latestScore, lang)}
              </Text>
            </Paper>
            <Paper withBorder p="sm" radius="md">
              <Text size="xs" c="dimmed">
                {t('capacity.ahtu.staffing')}
              </Text>
              <Text size="xl" fw={700}>
                {view.staffSanctioned === 0
                  ? '—'
                  : t('capacity.ahtu.postedOf', {
                      posted: view.staffPosted,
                      sanctioned: view.staffSanctioned,
                    })}
              </Text>
            </Paper>
            <Paper withBorder p="sm" radius="md">
              <Text size="xs" c="dimmed">
                {t('capacity.ahtu.dates')}
              </Text>
              <Text size="sm">
                {t('capacity.ahtu.sanctionedOn')}: {formatDate(view.sanctionedOn, lang) ?? '—'}
              </Text>
              <Text size="sm">
                {t('capacity.ahtu.establishedOn')}: {formatDate(view.establishedOn, lang) ?? '—'}
              </Text>
            </Paper>
          </SimpleGrid>
          {view.notes ? <Text size="sm">{view.notes}</Text> : null}

          <section aria-labelledby="staff-title">
            <Title order={2} size="h3" id="staff-title" mb="xs">
              {t('capacity.ahtu.staffAndAssets')}
            </Title>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <Table striped>
                <Table.Caption className="visually-hidden">{t('capacity.ahtu.staff')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('capacity.ahtu.rank')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('capacity.ahtu.sanctioned')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('capacity.ahtu.posted')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {view.staff.map((s) => (
                    <Table.Tr key={s.rank}>
                      <Table.Td>{rankLabel(t, s.rank)}</Table.Td>
                      <Table.Td ta="right">{s.sanctioned}</Table.Td>
                      <Table.Td ta="right">{s.posted}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Table striped>
                <Table.Caption className="visually-hidden">{t('capacity.ahtu.assets')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('capacity.ahtu.item')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('capacity.ahtu.quantity')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('capacity.ahtu.working')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {view.assets.map((a) => (
                    <Table.Tr key={`${a.kind}-${a.item}`}>
                      <Table.Td>
                        {a.item}{' '}
                        <Badge variant="light" size="xs">
                          {assetKindLabel(t, a.kind)}
                        </Badge>
                      </Table.Td>
                      <Table.Td ta="right">{a.quantity}</Table.Td>
                      <Table.Td ta="right">{a.working}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </SimpleGrid>
            {view.canKeep ? (
              <AhtuProfileForm unit={view} onSaved={() => done(t('capacity.ahtu.savedProfile'))} />
            ) : null}
          </section>

          <section aria-labelledby="reviews-title">
            <Title order={2} size="h3" id="reviews-title" mb="xs">
              {t('capacity.ahtu.reviews')}
            </Title>
            {view.reviews.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t('capacity.ahtu.noReviews')}
              </Text>
            ) : (
              <Stack gap="xs">
                {view.reviews.map((r) => (
                  <Paper key={r.id} withBorder p="sm" radius="md">
                    <Group justify="space-between">
                      <Text size="sm" fw={600}>
                        {formatDate(r.reviewedOn, lang)} · {r.reviewedBy}
                      </Text>
                      <StatusText tone={bandTone(r.score)}>
                        {`${percent(r.score, lang)} · ${bandLabel(t, r.band)}`}
                      </StatusText>
                    </Group>
                    {r.remarks ? <Text size="sm">{r.remarks}</Text> : null}
                  </Paper>
                ))}
              </Stack>
            )}
            {view.canOversee && checklist.data ? (
              <AhtuReviewForm
                unitId={view.unitId}
                checklist={checklist.data}
                onSaved={() => done(t('capacity.ahtu.savedReview'))}
              />
            ) : null}
          </section>

          <AhtuFundsSection unit={view} onSaved={() => done(t('capacity.funds.saved'))} />
        </>
      ) : null}
    </Stack>
  );
}
