import {
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { SERVICES } from '../../api/capacity';
import { ErrorNotice } from '../../components/feedback';
import { StateSelect, useStates } from '../../components/StateSelect';
import { useSession } from '../../session/session';
import { serviceLabel } from './labels';

/** Sets a coverage target: nationally (Nodal Cell), for a State, or a district (by LGD code). */
export function TargetForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const states = useStates();
  const [state, setState] = useState(me?.jurisdiction.stateLgd ? String(me.jurisdiction.stateLgd) : '');
  const [district, setDistrict] = useState('');
  const [service, setService] = useState('');
  const [target, setTarget] = useState<number | string>(100);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    api
      .put('/api/training/targets', {
        stateLgd: state ? Number(state) : null,
        districtLgd: district ? Number(district) : null,
        service: service || null,
        target: Number(target),
      })
      .then(() => {
        setBusy(false);
        onSaved();
      })
      .catch((failure: unknown) => {
        setBusy(false);
        setError(failure);
      });
  };
  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={submit} noValidate aria-labelledby="target-title">
        <Stack gap="sm">
          <Title order={2} size="h3" id="target-title">
            {t('capacity.training.setTarget')}
          </Title>
          <ErrorNotice error={error} />
          <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm">
            <StateSelect
              label={t('capacity.state')}
              allLabel={t('capacity.training.nationally')}
              value={state}
              onChange={setState}
              states={states.data}
              failed={states.error !== undefined}
            />
            <TextInput
              label={t('capacity.training.districtCode')}
              description={t('common.optional')}
              inputMode="numeric"
              value={district}
              onChange={(e) => setDistrict(e.currentTarget.value.replace(/\D/g, ''))}
            />
            <NativeSelect
              label={t('capacity.training.service')}
              value={service}
              onChange={(e) => setService(e.currentTarget.value)}
              data={[
                { value: '', label: t('capacity.training.allServices') },
                ...SERVICES.map((s) => ({ value: s, label: serviceLabel(t, s) })),
              ]}
            />
            <NumberInput label={t('capacity.training.target')} min={1} value={target} onChange={setTarget} />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={busy}>
              {t('capacity.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
