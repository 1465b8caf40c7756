import { Type, type Static } from '@fastify/type-provider-typebox';
import { nullable } from '../../server/schemas.ts';
import { NEIGHBOURS } from './import-border-crossings.ts';

export const PlaceKindSchema = Type.Union([
  Type.Literal('state'),
  Type.Literal('district'),
  Type.Literal('subdistrict'),
  Type.Literal('station'),
  Type.Literal('border_crossing'),
]);
export type PlaceKind = Static<typeof PlaceKindSchema>;

const NeighbourSchema = Type.Union([
  Type.Literal('Nepal'),
  Type.Literal('Bangladesh'),
  Type.Literal('Bhutan'),
  Type.Literal('Myanmar'),
  Type.Literal('Pakistan'),
  Type.Literal('China'),
]);

export const LgdCode = Type.Integer({ minimum: 1, maximum: 999999, description: 'LGD code' });
export const LgdParams = Type.Object({ lgdCode: LgdCode });

export const Hq = nullable(
  Type.Object(
    { name: nullable(Type.String()), lat: Type.Number(), lon: Type.Number() },
    { description: 'District headquarters point' },
  ),
);

export const StateItem = Type.Object({
  lgdCode: Type.Integer(),
  name: Type.String(),
  nameHi: nullable(Type.String()),
  isUnionTerritory: Type.Boolean(),
  districtCount: Type.Integer(),
});

export const DistrictItem = Type.Object({
  lgdCode: Type.Integer(),
  name: Type.String(),
  stateLgd: Type.Integer(),
  hq: Hq,
  hasBoundary: Type.Boolean(),
});

export const DistrictDetail = Type.Object({
  lgdCode: Type.Integer(),
  name: Type.String(),
  census2011Code: nullable(Type.String()),
  state: Type.Object({ lgdCode: Type.Integer(), name: Type.String(), nameHi: nullable(Type.String()) }),
  hq: Hq,
  hasBoundary: Type.Boolean(),
  subdistricts: Type.Array(Type.Object({ lgdCode: Type.Integer(), name: Type.String() })),
  stationCount: Type.Integer(),
});

// Coordinates are left untyped below the geometry: fast-json-stringify would otherwise walk and
// type-check every vertex of 700 polygons on each response. The OpenAPI text documents the shape.
export const AreaGeometry = Type.Object(
  {
    type: Type.Union([Type.Literal('Polygon'), Type.Literal('MultiPolygon')]),
    coordinates: Type.Array(Type.Unknown(), {
      description: 'GeoJSON coordinates: [lon, lat] positions in rings (Polygon) or polygons (MultiPolygon)',
    }),
  },
  { description: 'GeoJSON Polygon or MultiPolygon (WGS 84), coordinates rounded to 5 decimals' },
);

export const BoundaryProperties = Type.Object({
  lgdCode: Type.Integer(),
  name: Type.String(),
  stateLgd: Type.Integer(),
});

export const BoundaryFeature = Type.Object({
  type: Type.Literal('Feature'),
  id: Type.Integer(),
  properties: BoundaryProperties,
  geometry: AreaGeometry,
});

export const BoundaryCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(BoundaryFeature),
});

export const Place = Type.Object({
  kind: PlaceKindSchema,
  code: Type.String({ description: 'LGD code, station code or UN/LOCODE' }),
  name: Type.String(),
  stateLgd: nullable(Type.Integer()),
  stateName: nullable(Type.String()),
  districtLgd: nullable(Type.Integer()),
  districtName: nullable(Type.String()),
  lat: nullable(Type.Number()),
  lon: nullable(Type.Number()),
});
export type PlaceResult = Static<typeof Place>;

export const PlacesQuery = Type.Object({
  q: Type.String({
    maxLength: 100,
    description: 'Name (Latin or Devanagari) or station code; 2+ characters',
  }),
  kind: Type.Optional(PlaceKindSchema),
  state: Type.Optional(LgdCode),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
});

export const Station = Type.Object({
  code: Type.String(),
  name: Type.String(),
  zone: nullable(Type.String()),
  stateLgd: nullable(Type.Integer()),
  stateName: nullable(Type.String()),
  districtLgd: nullable(Type.Integer()),
  districtName: nullable(Type.String()),
  stateFrom: nullable(
    Type.Union([Type.Literal('source'), Type.Literal('point_in_polygon')], {
      description: 'Whether the railway data named the State or Setu derived it from the coordinates',
    }),
  ),
  lat: nullable(Type.Number()),
  lon: nullable(Type.Number()),
});
export type StationResult = Static<typeof Station>;

export const StationsQuery = Type.Object({
  state: Type.Optional(LgdCode),
  district: Type.Optional(LgdCode),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Name or code; 2+ characters' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});

export const StationPage = Type.Object({
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
  items: Type.Array(Station),
});

export const BorderCrossing = Type.Object({
  locode: Type.String(),
  name: Type.String(),
  neighbourCountry: nullable(NeighbourSchema),
  stateLgd: nullable(Type.Integer()),
  stateName: nullable(Type.String()),
  districtLgd: nullable(Type.Integer()),
  districtName: nullable(Type.String()),
  lat: nullable(Type.Number()),
  lon: nullable(Type.Number()),
  nearestStation: nullable(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      lat: nullable(Type.Number()),
      lon: nullable(Type.Number()),
    }),
  ),
});
export type BorderCrossingResult = Static<typeof BorderCrossing>;

export const BorderCrossingsQuery = Type.Object({
  country: Type.Optional(
    Type.String({ maxLength: 40, description: `Neighbour country: ${NEIGHBOURS.join(', ')}` }),
  ),
  state: Type.Optional(LgdCode),
});

export const DataSource = Type.Object({
  name: Type.String(),
  what: Type.String(),
  source: Type.String(),
  licence: Type.String(),
  files: Type.Array(Type.String()),
});
