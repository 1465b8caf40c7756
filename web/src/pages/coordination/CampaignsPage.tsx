import '@mantine/core/styles/NumberInput.layer.css';
import {
  Badge,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { lazy, Suspense, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { CAMPAIGN_WRITER_ROLES, MEDIA, type Campaign, type MapDistrict } from '../../api/coordination';
import { hasRole } from '../../api/types';
import { useApiGet } from '../../api/useApi';
import { DataTable } from '../../components/DataTable';
import { ErrorNotice, PageLoader, StatusNotice } from '../../components/feedback';
import { usePage } from '../../components/PageReady';
import { StateSelect, useStates } from '../../components/StateSelect';
import { formatDate, formatNumber } from '../../i18n/format';
import { useSession } from '../../session/session';
import { label } from './labels';

const CampaignMap = lazy(() => import('./CampaignMap'));

/** Campaigns of the State beside its source districts (map and table), and the form to record one. */
export default function CampaignsPage() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const national = me?.jurisdiction.level === 'national';
  const [picked, setPicked] = useState('10');
  const state = national ? Number(picked) : (me?.jurisdiction.stateLgd ?? 0);
  const states = useStates();
  const list = useApiGet<{ items: Campaign[]; total: number; totalReach: number }>('/api/campaigns', {
    state: state || undefined,
    limit: 200,
  });
  const map = useApiGet<{ districts: MapDistrict[] }>('/api/campaigns/map', { state: state || undefined });
  usePage(t('coordination.campaigns.title'), !list.loading && !map.loading);
  const day = (d: string) => formatDate(d, i18n.language) ?? d;
  const num = (n: number) => formatNumber(n, i18n.language);

  const [form, setForm] = useState({
    title: '',
    medium: 'transit_placards',
    district: '',
    station: '',
    startsOn: '',
    endsOn: '',
    reach: 0 as number | string,
  });
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState<string>();
  const record = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(undefined);
    setSaved(undefined);
    try {
      await api.post('/api/campaigns', {
        title: form.title,
        medium: form.medium,
        ...(form.district ? { districtLgd: Number(form.district) } : {}),
        ...(form.station.trim() ? { stationCode: form.station.trim() } : {}),
        startsOn: form.startsOn,
        endsOn: form.endsOn || form.startsOn,
        reach: Number(form.reach) || 0,
      });
      setSaved(t('coordination.campaigns.form.saved'));
      list.reload();
      map.reload();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <Stack gap="md">
      <Title order={1}>{t('coordination.campaigns.title')}</Title>
      {national ? (
        <StateSelect
          label={t('coordination.campaigns.state')}
          allLabel="—"
          value={picked}
          onChange={(v) => setPicked(v || '10')}
          states={states.data}
          failed={states.error !== undefined}
        />
      ) : null}
      <ErrorNotice error={list.error ?? map.error} />
      <Title order={2} size="h3">
        {t('coordination.campaigns.mapTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('coordination.campaigns.mapHint')}
      </Text>
      {state && map.data ? (
        <Suspense fallback={<PageLoader />}>
          <CampaignMap state={state} districts={map.data.districts} />
        </Suspense>
      ) : null}
      <DataTable
        caption={t('coordination.campaigns.mapTitle')}
        rows={map.data?.districts ?? []}
        rowKey={(d) => String(d.districtLgd)}
        empty={t('coordination.campaigns.empty')}
        columns={[
          { key: 'district', header: t('coordination.campaigns.colDistrict'), render: (d) => d.name },
          {
            key: 'events',
            header: t('coordination.campaigns.colRecruitment'),
            numeric: true,
            render: (d) => num(d.recruitmentEvents),
          },
          {
            key: 'campaigns',
            header: t('coordination.campaigns.colCampaigns'),
            numeric: true,
            render: (d) => num(d.campaigns),
          },
          {
            key: 'reach',
            header: t('coordination.campaigns.colReach'),
            numeric: true,
            render: (d) => num(d.reach),
          },
          {
            key: 'flag',
            header: '',
            render: (d) =>
              d.uncovered ? (
                <Badge color="red">{t('coordination.campaigns.uncovered')}</Badge>
              ) : d.vulnerable ? (
                <Badge color="orange" variant="light">
                  {t('coordination.campaigns.vulnerable')}
                </Badge>
              ) : null,
          },
        ]}
      />
      <Title order={2} size="h3">
        {t('coordination.campaigns.title')}
      </Title>
      <Text>{t('coordination.campaigns.totalReach', { reach: num(list.data?.totalReach ?? 0) })}</Text>
      <DataTable
        caption={t('coordination.campaigns.title')}
        rows={list.data?.items ?? []}
        rowKey={(c) => c.id}
        empty={t('coordination.campaigns.empty')}
        columns={[
          { key: 'title', header: t('coordination.campaigns.colTitle'), render: (c) => c.title },
          {
            key: 'medium',
            header: t('coordination.campaigns.colMedium'),
            render: (c) => label(t, 'medium', c.medium),
          },
          {
            key: 'place',
            header: t('coordination.campaigns.colPlace'),
            render: (c) => (c.station ? `${c.station.name}, ${c.district.name}` : c.district.name),
          },
          {
            key: 'dates',
            header: t('coordination.campaigns.colDates'),
            render: (c) => `${day(c.startsOn)} – ${day(c.endsOn)}`,
          },
          {
            key: 'reach',
            header: t('coordination.campaigns.colReach'),
            numeric: true,
            render: (c) => num(c.reach),
          },
        ]}
      />
      {hasRole(me, CAMPAIGN_WRITER_ROLES) ? (
        <Paper withBorder p="md">
          <form onSubmit={(event) => void record(event)}>
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('coordination.campaigns.record')}
              </Title>
              <TextInput
                label={t('coordination.campaigns.form.title')}
                required
                value={form.title}
                onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
              />
              <NativeSelect
                label={t('coordination.campaigns.form.medium')}
                value={form.medium}
                onChange={(e) => setForm({ ...form, medium: e.currentTarget.value })}
                data={MEDIA.map((m) => ({ value: m, label: label(t, 'medium', m) }))}
              />
              <Group grow>
                <TextInput
                  label={t('coordination.campaigns.form.district')}
                  inputMode="numeric"
                  value={form.district}
                  onChange={(e) => setForm({ ...form, district: e.currentTarget.value })}
                />
                <TextInput
                  label={t('coordination.campaigns.form.station')}
                  value={form.station}
                  onChange={(e) => setForm({ ...form, station: e.currentTarget.value })}
                />
              </Group>
              <Group grow>
                <TextInput
                  type="date"
                  required
                  label={t('coordination.campaigns.form.startsOn')}
                  value={form.startsOn}
                  onChange={(e) => setForm({ ...form, startsOn: e.currentTarget.value })}
                />
                <TextInput
                  type="date"
                  label={t('coordination.campaigns.form.endsOn')}
                  value={form.endsOn}
                  onChange={(e) => setForm({ ...form, endsOn: e.currentTarget.value })}
                />
              </Group>
              <NumberInput
                label={t('coordination.campaigns.form.reach')}
                min={0}
                thousandSeparator=","
                value={form.reach}
                onChange={(v) => setForm({ ...form, reach: v })}
              />
              <ErrorNotice error={error} />
              <StatusNotice message={saved} />
              <Button type="submit" w="fit-content">
                {t('coordination.campaigns.form.save')}
              </Button>
            </Stack>
          </form>
        </Paper>
      ) : null}
    </Stack>
  );
}
