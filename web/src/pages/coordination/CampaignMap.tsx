import 'maplibre-gl/dist/maplibre-gl.css';
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
import type { MapDistrict } from '../../api/coordination';
import type { BoundaryCollection } from '../../api/types';

setWorkerUrl(workerUrl);

/**
 * Districts of a State shaded by recruitment events (where victims come from), vulnerable districts with
 * no campaign outlined in red, and a dot per district with campaigns, sized by their number. The table
 * beside the map carries the same figures for screen readers and small screens.
 */
export default function CampaignMap({ state, districts }: { state: number; districts: MapDistrict[] }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const controller = new AbortController();
    let map: MapLibre | undefined;
    const byCode = new Map(districts.map((d) => [d.districtLgd, d]));
    api
      .get<BoundaryCollection>('/api/reference/boundaries', { query: { state }, signal: controller.signal })
      .then((boundaries) => {
        if (controller.signal.aborted) return;
        const shaded: BoundaryCollection = {
          ...boundaries,
          features: boundaries.features.map((f) => {
            const d = byCode.get(f.properties.lgdCode);
            return {
              ...f,
              properties: {
                ...f.properties,
                events: d?.recruitmentEvents ?? 0,
                uncovered: d?.uncovered ?? false,
              } as BoundaryCollection['features'][number]['properties'],
            };
          }),
        };
        const dots = {
          type: 'FeatureCollection' as const,
          features: districts
            .filter((d) => d.campaigns > 0 && d.lat !== null && d.lon !== null)
            .map((d) => ({
              type: 'Feature' as const,
              properties: { campaigns: d.campaigns },
              geometry: { type: 'Point' as const, coordinates: [d.lon ?? 0, d.lat ?? 0] },
            })),
        };
        const style: StyleSpecification = {
          version: 8,
          sources: { districts: { type: 'geojson', data: shaded }, dots: { type: 'geojson', data: dots } },
          layers: [
            { id: 'background', type: 'background', paint: { 'background-color': '#e9ecef' } },
            {
              id: 'fill',
              type: 'fill',
              source: 'districts',
              paint: {
                'fill-color': [
                  'step',
                  ['get', 'events'],
                  '#ffffff',
                  1,
                  '#ffe8cc',
                  3,
                  '#ffc078',
                  6,
                  '#fd7e14',
                  12,
                  '#d9480f',
                ],
              },
            },
            {
              id: 'line',
              type: 'line',
              source: 'districts',
              paint: { 'line-color': '#868e96', 'line-width': 0.6 },
            },
            {
              id: 'uncovered',
              type: 'line',
              source: 'districts',
              filter: ['==', ['get', 'uncovered'], true],
              paint: { 'line-color': '#c92a2a', 'line-width': 2.5 },
            },
            {
              id: 'dots',
              type: 'circle',
              source: 'dots',
              paint: {
                'circle-radius': ['+', 4, ['*', 3, ['get', 'campaigns']]],
                'circle-color': '#364fc7',
                'circle-opacity': 0.8,
                'circle-stroke-color': '#fff',
                'circle-stroke-width': 1.5,
              },
            },
          ],
        };
        const bounds = new LngLatBounds();
        for (const f of boundaries.features) {
          const walk = (c: unknown): void => {
            if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number')
              bounds.extend([c[0], c[1]]);
            else if (Array.isArray(c)) for (const x of c) walk(x);
          };
          walk(f.geometry.coordinates);
        }
        map = new MapLibre({
          container: element,
          style,
          ...(bounds.isEmpty()
            ? { center: [80, 22], zoom: 4 }
            : { bounds, fitBoundsOptions: { padding: 24 } }),
          attributionControl: false,
          cooperativeGestures: true,
          dragRotate: false,
          pitchWithRotate: false,
        });
        map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) console.error('campaign map', error);
      });
    return () => {
      controller.abort();
      map?.remove();
    };
  }, [state, districts]);

  return (
    <div
      ref={container}
      role="img"
      aria-label={t('coordination.campaigns.mapLabel')}
      style={{ height: 420, width: '100%', borderRadius: 8, overflow: 'hidden' }}
    />
  );
}
