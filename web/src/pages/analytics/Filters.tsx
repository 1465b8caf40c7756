import { NativeSelect, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../api/types';
import { StateSelect, useStates } from '../../components/StateSelect';

const FIRST_YEAR = 2016;

/** Year range and (for the Nodal Cell) the State: kept in the address so a view can be shared. */
export function AnalyticsFilters({
  values,
  update,
  me,
}: {
  values: { from: string; to: string; state: string };
  update: (changes: Partial<Record<'from' | 'to' | 'state', string>>) => void;
  me: Me;
}) {
  const { t } = useTranslation();
  const states = useStates();
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => String(thisYear - i));
  const national = me.jurisdiction.level === 'national';
  return (
    <SimpleGrid cols={{ base: 1, xs: national ? 3 : 2 }} spacing="sm">
      <NativeSelect
        label={t('analytics.fromYear')}
        value={values.from.slice(0, 4)}
        onChange={(e) => update({ from: e.currentTarget.value ? `${e.currentTarget.value}-01-01` : '' })}
        data={[{ value: '', label: t('analytics.anyYear') }, ...years.map((y) => ({ value: y, label: y }))]}
      />
      <NativeSelect
        label={t('analytics.toYear')}
        value={values.to.slice(0, 4)}
        onChange={(e) => update({ to: e.currentTarget.value ? `${e.currentTarget.value}-12-31` : '' })}
        data={[{ value: '', label: t('analytics.anyYear') }, ...years.map((y) => ({ value: y, label: y }))]}
      />
      {national ? (
        <StateSelect
          label={t('analytics.state')}
          allLabel={t('analytics.allIndia')}
          value={values.state}
          onChange={(state) => update({ state })}
          states={states.data}
          failed={states.error !== undefined}
        />
      ) : null}
    </SimpleGrid>
  );
}
