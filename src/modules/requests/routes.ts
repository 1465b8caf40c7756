import { Type } from '@fastify/type-provider-typebox';
import type { AppContext, SetuApp } from '../../server/app.ts';
import { createOnce, replyCreated } from '../../server/idempotency.ts';
import { errorResponses, IdParams, Uuid } from '../../server/schemas.ts';
import {
  DEADLINE_HOURS,
  FURTHER_ESCALATION_HOURS,
  IDENTITY_KINDS,
  KIND_LABELS,
  REQUEST_KINDS,
  REQUEST_PRIORITIES,
  REQUEST_READERS,
  REQUEST_STATUSES,
  REQUEST_WRITERS,
} from './codes.ts';
import { WITH_FILES_BODY_LIMIT } from './attachments.ts';
import { listRequests } from './repository.ts';
import { registerRequestThreadRoutes } from './routes-thread.ts';
import {
  RequestInput,
  RequestKind,
  RequestListItem,
  RequestListQuery,
  RequestView,
  StatsRow,
} from './schemas.ts';
import { createRequest } from './service.ts';
import { requestStats } from './stats.ts';
import { getRequestView } from './thread.ts';

export function registerRequestRoutes(app: SetuApp, ctx: AppContext): void {
  app.get(
    '/api/requests',
    {
      config: { access: { roles: REQUEST_READERS } },
      schema: {
        tags: ['requests'],
        summary:
          'Requests your unit sent or received (and, for oversight, those of your State), filtered and paginated',
        querystring: RequestListQuery,
        response: {
          200: Type.Object({ items: Type.Array(RequestListItem), total: Type.Integer() }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => ctx.inScope(request, (scope) => listRequests(scope, request.query)),
  );

  app.get(
    '/api/requests/codes',
    {
      config: { access: { roles: REQUEST_READERS } },
      schema: {
        tags: ['requests'],
        summary: 'Kinds, priorities and states of requests, with the hours a recipient has to answer',
        response: {
          200: Type.Object({
            kinds: Type.Array(
              Type.Object({
                code: Type.String(),
                label: Type.String(),
                sharesIdentity: Type.Boolean(),
                deadlineHours: Type.Object({
                  routine: Type.Integer(),
                  urgent: Type.Integer(),
                  immediate: Type.Integer(),
                }),
              }),
            ),
            priorities: Type.Array(Type.String()),
            statuses: Type.Array(Type.String()),
            furtherEscalationHours: Type.Object({
              routine: Type.Integer(),
              urgent: Type.Integer(),
              immediate: Type.Integer(),
            }),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    () =>
      Promise.resolve({
        kinds: REQUEST_KINDS.map((code) => ({
          code,
          label: KIND_LABELS[code],
          sharesIdentity: IDENTITY_KINDS.includes(code),
          deadlineHours: DEADLINE_HOURS[code],
        })),
        priorities: [...REQUEST_PRIORITIES],
        statuses: [...REQUEST_STATUSES],
        furtherEscalationHours: FURTHER_ESCALATION_HOURS,
      }),
  );

  app.get(
    '/api/requests/stats',
    {
      config: { access: { roles: REQUEST_READERS } },
      schema: {
        tags: ['requests'],
        summary:
          'Response times per recipient unit (median and 90th percentile hours to acknowledge and to answer), open and overdue counts, over the requests you can see',
        querystring: Type.Object(
          {
            unit: Type.Optional(Uuid),
            state: Type.Optional(Type.Integer({ minimum: 1, maximum: 99 })),
            kind: Type.Optional(RequestKind),
            from: Type.Optional(Type.String({ format: 'date' })),
            to: Type.Optional(Type.String({ format: 'date' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(StatsRow) }), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => ctx.inScope(request, (scope) => requestStats(scope, request.query)),
  );

  app.get(
    '/api/requests/:id',
    {
      config: { access: { roles: REQUEST_READERS } },
      schema: {
        tags: ['requests'],
        summary:
          'One request with its thread, the people it names (pseudonymous), escalations and what you may do',
        params: IdParams,
        response: { 200: RequestView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => {
        const view = await getRequestView(scope, request.params.id);
        await scope.audit({ action: 'request.view', objectType: 'request', objectId: view.id });
        return view;
      }),
  );

  app.post(
    '/api/requests',
    {
      config: { access: { roles: REQUEST_WRITERS } },
      bodyLimit: WITH_FILES_BODY_LIMIT,
      schema: {
        tags: ['requests'],
        summary:
          'Send a request to another unit; the due date follows from kind and priority. With a case and people for verify_family or repatriate_victim, the case is shared with the recipient unit with identity access. Send an Idempotency-Key header so a retry cannot send it twice.',
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String()) }),
        body: RequestInput,
        response: { 201: RequestView, ...errorResponses(400, 401, 403, 404, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const created = await ctx.inScope(request, (scope) =>
        createOnce(
          scope,
          request.headers['idempotency-key'],
          request.body,
          () => createRequest(scope, request.body),
          (id) => getRequestView(scope, id),
        ),
      );
      return replyCreated(reply, created);
    },
  );

  registerRequestThreadRoutes(app, ctx);
}
