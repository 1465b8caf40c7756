import { Alert, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { Component, lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteEventView } from '../../api/types';
import { formatDate } from '../../i18n/format';
import { countryLabel, routePlaceKindLabel, stageLabel } from './labels';

// MapLibre is large: its own chunk, loaded after the case is on screen.
const RouteMap = lazy(() => import('./RouteMap'));

/** If the map's code cannot load (offline, old browser), the ordered list alone is shown. */
class MapBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

export function placeText(t: ReturnType<typeof useTranslation>['t'], event: RouteEventView): string {
  if (event.placeKind === 'foreign_country' && event.countryCode) return countryLabel(t, event.countryCode);
  const where = [event.placeDistrictName, event.placeStateName]
    .filter((part): part is string => !!part && part !== event.placeName)
    .join(', ');
  return where ? `${event.placeName} (${where})` : event.placeName;
}

/** The route as an ordered list (always) and a map of the States it crosses (when the browser can draw it). */
export function RouteSection({ route, caseState }: { route: RouteEventView[]; caseState: number }) {
  const { t, i18n } = useTranslation();
  const [mapFailed, setMapFailed] = useState(false);
  const mappable = route.filter((event) => event.lat !== null && event.lon !== null);
  const failure = (
    <Alert color="gray" variant="light" role="status">
      <Text size="sm">{t('route.mapUnavailable')}</Text>
    </Alert>
  );
  return (
    <section aria-labelledby="case-route">
      <Title order={2} size="h3" id="case-route" mb="sm">
        {t('route.title')}
      </Title>
      {route.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('route.none')}
        </Text>
      ) : (
        <Stack gap="md">
          <ol className="route-list" data-testid="route-list">
            {route.map((event) => (
              <li key={event.id}>
                <span className="route-number" aria-hidden="true">
                  {event.position}
                </span>
                <div>
                  <Text size="sm" fw={600}>
                    {stageLabel(t, event.stage)}: {placeText(t, event)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {[
                      routePlaceKindLabel(t, event.placeKind),
                      event.stationCode,
                      event.borderCrossingLocode,
                      formatDate(event.occurredOn, i18n.language),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                  {event.placeNote ? <Text size="sm">{event.placeNote}</Text> : null}
                </div>
              </li>
            ))}
          </ol>
          {mappable.length > 0 ? (
            mapFailed ? (
              failure
            ) : (
              <MapBoundary fallback={failure}>
                <Suspense
                  fallback={
                    <Center className="route-map" role="status">
                      <Loader size="sm" aria-hidden="true" />
                      <Text size="sm" ml="xs" c="dimmed">
                        {t('route.mapLoading')}
                      </Text>
                    </Center>
                  }
                >
                  <RouteMap route={route} caseState={caseState} onFail={() => setMapFailed(true)} />
                </Suspense>
              </MapBoundary>
            )
          ) : null}
        </Stack>
      )}
    </section>
  );
}
