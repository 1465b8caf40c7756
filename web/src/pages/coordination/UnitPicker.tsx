import { NativeSelect, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page, Unit } from '../../api/types';
import { useApiGet } from '../../api/useApi';

/** Finds a unit in the directory by name and picks it; `value` is the unit id. */
export function UnitPicker({
  label,
  value,
  onChange,
  state,
}: {
  label: string;
  value: string;
  onChange: (id: string) => void;
  state?: number | undefined;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const units = useApiGet<Page<Unit>>('/api/units', { q: debounced, state, limit: 30 });
  const data = [
    { value: '', label: '—' },
    ...(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })),
  ];
  return (
    <Stack gap={4}>
      <TextInput
        label={t('coordination.conference.ownerSearch')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        size="sm"
      />
      <NativeSelect
        label={label}
        data={data}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    </Stack>
  );
}
