import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Place } from '../../../api/types';
import { useApiGet } from '../../../api/useApi';
import type { PlaceOption } from './model';

export function placeOption(place: Place): PlaceOption {
  const kind = place.kind === 'station' || place.kind === 'border_crossing' ? place.kind : 'district';
  const where =
    kind === 'district' ? place.stateName : [place.districtName, place.stateName].filter(Boolean).join(', ');
  const name = kind === 'district' ? place.name : `${place.name} (${place.code})`;
  return { kind, code: place.code, label: where ? `${name}, ${where}` : name };
}

/** Type two letters of a district, station (or its code) or border crossing; pick from what the server finds. */
export function PlaceSearch({
  label,
  kind,
  value,
  onChange,
  error,
  required,
  description,
}: {
  label: string;
  kind: PlaceOption['kind'];
  value: PlaceOption | null;
  onChange: (place: PlaceOption | null) => void;
  error?: string | undefined;
  required?: boolean;
  description?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value?.label ?? '');
  const [query] = useDebouncedValue(search, 250);
  // Once a place is chosen the box shows its label; do not search for that label.
  const active = Array.from(query.trim()).length >= 2 && query !== value?.label;
  const places = useApiGet<Place[]>(active ? '/api/reference/places' : null, {
    q: query.trim(),
    kind,
    limit: 15,
  });
  const found = (places.data ?? []).map(placeOption).filter((option) => option.kind === kind);
  const options = [...(value ? [value] : []), ...found.filter((option) => option.code !== value?.code)];

  return (
    <Select
      label={label}
      description={description}
      placeholder={t('caseForm.placePlaceholder')}
      required={required}
      searchable
      clearable
      data={options.map((option) => ({ value: option.code, label: option.label }))}
      value={value?.code ?? null}
      onChange={(code) => onChange(options.find((option) => option.code === code) ?? null)}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={
        !active ? t('places.typeMore') : places.loading ? t('app.loading') : t('caseForm.placeNothing')
      }
      error={error ?? (places.error ? t('errors.title') : undefined)}
      comboboxProps={{ withinPortal: true }}
      clearButtonProps={{ 'aria-label': t('caseForm.clearPlace') }}
    />
  );
}
