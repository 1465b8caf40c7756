import { Type } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { AppContext, SetuApp } from '../../server/app.ts';
import { createOnce, replyCreated } from '../../server/idempotency.ts';
import { errorResponses, IdParams } from '../../server/schemas.ts';
import { getAlertView, listAlerts } from './repository.ts';
import {
  ALERT_READERS,
  ALERT_WORKERS,
  AlertListItem,
  AlertListQuery,
  AlertView,
  LOOKOUT_RAISERS,
  LookoutInput,
} from './schemas.ts';
import { acknowledgeAlert, closeAlert, raiseLookout } from './service.ts';

/** Lets a client send no body at all where every field is optional. */
function bodyDefaultsToObject(request: FastifyRequest, _reply: unknown, done: () => void): void {
  if (request.body === undefined) request.body = {};
  done();
}

export function registerAlertRoutes(app: SetuApp, ctx: AppContext): void {
  app.get(
    '/api/alerts',
    {
      config: { access: { roles: ALERT_READERS } },
      schema: {
        tags: ['alerts'],
        summary:
          'Alerts addressed to or raised by your unit (and, for oversight, those concerning your State), newest first',
        querystring: AlertListQuery,
        response: {
          200: Type.Object({ items: Type.Array(AlertListItem), total: Type.Integer() }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => ctx.inScope(request, (scope) => listAlerts(scope, request.query)),
  );

  app.get(
    '/api/alerts/:id',
    {
      config: { access: { roles: ALERT_READERS } },
      schema: {
        tags: ['alerts'],
        summary: 'One alert with every recipient unit and whether and when it acknowledged',
        params: IdParams,
        response: { 200: AlertView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => {
        const view = await getAlertView(scope, request.params.id);
        await scope.audit({ action: 'alert.view', objectType: 'alert', objectId: view.id });
        return view;
      }),
  );

  app.post(
    '/api/alerts',
    {
      config: { access: { roles: LOOKOUT_RAISERS } },
      schema: {
        tags: ['alerts'],
        summary:
          'Broadcast a lookout to the border and railway units along a route (stations, crossings) or in given districts or States; send an Idempotency-Key header so a retry cannot broadcast twice',
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String()) }),
        body: LookoutInput,
        response: { 201: AlertView, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const created = await ctx.inScope(request, (scope) =>
        createOnce(
          scope,
          request.headers['idempotency-key'],
          request.body,
          () => raiseLookout(scope, request.body),
          (id) => getAlertView(scope, id),
        ),
      );
      return replyCreated(reply, created);
    },
  );

  app.post(
    '/api/alerts/:id/acknowledge',
    {
      config: { access: { roles: ALERT_WORKERS } },
      preValidation: bodyDefaultsToObject,
      schema: {
        tags: ['alerts'],
        summary:
          'Acknowledge an alert addressed to your unit, with an optional note (e.g. "Team posted at the crossing")',
        params: IdParams,
        body: Type.Object(
          { note: Type.Optional(Type.String({ maxLength: 2000 })) },
          { additionalProperties: false },
        ),
        response: { 200: AlertView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => {
        await acknowledgeAlert(scope, request.params.id, request.body.note);
        return getAlertView(scope, request.params.id);
      }),
  );

  app.post(
    '/api/alerts/:id/close',
    {
      config: { access: { roles: ALERT_WORKERS } },
      schema: {
        tags: ['alerts'],
        summary: 'Close an alert (the unit that raised it, or the nodal officer of a State it concerns)',
        params: IdParams,
        response: { 200: AlertView, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => {
        await closeAlert(scope, request.params.id);
        return getAlertView(scope, request.params.id);
      }),
  );
}
