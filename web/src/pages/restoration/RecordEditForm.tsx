import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { FoundPerson, MissingReport } from '../../api/restoration';
import { label, RecordForm, UnitSelect } from './parts';

const MISSING_STATUSES = ['missing', 'traced', 'closed'] as const;
const FOUND_STATUSES = ['in_care', 'restored', 'transferred', 'closed'] as const;
const today = () => new Date().toISOString().slice(0, 10);

type ErrorKey =
  'nothingChanged' | 'placedOnRequired' | 'placedOnFuture' | 'placedOnBeforeFound' | 'placementRequired';

/** What is wrong with a placement before it is sent; the server checks it again. */
function placementError(unit: string, placedOn: string, foundOn: string): ErrorKey | null {
  if (!unit && placedOn) return 'placementRequired';
  if (unit && !placedOn) return 'placedOnRequired';
  if (placedOn && placedOn > today()) return 'placedOnFuture';
  if (placedOn && placedOn < foundOn) return 'placedOnBeforeFound';
  return null;
}

/** A missing report's status: missing, traced or closed. Shown only when the server says you may edit. */
export function MissingEditForm({ report, onSaved }: { report: MissingReport; onSaved: () => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string>(report.status);
  const [invalid, setInvalid] = useState<ErrorKey | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const submit = () => {
    setError(null);
    setSaved(false);
    if (status === report.status) return setInvalid('nothingChanged');
    setInvalid(null);
    api.patch<MissingReport>(`/api/missing/${report.id}`, { version: report.version, status }).then(() => {
      setSaved(true);
      onSaved();
    }, setError);
  };
  return (
    <RecordForm
      title={t('restoration.edit.title')}
      intro={t('restoration.edit.missingIntro')}
      submitLabel={t('restoration.edit.save')}
      noValidate
      notice={saved ? t('restoration.edit.saved') : undefined}
      error={error}
      onSubmit={submit}
    >
      <NativeSelect
        label={t('restoration.edit.status')}
        value={status}
        maw={280}
        error={invalid ? t(`restoration.edit.errors.${invalid}`) : undefined}
        onChange={(e) => {
          setStatus(e.currentTarget.value);
          setInvalid(null);
        }}
        data={MISSING_STATUSES.map((s) => ({ value: s, label: label(t, 'missingStatus', s) }))}
      />
    </RecordForm>
  );
}

/** A found person's status and placement (shelter home or CCI, and since when). */
export function FoundEditForm({ person, onSaved }: { person: FoundPerson; onSaved: () => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string>(person.status);
  const [unit, setUnit] = useState(person.placement?.id ?? '');
  const [placedOn, setPlacedOn] = useState(person.placedOn ?? '');
  const [invalid, setInvalid] = useState<ErrorKey | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const placementChanged = unit !== (person.placement?.id ?? '') || placedOn !== (person.placedOn ?? '');
  const submit = () => {
    setError(null);
    setSaved(false);
    const problem =
      !placementChanged && status === person.status
        ? 'nothingChanged'
        : placementChanged
          ? placementError(unit, placedOn, person.foundOn)
          : null;
    setInvalid(problem);
    if (problem) return;
    api
      .patch<FoundPerson>(`/api/found/${person.id}`, {
        version: person.version,
        ...(status !== person.status ? { status } : {}),
        ...(placementChanged ? { placementUnitId: unit || null, placedOn: placedOn || null } : {}),
      })
      .then(() => {
        setSaved(true);
        onSaved();
      }, setError);
  };
  const message = invalid ? t(`restoration.edit.errors.${invalid}`) : undefined;
  return (
    <RecordForm
      title={t('restoration.edit.title')}
      intro={t('restoration.edit.foundIntro')}
      submitLabel={t('restoration.edit.save')}
      noValidate
      notice={saved ? t('restoration.edit.saved') : undefined}
      error={error}
      onSubmit={submit}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label={t('restoration.edit.status')}
          value={status}
          error={invalid === 'nothingChanged' ? message : undefined}
          onChange={(e) => {
            setStatus(e.currentTarget.value);
            setInvalid(null);
          }}
          data={FOUND_STATUSES.map((s) => ({ value: s, label: label(t, 'foundStatus', s) }))}
        />
        <UnitSelect
          label={t('restoration.edit.placement')}
          kind="shelter_home"
          value={unit}
          onChange={(id) => {
            setUnit(id);
            setInvalid(null);
            if (id && !placedOn) setPlacedOn(today());
          }}
        />
        <TextInput
          label={t('restoration.edit.placedOn')}
          type="date"
          value={placedOn}
          max={today()}
          error={invalid && invalid !== 'nothingChanged' ? message : undefined}
          onChange={(e) => {
            setPlacedOn(e.currentTarget.value);
            setInvalid(null);
          }}
        />
      </SimpleGrid>
    </RecordForm>
  );
}
