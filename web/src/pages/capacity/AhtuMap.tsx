import 'maplibre-gl/dist/maplibre-gl.css';
import './capacity.css';
import {
  LngLatBounds,
  Map as MapLibre,
  NavigationControl,
  setWorkerUrl,
  type StyleSpecification,
} from 'maplibre-gl';
// The worker as a file of our own origin (CSP `worker-src 'self' blob:`).
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { AhtuListItem } from '../../api/capacity';
import type { BoundaryCollection } from '../../api/types';
import { STATUS_COLOURS } from './colours';
import { ahtuStatusLabel } from './labels';

setWorkerUrl(workerUrl);

function style(boundaries: BoundaryCollection, units: AhtuListItem[]): StyleSpecification {
  const statusByDistrict: (string | number)[] = [];
  for (const unit of units)
    statusByDistrict.push(unit.district.lgdCode, STATUS_COLOURS[unit.status ?? 'not_recorded'] ?? '#868e96');
  return {
    version: 8,
    sources: {
      districts: { type: 'geojson', data: boundaries },
      units: {
        type: 'geojson',
        data: {
          type: 'FeatureCollection',
          features: units
            .filter((u) => u.lat !== null && u.lon !== null)
            .map((u) => ({
              type: 'Feature',
              properties: { colour: STATUS_COLOURS[u.status ?? 'not_recorded'] ?? '#868e96' },
              geometry: { type: 'Point', coordinates: [u.lon ?? 0, u.lat ?? 0] },
            })),
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
          // Districts with an AHTU take its status colour, faintly; the others stay white.
          'fill-color':
            statusByDistrict.length > 0
              ? ['match', ['get', 'lgdCode'], ...statusByDistrict, '#ffffff']
              : '#ffffff',
          'fill-opacity': 0.45,
        } as never,
      },
      {
        id: 'district-line',
        type: 'line',
        source: 'districts',
        paint: { 'line-color': '#868e96', 'line-width': 0.6 },
      },
      {
        id: 'unit-dots',
        type: 'circle',
        source: 'units',
        paint: {
          'circle-radius': 6,
          'circle-color': ['get', 'colour'],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 2,
        },
      },
    ],
  };
}

/** AHTUs by district on a map drawn from Setu's own boundaries (no tile server), coloured by status. */
export default function AhtuMap({ units, onFail }: { units: AhtuListItem[]; onFail: () => void }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const failRef = useRef(onFail);
  failRef.current = onFail;
  const counts = new Map<string, number>();
  for (const unit of units)
    counts.set(unit.status ?? 'not_recorded', (counts.get(unit.status ?? 'not_recorded') ?? 0) + 1);
  const description = t('capacity.ahtu.mapLabel', {
    summary: [...counts.entries()]
      .map(([status, n]) => `${ahtuStatusLabel(t, status)}: ${String(n)}`)
      .join(', '),
  });

  useEffect(() => {
    const element = container.current;
    if (!element || units.length === 0) return;
    const controller = new AbortController();
    let map: MapLibre | undefined;
    const states = [...new Set(units.map((u) => u.state.lgdCode))];
    Promise.all(
      states.map((state) =>
        api.get<BoundaryCollection>('/api/reference/boundaries', {
          query: { state },
          signal: controller.signal,
        }),
      ),
    )
      .then((collections) => {
        if (controller.signal.aborted) return;
        const boundaries: BoundaryCollection = {
          type: 'FeatureCollection',
          features: collections.flatMap((c) => c.features),
        };
        const bounds = new LngLatBounds();
        for (const u of units) if (u.lat !== null && u.lon !== null) bounds.extend([u.lon, u.lat]);
        map = new MapLibre({
          container: element,
          style: style(boundaries, units),
          bounds,
          fitBoundsOptions: { padding: 40, maxZoom: 7 },
          attributionControl: false,
          cooperativeGestures: true,
          dragRotate: false,
          pitchWithRotate: false,
          locale: {
            'NavigationControl.ZoomIn': t('route.zoomIn'),
            'NavigationControl.ZoomOut': t('route.zoomOut'),
            'CooperativeGesturesHandler.WindowsHelpText': t('route.gestureWindows'),
            'CooperativeGesturesHandler.MacHelpText': t('route.gestureMac'),
            'CooperativeGesturesHandler.MobileHelpText': t('route.gestureMobile'),
          },
        });
        map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
        map.touchZoomRotate.disableRotation();
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        console.error('AHTU map failed', error);
        failRef.current();
      });
    return () => {
      controller.abort();
      map?.remove();
    };
  }, [units, t]);

  return (
    <div className="ahtu-map" ref={container} role="img" aria-label={description} data-testid="ahtu-map" />
  );
}
