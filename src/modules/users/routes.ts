import { Type } from '@fastify/type-provider-typebox';
import type { AppContext, SetuApp } from '../../server/app.ts';
import { ROLES, type Role } from '../../server/access.ts';
import { errorResponses, literalUnion, IdParams, PageQuery } from '../../server/schemas.ts';
import {
  createApiToken,
  createUser,
  getUser,
  listApiTokens,
  listUsers,
  resetMfa,
  revokeApiToken,
  unlockUser,
  updateUser,
  UserView,
} from './service.ts';

const ADMINS: readonly Role[] = ['system_admin'];
const READERS: readonly Role[] = ['system_admin', 'auditor', 'state_nodal_officer'];

const RoleSchema = literalUnion(ROLES);

const TokenView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  createdAt: Type.String(),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
});

export function registerUserRoutes(app: SetuApp, ctx: AppContext): void {
  app.get(
    '/api/users',
    {
      config: { access: { roles: READERS } },
      schema: {
        tags: ['users'],
        summary: 'Accounts in your jurisdiction',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          role: Type.Optional(RoleSchema),
          unitId: Type.Optional(Type.String({ format: 'uuid' })),
          ...PageQuery,
        }),
        response: {
          200: Type.Object({ items: Type.Array(UserView), total: Type.Integer() }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => ctx.inScope(request, (scope) => listUsers(scope, request.query)),
  );

  app.get(
    '/api/users/:id',
    {
      config: { access: { signedIn: true } },
      schema: {
        tags: ['users'],
        summary: 'One account (your own, or one you administer)',
        params: IdParams,
        response: { 200: UserView, ...errorResponses(401, 404) },
      },
    },
    async (request) => ctx.inScope(request, (scope) => getUser(scope, request.params.id)),
  );

  app.post(
    '/api/users',
    {
      config: { access: { roles: ADMINS } },
      schema: {
        tags: ['users'],
        summary: 'Create an account in a unit within your jurisdiction',
        body: Type.Object({
          username: Type.String({ minLength: 3, maxLength: 60, pattern: '^[A-Za-z0-9._-]+$' }),
          displayName: Type.String({ minLength: 1, maxLength: 120 }),
          role: RoleSchema,
          unitId: Type.String({ format: 'uuid' }),
          email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
          phone: Type.Optional(Type.String({ maxLength: 20 })),
          password: Type.String({ minLength: 12, maxLength: 256 }),
          isServiceAccount: Type.Optional(Type.Boolean()),
        }),
        response: { 201: UserView, ...errorResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const user = await ctx.inScope(request, (scope) => createUser(scope, request.body));
      return reply.status(201).send(user);
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: { access: { roles: ADMINS } },
      schema: {
        tags: ['users'],
        summary: "Change an account's name, role, unit or contact, or disable it",
        params: IdParams,
        body: Type.Object(
          {
            displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
            role: Type.Optional(RoleSchema),
            unitId: Type.Optional(Type.String({ format: 'uuid' })),
            email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 200 }), Type.Null()])),
            phone: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])),
            disabled: Type.Optional(Type.Boolean()),
          },
          { minProperties: 1 },
        ),
        response: { 200: UserView, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => ctx.inScope(request, (scope) => updateUser(scope, request.params.id, request.body)),
  );

  app.post(
    '/api/users/:id/unlock',
    {
      config: { access: { roles: ADMINS } },
      schema: {
        tags: ['users'],
        summary: 'Unlock an account locked after failed sign-ins',
        params: IdParams,
        response: { 200: UserView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ctx.inScope(request, (scope) => unlockUser(scope, request.params.id)),
  );

  app.post(
    '/api/users/:id/reset-mfa',
    {
      config: { access: { roles: ADMINS } },
      schema: {
        tags: ['users'],
        summary: 'Remove the second factor of someone who lost their phone; they enrol again at next sign-in',
        params: IdParams,
        response: { 200: UserView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ctx.inScope(request, (scope) => resetMfa(scope, request.params.id)),
  );

  app.get(
    '/api/users/:id/tokens',
    {
      config: { access: { roles: ADMINS } },
      schema: {
        tags: ['users'],
        summary: "An account's API tokens (never the secret)",
        params: IdParams,
        response: { 200: Type.Array(TokenView), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ctx.inScope(request, (scope) => listApiTokens(scope, request.params.id)),
  );

  app.post(
    '/api/users/:id/tokens',
    {
      config: { access: { roles: ADMINS } },
      schema: {
        tags: ['users'],
        summary: 'Issue an API token for a system integration; the secret is returned once',
        params: IdParams,
        body: Type.Object({
          name: Type.String({ minLength: 1, maxLength: 100 }),
          expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 730 })),
        }),
        response: {
          201: Type.Object({ token: Type.String(), details: TokenView }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const created = await ctx.inScope(request, (scope) =>
        createApiToken(scope, request.params.id, request.body),
      );
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/api/users/:id/tokens/:tokenId',
    {
      config: { access: { roles: ADMINS } },
      schema: {
        tags: ['users'],
        summary: 'Revoke an API token',
        params: Type.Object({
          id: Type.String({ format: 'uuid' }),
          tokenId: Type.String({ format: 'uuid' }),
        }),
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await ctx.inScope(request, (scope) => revokeApiToken(scope, request.params.id, request.params.tokenId));
      return reply.status(204).send(null);
    },
  );
}
