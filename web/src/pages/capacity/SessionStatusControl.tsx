import { Button, Group, NativeSelect } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { SESSION_STATUSES, type SessionDetail } from '../../api/capacity';
import { ErrorNotice } from '../../components/feedback';
import { sessionStatusLabel } from './labels';

export function SessionStatusControl({
  session,
  onChanged,
}: {
  session: SessionDetail;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState(session.status);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const save = () => {
    setBusy(true);
    setError(undefined);
    api
      .patch(`/api/training/sessions/${session.id}`, { status })
      .then(() => {
        setBusy(false);
        onChanged();
      })
      .catch((failure: unknown) => {
        setBusy(false);
        setError(failure);
      });
  };
  return (
    <div>
      <ErrorNotice error={error} />
      <Group align="flex-end" gap="sm">
        <NativeSelect
          label={t('capacity.training.status')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value)}
          data={SESSION_STATUSES.map((s) => ({ value: s, label: sessionStatusLabel(t, s) }))}
        />
        <Button variant="default" onClick={save} loading={busy} disabled={status === session.status}>
          {t('capacity.save')}
        </Button>
      </Group>
    </div>
  );
}
