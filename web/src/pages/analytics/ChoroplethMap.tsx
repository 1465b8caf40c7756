import 'maplibre-gl/dist/maplibre-gl.css';
import {
  Map as MapLibre,
  NavigationControl,
  setWorkerUrl,
  type ExpressionSpecification,
  type GeoJSONSource,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { BoundaryCollection } from '../../api/types';

setWorkerUrl(workerUrl);

export interface Arc {
  from: [number, number];
  to: [number, number];
  cases: number;
}

/** Arcs as curved lines (a quadratic curve bowed to one side), so opposite flows do not overlap. */
function arcFeatures(arcs: readonly Arc[]) {
  return {
    type: 'FeatureCollection' as const,
    features: arcs.map((a) => {
      const [x0, y0] = a.from;
      const [x1, y1] = a.to;
      const mx = (x0 + x1) / 2 - (y1 - y0) * 0.2;
      const my = (y0 + y1) / 2 + (x1 - x0) * 0.2;
      const coordinates = Array.from({ length: 17 }, (_, i) => {
        const t = i / 16;
        return [
          (1 - t) ** 2 * x0 + 2 * (1 - t) * t * mx + t ** 2 * x1,
          (1 - t) ** 2 * y0 + 2 * (1 - t) * t * my + t ** 2 * y1,
        ];
      });
      return {
        type: 'Feature' as const,
        properties: { cases: a.cases },
        geometry: { type: 'LineString' as const, coordinates },
      };
    }),
  };
}

/**
 * Districts of India (or one State) filled by a colour per LGD code, from Setu's own boundaries (no tile
 * server). Clicking a district calls onSelect; the list beside the map gives the same for keyboards.
 */
export default function ChoroplethMap({
  state,
  colors,
  arcs = [],
  label,
  onSelect,
  onSettled,
}: {
  /** Corridors drawn as arcs between district headquarters, thicker with more cases. */
  arcs?: Arc[];
  state: number | null;
  /** Fill colour by district LGD code; districts not listed stay white. */
  colors: Map<number, string>;
  label: string;
  onSelect: (lgd: number) => void;
  onSettled: (ok: boolean) => void;
}) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibre | null>(null);
  const selectRef = useRef(onSelect);
  selectRef.current = onSelect;
  const settledRef = useRef(onSettled);
  settledRef.current = onSettled;

  const colorsRef = useRef(colors);
  colorsRef.current = colors;
  const arcsRef = useRef(arcs);
  arcsRef.current = arcs;

  const fill = (): ExpressionSpecification | string => {
    const current = colorsRef.current;
    if (current.size === 0) return '#ffffff';
    const pairs = [...current].flatMap(([lgd, color]) => [lgd, color]);
    return ['match', ['get', 'lgdCode'], ...pairs, '#ffffff'] as unknown as ExpressionSpecification;
  };

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const controller = new AbortController();
    api
      .get<BoundaryCollection>('/api/reference/boundaries', {
        query: state ? { state } : {},
        signal: controller.signal,
      })
      .then((boundaries) => {
        if (controller.signal.aborted) return;
        const map = new MapLibre({
          container: element,
          style: {
            version: 8,
            sources: {
              districts: { type: 'geojson', data: boundaries },
              arcs: { type: 'geojson', data: arcFeatures(arcsRef.current) },
            },
            layers: [
              { id: 'background', type: 'background', paint: { 'background-color': '#e9ecef' } },
              { id: 'district-fill', type: 'fill', source: 'districts', paint: { 'fill-color': fill() } },
              {
                id: 'district-line',
                type: 'line',
                source: 'districts',
                paint: { 'line-color': '#868e96', 'line-width': 0.4 },
              },
              {
                id: 'arc-line',
                type: 'line',
                source: 'arcs',
                layout: { 'line-cap': 'round' },
                paint: {
                  'line-color': '#212529',
                  'line-opacity': 0.7,
                  'line-width': ['interpolate', ['linear'], ['get', 'cases'], 1, 1, 50, 6],
                },
              },
            ],
          },
          bounds: state ? undefined : [68, 6.5, 97.5, 37.5],
          attributionControl: false,
          dragRotate: false,
          pitchWithRotate: false,
          locale: {
            'Map.Title': label,
            'NavigationControl.ZoomIn': t('route.zoomIn'),
            'NavigationControl.ZoomOut': t('route.zoomOut'),
          },
        });
        mapRef.current = map;
        map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
        map.touchZoomRotate.disableRotation();
        map.on('load', () => {
          // The colours may have arrived while the style was loading.
          map.setPaintProperty('district-fill', 'fill-color', fill());
          void map.getSource<GeoJSONSource>('arcs')?.setData(arcFeatures(arcsRef.current));
          if (state && boundaries.features.length > 0) {
            // Fit the State: the bounding box of its district polygons.
            let [w, s, e, n] = [180, 90, -180, -90];
            const visit = (c: unknown): void => {
              if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') {
                w = Math.min(w, c[0]);
                e = Math.max(e, c[0]);
                s = Math.min(s, c[1]);
                n = Math.max(n, c[1]);
              } else if (Array.isArray(c)) c.forEach(visit);
            };
            boundaries.features.forEach((f) => visit(f.geometry.coordinates));
            map.fitBounds([w, s, e, n], { padding: 24, duration: 0 });
          }
          element.dataset.loaded = 'true';
          settledRef.current(true);
        });
        map.on('click', 'district-fill', (event) => {
          const lgd = Number(event.features?.[0]?.properties.lgdCode);
          if (Number.isInteger(lgd)) selectRef.current(lgd);
        });
        map.on('mouseenter', 'district-fill', () => {
          map.getCanvas().style.cursor = 'pointer';
        });
        map.on('mouseleave', 'district-fill', () => {
          map.getCanvas().style.cursor = '';
        });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        console.error('district map failed', error);
        settledRef.current(false);
      });
    return () => {
      controller.abort();
      mapRef.current?.remove();
      mapRef.current = null;
    };
    // The geometry depends on the State only; colours are updated below without reloading it.
  }, [state]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !map.getLayer('district-fill')) return;
    map.setPaintProperty('district-fill', 'fill-color', fill());
    void map.getSource<GeoJSONSource>('arcs')?.setData(arcFeatures(arcsRef.current));
  });

  return (
    <div className="analytics-map" ref={container} role="img" aria-label={label} data-testid="district-map" />
  );
}
