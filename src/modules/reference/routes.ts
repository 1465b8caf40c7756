import { Type } from '@fastify/type-provider-typebox';
import type { AppContext, SetuApp } from '../../server/app.ts';
import { errorResponses } from '../../server/schemas.ts';
import {
  BorderCrossing,
  BorderCrossingsQuery,
  BoundaryCollection,
  BoundaryFeature,
  DataSource,
  DistrictDetail,
  DistrictItem,
  LgdCode,
  LgdParams,
  Place,
  PlacesQuery,
  StateItem,
  StationPage,
  StationsQuery,
} from './schemas.ts';
import { requireSearchText, searchPlaces } from './search.ts';
import {
  boundariesEtag,
  getDistrict,
  getDistrictBoundary,
  listBoundaries,
  listDistricts,
  listStates,
} from './service.ts';
import { listBorderCrossings, listStations, parseCountry } from './transit.ts';
import { DATA_SOURCES } from './sources.ts';

const tags = ['reference'];
const signedIn = { access: { signedIn: true as const } };

/** True when the client's cached copy (If-None-Match, possibly weak or a list) is still current. */
function isFresh(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

export function registerReferenceRoutes(app: SetuApp, ctx: AppContext): void {
  app.get(
    '/api/reference/states',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'The 36 States and Union Territories with LGD codes and Hindi names',
        response: { 200: Type.Array(StateItem), ...errorResponses(401) },
      },
    },
    (request) => ctx.inScope(request, ({ tx }) => listStates(tx)),
  );

  app.get(
    '/api/reference/states/:lgdCode/districts',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Districts of a State, with headquarters and whether a boundary is available',
        params: LgdParams,
        response: { 200: Type.Array(DistrictItem), ...errorResponses(400, 401, 404) },
      },
    },
    (request) => ctx.inScope(request, ({ tx }) => listDistricts(tx, request.params.lgdCode)),
  );

  app.get(
    '/api/reference/districts/:lgdCode',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'A district: its State, headquarters, sub-districts and number of railway stations',
        params: LgdParams,
        response: { 200: DistrictDetail, ...errorResponses(400, 401, 404) },
      },
    },
    (request) => ctx.inScope(request, ({ tx }) => getDistrict(tx, request.params.lgdCode)),
  );

  app.get(
    '/api/reference/districts/:lgdCode/boundary',
    {
      config: signedIn,
      schema: {
        tags,
        summary: "A district's boundary as a GeoJSON Feature",
        params: LgdParams,
        response: { 200: BoundaryFeature, ...errorResponses(400, 401, 404) },
      },
    },
    (request) => ctx.inScope(request, ({ tx }) => getDistrictBoundary(tx, request.params.lgdCode)),
  );

  app.get(
    '/api/reference/boundaries',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'District boundaries as a GeoJSON FeatureCollection, for maps (cacheable: ETag)',
        description:
          'All districts, or those of one State. The response carries an ETag; send it back in ' +
          'If-None-Match to get 304 Not Modified until the reference data is re-imported.',
        querystring: Type.Object({ state: Type.Optional(LgdCode) }),
        response: { 200: BoundaryCollection, 304: Type.Null(), ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const state = request.query.state;
      // Import checksums are not user data and setu_app has no grant on them: read them as the system.
      const etag = await ctx.db.asSystem((tx) => boundariesEtag(tx, state));
      const fresh = isFresh(request.headers['if-none-match'], etag);
      const body = fresh ? null : await ctx.inScope(request, ({ tx }) => listBoundaries(tx, state));
      // Signed-in data: browsers may keep it, shared proxies may not.
      void reply.header('etag', etag).header('cache-control', 'private, max-age=3600');
      return body === null ? reply.code(304).send(null) : body;
    },
  );

  app.get(
    '/api/reference/places',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Search States, districts, sub-districts, stations and border crossings by name',
        description:
          'Ranked fuzzy search in Latin or Devanagari script ("पटना" finds Patna); station codes ' +
          '(NDLS) match exactly. Filter by kind or State.',
        querystring: PlacesQuery,
        response: { 200: Type.Array(Place), ...errorResponses(400, 401) },
      },
    },
    (request) => {
      const q = requireSearchText(request.query.q, 'a place');
      return ctx.inScope(request, ({ tx }) =>
        searchPlaces(tx, {
          q,
          kind: request.query.kind,
          state: request.query.state,
          limit: request.query.limit ?? 20,
        }),
      );
    },
  );

  app.get(
    '/api/reference/stations',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Railway stations, filtered by State, district or name/code, one page at a time',
        querystring: StationsQuery,
        response: { 200: StationPage, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const { state, district, q } = request.query;
      const limit = request.query.limit ?? 50;
      const offset = request.query.offset ?? 0;
      const page = await ctx.inScope(request, ({ tx }) =>
        listStations(tx, {
          ...(state !== undefined ? { state } : {}),
          ...(district !== undefined ? { district } : {}),
          ...(q !== undefined ? { q } : {}),
          limit,
          offset,
        }),
      );
      return { ...page, limit, offset };
    },
  );

  app.get(
    '/api/reference/border-crossings',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Land border crossings (UN/LOCODE) with neighbour country and nearest railway station',
        querystring: BorderCrossingsQuery,
        response: { 200: Type.Array(BorderCrossing), ...errorResponses(400, 401) },
      },
    },
    (request) => {
      const country = parseCountry(request.query.country);
      const state = request.query.state;
      return ctx.inScope(request, ({ tx }) =>
        listBorderCrossings(tx, {
          ...(country ? { country } : {}),
          ...(state !== undefined ? { state } : {}),
        }),
      );
    },
  );

  app.get(
    '/api/reference/sources',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: 'The public data sources Setu uses and their licences, for the About page',
        response: { 200: Type.Array(DataSource) },
      },
    },
    () => Promise.resolve(DATA_SOURCES.map((s) => ({ ...s, files: [...s.files] }))),
  );
}
