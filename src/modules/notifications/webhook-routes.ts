import { Type } from '@fastify/type-provider-typebox';
import type { Role } from '../../server/access.ts';
import type { AppContext, SetuApp } from '../../server/app.ts';
import { errorResponses, IdParams, literalUnion, nullable, PageQuery, Uuid } from '../../server/schemas.ts';
import { EVENT_TYPES } from './service.ts';
import { listDeliveries } from './webhook-log.ts';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listWebhooks,
  pingWebhook,
  rotateSecret,
  updateWebhook,
} from './webhooks.ts';

/** A unit's own officers and system administrators (for units in their jurisdiction). */
const WEBHOOK_MANAGERS: readonly Role[] = [
  'district_officer',
  'state_nodal_officer',
  'liaison_officer',
  'ngo_caseworker',
  'system_admin',
];

const EventType = literalUnion(EVENT_TYPES);

const WebhookView = Type.Object({
  id: Type.String(),
  unit: Type.Object({ id: Type.String(), name: Type.String() }),
  url: Type.String(),
  eventTypes: Type.Array(Type.String()),
  description: nullable(Type.String()),
  active: Type.Boolean(),
  secretPrefix: Type.String({ description: 'The first characters of the secret, to tell secrets apart' }),
  consecutiveFailures: Type.Integer(),
  disabledAt: nullable(Type.String()),
  disabledReason: nullable(Type.String()),
  lastSuccessAt: nullable(Type.String()),
  lastFailureAt: nullable(Type.String()),
  createdAt: Type.String(),
});

const WithSecret = Type.Object({
  webhook: WebhookView,
  secret: Type.String({ description: 'Shown only now: store it to verify the Setu-Signature header' }),
});

export function registerWebhookRoutes(app: SetuApp, ctx: AppContext): void {
  const allowPrivate = ctx.config.demo || ctx.config.webhookAllowPrivateNetworks;

  app.get(
    '/api/webhooks',
    {
      config: { access: { roles: WEBHOOK_MANAGERS } },
      schema: {
        tags: ['webhooks'],
        summary: 'Webhook subscriptions you manage (your unit; administrators: units in their jurisdiction)',
        querystring: Type.Object({ unitId: Type.Optional(Uuid) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(WebhookView) }), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => ({ items: await listWebhooks(scope, request.query.unitId) })),
  );

  app.get(
    '/api/webhooks/event-types',
    {
      config: { access: { roles: WEBHOOK_MANAGERS } },
      schema: {
        tags: ['webhooks'],
        summary: 'The event types a subscription can choose',
        response: {
          200: Type.Object({ eventTypes: Type.Array(Type.String()) }),
          ...errorResponses(401, 403),
        },
      },
    },
    () => Promise.resolve({ eventTypes: [...EVENT_TYPES] }),
  );

  app.post(
    '/api/webhooks',
    {
      config: { access: { roles: WEBHOOK_MANAGERS } },
      schema: {
        tags: ['webhooks'],
        summary:
          "Subscribe an HTTPS endpoint to your unit's events. The answer holds the signing secret, shown only this once; deliveries carry Setu-Signature: t=…,v1=HMAC-SHA256(secret, t + '.' + body)",
        body: Type.Object(
          {
            unitId: Type.Optional(Uuid),
            url: Type.String({ minLength: 8, maxLength: 2000 }),
            eventTypes: Type.Array(EventType, { minItems: 1, uniqueItems: true }),
            description: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: WithSecret, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const created = await ctx.inScope(request, (scope) =>
        createWebhook(scope, ctx.secrets, request.body, allowPrivate),
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/webhooks/:id',
    {
      config: { access: { roles: WEBHOOK_MANAGERS } },
      schema: {
        tags: ['webhooks'],
        summary: 'One webhook subscription (never its secret)',
        params: IdParams,
        response: { 200: WebhookView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ctx.inScope(request, (scope) => getWebhook(scope, request.params.id)),
  );

  app.patch(
    '/api/webhooks/:id',
    {
      config: { access: { roles: WEBHOOK_MANAGERS } },
      schema: {
        tags: ['webhooks'],
        summary: 'Change the URL or events, or turn it off or on again (on again clears the failure count)',
        params: IdParams,
        body: Type.Object(
          {
            url: Type.Optional(Type.String({ minLength: 8, maxLength: 2000 })),
            eventTypes: Type.Optional(Type.Array(EventType, { minItems: 1, uniqueItems: true })),
            description: Type.Optional(nullable(Type.String({ maxLength: 500 }))),
            active: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: WebhookView, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) =>
      ctx.inScope(request, (scope) => updateWebhook(scope, request.params.id, request.body, allowPrivate)),
  );

  app.post(
    '/api/webhooks/:id/rotate-secret',
    {
      config: { access: { roles: WEBHOOK_MANAGERS } },
      schema: {
        tags: ['webhooks'],
        summary: 'Replace the signing secret; the new one is shown only in this answer',
        params: IdParams,
        response: { 200: WithSecret, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ctx.inScope(request, (scope) => rotateSecret(scope, ctx.secrets, request.params.id)),
  );

  app.post(
    '/api/webhooks/:id/ping',
    {
      config: { access: { roles: WEBHOOK_MANAGERS } },
      schema: {
        tags: ['webhooks'],
        summary: 'Queue a signed test delivery (event webhook.ping); see its outcome in the delivery log',
        params: IdParams,
        response: { 202: Type.Object({ deliveryId: Type.String() }), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const deliveryId = await ctx.inScope(request, (scope) => pingWebhook(scope, request.params.id));
      return reply.status(202).send({ deliveryId });
    },
  );

  app.get(
    '/api/webhooks/:id/deliveries',
    {
      config: { access: { roles: WEBHOOK_MANAGERS } },
      schema: {
        tags: ['webhooks'],
        summary:
          'The delivery log: each event sent, its state (pending, delivered, failed) and every attempt',
        params: IdParams,
        querystring: Type.Object(
          { status: Type.Optional(literalUnion(['pending', 'delivered', 'failed'] as const)), ...PageQuery },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            total: Type.Integer(),
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                event: Type.String(),
                status: Type.String(),
                attempts: Type.Integer(),
                lastStatusCode: nullable(Type.Integer()),
                lastError: nullable(Type.String()),
                nextAttemptAt: nullable(Type.String()),
                deliveredAt: nullable(Type.String()),
                createdAt: Type.String(),
                log: Type.Array(
                  Type.Object({
                    attemptedAt: Type.String(),
                    statusCode: nullable(Type.Integer()),
                    error: nullable(Type.String()),
                    durationMs: Type.Integer(),
                  }),
                ),
              }),
            ),
          }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) =>
      ctx.inScope(request, (scope) => listDeliveries(scope, request.params.id, request.query)),
  );

  app.delete(
    '/api/webhooks/:id',
    {
      config: { access: { roles: WEBHOOK_MANAGERS } },
      schema: {
        tags: ['webhooks'],
        summary: 'Remove a webhook subscription (its delivery log is kept)',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await ctx.inScope(request, (scope) => deleteWebhook(scope, request.params.id));
      return reply.status(204).send(null);
    },
  );
}
