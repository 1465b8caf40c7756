import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  FOREIGN_COUNTRIES,
  ROUTE_PLACE_KINDS,
  ROUTE_STAGES,
  type RoutePlaceKind,
  type RouteStage,
} from '../../../api/types';
import { countryLabel, routePlaceKindLabel, stageLabel } from '../labels';
import { emptyStop, today, type FormErrors, type StopDraft } from './model';
import { PlaceSearch } from './PlaceSearch';

/** The route's stops in order: stage, a place (district, station, border crossing or a foreign country), date. */
export function RouteEditor({
  stops,
  onChange,
  errors,
  onEdited,
}: {
  stops: StopDraft[];
  onChange: (stops: StopDraft[]) => void;
  errors: FormErrors;
  /** A stop's field (`route.1.place`) or all stops' (`route`, when the positions shift) was changed. */
  onEdited: (path: string) => void;
}) {
  const { t } = useTranslation();
  const update = (key: string, change: Partial<StopDraft>) => {
    onChange(stops.map((stop) => (stop.key === key ? { ...stop, ...change } : stop)));
    const index = String(stops.findIndex((stop) => stop.key === key));
    // The place, its kind and the country are one answer to "where": they share one message.
    for (const field of Object.keys(change)) {
      onEdited(`route.${index}.${field === 'placeKind' || field === 'country' ? 'place' : field}`);
    }
  };
  const reorder = (next: StopDraft[]) => {
    onChange(next);
    onEdited('route');
  };
  const move = (index: number, by: number) => {
    const next = [...stops];
    const [stop] = next.splice(index, 1);
    if (!stop) return;
    next.splice(index + by, 0, stop);
    reorder(next);
  };
  const nextStage = (): RouteStage =>
    stops.length === 0 ? 'recruitment' : stops.length === 1 ? 'transit' : 'exploitation';

  return (
    <Stack gap="sm">
      {stops.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('caseForm.noStops')}
        </Text>
      ) : null}
      <ol className="bare-list stop-list">
        {stops.map((stop, index) => {
          const number = String(index + 1);
          const heading = t('caseForm.stop', { number });
          const err = (field: string) => errors[`route.${String(index)}.${field}`];
          return (
            <li key={stop.key}>
              <Paper
                withBorder
                p="sm"
                radius="md"
                component="fieldset"
                className="stop-fieldset"
                data-testid="stop-draft"
              >
                <legend className="visually-hidden">{heading}</legend>
                <Stack gap="sm">
                  <Group justify="space-between" gap="xs" wrap="wrap">
                    <Group gap="xs">
                      <span className="route-number" aria-hidden="true">
                        {number}
                      </span>
                      <Title order={3} size="h5" aria-hidden="true">
                        {heading}
                      </Title>
                    </Group>
                    <Group gap={4}>
                      <Button
                        size="compact-sm"
                        variant="default"
                        disabled={index === 0}
                        onClick={() => move(index, -1)}
                        aria-label={t('caseForm.moveUpFor', { name: heading })}
                      >
                        ↑
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="default"
                        disabled={index === stops.length - 1}
                        onClick={() => move(index, 1)}
                        aria-label={t('caseForm.moveDownFor', { name: heading })}
                      >
                        ↓
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        onClick={() => reorder(stops.filter((s) => s.key !== stop.key))}
                        aria-label={t('caseForm.removeStopFor', { name: heading })}
                      >
                        {t('caseForm.remove')}
                      </Button>
                    </Group>
                  </Group>
                  <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
                    <NativeSelect
                      label={t('caseForm.stage')}
                      value={stop.stage}
                      onChange={(event) =>
                        update(stop.key, { stage: event.currentTarget.value as RouteStage })
                      }
                      data={ROUTE_STAGES.map((stage) => ({ value: stage, label: stageLabel(t, stage) }))}
                    />
                    <NativeSelect
                      label={t('caseForm.placeKind')}
                      value={stop.placeKind}
                      onChange={(event) =>
                        update(stop.key, {
                          placeKind: event.currentTarget.value as RoutePlaceKind,
                          place: null,
                          country: '',
                        })
                      }
                      data={ROUTE_PLACE_KINDS.map((kind) => ({
                        value: kind,
                        label: routePlaceKindLabel(t, kind),
                      }))}
                    />
                    {stop.placeKind === 'foreign_country' ? (
                      <NativeSelect
                        label={t('caseForm.country')}
                        required
                        value={stop.country}
                        onChange={(event) => update(stop.key, { country: event.currentTarget.value })}
                        error={err('place')}
                        data={[
                          { value: '', label: t('caseForm.chooseCountry'), disabled: true },
                          ...FOREIGN_COUNTRIES.map((code) => ({ value: code, label: countryLabel(t, code) })),
                        ]}
                      />
                    ) : (
                      <PlaceSearch
                        key={stop.placeKind}
                        label={t('caseForm.place')}
                        kind={stop.placeKind}
                        required
                        value={stop.place}
                        onChange={(place) => update(stop.key, { place })}
                        error={err('place')}
                      />
                    )}
                    <TextInput
                      label={t('caseForm.stopDate')}
                      type="date"
                      max={today()}
                      value={stop.date}
                      onChange={(event) => update(stop.key, { date: event.currentTarget.value })}
                      error={err('date')}
                    />
                    <TextInput
                      label={t('caseForm.stopNote')}
                      description={t('common.optional')}
                      maxLength={300}
                      value={stop.note}
                      onChange={(event) => update(stop.key, { note: event.currentTarget.value })}
                      error={err('note')}
                    />
                  </SimpleGrid>
                </Stack>
              </Paper>
            </li>
          );
        })}
      </ol>
      <Group>
        <Button variant="default" onClick={() => onChange([...stops, emptyStop(nextStage())])}>
          {t('caseForm.addStop')}
        </Button>
      </Group>
    </Stack>
  );
}
