import { Checkbox, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseListItem, CaseView, Page, Unit } from '../../api/types';
import { useApiGet } from '../../api/useApi';
import { StateSelect, useStates } from '../../components/StateSelect';
import { unitKindLabel } from '../../components/labels';
import { personRoleLabel } from '../cases/labels';

/** Finds a unit in the directory: narrow by State and by name, then pick one. */
export function UnitPicker({
  label,
  value,
  onChange,
  error,
  excludeId,
  testId,
}: {
  label: string;
  value: string;
  onChange: (id: string) => void;
  error?: string | undefined;
  excludeId?: string | undefined;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState('');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const states = useStates();
  const units = useApiGet<Page<Unit>>('/api/units', {
    state: state || undefined,
    q: q || undefined,
    limit: 200,
  });
  const options = (units.data?.items ?? []).filter((unit) => unit.id !== excludeId);
  const chosen = options.some((unit) => unit.id === value);
  return (
    <Stack gap={6}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <StateSelect
          label={t('channel.picker.state')}
          allLabel={t('channel.picker.allStates')}
          value={state}
          onChange={setState}
          states={states.data}
          failed={states.error !== undefined}
        />
        <TextInput
          label={t('channel.picker.search')}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          autoComplete="off"
        />
      </SimpleGrid>
      <NativeSelect
        label={label}
        required
        value={chosen ? value : ''}
        error={error}
        onChange={(event) => onChange(event.currentTarget.value)}
        data-testid={testId}
        data={[
          {
            value: '',
            label: units.loading ? t('app.loading') : t('channel.picker.choose', { count: options.length }),
          },
          ...options.map((unit) => ({
            value: unit.id,
            label: `${unit.name} · ${unitKindLabel(t, unit.kind)}${unit.stateName ? ` · ${unit.stateName}` : ''}`,
          })),
        ]}
      />
    </Stack>
  );
}

/** An optional case (searched by reference or title) and the people of it the request is about. */
export function CasePicker({
  caseId,
  onCase,
  personIds,
  onPersons,
}: {
  caseId: string;
  onCase: (id: string) => void;
  personIds: string[];
  onPersons: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const cases = useApiGet<Page<CaseListItem>>(q.length >= 2 ? '/api/cases' : null, { q, limit: 20 });
  const detail = useApiGet<CaseView>(caseId ? `/api/cases/${encodeURIComponent(caseId)}` : null);
  const found = cases.data?.items ?? [];
  const current = detail.data?.id === caseId ? detail.data : undefined;
  return (
    <Stack gap={6}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('channel.picker.findCase')}
          description={t('channel.picker.findCaseHint')}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          autoComplete="off"
        />
        <NativeSelect
          label={t('channel.picker.case')}
          value={caseId}
          onChange={(event) => {
            onCase(event.currentTarget.value);
            onPersons([]);
          }}
          data-testid="case-select"
          data={[
            { value: '', label: t('channel.picker.noCase') },
            ...(current && !found.some((c) => c.id === current.id)
              ? [{ value: current.id, label: `${current.reference}: ${current.title}` }]
              : []),
            ...found.map((c) => ({ value: c.id, label: `${c.reference}: ${c.title}` })),
          ]}
        />
      </SimpleGrid>
      {current && current.persons.length > 0 ? (
        <Checkbox.Group
          label={t('channel.picker.persons')}
          description={t('channel.picker.personsHint')}
          value={personIds}
          onChange={onPersons}
        >
          <Stack gap={4} mt={6}>
            {current.persons.map((person) => (
              <Checkbox
                key={person.id}
                value={person.id}
                label={`${personRoleLabel(t, person.role)}: ${person.displayName ?? person.pseudonym}`}
              />
            ))}
          </Stack>
        </Checkbox.Group>
      ) : current ? (
        <Text size="sm" c="dimmed">
          {t('channel.picker.noPersons')}
        </Text>
      ) : null}
    </Stack>
  );
}
