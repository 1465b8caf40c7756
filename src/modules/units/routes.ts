import { Type } from '@fastify/type-provider-typebox';
import type { AppContext, SetuApp } from '../../server/app.ts';
import { errorResponses, literalUnion, IdParams, PageQuery } from '../../server/schemas.ts';
import { createUnit, getUnit, listUnits, UNIT_KINDS, UnitView, updateUnit } from './service.ts';

const KindSchema = literalUnion(UNIT_KINDS);
const LgdCode = Type.Integer({ minimum: 1, maximum: 99999 });
const Nullable = (max: number) => Type.Union([Type.String({ maxLength: max }), Type.Null()]);

export function registerUnitRoutes(app: SetuApp, ctx: AppContext): void {
  app.get(
    '/api/units',
    {
      config: { access: { signedIn: true } },
      schema: {
        tags: ['units'],
        summary:
          'The directory of units: AHTUs, police stations, border and railway units, NGOs, shelters, CWCs …',
        querystring: Type.Object({
          kind: Type.Optional(KindSchema),
          state: Type.Optional(LgdCode),
          district: Type.Optional(LgdCode),
          q: Type.Optional(Type.String({ maxLength: 100 })),
          ...PageQuery,
        }),
        response: {
          200: Type.Object({ items: Type.Array(UnitView), total: Type.Integer() }),
          ...errorResponses(400, 401),
        },
      },
    },
    async (request) => ctx.inScope(request, (scope) => listUnits(scope, request.query)),
  );

  app.get(
    '/api/units/:id',
    {
      config: { access: { signedIn: true } },
      schema: {
        tags: ['units'],
        summary: 'One unit',
        params: IdParams,
        response: { 200: UnitView, ...errorResponses(401, 404) },
      },
    },
    async (request) => ctx.inScope(request, (scope) => getUnit(scope, request.params.id)),
  );

  app.post(
    '/api/units',
    {
      config: { access: { roles: ['system_admin'] } },
      schema: {
        tags: ['units'],
        summary: 'Register a unit; its jurisdiction follows from the State and district given (LGD codes)',
        body: Type.Object({
          kind: KindSchema,
          name: Type.String({ minLength: 3, maxLength: 200 }),
          nameHi: Type.Optional(Type.String({ maxLength: 200 })),
          stateLgd: Type.Optional(LgdCode),
          districtLgd: Type.Optional(LgdCode),
          parentUnitId: Type.Optional(Type.String({ format: 'uuid' })),
          force: Type.Optional(Type.String({ maxLength: 40 })),
          phone: Type.Optional(Type.String({ maxLength: 20 })),
          email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
        }),
        response: { 201: UnitView, ...errorResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await ctx.inScope(request, (scope) => createUnit(scope, request.body))),
  );

  app.patch(
    '/api/units/:id',
    {
      config: { access: { roles: ['system_admin'] } },
      schema: {
        tags: ['units'],
        summary: "Change a unit's name, parent or contact details",
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 3, maxLength: 200 })),
            nameHi: Type.Optional(Nullable(200)),
            parentUnitId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
            force: Type.Optional(Nullable(40)),
            phone: Type.Optional(Nullable(20)),
            email: Type.Optional(Nullable(200)),
          },
          { minProperties: 1 },
        ),
        response: { 200: UnitView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ctx.inScope(request, (scope) => updateUnit(scope, request.params.id, request.body)),
  );
}
