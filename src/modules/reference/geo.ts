import booleanPointInPolygon from '@turf/boolean-point-in-polygon';

export type Position = number[];
export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Position[][];
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

export function isAreaGeometry(value: unknown): value is AreaGeometry {
  if (typeof value !== 'object' || value === null) return false;
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  return (type === 'Polygon' || type === 'MultiPolygon') && Array.isArray(coordinates);
}

/** 5 decimals is about 1 m: finer than the source survey, and it roughly halves the stored JSON. */
const round5 = (n: number) => Math.round(n * 1e5) / 1e5;

function roundRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const point of ring) {
    const rounded = [round5(point[0] ?? 0), round5(point[1] ?? 0)];
    const previous = out.at(-1);
    // Rounding can make neighbouring vertices equal; repeated vertices only add bytes.
    if (previous !== undefined && previous[0] === rounded[0] && previous[1] === rounded[1]) continue;
    out.push(rounded);
  }
  const first = out[0];
  const last = out.at(-1);
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([...first]);
  return out;
}

function polygonsOf(geometry: AreaGeometry): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/**
 * One geometry for an LGD district from the map polygons that the crosswalk joins to it, rounded.
 * Several polygons become one MultiPolygon; rings that rounding collapsed below a triangle are dropped.
 */
export function mergeAndRound(geometries: AreaGeometry[]): AreaGeometry | null {
  const polygons = geometries
    .flatMap(polygonsOf)
    .map((polygon) => polygon.map(roundRing).filter((ring) => ring.length >= 4))
    .filter((polygon) => polygon.length > 0);
  const [only] = polygons;
  if (!only) return null;
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: only }
    : { type: 'MultiPolygon', coordinates: polygons };
}

interface BBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

function bboxOf(geometry: AreaGeometry): BBox {
  const box = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  for (const polygon of polygonsOf(geometry)) {
    // The outer ring bounds the polygon; holes lie inside it.
    for (const [lon = 0, lat = 0] of polygon[0] ?? []) {
      box.minLon = Math.min(box.minLon, lon);
      box.maxLon = Math.max(box.maxLon, lon);
      box.minLat = Math.min(box.minLat, lat);
      box.maxLat = Math.max(box.maxLat, lat);
    }
  }
  return box;
}

export interface Area<T> {
  value: T;
  geometry: AreaGeometry;
}

/**
 * Point-in-polygon over a fixed set of areas. A bounding-box test first skips nearly every polygon, so
 * 9,000 stations against 700 districts costs a few thousand exact tests instead of six million.
 */
export class AreaIndex<T> {
  private readonly areas: (Area<T> & { box: BBox })[];

  constructor(areas: Area<T>[]) {
    this.areas = areas.map((area) => ({ ...area, box: bboxOf(area.geometry) }));
  }

  get size(): number {
    return this.areas.length;
  }

  /** The first area containing the point (boundaries between districts belong to either; both are fine). */
  find(lon: number, lat: number): T | undefined {
    for (const area of this.areas) {
      const { box } = area;
      if (lon < box.minLon || lon > box.maxLon || lat < box.minLat || lat > box.maxLat) continue;
      if (booleanPointInPolygon([lon, lat], area.geometry)) return area.value;
    }
    return undefined;
  }

  /**
   * Like `find`, but a point just outside every polygon (a coastal terminus beyond the simplified
   * coastline, a station on the line of a border) takes the area within about a kilometre. Not further:
   * Darsana, 3 km inside Bangladesh, must stay outside India.
   */
  findNear(lon: number, lat: number): T | undefined {
    const exact = this.find(lon, lat);
    if (exact !== undefined) return exact;
    for (const step of NEAR_STEPS) {
      for (const [dx, dy] of DIRECTIONS) {
        const near = this.find(lon + dx * step, lat + dy * step);
        if (near !== undefined) return near;
      }
    }
    return undefined;
  }
}

const NEAR_STEPS = [0.005, 0.01] as const;
const DIRECTIONS: readonly (readonly [number, number])[] = [
  [1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [1, -1], [-1, 1], [-1, -1],
]; // prettier-ignore
