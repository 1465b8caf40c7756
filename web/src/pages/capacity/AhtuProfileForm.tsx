import {
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { AHTU_STATUSES, RANKS, type AhtuView } from '../../api/capacity';
import { ErrorNotice } from '../../components/feedback';
import { ahtuStatusLabel, rankLabel } from './labels';

type Asset = AhtuView['assets'][number];

/** The unit's own record: status, dates, posts by rank, vehicles and equipment. */
export function AhtuProfileForm({ unit, onSaved }: { unit: AhtuView; onSaved: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<string>(unit.status ?? 'sanctioned');
  const [sanctionedOn, setSanctionedOn] = useState(unit.sanctionedOn ?? '');
  const [establishedOn, setEstablishedOn] = useState(unit.establishedOn ?? '');
  const [notes, setNotes] = useState(unit.notes ?? '');
  const [staff, setStaff] = useState(
    RANKS.map((rank) => {
      const line = unit.staff.find((s) => s.rank === rank);
      return { rank, sanctioned: line?.sanctioned ?? 0, posted: line?.posted ?? 0 };
    }),
  );
  const [assets, setAssets] = useState<Asset[]>(unit.assets);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  if (!open) {
    return (
      <Button variant="default" mt="sm" onClick={() => setOpen(true)}>
        {t('capacity.ahtu.editProfile')}
      </Button>
    );
  }
  const setAsset = (index: number, change: Partial<Asset>) =>
    setAssets((list) => list.map((a, i) => (i === index ? { ...a, ...change } : a)));
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    api
      .put(`/api/ahtus/${unit.unitId}`, {
        status,
        sanctionedOn: sanctionedOn || null,
        establishedOn: establishedOn || null,
        notes: notes.trim() || null,
        staff: staff.filter((s) => s.sanctioned > 0 || s.posted > 0),
        assets: assets.filter((a) => a.item.trim().length >= 2).map((a) => ({ ...a, item: a.item.trim() })),
      })
      .then(() => {
        setBusy(false);
        setOpen(false);
        onSaved();
      })
      .catch((failure: unknown) => {
        setBusy(false);
        setError(failure);
      });
  };
  const num = (value: string | number) =>
    typeof value === 'number' ? value : Number.parseInt(value, 10) || 0;

  return (
    <Paper withBorder p="md" radius="md" mt="sm">
      <form onSubmit={submit} noValidate aria-labelledby="profile-form-title">
        <Stack gap="sm">
          <Title order={3} size="h4" id="profile-form-title">
            {t('capacity.ahtu.editProfile')}
          </Title>
          <ErrorNotice error={error} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <NativeSelect
              label={t('capacity.ahtu.status')}
              value={status}
              onChange={(e) => setStatus(e.currentTarget.value)}
              data={AHTU_STATUSES.map((s) => ({ value: s, label: ahtuStatusLabel(t, s) }))}
            />
            <TextInput
              type="date"
              label={t('capacity.ahtu.sanctionedOn')}
              value={sanctionedOn}
              onChange={(e) => setSanctionedOn(e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={t('capacity.ahtu.establishedOn')}
              value={establishedOn}
              onChange={(e) => setEstablishedOn(e.currentTarget.value)}
            />
          </SimpleGrid>
          <Textarea
            label={t('capacity.ahtu.notes')}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Title order={4} size="h5">
            {t('capacity.ahtu.staff')}
          </Title>
          {staff.map((line, index) => (
            <SimpleGrid key={line.rank} cols={{ base: 2, sm: 3 }} spacing="xs">
              <TextInput
                label={t('capacity.ahtu.rank')}
                value={rankLabel(t, line.rank)}
                readOnly
                variant="unstyled"
              />
              <NumberInput
                label={t('capacity.ahtu.sanctionedFor', { rank: rankLabel(t, line.rank) })}
                min={0}
                max={500}
                value={line.sanctioned}
                onChange={(v) =>
                  setStaff((list) => list.map((s, i) => (i === index ? { ...s, sanctioned: num(v) } : s)))
                }
              />
              <NumberInput
                label={t('capacity.ahtu.postedFor', { rank: rankLabel(t, line.rank) })}
                min={0}
                max={500}
                value={line.posted}
                onChange={(v) =>
                  setStaff((list) => list.map((s, i) => (i === index ? { ...s, posted: num(v) } : s)))
                }
              />
            </SimpleGrid>
          ))}
          <Title order={4} size="h5">
            {t('capacity.ahtu.assets')}
          </Title>
          {assets.map((asset, index) => (
            <SimpleGrid key={index} cols={{ base: 2, sm: 5 }} spacing="xs">
              <NativeSelect
                label={t('capacity.ahtu.assetKind')}
                value={asset.kind}
                onChange={(e) =>
                  setAsset(index, { kind: e.currentTarget.value === 'vehicle' ? 'vehicle' : 'equipment' })
                }
                data={[
                  { value: 'vehicle', label: t('capacity.assetKind.vehicle') },
                  { value: 'equipment', label: t('capacity.assetKind.equipment') },
                ]}
              />
              <TextInput
                label={t('capacity.ahtu.item')}
                value={asset.item}
                onChange={(e) => setAsset(index, { item: e.currentTarget.value })}
              />
              <NumberInput
                label={t('capacity.ahtu.quantity')}
                min={0}
                value={asset.quantity}
                onChange={(v) => setAsset(index, { quantity: num(v) })}
              />
              <NumberInput
                label={t('capacity.ahtu.working')}
                min={0}
                value={asset.working}
                onChange={(v) => setAsset(index, { working: num(v) })}
              />
              <Button
                variant="subtle"
                color="red"
                mt={24}
                onClick={() => setAssets((list) => list.filter((_, i) => i !== index))}
              >
                {t('capacity.remove')}
              </Button>
            </SimpleGrid>
          ))}
          <Group>
            <Button
              variant="default"
              onClick={() =>
                setAssets((list) => [...list, { kind: 'vehicle', item: '', quantity: 1, working: 1 }])
              }
            >
              {t('capacity.ahtu.addAsset')}
            </Button>
          </Group>
          <Group>
            <Button type="submit" loading={busy}>
              {t('capacity.save')}
            </Button>
            <Button variant="subtle" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
