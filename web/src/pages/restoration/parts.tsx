import {
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { PlaceView, TracingIdentity } from '../../api/restoration';
import type { Unit } from '../../api/types';
import { useApiGet } from '../../api/useApi';
import { ErrorNotice, StatusNotice } from '../../components/feedback';
import { useStates } from '../../components/StateSelect';
import { formatNumber } from '../../i18n/format';

export type T = ReturnType<typeof useTranslation>['t'];

/** A code's label; codes come from the server, so an unknown one shows as itself rather than as a key. */
export const label = (t: T, group: string, value: string | null | undefined): string => {
  if (!value) return '—';
  // Keys built at run time from server codes: i18next's typed keys cannot check them.
  const lookup = t as unknown as (key: string, options: { defaultValue: string }) => string;
  return lookup(`restoration.${group}.${value}`, { defaultValue: value.replaceAll('_', ' ') });
};

export const placeText = (p: PlaceView) => `${p.districtName}, ${p.stateName}`;

export function facts(t: T, p: { sex: string; ageYears: number | null; language: string | null }): string {
  const lookup = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  const age =
    p.ageYears === null ? lookup('restoration.ageUnknown') : lookup('restoration.age', { count: p.ageYears });
  return [label(t, 'sex', p.sex), age, p.language ? p.language.toUpperCase() : null]
    .filter(Boolean)
    .join(' · ');
}

export function percent(probability: number, language: string): string {
  return `${formatNumber(Math.round(probability * 1000) / 10, language)}%`;
}

/** The sections of the restoration area, so each page links to the others. */
export function RestorationNav() {
  const { t } = useTranslation();
  const links: [string, string][] = [
    ['/restoration/missing', t('restoration.nav.missing')],
    ['/restoration/found', t('restoration.nav.found')],
    ['/restoration/candidates', t('restoration.nav.candidates')],
    ['/restoration/restorations', t('restoration.nav.restorations')],
    ['/restoration/drives', t('restoration.nav.drives')],
    ['/care', t('restoration.nav.care')],
  ];
  return (
    <Group gap="md" component="nav" aria-label={t('restoration.nav.label')}>
      {links.map(([to, text]) => (
        <Anchor key={to} component={Link} to={to} size="sm">
          {text}
        </Anchor>
      ))}
    </Group>
  );
}

export function StatusBadge({ group, value }: { group: string; value: string }) {
  const { t } = useTranslation();
  const colour =
    {
      missing: 'red',
      proposed: 'blue',
      confirmed: 'teal',
      traced: 'teal',
      restored: 'teal',
      rejected: 'gray',
      withdrawn: 'gray',
      in_care: 'orange',
    }[value] ?? 'gray';
  return (
    <Badge color={colour} variant="light">
      {label(t, group, value)}
    </Badge>
  );
}

interface District {
  lgdCode: number;
  name: string;
}

/**
 * A State and then one of its districts (LGD); reports the district's LGD code. The State starts as
 * `defaultState` (which may arrive late, e.g. looked up from the district) until the user picks one.
 */
export function DistrictPicker({
  legend,
  value,
  onChange,
  defaultState = '',
  emptyDistrict,
}: {
  legend: string;
  value: string;
  onChange: (district: string) => void;
  defaultState?: string;
  /** The district option with no district: "Choose …" in a form, "All districts" in a filter. */
  emptyDistrict?: string;
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<string | null>(null);
  const state = picked ?? defaultState;
  const states = useStates();
  const districts = useApiGet<District[]>(state ? `/api/reference/states/${state}/districts` : null);
  return (
    <Group grow align="flex-end" gap="sm">
      <NativeSelect
        label={`${legend}: ${t('restoration.form.state')}`}
        value={state}
        onChange={(e) => {
          setPicked(e.currentTarget.value);
          onChange('');
        }}
        data={[
          { value: '', label: t('restoration.form.choose') },
          ...[...(states.data ?? [])]
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((s) => ({ value: String(s.lgdCode), label: s.name })),
        ]}
      />
      <NativeSelect
        label={`${legend}: ${t('restoration.form.district')}`}
        value={value}
        disabled={!state}
        onChange={(e) => onChange(e.currentTarget.value)}
        data={[
          { value: '', label: emptyDistrict ?? t('restoration.form.choose') },
          ...[...(districts.data ?? [])]
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((d) => ({ value: String(d.lgdCode), label: d.name })),
        ]}
      />
    </Group>
  );
}

/** Units of some kinds (shelter homes, CWCs, NGOs), to pick one. */
export function UnitSelect({
  label: text,
  kind,
  value,
  onChange,
}: {
  label: string;
  kind: string;
  value: string;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const units = useApiGet<{ items: Unit[] }>('/api/units', { kind, limit: 200 });
  return (
    <NativeSelect
      label={text}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[
        { value: '', label: t('restoration.form.none') },
        ...(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })),
      ]}
    />
  );
}

/** Shows identifying details after a stated reason; the server audits every view. */
export function RevealIdentity({ side, id }: { side: 'missing' | 'found'; id: string }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [identity, setIdentity] = useState<TracingIdentity | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reveal = () => {
    setError(null);
    api.post<TracingIdentity>(`/api/${side}/${id}/reveal`, { reason }).then(setIdentity, setError);
  };
  if (identity)
    return (
      <Paper withBorder p="sm" data-testid={`identity-${side}`}>
        <Stack gap={4}>
          {identity.photo ? (
            <img src={identity.photo} alt={t('restoration.identity.photo')} style={{ maxWidth: 160 }} />
          ) : null}
          <Text fw={600}>{identity.name ?? t('restoration.identity.noName')}</Text>
          {identity.aliases.length > 0 ? (
            <Text size="sm">
              {t('restoration.identity.aliases')}: {identity.aliases.join(', ')}
            </Text>
          ) : null}
          <Text size="sm">
            {t('restoration.identity.father')}: {identity.fatherName ?? '—'} ·{' '}
            {t('restoration.identity.mother')}: {identity.motherName ?? '—'}
          </Text>
          {identity.dateOfBirth ? (
            <Text size="sm">
              {t('restoration.identity.dob')}: {identity.dateOfBirth}
            </Text>
          ) : null}
          {identity.address ? (
            <Text size="sm">
              {t('restoration.identity.address')}: {identity.address}
            </Text>
          ) : null}
          {identity.phones.length > 0 ? (
            <Text size="sm">
              {t('restoration.identity.phones')}: {identity.phones.join(', ')}
            </Text>
          ) : null}
          <Text size="xs" c="dimmed">
            {t('restoration.identity.audited')}
          </Text>
        </Stack>
      </Paper>
    );
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('restoration.identity.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          style={{ flex: 1, minWidth: 200 }}
        />
        <Button variant="default" onClick={reveal}>
          {t('restoration.identity.reveal')}
        </Button>
      </Group>
      <ErrorNotice error={error ?? undefined} />
    </Stack>
  );
}

/** The field-by-field explanation of a candidate's probability, in bits of evidence. */
export function ExplanationTable({ items }: { items: { field: string; level: string; weight: number }[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Table striped withTableBorder fz="sm" aria-label={t('restoration.candidate.explanation')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('restoration.candidate.field')}</Table.Th>
          <Table.Th>{t('restoration.candidate.level')}</Table.Th>
          <Table.Th style={{ textAlign: 'right' }}>{t('restoration.candidate.bits')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((e) => (
          <Table.Tr key={e.field}>
            <Table.Td>{label(t, 'fields', e.field)}</Table.Td>
            <Table.Td>{label(t, 'levels', e.level)}</Table.Td>
            <Table.Td
              style={{
                textAlign: 'right',
                color: e.weight < 0 ? '#c92a2a' : e.weight > 0 ? '#2b8a3e' : undefined,
              }}
            >
              {e.weight > 0 ? '+' : ''}
              {formatNumber(Math.round(e.weight * 10) / 10, i18n.language)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export interface PhotoValue {
  contentType: 'image/jpeg' | 'image/png' | 'image/webp';
  base64: string;
}

/** An optional photo, sent as base64 with the record; read back only through an audited reveal. */
export function PhotoInput({ onChange }: { onChange: (photo: PhotoValue | null) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  return (
    <FileInput
      label={t('restoration.form.photo')}
      description={t('restoration.form.photoHelp')}
      accept="image/jpeg,image/png,image/webp"
      clearable
      error={error}
      onChange={(file: File | null) => {
        setError(null);
        if (!file) return onChange(null);
        if (file.size > 512 * 1024) {
          setError(t('restoration.form.photoTooLarge'));
          return onChange(null);
        }
        const reader = new FileReader();
        reader.onload = () => {
          const url = typeof reader.result === 'string' ? reader.result : '';
          onChange({
            contentType: file.type as PhotoValue['contentType'],
            base64: url.slice(url.indexOf(',') + 1),
          });
        };
        reader.readAsDataURL(file);
      }}
    />
  );
}

/** What both registration forms ask about the person, besides the name: sex, age, language, father. */
export interface PersonFacts {
  sex: string;
  ageYears: number | string;
  language: string;
  fatherName: string;
}

export function PersonFactFields({
  value,
  onChange,
}: {
  value: PersonFacts;
  onChange: (field: keyof PersonFacts, value: string | number) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <NativeSelect
        label={t('restoration.form.sex')}
        value={value.sex}
        onChange={(e) => onChange('sex', e.currentTarget.value)}
        data={['female', 'male', 'transgender', 'unknown'].map((s) => ({
          value: s,
          label: label(t, 'sex', s),
        }))}
      />
      <NumberInput
        label={t('restoration.form.age')}
        min={0}
        max={120}
        value={value.ageYears}
        onChange={(v) => onChange('ageYears', v)}
      />
      <TextInput
        label={t('restoration.form.language')}
        description={t('restoration.form.languageHelp')}
        value={value.language}
        onChange={(e) => onChange('language', e.currentTarget.value)}
      />
      <TextInput
        label={t('restoration.form.father')}
        value={value.fatherName}
        onChange={(e) => onChange('fatherName', e.currentTarget.value)}
      />
    </>
  );
}

/**
 * The frame of a form that registers or changes a record: titled, with the server's error, an optional
 * success notice and one submit button (register, unless told otherwise).
 */
export function RecordForm({
  title,
  intro,
  error,
  notice,
  ready = true,
  submitLabel,
  noValidate = false,
  onSubmit,
  children,
}: {
  title: string;
  intro?: string;
  error: unknown;
  notice?: string;
  /** The fields the server requires are filled in. */
  ready?: boolean;
  submitLabel?: string;
  /** The form checks its fields itself, with messages in the user's language. */
  noValidate?: boolean;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <form
        aria-label={title}
        noValidate={noValidate}
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3">
            {title}
          </Title>
          {intro ? (
            <Text size="sm" c="dimmed">
              {intro}
            </Text>
          ) : null}
          {children}
          <ErrorNotice error={error ?? undefined} />
          <StatusNotice message={notice} />
          <Group>
            <Button type="submit" disabled={!ready}>
              {submitLabel ?? t('restoration.form.register')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
