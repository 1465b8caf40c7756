import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { DRIVE_CREATOR_ROLES, type Drive, type DriveDashboard } from '../../api/restoration';
import { hasRole } from '../../api/types';
import { useApiGet } from '../../api/useApi';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorNotice, PageLoader } from '../../components/feedback';
import { usePage } from '../../components/PageReady';
import { formatNumber } from '../../i18n/format';
import { useSession } from '../../session/session';
import { RestorationNav } from './parts';

function DriveForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ name: '', startsOn: '', endsOn: '' });
  const [error, setError] = useState<unknown>(null);
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setV((p) => ({ ...p, [k]: value }));
  };
  return (
    <Paper withBorder p="md">
      <form
        aria-label={t('restoration.drives.new')}
        onSubmit={(e) => {
          e.preventDefault();
          api.post('/api/restoration/drives', { ...v, unitIds: [] }).then(onDone, setError);
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('restoration.drives.new')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput required label={t('restoration.drives.name')} value={v.name} onChange={set('name')} />
            <TextInput
              required
              type="date"
              label={t('restoration.drives.startsOn')}
              value={v.startsOn}
              onChange={set('startsOn')}
            />
            <TextInput
              required
              type="date"
              label={t('restoration.drives.endsOn')}
              value={v.endsOn}
              onChange={set('endsOn')}
            />
          </SimpleGrid>
          <ErrorNotice error={error ?? undefined} />
          <Group>
            <Button type="submit">{t('restoration.drives.create')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export default function DrivesPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const list = useApiGet<{ items: Drive[] }>('/api/restoration/drives');
  usePage(t('restoration.drives.title'), !list.loading);
  return (
    <Stack gap="md">
      <RestorationNav />
      <Title order={1}>{t('restoration.drives.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('restoration.drives.intro')}
      </Text>
      {hasRole(me, DRIVE_CREATOR_ROLES) ? <DriveForm onDone={list.reload} /> : null}
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {(list.data?.items ?? []).map((d) => (
        <Paper withBorder p="sm" key={d.id}>
          <Anchor component={Link} to={`/restoration/drives/${d.id}`} fw={600}>
            {d.name}
          </Anchor>
          <Text size="sm">
            {d.startsOn} – {d.endsOn} · {t('restoration.drives.units', { count: d.units.length })}
          </Text>
        </Paper>
      ))}
      {!list.loading && (list.data?.items.length ?? 0) === 0 ? (
        <Text c="dimmed">{t('restoration.empty')}</Text>
      ) : null}
    </Stack>
  );
}

export function DriveDashboardPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const dash = useApiGet<DriveDashboard>(`/api/restoration/drives/${id}/dashboard`);
  usePage(t('restoration.drives.dashboard'), !dash.loading);
  const d = dash.data;
  if (!d) return dash.error ? <ErrorNotice error={dash.error} /> : <PageLoader />;
  const n = (x: number) => formatNumber(x, i18n.language);
  type Row = DriveDashboard['districts'][number];
  const columns: Column<Row>[] = [
    { key: 'd', header: t('restoration.form.district'), render: (r) => `${r.districtName}, ${r.stateName}` },
    { key: 'f', header: t('restoration.drives.found'), numeric: true, render: (r) => n(r.found) },
    { key: 'c', header: t('restoration.drives.children'), numeric: true, render: (r) => n(r.children) },
    { key: 't', header: t('restoration.drives.traced'), numeric: true, render: (r) => n(r.traced) },
    { key: 'r', header: t('restoration.drives.restored'), numeric: true, render: (r) => n(r.restored) },
  ];
  const tiles: [string, number][] = [
    [t('restoration.drives.found'), d.totals.found],
    [t('restoration.drives.children'), d.totals.children],
    [t('restoration.drives.traced'), d.totals.traced],
    [t('restoration.drives.restored'), d.totals.restored],
  ];
  return (
    <Stack gap="md">
      <RestorationNav />
      <Title order={1}>{d.drive.name}</Title>
      <Text size="sm" c="dimmed">
        {d.drive.startsOn} – {d.drive.endsOn}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {tiles.map(([name, value]) => (
          <Paper withBorder p="sm" key={name}>
            <Text size="xs" c="dimmed">
              {name}
            </Text>
            <Text size="xl" fw={700} data-testid={`drive-${name}`}>
              {n(value)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <DataTable
        caption={t('restoration.drives.perDistrict')}
        columns={columns}
        rows={d.districts}
        rowKey={(r) => String(r.districtLgd)}
        empty={t('restoration.empty')}
      />
    </Stack>
  );
}
