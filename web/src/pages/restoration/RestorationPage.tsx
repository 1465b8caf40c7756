import {
  Anchor,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { FOLLOW_UP_OUTCOMES, type Restoration } from '../../api/restoration';
import { useApiGet } from '../../api/useApi';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorNotice, PageLoader } from '../../components/feedback';
import { usePage } from '../../components/PageReady';
import { facts, label, placeText, RestorationNav, StatusBadge, UnitSelect } from './parts';

const today = () => new Date().toISOString().slice(0, 10);

type Step = 'verified' | 'verification_failed' | 'cwc_order' | 'handover' | 'follow_up' | 'complete' | 'stop';

/** The form of the next step(s) this unit may record. */
function StepForm({ r, onDone }: { r: Restoration; onDone: () => void }) {
  const { t } = useTranslation();
  const steps: Step[] = [];
  if (r.canVerify && r.status === 'verification') steps.push('verified', 'verification_failed');
  if (r.canAct && r.status === 'cwc_order') steps.push('cwc_order');
  if (r.canAct && r.status === 'handover') steps.push('handover');
  if ((r.canAct || r.canVerify) && r.status === 'follow_up') steps.push('follow_up', 'complete');
  if ((r.canAct || r.canVerify) && !['completed', 'stopped'].includes(r.status)) steps.push('stop');
  const [step, setStep] = useState<Step | ''>('');
  const [v, setV] = useState({
    on: today(),
    note: '',
    cwcUnitId: '',
    cwcOrderNumber: '',
    handedOverTo: '',
    handoverPlace: '',
    escortName: '',
    outcome: 'with_family',
  });
  const [error, setError] = useState<unknown>(null);
  const current = step || steps[0];
  if (!current) return null;
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setV((p) => ({ ...p, [k]: value }));
  };
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  const submit = () => {
    setError(null);
    api
      .post(`/api/restoration/restorations/${r.id}/steps`, {
        step: current,
        on: v.on,
        note: opt(v.note),
        ...(current === 'cwc_order'
          ? { cwcUnitId: opt(v.cwcUnitId), cwcOrderNumber: opt(v.cwcOrderNumber) }
          : {}),
        ...(current === 'handover'
          ? {
              handedOverTo: opt(v.handedOverTo),
              handoverPlace: opt(v.handoverPlace),
              escortName: opt(v.escortName),
            }
          : {}),
        ...(current === 'follow_up' ? { outcome: v.outcome } : {}),
      })
      .then(() => {
        setStep('');
        onDone();
      }, setError);
  };
  return (
    <Paper withBorder p="md">
      <form
        aria-label={t('restoration.restoration.record')}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('restoration.restoration.record')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('restoration.restoration.step')}
              value={current}
              onChange={(e) => setStep(e.currentTarget.value as Step)}
              data={steps.map((s) => ({ value: s, label: label(t, 'steps', s) }))}
            />
            <TextInput
              label={t('restoration.restoration.on')}
              type="date"
              value={v.on}
              onChange={set('on')}
            />
            {current === 'cwc_order' ? (
              <>
                <UnitSelect
                  label={t('restoration.form.cwc')}
                  kind="cwc"
                  value={v.cwcUnitId}
                  onChange={(id) => setV((p) => ({ ...p, cwcUnitId: id }))}
                />
                <TextInput
                  required
                  label={t('restoration.restoration.orderNumber')}
                  value={v.cwcOrderNumber}
                  onChange={set('cwcOrderNumber')}
                />
              </>
            ) : null}
            {current === 'handover' ? (
              <>
                <TextInput
                  required
                  label={t('restoration.restoration.handedOverTo')}
                  value={v.handedOverTo}
                  onChange={set('handedOverTo')}
                />
                <TextInput
                  label={t('restoration.restoration.place')}
                  value={v.handoverPlace}
                  onChange={set('handoverPlace')}
                />
                <TextInput
                  label={t('restoration.restoration.escort')}
                  value={v.escortName}
                  onChange={set('escortName')}
                />
              </>
            ) : null}
            {current === 'follow_up' ? (
              <NativeSelect
                label={t('restoration.restoration.outcome')}
                value={v.outcome}
                onChange={set('outcome')}
                data={FOLLOW_UP_OUTCOMES.map((o) => ({ value: o, label: label(t, 'outcomes', o) }))}
              />
            ) : null}
          </SimpleGrid>
          <TextInput label={t('restoration.restoration.note')} value={v.note} onChange={set('note')} />
          <ErrorNotice error={error ?? undefined} />
          <Group>
            <Button type="submit">{t('restoration.restoration.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export default function RestorationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const r = useApiGet<Restoration>(`/api/restoration/restorations/${id}`);
  usePage(t('restoration.restoration.title'), !r.loading);
  const data = r.data;
  if (!data) return r.error ? <ErrorNotice error={r.error} /> : <PageLoader />;
  const row = (name: string, value: string | null | undefined) => (
    <div>
      <Text size="xs" c="dimmed">
        {name}
      </Text>
      <Text size="sm">{value ?? '—'}</Text>
    </div>
  );
  return (
    <Stack gap="md">
      <RestorationNav />
      <Group justify="space-between">
        <Title order={1}>{t('restoration.restoration.title')}</Title>
        <StatusBadge group="restorationStatus" value={data.status} />
      </Group>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {data.missing ? (
            <div>
              <Anchor component={Link} to={`/restoration/missing/${data.missing.id}`}>
                {data.missing.reference}
              </Anchor>
              <Text size="sm">
                {facts(t, data.missing)} · {placeText(data.missing.place)}
              </Text>
            </div>
          ) : null}
          {data.found ? (
            <div>
              <Anchor component={Link} to={`/restoration/found/${data.found.id}`}>
                {data.found.reference}
              </Anchor>
              <Text size="sm">
                {facts(t, data.found)} · {placeText(data.found.place)}
              </Text>
            </div>
          ) : null}
          {row(t('restoration.restoration.homeUnit'), data.homeUnit.name)}
          {row(
            t('restoration.restoration.request'),
            data.verificationRequest
              ? `${data.verificationRequest.reference} (${data.verificationRequest.status})`
              : null,
          )}
          {row(
            t('restoration.restoration.verification'),
            `${label(t, 'verification', data.verification)}${data.verifiedOn ? ` · ${data.verifiedOn}` : ''}${data.verificationNote ? ` · ${data.verificationNote}` : ''}`,
          )}
          {row(
            t('restoration.restoration.cwcOrder'),
            data.cwcOrderNumber
              ? `${data.cwcOrderNumber} · ${data.cwcOrderOn ?? ''} · ${data.cwc?.name ?? ''}`
              : null,
          )}
          {row(
            t('restoration.restoration.handover'),
            data.handedOverOn
              ? `${data.handedOverOn} · ${data.handedOverTo ?? ''}${data.escortName ? ` · ${data.escortName}` : ''}`
              : null,
          )}
          {row(t('restoration.restoration.nextVisit'), data.followUpDueOn)}
        </SimpleGrid>
      </Paper>
      {data.followUps.length > 0 ? (
        <Stack gap={4}>
          <Title order={2} size="h3">
            {t('restoration.restoration.visits')}
          </Title>
          {data.followUps.map((f, i) => (
            <Text size="sm" key={i}>
              {f.visitedOn} · {label(t, 'outcomes', f.outcome)}
              {f.note ? ` · ${f.note}` : ''}
            </Text>
          ))}
        </Stack>
      ) : null}
      <StepForm r={data} onDone={r.reload} />
    </Stack>
  );
}

export function RestorationListPage() {
  const { t } = useTranslation();
  const list = useApiGet<{ items: Restoration[] }>('/api/restoration/restorations');
  usePage(t('restoration.restoration.listTitle'), !list.loading);
  const columns: Column<Restoration>[] = [
    {
      key: 'open',
      header: t('restoration.reference'),
      render: (r) => (
        <Anchor component={Link} to={`/restoration/restorations/${r.id}`}>
          {r.missing?.reference ?? '—'} ↔ {r.found?.reference ?? '—'}
        </Anchor>
      ),
    },
    { key: 'home', header: t('restoration.restoration.homeUnit'), render: (r) => r.homeUnit.name },
    {
      key: 'status',
      header: t('restoration.status'),
      render: (r) => <StatusBadge group="restorationStatus" value={r.status} />,
    },
    { key: 'due', header: t('restoration.restoration.nextVisit'), render: (r) => r.followUpDueOn ?? '—' },
  ];
  return (
    <Stack gap="md">
      <RestorationNav />
      <Title order={1}>{t('restoration.restoration.listTitle')}</Title>
      <ErrorNotice error={list.error} onRetry={list.reload} />
      <DataTable
        caption={t('restoration.restoration.listTitle')}
        columns={columns}
        rows={list.data?.items ?? []}
        rowKey={(r) => r.id}
        empty={list.loading ? '' : t('restoration.empty')}
      />
    </Stack>
  );
}
