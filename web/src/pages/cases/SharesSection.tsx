import {
  Badge,
  Button,
  Checkbox,
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
import { SHARE_PURPOSES, type CaseShare, type CaseView, type Page, type Unit } from '../../api/types';
import { useApiGet } from '../../api/useApi';
import { ErrorNotice, StatusNotice } from '../../components/feedback';
import { unitKindLabel } from '../../components/labels';
import { formatDateTime } from '../../i18n/format';
import { MIN_REASON } from '../persons/RevealDialog';
import { sharePurposeLabel } from './labels';

function unitLabel(unit: Unit): string {
  const where = unit.districtName ?? unit.stateName;
  return where ? `${unit.name} (${where})` : unit.name;
}

interface ShareErrors {
  unitId?: string;
  reason?: string;
}

function ShareForm({
  item,
  onShared,
}: {
  item: CaseView;
  onShared: (shares: CaseShare[], unit: string) => void;
}) {
  const { t } = useTranslation();
  const [unitSearch, setUnitSearch] = useState('');
  const [unitQuery] = useDebouncedValue(unitSearch, 300);
  const [unit, setUnit] = useState<Unit | undefined>(undefined);
  const [purpose, setPurpose] = useState<string>('assisting');
  const [identityAccess, setIdentityAccess] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<ShareErrors>({});
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const optionLabel = (u: Unit) => `${unitLabel(u)} · ${unitKindLabel(t, u.kind)}`;
  // Once a unit is chosen the box shows its option's label: that is not a new search.
  const searching = !unit || optionLabel(unit) !== unitQuery;
  const units = useApiGet<Page<Unit>>('/api/units', { q: searching ? unitQuery : '', limit: 20 });
  const options = [
    ...(unit ? [unit] : []),
    ...(units.data?.items ?? []).filter((u) => u.id !== unit?.id),
  ].map((u) => ({ value: u.id, label: optionLabel(u) }));

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: ShareErrors = {};
    if (!unit) found.unitId = t('shares.unitRequired');
    if (reason.trim().length < MIN_REASON) found.reason = t('reveal.reasonTooShort', { count: MIN_REASON });
    setErrors(found);
    if (!unit || Object.keys(found).length > 0) return;
    setBusy(true);
    setError(undefined);
    api
      .post<CaseShare[]>(`/api/cases/${encodeURIComponent(item.id)}/shares`, {
        unitId: unit.id,
        purpose,
        identityAccess: item.standing === 'owner' && identityAccess,
        reason: reason.trim(),
      })
      .then((shares) => {
        onShared(shares, unit.name);
        setUnit(undefined);
        setUnitSearch('');
        setReason('');
        setIdentityAccess(false);
      })
      .catch(setError)
      .finally(() => setBusy(false));
  };

  return (
    <Paper withBorder p="sm" radius="md">
      <form onSubmit={submit} noValidate aria-labelledby="share-title">
        <Stack gap="sm">
          <Title order={3} size="h5" id="share-title">
            {t('shares.add')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('shares.unit')}
              placeholder={t('users.unitPlaceholder')}
              required
              searchable
              data={options}
              value={unit?.id ?? null}
              onChange={(value) =>
                setUnit(value ? (units.data?.items.find((u) => u.id === value) ?? unit) : undefined)
              }
              searchValue={unitSearch}
              onSearchChange={setUnitSearch}
              filter={({ options: all }) => all}
              nothingFoundMessage={units.loading ? t('app.loading') : t('users.unitNothing')}
              error={errors.unitId}
              comboboxProps={{ withinPortal: true }}
            />
            <NativeSelect
              label={t('shares.purpose')}
              value={purpose}
              onChange={(event) => setPurpose(event.currentTarget.value)}
              data={SHARE_PURPOSES.map((p) => ({ value: p, label: sharePurposeLabel(t, p) }))}
            />
          </SimpleGrid>
          {item.standing === 'owner' ? (
            <Checkbox
              label={t('shares.identityAccess')}
              description={t('shares.identityAccessHint')}
              checked={identityAccess}
              onChange={(event) => setIdentityAccess(event.currentTarget.checked)}
            />
          ) : null}
          <TextInput
            label={t('shares.reason')}
            description={t('reveal.reasonHint', { count: MIN_REASON })}
            required
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={errors.reason}
          />
          <ErrorNotice error={error} />
          <Group>
            <Button type="submit" loading={busy}>
              {t('shares.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Units the case is shared with (assisting AHTUs, NGOs, shelters), and sharing it with another. */
export function SharesSection({ item }: { item: CaseView }) {
  const { t, i18n } = useTranslation();
  const shares = useApiGet<CaseShare[]>(`/api/cases/${encodeURIComponent(item.id)}/shares`);
  const [list, setList] = useState<CaseShare[] | undefined>(undefined);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const current = list ?? shares.data;

  const revoke = (share: CaseShare) => {
    setError(undefined);
    api
      .delete(`/api/cases/${encodeURIComponent(item.id)}/shares/${encodeURIComponent(share.unitId)}`)
      .then(() => {
        setList((current ?? []).filter((s) => s.unitId !== share.unitId));
        setStatus(t('shares.revoked', { unit: share.unitName }));
      })
      .catch(setError);
  };

  return (
    <section aria-labelledby="case-shares">
      <Title order={2} size="h3" id="case-shares" mb="sm">
        {t('shares.title')}
      </Title>
      <Stack gap="sm">
        <StatusNotice message={status} />
        <ErrorNotice error={error ?? shares.error} onRetry={shares.error ? shares.reload : undefined} />
        {current && current.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('shares.none')}
          </Text>
        ) : null}
        {current && current.length > 0 ? (
          <ul className="plain-list">
            {current.map((share) => (
              <li key={share.unitId}>
                <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
                  <div style={{ minWidth: 0, flex: '1 1 16rem' }}>
                    <Group gap={6} wrap="wrap">
                      <Text size="sm" fw={600}>
                        {share.unitName}
                      </Text>
                      <Badge color="indigo" variant="light" tt="none" radius="sm">
                        {sharePurposeLabel(t, share.purpose)}
                      </Badge>
                      {share.identityAccess ? (
                        <Badge color="orange" variant="light" tt="none" radius="sm">
                          {t('shares.withIdentity')}
                        </Badge>
                      ) : null}
                    </Group>
                    <Text size="sm">{share.reason}</Text>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(share.grantedAt, i18n.language)}
                    </Text>
                  </div>
                  {item.canEdit ? (
                    <Button
                      size="compact-sm"
                      variant="default"
                      color="red"
                      onClick={() => revoke(share)}
                      aria-label={t('shares.revokeFor', { unit: share.unitName })}
                    >
                      {t('shares.revoke')}
                    </Button>
                  ) : null}
                </Group>
              </li>
            ))}
          </ul>
        ) : null}
        {item.canEdit ? (
          <ShareForm
            item={item}
            onShared={(next, unit) => {
              setList(next);
              setStatus(t('shares.shared', { unit }));
            }}
          />
        ) : null}
      </Stack>
    </section>
  );
}
