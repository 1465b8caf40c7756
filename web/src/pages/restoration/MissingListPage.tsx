import {
  Anchor,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { TRACING_WRITER_ROLES, type MissingReport } from '../../api/restoration';
import { hasRole } from '../../api/types';
import { useApiGet } from '../../api/useApi';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorNotice } from '../../components/feedback';
import { useUrlFilters } from '../../components/filters';
import { Pager } from '../../components/Pager';
import { usePage } from '../../components/PageReady';
import { useSession } from '../../session/session';
import {
  DistrictPicker,
  PhotoInput,
  type PhotoValue,
  facts,
  label,
  placeText,
  RestorationNav,
  StatusBadge,
} from './parts';

const LIMIT = 25;
const today = () => new Date().toISOString().slice(0, 10);

function MissingForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [f, setF] = useState({
    name: '',
    sex: 'female',
    ageYears: '' as number | string,
    language: '',
    fatherName: '',
    motherName: '',
    address: '',
    reportedOn: today(),
    lastSeenOn: today(),
    lastSeenDistrictLgd: '',
    lastSeenPlace: '',
    circumstances: '',
  });
  const [photo, setPhoto] = useState<PhotoValue | null>(null);
  const [error, setError] = useState<unknown>(null);
  const set = (k: keyof typeof f) => (v: string | number) => setF((p) => ({ ...p, [k]: v }));
  const submit = () => {
    setError(null);
    const opt = (s: string) => (s.trim() ? s.trim() : null);
    api
      .post<MissingReport>(
        '/api/missing',
        {
          name: f.name,
          photo,
          sex: f.sex,
          ageYears: f.ageYears === '' ? null : Number(f.ageYears),
          language: opt(f.language),
          fatherName: opt(f.fatherName),
          motherName: opt(f.motherName),
          address: opt(f.address),
          reportedOn: f.reportedOn,
          lastSeenOn: f.lastSeenOn,
          lastSeenDistrictLgd: Number(f.lastSeenDistrictLgd),
          lastSeenPlace: opt(f.lastSeenPlace),
          circumstances: opt(f.circumstances),
        },
        { headers: { 'Idempotency-Key': crypto.randomUUID() } },
      )
      .then((r) => navigate(`/restoration/missing/${r.id}`), setError);
  };
  return (
    <Paper withBorder p="md">
      <form
        aria-label={t('restoration.missing.new')}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('restoration.missing.new')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              required
              label={t('restoration.form.name')}
              value={f.name}
              onChange={(e) => set('name')(e.currentTarget.value)}
            />
            <NativeSelect
              label={t('restoration.form.sex')}
              value={f.sex}
              onChange={(e) => set('sex')(e.currentTarget.value)}
              data={['female', 'male', 'transgender', 'unknown'].map((s) => ({
                value: s,
                label: label(t, 'sex', s),
              }))}
            />
            <NumberInput
              label={t('restoration.form.age')}
              min={0}
              max={120}
              value={f.ageYears}
              onChange={set('ageYears')}
            />
            <TextInput
              label={t('restoration.form.language')}
              description={t('restoration.form.languageHelp')}
              value={f.language}
              onChange={(e) => set('language')(e.currentTarget.value)}
            />
            <TextInput
              label={t('restoration.form.father')}
              value={f.fatherName}
              onChange={(e) => set('fatherName')(e.currentTarget.value)}
            />
            <TextInput
              label={t('restoration.form.mother')}
              value={f.motherName}
              onChange={(e) => set('motherName')(e.currentTarget.value)}
            />
            <TextInput
              label={t('restoration.form.reportedOn')}
              type="date"
              value={f.reportedOn}
              onChange={(e) => set('reportedOn')(e.currentTarget.value)}
            />
            <TextInput
              label={t('restoration.form.lastSeenOn')}
              type="date"
              value={f.lastSeenOn}
              onChange={(e) => set('lastSeenOn')(e.currentTarget.value)}
            />
          </SimpleGrid>
          <DistrictPicker
            legend={t('restoration.form.lastSeenIn')}
            value={f.lastSeenDistrictLgd}
            onChange={set('lastSeenDistrictLgd')}
          />
          <TextInput
            label={t('restoration.form.lastSeenPlace')}
            value={f.lastSeenPlace}
            onChange={(e) => set('lastSeenPlace')(e.currentTarget.value)}
          />
          <PhotoInput onChange={setPhoto} />
          <TextInput
            label={t('restoration.form.address')}
            value={f.address}
            onChange={(e) => set('address')(e.currentTarget.value)}
          />
          <Textarea
            label={t('restoration.form.circumstances')}
            value={f.circumstances}
            onChange={(e) => set('circumstances')(e.currentTarget.value)}
          />
          <ErrorNotice error={error ?? undefined} />
          <Group>
            <Button type="submit" disabled={!f.name.trim() || !f.lastSeenDistrictLgd}>
              {t('restoration.form.register')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export default function MissingListPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { values, offset, update } = useUrlFilters(['status', 'new'] as const);
  const list = useApiGet<{ items: MissingReport[]; total: number }>('/api/missing', {
    status: values.status || undefined,
    limit: LIMIT,
    offset,
  });
  usePage(t('restoration.missing.title'), !list.loading);
  const columns: Column<MissingReport>[] = [
    {
      key: 'ref',
      header: t('restoration.reference'),
      render: (m) => (
        <Anchor component={Link} to={`/restoration/missing/${m.id}`} fw={600}>
          {m.reference}
        </Anchor>
      ),
    },
    { key: 'who', header: t('restoration.person'), render: (m) => `${m.pseudonym} · ${facts(t, m)}` },
    {
      key: 'seen',
      header: t('restoration.missing.lastSeen'),
      render: (m) => `${placeText(m.lastSeenIn)} · ${m.lastSeenOn}`,
    },
    {
      key: 'status',
      header: t('restoration.status'),
      render: (m) => <StatusBadge group="missingStatus" value={m.status} />,
    },
    {
      key: 'cand',
      header: t('restoration.candidates'),
      numeric: true,
      render: (m) => String(m.openCandidates),
    },
  ];
  return (
    <Stack gap="md">
      <RestorationNav />
      <Group justify="space-between">
        <Title order={1}>{t('restoration.missing.title')}</Title>
        {hasRole(me, TRACING_WRITER_ROLES) ? (
          <Button variant="default" onClick={() => update({ new: values.new ? '' : '1' })}>
            {t('restoration.missing.new')}
          </Button>
        ) : null}
      </Group>
      <Text c="dimmed" size="sm">
        {t('restoration.missing.intro')}
      </Text>
      {values.new ? <MissingForm /> : null}
      <NativeSelect
        label={t('restoration.status')}
        value={values.status}
        onChange={(e) => update({ status: e.currentTarget.value })}
        data={[
          { value: '', label: t('restoration.all') },
          ...['missing', 'traced', 'closed'].map((s) => ({ value: s, label: label(t, 'missingStatus', s) })),
        ]}
        maw={240}
      />
      <ErrorNotice error={list.error} onRetry={list.reload} />
      <DataTable
        caption={t('restoration.missing.title')}
        columns={columns}
        rows={list.data?.items ?? []}
        rowKey={(m) => m.id}
        empty={list.loading ? '' : t('restoration.empty')}
      />
      <Pager
        offset={offset}
        limit={LIMIT}
        total={list.data?.total ?? 0}
        onChange={(next) => update({ offset: next })}
      />
    </Stack>
  );
}
