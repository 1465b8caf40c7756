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
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { TRACING_WRITER_ROLES, type FoundPerson } from '../../api/restoration';
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
  UnitSelect,
} from './parts';

const LIMIT = 25;
const today = () => new Date().toISOString().slice(0, 10);

function FoundForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [f, setF] = useState({
    name: '',
    sex: 'female',
    ageYears: '' as number | string,
    language: '',
    fatherName: '',
    address: '',
    foundKind: 'rescued',
    foundOn: today(),
    foundDistrictLgd: '',
    foundPlace: '',
    placementUnitId: '',
    cwcUnitId: '',
  });
  const [photo, setPhoto] = useState<PhotoValue | null>(null);
  const [error, setError] = useState<unknown>(null);
  const set = (k: keyof typeof f) => (v: string | number) => setF((p) => ({ ...p, [k]: v }));
  const submit = () => {
    setError(null);
    const opt = (s: string) => (s.trim() ? s.trim() : null);
    api
      .post<FoundPerson>(
        '/api/found',
        {
          name: opt(f.name),
          photo,
          sex: f.sex,
          ageYears: f.ageYears === '' ? null : Number(f.ageYears),
          language: opt(f.language),
          fatherName: opt(f.fatherName),
          address: opt(f.address),
          foundKind: f.foundKind,
          foundOn: f.foundOn,
          foundDistrictLgd: Number(f.foundDistrictLgd),
          foundPlace: opt(f.foundPlace),
          placementUnitId: opt(f.placementUnitId),
          placedOn: f.placementUnitId ? f.foundOn : null,
          cwcUnitId: opt(f.cwcUnitId),
        },
        { headers: { 'Idempotency-Key': crypto.randomUUID() } },
      )
      .then((r) => navigate(`/restoration/found/${r.id}`), setError);
  };
  return (
    <Paper withBorder p="md">
      <form
        aria-label={t('restoration.found.new')}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('restoration.found.new')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('restoration.form.nameGiven')}
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
            <NativeSelect
              label={t('restoration.form.foundKind')}
              value={f.foundKind}
              onChange={(e) => set('foundKind')(e.currentTarget.value)}
              data={['rescued', 'intercepted', 'unidentified'].map((s) => ({
                value: s,
                label: label(t, 'foundKind', s),
              }))}
            />
            <TextInput
              label={t('restoration.form.foundOn')}
              type="date"
              value={f.foundOn}
              onChange={(e) => set('foundOn')(e.currentTarget.value)}
            />
            <TextInput
              label={t('restoration.form.foundPlace')}
              value={f.foundPlace}
              onChange={(e) => set('foundPlace')(e.currentTarget.value)}
            />
          </SimpleGrid>
          <DistrictPicker
            legend={t('restoration.form.foundIn')}
            value={f.foundDistrictLgd}
            onChange={set('foundDistrictLgd')}
          />
          <PhotoInput onChange={setPhoto} />
          <TextInput
            label={t('restoration.form.addressGiven')}
            value={f.address}
            onChange={(e) => set('address')(e.currentTarget.value)}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <UnitSelect
              label={t('restoration.form.placement')}
              kind="shelter_home"
              value={f.placementUnitId}
              onChange={set('placementUnitId')}
            />
            <UnitSelect
              label={t('restoration.form.cwc')}
              kind="cwc"
              value={f.cwcUnitId}
              onChange={set('cwcUnitId')}
            />
          </SimpleGrid>
          <ErrorNotice error={error ?? undefined} />
          <Group>
            <Button type="submit" disabled={!f.foundDistrictLgd}>
              {t('restoration.form.register')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export default function FoundListPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { values, offset, update } = useUrlFilters(['status', 'new'] as const);
  const list = useApiGet<{ items: FoundPerson[]; total: number }>('/api/found', {
    status: values.status || undefined,
    limit: LIMIT,
    offset,
  });
  usePage(t('restoration.found.title'), !list.loading);
  const columns: Column<FoundPerson>[] = [
    {
      key: 'ref',
      header: t('restoration.reference'),
      render: (m) => (
        <Anchor component={Link} to={`/restoration/found/${m.id}`} fw={600}>
          {m.reference}
        </Anchor>
      ),
    },
    { key: 'who', header: t('restoration.person'), render: (m) => `${m.pseudonym} · ${facts(t, m)}` },
    {
      key: 'found',
      header: t('restoration.found.where'),
      render: (m) => `${label(t, 'foundKind', m.foundKind)} · ${placeText(m.foundIn)} · ${m.foundOn}`,
    },
    { key: 'placement', header: t('restoration.found.placement'), render: (m) => m.placement?.name ?? '—' },
    {
      key: 'status',
      header: t('restoration.status'),
      render: (m) => <StatusBadge group="foundStatus" value={m.status} />,
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
        <Title order={1}>{t('restoration.found.title')}</Title>
        {hasRole(me, TRACING_WRITER_ROLES) ? (
          <Button variant="default" onClick={() => update({ new: values.new ? '' : '1' })}>
            {t('restoration.found.new')}
          </Button>
        ) : null}
      </Group>
      <Text c="dimmed" size="sm">
        {t('restoration.found.intro')}
      </Text>
      {values.new ? <FoundForm /> : null}
      <NativeSelect
        label={t('restoration.status')}
        value={values.status}
        onChange={(e) => update({ status: e.currentTarget.value })}
        data={[
          { value: '', label: t('restoration.all') },
          ...['in_care', 'restored', 'transferred', 'closed'].map((s) => ({
            value: s,
            label: label(t, 'foundStatus', s),
          })),
        ]}
        maw={240}
      />
      <ErrorNotice error={list.error} onRetry={list.reload} />
      <DataTable
        caption={t('restoration.found.title')}
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
