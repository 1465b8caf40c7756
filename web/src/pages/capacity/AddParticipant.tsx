import {
  Button,
  Group,
  NativeSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { SERVICES, type Participant, type SessionDetail } from '../../api/capacity';
import type { Page, Unit } from '../../api/types';
import { useApiGet } from '../../api/useApi';
import { ErrorNotice } from '../../components/feedback';
import { serviceLabel } from './labels';

/** Adds someone already registered, or registers a new participant (no Setu account needed) and adds them. */
export function AddParticipant({ session, onAdded }: { session: SessionDetail; onAdded: () => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const existing = useApiGet<Page<Participant>>(
    debounced.trim().length >= 2 ? '/api/training/participants' : null,
    {
      q: debounced.trim(),
      limit: 20,
    },
  );
  const [chosen, setChosen] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [service, setService] = useState<string>('police');
  const [designation, setDesignation] = useState('');
  const [unitSearch, setUnitSearch] = useState('');
  const [unitQuery] = useDebouncedValue(unitSearch, 300);
  const units = useApiGet<Page<Unit>>(unitQuery.trim().length >= 2 ? '/api/units' : null, {
    q: unitQuery.trim(),
    limit: 20,
  });
  const [unitId, setUnitId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const inSession = new Set(session.attendance.map((a) => a.participant.id));

  const add = (participantId: string) =>
    api.put(`/api/training/sessions/${session.id}/participants/${participantId}`, { attended: false });
  const finish = (work: Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    work
      .then(() => {
        setBusy(false);
        setChosen(null);
        setName('');
        setDesignation('');
        setUnitId(null);
        onAdded();
      })
      .catch((failure: unknown) => {
        setBusy(false);
        setError(failure);
      });
  };
  const register = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = {
      name: name.trim(),
      service,
      ...(designation.trim() ? { designation: designation.trim() } : {}),
      ...(unitId
        ? { unitId }
        : {
            stateLgd: session.stateLgd,
            ...(session.districtLgd ? { districtLgd: session.districtLgd } : {}),
          }),
    };
    finish(
      api
        .post<Participant>('/api/training/participants', body, {
          headers: { 'Idempotency-Key': crypto.randomUUID() },
        })
        .then((p) => add(p.id)),
    );
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="md">
        <Title order={2} size="h3">
          {t('capacity.training.addParticipant')}
        </Title>
        <ErrorNotice error={error} />
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label={t('capacity.training.findParticipant')}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            value={chosen}
            onChange={setChosen}
            filter={({ options }) => options}
            data={(existing.data?.items ?? [])
              .filter((p) => !inSession.has(p.id))
              .map((p) => ({
                value: p.id,
                label: `${p.name} · ${serviceLabel(t, p.service)}${p.unit ? ` · ${p.unit.name}` : ''}`,
              }))}
            nothingFoundMessage={
              debounced.trim().length >= 2
                ? t('capacity.training.nobodyFound')
                : t('capacity.training.typeToSearch')
            }
            miw={280}
            comboboxProps={{ withinPortal: true }}
          />
          <Button
            variant="default"
            disabled={!chosen}
            loading={busy}
            onClick={() => chosen && finish(add(chosen))}
          >
            {t('capacity.training.addToSession')}
          </Button>
        </Group>
        <form onSubmit={register} noValidate aria-labelledby="register-title">
          <Stack gap="sm">
            <Text fw={600} id="register-title">
              {t('capacity.training.registerNew')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('capacity.training.name')}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                required
              />
              <NativeSelect
                label={t('capacity.training.service')}
                value={service}
                onChange={(e) => setService(e.currentTarget.value)}
                data={SERVICES.map((s) => ({ value: s, label: serviceLabel(t, s) }))}
              />
              <TextInput
                label={t('capacity.training.designation')}
                value={designation}
                onChange={(e) => setDesignation(e.currentTarget.value)}
              />
              <Select
                label={t('capacity.training.unit')}
                description={t('capacity.training.unitHint')}
                searchable
                clearable
                searchValue={unitSearch}
                onSearchChange={setUnitSearch}
                value={unitId}
                onChange={setUnitId}
                filter={({ options }) => options}
                data={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
                nothingFoundMessage={
                  unitQuery.trim().length >= 2
                    ? t('capacity.training.nobodyFound')
                    : t('capacity.training.typeToSearch')
                }
                comboboxProps={{ withinPortal: true }}
              />
            </SimpleGrid>
            <Group>
              <Button type="submit" loading={busy} disabled={name.trim().length < 2}>
                {t('capacity.training.registerAndAdd')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
