import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { State } from '../api/types';
import { useApiGet } from '../api/useApi';

/** The States and UTs from the reference data, named in the user's language. */
export function useStates() {
  return useApiGet<State[]>('/api/reference/states');
}

export function StateSelect({
  label,
  allLabel,
  value,
  onChange,
  states,
  failed,
}: {
  label: string;
  allLabel: string;
  value: string;
  onChange: (value: string) => void;
  states: State[] | undefined;
  failed: boolean;
}) {
  const { t, i18n } = useTranslation();
  const sorted = [...(states ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const data = [
    { value: '', label: allLabel },
    ...sorted.map((state) => ({
      value: String(state.lgdCode),
      label: i18n.language === 'hi' && state.nameHi ? state.nameHi : state.name,
    })),
  ];
  return (
    <NativeSelect
      label={label}
      data={data}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      description={failed ? t('units.statesUnavailable') : undefined}
    />
  );
}
