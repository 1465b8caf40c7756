import { Type } from '@fastify/type-provider-typebox';
import type { AppContext, SetuApp } from '../../server/app.ts';
import { createOnce, replyCreated } from '../../server/idempotency.ts';
import { errorResponses, IdParams } from '../../server/schemas.ts';
import { getPractice, searchPractices } from './repository.ts';
import {
  PRACTICE_REVIEWERS,
  PRACTICE_SUBMITTERS,
  PracticeAttachmentInput,
  PracticeInput,
  PracticeListItem,
  PracticePatch,
  PracticeQuery,
  PracticeView,
  ReviewInput,
} from './schemas.ts';
import {
  addPracticeAttachment,
  editPractice,
  MAX_PRACTICE_FILE_BYTES,
  readPracticeAttachment,
  reviewPractice,
  submitPractice,
} from './service.ts';

const tags = ['compendium'];
const signedIn = { access: { signedIn: true as const } };

export function registerCompendiumRoutes(app: SetuApp, ctx: AppContext): void {
  app.get(
    '/api/compendium',
    {
      config: signedIn,
      schema: {
        tags,
        summary:
          'Search the best-practice compendium in English or Hindi: published practices of every State, plus your unit’s drafts and those you review',
        querystring: PracticeQuery,
        response: {
          200: Type.Object({ items: Type.Array(PracticeListItem), total: Type.Integer() }),
          ...errorResponses(400, 401),
        },
      },
    },
    async (request) => ctx.inScope(request, (scope) => searchPractices(scope, request.query)),
  );

  app.get(
    '/api/compendium/:id',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'One practice with its text and files',
        params: IdParams,
        response: { 200: PracticeView, ...errorResponses(401, 404) },
      },
    },
    async (request) => ctx.inScope(request, (scope) => getPractice(scope, request.params.id)),
  );

  app.post(
    '/api/compendium',
    {
      config: { access: { roles: PRACTICE_SUBMITTERS } },
      schema: {
        tags,
        summary: 'Submit a practice of your unit for review',
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String()) }),
        body: PracticeInput,
        response: { 201: PracticeView, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const created = await ctx.inScope(request, (scope) =>
        createOnce(
          scope,
          request.headers['idempotency-key'],
          request.body,
          () => submitPractice(scope, request.body),
          (id) => getPractice(scope, id),
        ),
      );
      return replyCreated(reply, created);
    },
  );

  app.patch(
    '/api/compendium/:id',
    {
      config: { access: { roles: PRACTICE_SUBMITTERS } },
      schema: {
        tags,
        summary: 'Edit your unit’s practice before it is published; editing a returned practice resubmits it',
        params: IdParams,
        body: PracticePatch,
        response: { 200: PracticeView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => {
        await editPractice(scope, request.params.id, request.body);
        return getPractice(scope, request.params.id);
      }),
  );

  app.post(
    '/api/compendium/:id/review',
    {
      config: { access: { roles: PRACTICE_REVIEWERS } },
      schema: {
        tags,
        summary: 'Publish a submitted practice, or return it to the unit with a note',
        params: IdParams,
        body: ReviewInput,
        response: { 200: PracticeView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => {
        await reviewPractice(scope, request.params.id, request.body);
        return getPractice(scope, request.params.id);
      }),
  );

  app.post(
    '/api/compendium/:id/attachments',
    {
      config: { access: { roles: PRACTICE_SUBMITTERS } },
      bodyLimit: Math.ceil((MAX_PRACTICE_FILE_BYTES * 4) / 3) + 64 * 1024,
      schema: {
        tags,
        summary:
          'Attach a PDF, JPEG, PNG or WebP (≤ 5 MB, base64); type checked from the bytes, stored with its SHA-256',
        params: IdParams,
        body: PracticeAttachmentInput,
        response: {
          201: Type.Object({
            id: Type.String(),
            sha256: Type.String(),
            sizeBytes: Type.Integer(),
            contentType: Type.String(),
          }),
          ...errorResponses(400, 401, 403, 404, 413, 415),
        },
      },
    },
    async (request, reply) => {
      const created = await ctx.inScope(request, (scope) =>
        addPracticeAttachment(scope, request.params.id, request.body),
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/compendium/attachments/:id/content',
    {
      config: signedIn,
      schema: { tags, summary: 'Download a file of a practice you can read', params: IdParams },
    },
    async (request, reply) => {
      const file = await ctx.inScope(request, (scope) => readPracticeAttachment(scope, request.params.id));
      return reply
        .header('content-type', file.content_type)
        .header('content-disposition', `attachment; filename="${file.file_name.replace(/[^\w.-]/g, '_')}"`)
        .header('x-content-sha256', file.sha256)
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );
}
