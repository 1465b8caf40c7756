import 'maplibre-gl/dist/maplibre-gl.css';
import './RouteMap.css';
import {
  LngLatBounds,
  Map as MapLibre,
  Marker,
  NavigationControl,
  setWorkerUrl,
  type StyleSpecification,
} from 'maplibre-gl';
// The worker as a file of our own origin (CSP `worker-src 'self' blob:`), not MapLibre's guess from its URL.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { BoundaryCollection, RouteEventView } from '../../api/types';
import { stageLabel } from './labels';

setWorkerUrl(workerUrl);

/** District boundaries of the States the route touches (the server sends one State at a time, cacheably). */
async function loadBoundaries(states: number[], signal: AbortSignal): Promise<BoundaryCollection> {
  const collections = await Promise.all(
    states.map((state) =>
      api.get<BoundaryCollection>('/api/reference/boundaries', { query: { state }, signal }),
    ),
  );
  return { type: 'FeatureCollection', features: collections.flatMap((c) => c.features) };
}

function style(boundaries: BoundaryCollection, route: RouteEventView[]): StyleSpecification {
  const points = route.filter((e) => e.lat !== null && e.lon !== null);
  const touched = [...new Set(route.map((e) => e.placeDistrictLgd).filter((d): d is number => d !== null))];
  return {
    version: 8,
    sources: {
      districts: { type: 'geojson', data: boundaries },
      route: {
        type: 'geojson',
        data: {
          type: 'Feature',
          properties: {},
          geometry: { type: 'LineString', coordinates: points.map((e) => [e.lon ?? 0, e.lat ?? 0]) },
        },
      },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#e9ecef' } },
      {
        id: 'district-fill',
        type: 'fill',
        source: 'districts',
        paint: {
          'fill-color': ['case', ['in', ['get', 'lgdCode'], ['literal', touched]], '#bac8ff', '#ffffff'],
        },
      },
      {
        id: 'district-line',
        type: 'line',
        source: 'districts',
        paint: { 'line-color': '#868e96', 'line-width': 0.6 },
      },
      {
        id: 'route-line',
        type: 'line',
        source: 'route',
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': '#c92a2a', 'line-width': 3 },
      },
    ],
  };
}

/**
 * The route on a map drawn entirely from Setu's own data (district boundaries), with no tile server:
 * the States on the route, the districts it passes through, a line and numbered stops.
 */
export default function RouteMap({
  route,
  caseState,
  onFail,
}: {
  route: RouteEventView[];
  caseState: number;
  onFail: () => void;
}) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const failRef = useRef(onFail);
  failRef.current = onFail;
  const points = route.filter((e) => e.lat !== null && e.lon !== null);
  const description = t('route.mapLabel', {
    stops: points.map((e) => `${String(e.position)}. ${e.placeName}`).join(' → '),
  });

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const controller = new AbortController();
    let map: MapLibre | undefined;
    const states = [
      ...new Set([caseState, ...route.map((e) => e.placeStateLgd).filter((s): s is number => s !== null)]),
    ];
    loadBoundaries(states, controller.signal)
      .then((boundaries) => {
        if (controller.signal.aborted) return;
        const bounds = new LngLatBounds();
        for (const e of points) bounds.extend([e.lon ?? 0, e.lat ?? 0]);
        map = new MapLibre({
          container: element,
          style: style(boundaries, route),
          bounds,
          fitBoundsOptions: { padding: 48, maxZoom: 7 },
          attributionControl: false,
          cooperativeGestures: true,
          dragRotate: false,
          pitchWithRotate: false,
          // MapLibre's own words (buttons, gesture hints) in the user's language.
          locale: {
            'Map.Title': t('route.mapTitle'),
            'Marker.Title': t('route.marker'),
            'NavigationControl.ZoomIn': t('route.zoomIn'),
            'NavigationControl.ZoomOut': t('route.zoomOut'),
            'CooperativeGesturesHandler.WindowsHelpText': t('route.gestureWindows'),
            'CooperativeGesturesHandler.MacHelpText': t('route.gestureMac'),
            'CooperativeGesturesHandler.MobileHelpText': t('route.gestureMobile'),
          },
        });
        map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
        map.touchZoomRotate.disableRotation();
        map.on('error', (event) => {
          console.error('map error', event.error);
        });
        for (const e of points) {
          const marker = document.createElement('div');
          marker.className = 'route-marker';
          marker.textContent = String(e.position);
          marker.title = `${String(e.position)}. ${stageLabel(t, e.stage)}: ${e.placeName}`;
          new Marker({ element: marker }).setLngLat([e.lon ?? 0, e.lat ?? 0]).addTo(map);
        }
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        console.error('route map failed', error);
        failRef.current();
      });
    return () => {
      controller.abort();
      map?.remove();
    };
    // The route and language define the map; a new case object with the same route redraws it, which is rare.
  }, [route, caseState, t]);

  return (
    <div className="route-map" ref={container} role="img" aria-label={description} data-testid="route-map" />
  );
}
