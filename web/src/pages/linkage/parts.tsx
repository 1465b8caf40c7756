import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  CANDIDATE_STATUSES,
  IDENTITY_EVENTS,
  LINKAGE_FIELDS,
  LINKAGE_LEVELS,
  TIERS,
  type CandidateStatus,
  type PairSide,
} from '../../api/linkage';
import { formatNumber } from '../../i18n/format';
import { oneOf, personRoleLabel, sexLabel } from '../cases/labels';

// Codes from the server have their own translated groups; an unknown code (a newer server) shows as it is.
export const statusLabel = (t: TFunction, v: string) =>
  oneOf(CANDIDATE_STATUSES, v) ? t(`linkage.statuses.${v}`) : v;
export const fieldLabel = (t: TFunction, v: string) =>
  oneOf(LINKAGE_FIELDS, v) ? t(`linkage.fields.${v}`) : v;
export const levelLabel = (t: TFunction, v: string) =>
  oneOf(LINKAGE_LEVELS, v) ? t(`linkage.levels.${v}`) : v;
export const eventLabel = (t: TFunction, v: string) =>
  oneOf(IDENTITY_EVENTS, v) ? t(`linkage.events.${v}`) : v;
export const tierLabel = (t: TFunction, v: string) => (oneOf(TIERS, v) ? t(`linkage.tier.${v}`) : v);
export { personRoleLabel };

const STATUS_COLOURS: Record<CandidateStatus, string> = {
  pending: 'blue',
  unsure: 'yellow',
  confirmed: 'teal',
  rejected: 'gray',
  auto_linked: 'teal',
  withdrawn: 'gray',
};

// The API types a candidate's status as a string; an unknown one (a newer server) is grey.
export function CandidateStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={oneOf(CANDIDATE_STATUSES, status) ? STATUS_COLOURS[status] : 'gray'} variant="light">
      {statusLabel(t, status)}
    </Badge>
  );
}

export function percent(probability: number, language: string): string {
  return `${formatNumber(Math.round(probability * 1000) / 10, language)}%`;
}

/** Who a side is, as far as the reader may know: the name, or the pseudonym with "identity masked". */
export function SideName({ side }: { side: PairSide }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" fw={600}>
      {side.name ?? side.pseudonym}
      {side.name === null ? (
        <Text span size="xs" c="dimmed" fw={400}>
          {' '}
          · {side.masked ? t('linkage.maskedCase') : t('linkage.identityMasked')}
        </Text>
      ) : (
        <Text span size="xs" c="dimmed" fw={400}>
          {' '}
          · {side.pseudonym}
        </Text>
      )}
    </Text>
  );
}

/** One record's pseudonymous facts: what every reviewer may see of either side. */
export function SideCard({ side, title }: { side: PairSide; title: string }) {
  const { t, i18n } = useTranslation();
  const age =
    side.ageYears === null
      ? t('common.none')
      : side.ageIsEstimate
        ? t('linkage.ageEstimate', { age: formatNumber(side.ageYears, i18n.language) })
        : formatNumber(side.ageYears, i18n.language);
  const rows: [string, ReactNode][] = [
    [t('linkage.role'), personRoleLabel(t, side.role)],
    [t('linkage.sex'), sexLabel(t, side.sex)],
    [t('linkage.age'), age],
    [
      t('linkage.case'),
      side.masked ? (
        side.caseReference
      ) : (
        <Anchor component={Link} to={`/cases/${side.caseId}`}>
          {side.caseReference}
        </Anchor>
      ),
    ],
    [t('linkage.place'), side.district ? `${side.district.name}, ${side.state.name}` : side.state.name],
    [t('linkage.unit'), side.unit.name],
    [t('linkage.identity'), side.identityId ?? t('linkage.noIdentity')],
  ];
  return (
    <Paper withBorder p="md" radius="md" style={{ flex: 1, minWidth: 0 }}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4">
            {title}
          </Title>
          {side.masked ? (
            <Badge color="gray" variant="outline">
              {t('linkage.identityMasked')}
            </Badge>
          ) : null}
        </Group>
        <SideName side={side} />
        <dl className="facts" style={{ margin: 0 }}>
          {rows.map(([label, value]) => (
            <div key={label} style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
              <dt style={{ fontWeight: 600, minWidth: '8rem' }}>{label}</dt>
              <dd style={{ margin: 0 }}>{value}</dd>
            </div>
          ))}
        </dl>
      </Stack>
    </Paper>
  );
}
