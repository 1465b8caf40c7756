import { Type } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { AppContext, SetuApp } from '../../server/app.ts';
import { AppError } from '../../server/errors.ts';
import { idempotent } from '../../server/idempotency.ts';
import { errorResponses, IdParams, Uuid } from '../../server/schemas.ts';
import { revealIdentity } from '../cases/persons.ts';
import { IdentityView } from '../cases/schemas.ts';
import { readRequestAttachment, WITH_FILES_BODY_LIMIT } from './attachments.ts';
import {
  ACTION_RULES,
  REQUEST_ACTIONS,
  REQUEST_READERS,
  REQUEST_WRITERS,
  type RequestAction,
} from './codes.ts';
import { findRequest } from './repository.ts';
import { ActionInput, MessageInput, RequestView } from './schemas.ts';
import { getRequestView } from './thread.ts';
import { postMessage, transition } from './transitions.ts';

const SUMMARIES: Record<RequestAction, string> = {
  acknowledge: 'The recipient unit confirms it has the request (sent → acknowledged)',
  start: 'The recipient unit starts work on it (acknowledged → in progress)',
  answer:
    'The recipient unit answers, with files if any (acknowledged or in progress → answered); "text" is required',
  decline: 'The recipient unit declines, with the reason in "text" (→ declined)',
  close: 'The sending unit closes the request (answered, declined, or withdrawn while open → closed)',
  reopen:
    'The sending unit reopens it with the reason in "text" (answered, declined or closed → back to the recipient, with a new due date)',
};

/** Lets a client send no body at all where every field is optional. */
function bodyDefaultsToObject(request: FastifyRequest, _reply: unknown, done: () => void): void {
  if (request.body === undefined) request.body = {};
  done();
}

export function registerRequestThreadRoutes(app: SetuApp, ctx: AppContext): void {
  for (const action of REQUEST_ACTIONS) {
    app.post(
      `/api/requests/:id/${action}`,
      {
        config: { access: { roles: REQUEST_WRITERS } },
        bodyLimit: WITH_FILES_BODY_LIMIT,
        preValidation: bodyDefaultsToObject,
        schema: {
          tags: ['requests'],
          summary: `${SUMMARIES[action]}. Only the ${ACTION_RULES[action].by} may; anything else is refused with 409 and what can be done instead.`,
          params: IdParams,
          body: ActionInput,
          response: { 200: RequestView, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
        },
      },
      async (request) =>
        ctx.inScope(request, async (scope) => {
          await transition(scope, request.params.id, action, request.body);
          return getRequestView(scope, request.params.id);
        }),
    );
  }

  app.post(
    '/api/requests/:id/messages',
    {
      config: { access: { roles: REQUEST_WRITERS } },
      bodyLimit: WITH_FILES_BODY_LIMIT,
      schema: {
        tags: ['requests'],
        summary:
          "Write in the request's thread, with files if any (the two units and the State nodal officers concerned)",
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String()) }),
        params: IdParams,
        body: MessageInput,
        response: { 201: RequestView, ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const view = await ctx.inScope(request, async (scope) => {
        await idempotent(
          scope,
          request.headers['idempotency-key'],
          { id: request.params.id, ...request.body },
          async () => {
            await postMessage(scope, request.params.id, request.body);
            return { id: request.params.id };
          },
        );
        return getRequestView(scope, request.params.id);
      });
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/api/requests/:id/attachments/:attachmentId',
    {
      config: { access: { roles: REQUEST_READERS } },
      schema: {
        tags: ['requests'],
        summary: 'Download a file from the thread; every download is audited',
        params: Type.Object({ id: Uuid, attachmentId: Uuid }),
      },
    },
    async (request, reply) => {
      const file = await ctx.inScope(request, (scope) =>
        readRequestAttachment(scope, request.params.id, request.params.attachmentId),
      );
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`)
        .header('x-content-sha256', file.sha256)
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );

  app.post(
    '/api/requests/:id/persons/:personId/reveal',
    {
      config: { access: { roles: REQUEST_WRITERS } },
      schema: {
        tags: ['requests'],
        summary:
          'Reveal the identity of a person the request names, when the request gave your unit identity access (verify_family, repatriate_victim); state a reason. Every view is audited.',
        params: Type.Object({ id: Uuid, personId: Uuid }),
        body: Type.Object(
          { reason: Type.String({ minLength: 5, maxLength: 500 }) },
          { additionalProperties: false },
        ),
        response: { 200: IdentityView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => {
        const row = await findRequest(scope.tx, request.params.id);
        const named = await scope.tx.query(
          'SELECT 1 FROM request_persons WHERE request_id = $1 AND person_id = $2',
          [row.id, request.params.personId],
        );
        if (named.rowCount === 0)
          throw new AppError(404, 'not_found', 'This request does not name that person.');
        const standing = await scope.tx.query<{ standing: string | null }>(
          'SELECT app_case_standing($1) AS standing',
          [row.case_id],
        );
        if (!standing.rows[0]?.standing) {
          throw new AppError(
            403,
            'identity_not_authorised',
            `Your unit has no access to case ${row.case_reference ?? ''}; ${row.from_name} can share it with you.`,
          );
        }
        return revealIdentity(
          scope,
          request.params.personId,
          `${request.body.reason} (request ${row.reference})`,
          request.ip,
        );
      }),
  );
}
