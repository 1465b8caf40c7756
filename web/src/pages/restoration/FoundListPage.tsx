import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { type FoundPerson } from '../../api/restoration';
import { type Column } from '../../components/DataTable';
import {
  DistrictPicker,
  PersonFactFields,
  PhotoInput,
  type PhotoValue,
  label,
  placeText,
  RecordForm,
  UnitSelect,
} from './parts';
import { TracingListPage } from './TracingListPage';

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
    <RecordForm
      title={t('restoration.found.new')}
      error={error}
      ready={!!f.foundDistrictLgd}
      onSubmit={submit}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('restoration.form.nameGiven')}
          value={f.name}
          onChange={(e) => set('name')(e.currentTarget.value)}
        />
        <PersonFactFields value={f} onChange={(k, v) => set(k)(v)} />
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
    </RecordForm>
  );
}

export default function FoundListPage() {
  const { t } = useTranslation();
  const placeColumns: Column<FoundPerson>[] = [
    {
      key: 'found',
      header: t('restoration.found.where'),
      render: (m) => `${label(t, 'foundKind', m.foundKind)} · ${placeText(m.foundIn)} · ${m.foundOn}`,
    },
    { key: 'placement', header: t('restoration.found.placement'), render: (m) => m.placement?.name ?? '—' },
  ];
  return (
    <TracingListPage
      kind="found"
      statuses={['in_care', 'restored', 'transferred', 'closed']}
      placeParam="foundDistrict"
      placeLegend={t('restoration.filter.foundIn')}
      placeColumns={placeColumns}
      form={<FoundForm />}
    />
  );
}
