import { Type } from '@fastify/type-provider-typebox';
import type { AppContext, SetuApp } from '../../server/app.ts';
import { errorResponses, IdParams, literalUnion } from '../../server/schemas.ts';
import {
  addAttachment,
  addNote,
  linkCases,
  listShares,
  MAX_ATTACHMENT_BYTES,
  readAttachment,
  revokeShare,
  shareCase,
} from './extras.ts';
import { findPerson, insertPerson, presentPerson, revealIdentity, updatePerson } from './persons.ts';
import { loadRoute, replaceRoute } from './route-events.ts';
import {
  IdentityView,
  PersonInput,
  PersonPatch,
  PersonView,
  RouteEventInput,
  RouteEventView,
} from './schemas.ts';
import { recomputeDerived, requireEditable, touchCase } from './service.ts';
import { CASE_READERS, CASE_WRITERS } from './routes.ts';

const Uuid = Type.String({ format: 'uuid' });

export function registerCaseDetailRoutes(app: SetuApp, ctx: AppContext): void {
  app.post(
    '/api/cases/:id/persons',
    {
      config: { access: { roles: CASE_WRITERS } },
      schema: {
        tags: ['persons'],
        summary: 'Add a victim, accused, rescuer, witness or complainant to a case',
        params: IdParams,
        body: PersonInput,
        response: { 201: PersonView, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const person = await ctx.inScope(request, async (scope) => {
        const head = await requireEditable(scope.tx, request.params.id);
        const id = await insertPerson(scope, head.id, head.state_lgd, head.registered_on, request.body);
        await recomputeDerived(scope.tx, head.id);
        await touchCase(scope.tx, head.id);
        await scope.audit({
          action: 'person.create',
          objectType: 'case_person',
          objectId: id,
          details: { caseId: head.id, role: request.body.role },
        });
        return presentPerson(await findPerson(scope.tx, id));
      });
      return reply.status(201).send(person);
    },
  );

  app.get(
    '/api/persons/:id',
    {
      config: { access: { roles: CASE_READERS } },
      schema: {
        tags: ['persons'],
        summary:
          'A person in a case, identity masked for victims and witnesses, with the case they belong to',
        params: IdParams,
        response: {
          200: Type.Object({
            person: PersonView,
            case: Type.Object({
              id: Type.String(),
              reference: Type.String(),
              title: Type.String(),
              status: Type.String(),
              standing: Type.String(),
            }),
          }),
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => {
        const person = presentPerson(await findPerson(scope.tx, request.params.id));
        const { rows } = await scope.tx.query<{
          id: string;
          reference: string;
          title: string;
          status: string;
          standing: string | null;
        }>(
          'SELECT id, reference, title, status, app_case_standing(id) AS standing FROM cases WHERE id = $1',
          [person.caseId],
        );
        const owner = rows[0];
        if (!owner) throw new Error('a visible person belongs to an invisible case');
        await scope.audit({ action: 'person.view', objectType: 'case_person', objectId: person.id });
        return { person, case: { ...owner, standing: owner.standing ?? 'jurisdiction' } };
      }),
  );

  app.patch(
    '/api/persons/:id',
    {
      config: { access: { roles: CASE_WRITERS } },
      schema: {
        tags: ['persons'],
        summary: "Change a person's details (identity fields are written but never returned here)",
        params: IdParams,
        body: PersonPatch,
        response: { 200: PersonView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => {
        const current = await findPerson(scope.tx, request.params.id);
        await requireEditable(scope.tx, current.case_id);
        const row = await updatePerson(scope, request.params.id, request.body);
        await recomputeDerived(scope.tx, current.case_id);
        await touchCase(scope.tx, current.case_id);
        await scope.audit({
          action: 'person.update',
          objectType: 'case_person',
          objectId: row.id,
          details: { changed: Object.keys(request.body) },
        });
        return presentPerson(row);
      }),
  );

  app.post(
    '/api/persons/:id/reveal',
    {
      config: { access: { roles: CASE_READERS } },
      schema: {
        tags: ['persons'],
        summary:
          'Reveal identifying details to someone with need-to-know; victims and witnesses need a stated reason. Every call is audited.',
        params: IdParams,
        body: Type.Object({ reason: Type.Optional(Type.String({ maxLength: 500 })) }),
        response: { 200: IdentityView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      ctx.inScope(request, (scope) =>
        revealIdentity(scope, request.params.id, request.body.reason, request.ip),
      ),
  );

  app.put(
    '/api/cases/:id/route',
    {
      config: { access: { roles: CASE_WRITERS } },
      schema: {
        tags: ['cases'],
        summary: "Replace the case's route: recruitment, transit and exploitation places in order",
        params: IdParams,
        body: Type.Object({ events: Type.Array(RouteEventInput, { maxItems: 50 }) }),
        response: { 200: Type.Array(RouteEventView), ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => {
        const head = await requireEditable(scope.tx, request.params.id);
        await replaceRoute(scope, head.id, head.state_lgd, request.body.events);
        await recomputeDerived(scope.tx, head.id);
        await touchCase(scope.tx, head.id);
        await scope.audit({
          action: 'case.route',
          objectType: 'case',
          objectId: head.id,
          details: { events: request.body.events.length },
        });
        return loadRoute(scope.tx, head.id);
      }),
  );

  app.post(
    '/api/cases/:id/notes',
    {
      config: { access: { roles: CASE_READERS } },
      schema: {
        tags: ['cases'],
        summary: 'Add a note (the case unit, assisting units and the State nodal officer)',
        params: IdParams,
        body: Type.Object({ body: Type.String({ minLength: 1, maxLength: 10000 }) }),
        response: { 201: Type.Object({ ok: Type.Boolean() }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await ctx.inScope(request, (scope) => addNote(scope, request.params.id, request.body.body));
      return reply.status(201).send({ ok: true });
    },
  );

  const ShareView = Type.Object({
    unitId: Type.String(),
    unitName: Type.String(),
    purpose: Type.String(),
    identityAccess: Type.Boolean(),
    reason: Type.String(),
    grantedAt: Type.String(),
  });

  app.get(
    '/api/cases/:id/shares',
    {
      config: { access: { roles: CASE_READERS } },
      schema: {
        tags: ['cases'],
        summary: 'Units this case is shared with',
        params: IdParams,
        response: { 200: Type.Array(ShareView), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ctx.inScope(request, (scope) => listShares(scope, request.params.id)),
  );

  app.post(
    '/api/cases/:id/shares',
    {
      config: { access: { roles: CASE_WRITERS } },
      schema: {
        tags: ['cases'],
        summary:
          'Share the case with an assisting unit or refer it to an NGO or shelter; identity access needs the investigating unit',
        params: IdParams,
        body: Type.Object({
          unitId: Uuid,
          purpose: Type.Union([
            Type.Literal('assisting'),
            Type.Literal('referral'),
            Type.Literal('investigation_transfer'),
          ]),
          identityAccess: Type.Boolean(),
          reason: Type.String({ minLength: 5, maxLength: 500 }),
        }),
        response: { 200: Type.Array(ShareView), ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => {
        await shareCase(scope, request.params.id, request.body);
        return listShares(scope, request.params.id);
      }),
  );

  app.delete(
    '/api/cases/:id/shares/:unitId',
    {
      config: { access: { roles: CASE_WRITERS } },
      schema: {
        tags: ['cases'],
        summary: 'Stop sharing the case with a unit',
        params: Type.Object({ id: Uuid, unitId: Uuid }),
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await ctx.inScope(request, (scope) => revokeShare(scope, request.params.id, request.params.unitId));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/cases/:id/links',
    {
      config: { access: { roles: CASE_WRITERS } },
      schema: {
        tags: ['cases'],
        summary: 'Link another case (same network, same accused, same victim, follow-up …)',
        params: IdParams,
        body: Type.Object({
          caseId: Uuid,
          relation: literalUnion([
            'same_network',
            'same_accused',
            'same_victim',
            'follow_up',
            'transferred',
            'related',
          ] as const),
          note: Type.Optional(Type.String({ maxLength: 500 })),
        }),
        response: { 200: Type.Object({ ok: Type.Boolean() }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => {
        await linkCases(
          scope,
          request.params.id,
          request.body.caseId,
          request.body.relation,
          request.body.note,
        );
        return { ok: true };
      }),
  );

  app.post(
    '/api/cases/:id/attachments',
    {
      config: { access: { roles: CASE_READERS } },
      bodyLimit: Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 64 * 1024,
      schema: {
        tags: ['cases'],
        summary:
          'Attach a PDF, JPEG, PNG or WebP (≤ 10 MB, base64); type checked from the bytes, stored with its SHA-256',
        params: IdParams,
        body: Type.Object({
          fileName: Type.String({ minLength: 1, maxLength: 200 }),
          contentType: literalUnion(['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const),
          contentBase64: Type.String({ minLength: 4 }),
          personId: Type.Optional(Uuid),
          isIdentity: Type.Optional(
            Type.Boolean({ description: "true for a victim's photo: then served only with a reason" }),
          ),
          description: Type.Optional(Type.String({ maxLength: 500 })),
        }),
        response: {
          201: Type.Object({
            id: Type.String(),
            sha256: Type.String(),
            sizeBytes: Type.Integer(),
            contentType: Type.String(),
          }),
          ...errorResponses(400, 401, 403, 404, 413, 415, 422),
        },
      },
    },
    async (request, reply) => {
      const created = await ctx.inScope(request, (scope) =>
        addAttachment(scope, request.params.id, request.body),
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/attachments/:id/content',
    {
      config: { access: { roles: CASE_READERS } },
      schema: {
        tags: ['cases'],
        summary: "Download an attachment; a victim's photo needs ?reason=… and is audited",
        params: IdParams,
        querystring: Type.Object({ reason: Type.Optional(Type.String({ maxLength: 500 })) }),
      },
    },
    async (request, reply) => {
      const file = await ctx.inScope(request, (scope) =>
        readAttachment(scope, request.params.id, request.query.reason, request.ip),
      );
      return reply
        .header('content-type', file.content_type)
        .header('content-disposition', `attachment; filename="${file.file_name.replace(/[^\w.-]/g, '_')}"`)
        .header('x-content-sha256', file.sha256)
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );
}
