import { Type } from '@fastify/type-provider-typebox';
import type { AppContext, SetuApp } from '../../server/app.ts';
import { errorResponses, IdParams, literalUnion, nullable, PageQuery } from '../../server/schemas.ts';
import { unacknowledgedAlerts } from '../alerts/service.ts';
import { actionItemCounts } from '../meetings/repository.ts';
import { requestCounts } from '../requests/stats.ts';
import { EVENT_TYPES, listInbox, markAllRead, markRead, unreadCount } from './service.ts';
import { registerWebhookRoutes } from './webhook-routes.ts';

const NotificationView = Type.Object({
  id: Type.String(),
  kind: Type.String({ description: 'The event type, e.g. request.created' }),
  title: Type.String(),
  body: nullable(Type.String()),
  link: nullable(Type.String({ description: 'A path in the web app, e.g. /requests/<id>' })),
  objectType: nullable(Type.String()),
  objectId: nullable(Type.String()),
  addressedTo: literalUnion(['unit', 'user'] as const),
  createdAt: Type.String(),
  readAt: nullable(Type.String()),
});

export function registerNotificationRoutes(app: SetuApp, ctx: AppContext): void {
  app.get(
    '/api/inbox',
    {
      config: { access: { signedIn: true } },
      schema: {
        tags: ['inbox'],
        summary: 'Your inbox: notifications to your unit and to you, newest first, with the unread count',
        querystring: Type.Object(
          {
            unread: Type.Optional(Type.Boolean()),
            kind: Type.Optional(literalUnion(EVENT_TYPES)),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(NotificationView),
            total: Type.Integer(),
            unread: Type.Integer(),
          }),
          ...errorResponses(400, 401),
        },
      },
    },
    async (request) => ctx.inScope(request, (scope) => listInbox(scope, request.query)),
  );

  app.get(
    '/api/inbox/unread-count',
    {
      config: { access: { signedIn: true } },
      schema: {
        tags: ['inbox'],
        summary: 'How many notifications you have not read (for the badge)',
        response: { 200: Type.Object({ unread: Type.Integer() }), ...errorResponses(401) },
      },
    },
    async (request) => ctx.inScope(request, async (scope) => ({ unread: await unreadCount(scope) })),
  );

  app.get(
    '/api/inbox/summary',
    {
      config: { access: { signedIn: true } },
      schema: {
        tags: ['inbox'],
        summary:
          'Counts for the home page: unread notifications, unacknowledged alerts, requests your unit owes or awaits, your action items',
        response: {
          200: Type.Object({
            unreadNotifications: Type.Integer(),
            unacknowledgedAlerts: Type.Integer(),
            requests: Type.Object({
              incomingOpen: Type.Integer(),
              incomingOverdue: Type.Integer(),
              incomingDueSoon: Type.Integer({ description: 'Due within 24 hours' }),
              outgoingOpen: Type.Integer(),
              outgoingOverdue: Type.Integer(),
              outgoingAnswered: Type.Integer({
                description: 'Answered, waiting for your unit to close them',
              }),
            }),
            actionItems: Type.Object({ open: Type.Integer(), overdue: Type.Integer() }),
          }),
          ...errorResponses(401),
        },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => ({
        unreadNotifications: await unreadCount(scope),
        unacknowledgedAlerts: await unacknowledgedAlerts(scope),
        requests: await requestCounts(scope),
        actionItems: await actionItemCounts(scope),
      })),
  );

  app.post(
    '/api/inbox/:id/read',
    {
      config: { access: { signedIn: true } },
      schema: {
        tags: ['inbox'],
        summary: 'Mark one notification read (for you; others in your unit keep their own unread state)',
        params: IdParams,
        response: { 200: NotificationView, ...errorResponses(401, 404) },
      },
    },
    async (request) => ctx.inScope(request, (scope) => markRead(scope, request.params.id)),
  );

  app.post(
    '/api/inbox/read-all',
    {
      config: { access: { signedIn: true } },
      schema: {
        tags: ['inbox'],
        summary: 'Mark every notification in your inbox read',
        response: { 200: Type.Object({ marked: Type.Integer() }), ...errorResponses(401) },
      },
    },
    async (request) => ctx.inScope(request, async (scope) => ({ marked: await markAllRead(scope) })),
  );

  registerWebhookRoutes(app, ctx);
}
