import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { AhtuView } from '../../api/capacity';
import { ErrorNotice } from '../../components/feedback';
import { formatDate } from '../../i18n/format';
import { formatRupees, todayInIndia } from './labels';

function currentFinancialYear(): string {
  const today = todayInIndia();
  const year = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) >= 4 ? 0 : 1);
  return `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
}

/** Funds per financial year, and (for oversight) the form to record a year's figures. */
export function AhtuFundsSection({ unit, onSaved }: { unit: AhtuView; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [open, setOpen] = useState(false);
  const [year, setYear] = useState(currentFinancialYear());
  const [sanctioned, setSanctioned] = useState(0);
  const [released, setReleased] = useState(0);
  const [utilised, setUtilised] = useState(0);
  const [ucReceived, setUcReceived] = useState(false);
  const [ucReceivedOn, setUcReceivedOn] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const num = (value: string | number) =>
    typeof value === 'number' ? value : Number.parseInt(value, 10) || 0;
  const edit = (fy: string) => {
    const line = unit.funds.find((f) => f.financialYear === fy);
    setYear(fy);
    setSanctioned(line?.sanctioned ?? 0);
    setReleased(line?.released ?? 0);
    setUtilised(line?.utilised ?? 0);
    setUcReceived(line?.ucReceived ?? false);
    setUcReceivedOn(line?.ucReceivedOn ?? '');
    setOpen(true);
  };
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    api
      .put(`/api/ahtus/${unit.unitId}/funds/${encodeURIComponent(year.trim())}`, {
        sanctioned,
        released,
        utilised,
        ucReceived,
        ucReceivedOn: ucReceivedOn || null,
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
  return (
    <section aria-labelledby="funds-title">
      <Title order={2} size="h3" id="funds-title" mb="xs">
        {t('capacity.funds.title')}
      </Title>
      {unit.funds.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('capacity.funds.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Caption className="visually-hidden">{t('capacity.funds.title')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('capacity.funds.year')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('capacity.funds.sanctioned')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('capacity.funds.released')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('capacity.funds.utilised')}
                </Table.Th>
                <Table.Th scope="col">{t('capacity.funds.uc')}</Table.Th>
                {unit.canOversee ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {unit.funds.map((f) => (
                <Table.Tr key={f.financialYear}>
                  <Table.Td>{f.financialYear}</Table.Td>
                  <Table.Td ta="right">{formatRupees(f.sanctioned, lang)}</Table.Td>
                  <Table.Td ta="right">{formatRupees(f.released, lang)}</Table.Td>
                  <Table.Td ta="right">{formatRupees(f.utilised, lang)}</Table.Td>
                  <Table.Td>
                    {f.ucReceived ? (formatDate(f.ucReceivedOn, lang) ?? t('common.yes')) : t('common.no')}
                  </Table.Td>
                  {unit.canOversee ? (
                    <Table.Td>
                      <Button size="compact-xs" variant="subtle" onClick={() => edit(f.financialYear)}>
                        {t('capacity.funds.edit', { year: f.financialYear })}
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {unit.canOversee && !open ? (
        <Button variant="default" mt="sm" onClick={() => edit(currentFinancialYear())}>
          {t('capacity.funds.record')}
        </Button>
      ) : null}
      {open ? (
        <Paper withBorder p="md" radius="md" mt="sm">
          <form onSubmit={submit} noValidate aria-labelledby="funds-form-title">
            <Stack gap="sm">
              <Title order={3} size="h4" id="funds-form-title">
                {t('capacity.funds.record')}
              </Title>
              <ErrorNotice error={error} />
              <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm">
                <TextInput
                  label={t('capacity.funds.year')}
                  description={t('capacity.funds.yearHint')}
                  value={year}
                  onChange={(e) => setYear(e.currentTarget.value)}
                />
                <NumberInput
                  label={t('capacity.funds.sanctioned')}
                  min={0}
                  thousandSeparator=","
                  value={sanctioned}
                  onChange={(v) => setSanctioned(num(v))}
                />
                <NumberInput
                  label={t('capacity.funds.released')}
                  min={0}
                  thousandSeparator=","
                  value={released}
                  onChange={(v) => setReleased(num(v))}
                />
                <NumberInput
                  label={t('capacity.funds.utilised')}
                  min={0}
                  thousandSeparator=","
                  value={utilised}
                  onChange={(v) => setUtilised(num(v))}
                />
              </SimpleGrid>
              <Group>
                <Checkbox
                  label={t('capacity.funds.ucReceived')}
                  checked={ucReceived}
                  onChange={(e) => setUcReceived(e.currentTarget.checked)}
                />
                {ucReceived ? (
                  <TextInput
                    type="date"
                    label={t('capacity.funds.ucReceivedOn')}
                    value={ucReceivedOn}
                    onChange={(e) => setUcReceivedOn(e.currentTarget.value)}
                  />
                ) : null}
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
      ) : null}
    </section>
  );
}
