import { SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { type MissingReport } from '../../api/restoration';
import { type Column } from '../../components/DataTable';
import {
  DistrictPicker,
  PersonFactFields,
  PhotoInput,
  type PhotoValue,
  placeText,
  RecordForm,
} from './parts';
import { TracingListPage } from './TracingListPage';

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
    <RecordForm
      title={t('restoration.missing.new')}
      error={error}
      ready={!!f.name.trim() && !!f.lastSeenDistrictLgd}
      onSubmit={submit}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          required
          label={t('restoration.form.name')}
          value={f.name}
          onChange={(e) => set('name')(e.currentTarget.value)}
        />
        <PersonFactFields value={f} onChange={(k, v) => set(k)(v)} />
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
    </RecordForm>
  );
}

export default function MissingListPage() {
  const { t } = useTranslation();
  const placeColumns: Column<MissingReport>[] = [
    {
      key: 'seen',
      header: t('restoration.missing.lastSeen'),
      render: (m) => `${placeText(m.lastSeenIn)} · ${m.lastSeenOn}`,
    },
  ];
  return (
    <TracingListPage
      kind="missing"
      statuses={['missing', 'traced', 'closed']}
      placeParam="lastSeenDistrict"
      placeLegend={t('restoration.filter.lastSeenIn')}
      placeColumns={placeColumns}
      form={<MissingForm />}
    />
  );
}
