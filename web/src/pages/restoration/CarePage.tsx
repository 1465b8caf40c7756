import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
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
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import {
  RISK_FLAGS,
  SERVICE_KINDS,
  type CarePlan,
  type CarePlanListItem,
  type CareReferral,
} from '../../api/restoration';
import { useApiGet } from '../../api/useApi';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorNotice, PageLoader } from '../../components/feedback';
import { usePage } from '../../components/PageReady';
import { facts, label, RestorationNav, UnitSelect } from './parts';
import { PlanForm } from './PlanForm';

const today = () => new Date().toISOString().slice(0, 10);

export default function CarePlansPage() {
  const { t } = useTranslation();
  const list = useApiGet<{ items: CarePlanListItem[] }>('/api/care/plans');
  usePage(t('restoration.care.title'), !list.loading);
  const columns: Column<CarePlanListItem>[] = [
    {
      key: 'ref',
      header: t('restoration.reference'),
      render: (p) => (
        <Anchor component={Link} to={`/care/${p.id}`} fw={600}>
          {p.reference}
        </Anchor>
      ),
    },
    {
      key: 'who',
      header: t('restoration.person'),
      render: (p) => `${p.pseudonym} · ${facts(t, { ...p, language: null })}`,
    },
    { key: 'owner', header: t('restoration.care.owner'), render: (p) => p.ownerUnit },
    {
      key: 'ref2',
      header: t('restoration.care.openReferrals'),
      numeric: true,
      render: (p) => String(p.openReferrals),
    },
    { key: 'risk', header: t('restoration.care.risk'), render: (p) => label(t, 'risk', p.latestRisk) },
  ];
  return (
    <Stack gap="md">
      <RestorationNav />
      <Title order={1}>{t('restoration.care.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('restoration.care.intro')}
      </Text>
      <ErrorNotice error={list.error} onRetry={list.reload} />
      <DataTable
        caption={t('restoration.care.title')}
        columns={columns}
        rows={list.data?.items ?? []}
        rowKey={(p) => p.id}
        empty={list.loading ? '' : t('restoration.empty')}
      />
    </Stack>
  );
}

function ReferralRow({ r, onDone }: { r: CareReferral; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const answer = (decision: 'accept' | 'decline') =>
    api
      .post(`/api/care/referrals/${r.id}/answer`, { decision, ...(reason ? { reason } : {}) })
      .then(onDone, setError);
  return (
    <Paper withBorder p="sm" data-testid="referral">
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {r.toUnit.name}
        </Text>
        <Badge variant="light">{label(t, 'referralStatus', r.status)}</Badge>
      </Group>
      <Text size="sm">{r.services.map((s) => label(t, 'services', s)).join(', ')}</Text>
      {r.declineReason ? (
        <Text size="sm">{t('restoration.care.declined', { reason: r.declineReason })}</Text>
      ) : null}
      {r.mine && r.status === 'sent' ? (
        <Group align="flex-end" mt="xs">
          <Button size="xs" onClick={() => void answer('accept')}>
            {t('restoration.care.accept')}
          </Button>
          <TextInput
            size="xs"
            label={t('restoration.care.declineReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Button
            size="xs"
            variant="default"
            disabled={reason.trim().length < 3}
            onClick={() => void answer('decline')}
          >
            {t('restoration.care.decline')}
          </Button>
        </Group>
      ) : null}
      <ErrorNotice error={error ?? undefined} />
    </Paper>
  );
}

function EventForm({ plan, onDone }: { plan: CarePlan; onDone: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({
    kind: 'service',
    occurredOn: today(),
    serviceKind: 'counselling',
    compensationStage: 'applied',
    amountInr: '',
    riskLevel: 'low',
    riskFlag: '',
    toCountry: '',
    repatriationStage: 'planned',
    note: '',
  });
  const [error, setError] = useState<unknown>(null);
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setV((p) => ({ ...p, [k]: value }));
  };
  const body = () => ({
    kind: v.kind,
    occurredOn: v.occurredOn,
    ...(v.note ? { note: v.note } : {}),
    ...(v.kind === 'service' ? { serviceKind: v.serviceKind } : {}),
    ...(v.kind === 'compensation'
      ? { compensationStage: v.compensationStage, ...(v.amountInr ? { amountInr: Number(v.amountInr) } : {}) }
      : {}),
    ...(v.kind === 'repatriation'
      ? { repatriationStage: v.repatriationStage, toCountry: v.toCountry || 'NP' }
      : {}),
    ...(v.kind === 'follow_up' ? { riskLevel: v.riskLevel, riskFlags: v.riskFlag ? [v.riskFlag] : [] } : {}),
  });
  return (
    <Paper withBorder p="md">
      <form
        aria-label={t('restoration.care.record')}
        onSubmit={(e) => {
          e.preventDefault();
          api.post(`/api/care/plans/${plan.id}/events`, body()).then(onDone, setError);
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('restoration.care.record')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect
              label={t('restoration.care.kind')}
              value={v.kind}
              onChange={set('kind')}
              data={['service', 'compensation', 'repatriation', 'follow_up'].map((k) => ({
                value: k,
                label: label(t, 'eventKind', k),
              }))}
            />
            <TextInput
              type="date"
              label={t('restoration.restoration.on')}
              value={v.occurredOn}
              onChange={set('occurredOn')}
            />
            {v.kind === 'service' ? (
              <NativeSelect
                label={t('restoration.care.service')}
                value={v.serviceKind}
                onChange={set('serviceKind')}
                data={SERVICE_KINDS.map((s) => ({ value: s, label: label(t, 'services', s) }))}
              />
            ) : null}
            {v.kind === 'compensation' ? (
              <>
                <NativeSelect
                  label={t('restoration.care.stage')}
                  value={v.compensationStage}
                  onChange={set('compensationStage')}
                  data={['applied', 'sanctioned', 'paid', 'rejected'].map((s) => ({
                    value: s,
                    label: label(t, 'compensation', s),
                  }))}
                />
                <TextInput
                  label={t('restoration.care.amount')}
                  inputMode="numeric"
                  value={v.amountInr}
                  onChange={set('amountInr')}
                />
              </>
            ) : null}
            {v.kind === 'repatriation' ? (
              <>
                <NativeSelect
                  label={t('restoration.care.stage')}
                  value={v.repatriationStage}
                  onChange={set('repatriationStage')}
                  data={['planned', 'escorted', 'handed_over'].map((s) => ({
                    value: s,
                    label: label(t, 'repatriation', s),
                  }))}
                />
                <NativeSelect
                  label={t('restoration.care.country')}
                  value={v.toCountry}
                  onChange={set('toCountry')}
                  data={[
                    { value: 'NP', label: t('restoration.countries.NP') },
                    { value: 'BD', label: t('restoration.countries.BD') },
                  ]}
                />
              </>
            ) : null}
            {v.kind === 'follow_up' ? (
              <>
                <NativeSelect
                  label={t('restoration.care.risk')}
                  value={v.riskLevel}
                  onChange={set('riskLevel')}
                  data={['low', 'medium', 'high'].map((s) => ({ value: s, label: label(t, 'risk', s) }))}
                />
                <NativeSelect
                  label={t('restoration.care.flag')}
                  value={v.riskFlag}
                  onChange={set('riskFlag')}
                  data={[
                    { value: '', label: t('restoration.form.none') },
                    ...RISK_FLAGS.map((s) => ({ value: s, label: label(t, 'flags', s) })),
                  ]}
                />
              </>
            ) : null}
          </SimpleGrid>
          <Textarea label={t('restoration.restoration.note')} value={v.note} onChange={set('note')} />
          <ErrorNotice error={error ?? undefined} />
          <Group>
            <Button type="submit">{t('restoration.restoration.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function ReferralForm({ plan, onDone }: { plan: CarePlan; onDone: () => void }) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState('');
  const [service, setService] = useState('counselling');
  const [error, setError] = useState<unknown>(null);
  return (
    <Group align="flex-end">
      <UnitSelect label={t('restoration.care.referTo')} kind="ngo" value={unit} onChange={setUnit} />
      <NativeSelect
        label={t('restoration.care.service')}
        value={service}
        onChange={(e) => setService(e.currentTarget.value)}
        data={SERVICE_KINDS.map((s) => ({ value: s, label: label(t, 'services', s) }))}
      />
      <Button
        variant="default"
        disabled={!unit}
        onClick={() =>
          void api
            .post(`/api/care/plans/${plan.id}/referrals`, { toUnitId: unit, services: [service] })
            .then(onDone, setError)
        }
      >
        {t('restoration.care.refer')}
      </Button>
      <ErrorNotice error={error ?? undefined} />
    </Group>
  );
}

export function CarePlanPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const plan = useApiGet<CarePlan>(`/api/care/plans/${id}`);
  usePage(t('restoration.care.planTitle'), !plan.loading);
  const p = plan.data;
  if (!p) return plan.error ? <ErrorNotice error={plan.error} /> : <PageLoader />;
  const yesNo = (b: boolean | null) => (b === null ? '—' : b ? t('restoration.yes') : t('restoration.no'));
  const fact = (name: string, value: string | null) => (
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
      <Title order={1}>
        {t('restoration.care.planTitle')}: {p.found.reference}
      </Title>
      <Text size="sm">
        {p.found.pseudonym} · {facts(t, { ...p.found, language: null })} · {p.ownerUnit.name}
      </Text>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {fact(t('restoration.services.shelter'), p.shelter)}
          {fact(t('restoration.services.medical'), p.medical)}
          {fact(t('restoration.services.counselling'), p.counselling)}
          {fact(t('restoration.services.legal_aid'), p.legalAid)}
          {fact(t('restoration.care.educationSkills'), p.educationSkills)}
          {fact(
            t('restoration.care.consent'),
            `${t('restoration.care.tracing')}: ${yesNo(p.consentTracing)} · ${t('restoration.care.sharing')}: ${yesNo(p.consentSharing)}${p.consentGivenBy ? ` · ${label(t, 'consentBy', p.consentGivenBy)}` : ''}`,
          )}
          {fact(t('restoration.care.certificate'), p.bondedLabourCertificateNumber)}
          {fact(t('restoration.care.compensationStatus'), label(t, 'compensation', p.compensation))}
          {fact(t('restoration.care.followUpUntil'), p.followUpUntil)}
        </SimpleGrid>
      </Paper>
      {p.canEdit ? <PlanForm plan={p} onDone={plan.reload} /> : null}
      <Title order={2} size="h3">
        {t('restoration.care.referrals')}
      </Title>
      {p.referrals.map((r) => (
        <ReferralRow key={r.id} r={r} onDone={plan.reload} />
      ))}
      {p.canEdit ? <ReferralForm plan={p} onDone={plan.reload} /> : null}
      <Title order={2} size="h3">
        {t('restoration.care.events')}
      </Title>
      {p.events.length === 0 ? <Text c="dimmed">{t('restoration.empty')}</Text> : null}
      {p.events.map((e) => (
        <Text size="sm" key={e.id}>
          {e.occurredOn} · {label(t, 'eventKind', e.kind)}
          {e.serviceKind ? ` · ${label(t, 'services', e.serviceKind)}` : ''}
          {e.compensationStage ? ` · ${label(t, 'compensation', e.compensationStage)}` : ''}
          {e.amountInr !== null ? ` · ₹${e.amountInr}` : ''}
          {e.repatriationStage ? ` · ${label(t, 'repatriation', e.repatriationStage)}` : ''}
          {e.riskLevel ? ` · ${label(t, 'risk', e.riskLevel)}` : ''}
          {e.riskFlags.length > 0 ? ` · ${e.riskFlags.map((f) => label(t, 'flags', f)).join(', ')}` : ''}
          {e.note ? ` · ${e.note}` : ''}
          {e.recordedBy ? ` (${e.recordedBy})` : ''}
        </Text>
      ))}
      <EventForm plan={p} onDone={plan.reload} />
    </Stack>
  );
}
