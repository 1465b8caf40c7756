import { Type } from '@fastify/type-provider-typebox';
import type { AppContext, SetuApp } from '../../server/app.ts';
import { createOnce, replyCreated } from '../../server/idempotency.ts';
import { errorResponses, IdParams } from '../../server/schemas.ts';
import { certificatePdf, issueCertificate } from './certificates.ts';
import { createParticipant, getParticipant, listParticipants, recordAttendance } from './participants.ts';
import { createProgramme, getProgramme, listProgrammes } from './programmes.ts';
import {
  AttendanceInput,
  AttendanceParams,
  CertificateView,
  PROGRAMME_AUTHORS,
  ParticipantInput,
  ParticipantQuery,
  ParticipantView,
  ProgrammeInput,
  ProgrammeView,
  SessionInput,
  SessionListItem,
  SessionListQuery,
  SessionPatch,
  SessionView,
  TRAINING_MANAGERS,
  TRAINING_READERS,
} from './schemas.ts';
import { createSession, getSession, listSessions, updateSession } from './sessions.ts';

const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String()) });

export function registerTrainingRoutes(app: SetuApp, ctx: AppContext): void {
  app.get(
    '/api/training/programmes',
    {
      config: { access: { roles: TRAINING_READERS } },
      schema: {
        tags: ['training'],
        summary: 'Training programmes: national ones and those of your State',
        response: { 200: Type.Object({ items: Type.Array(ProgrammeView) }), ...errorResponses(401, 403) },
      },
    },
    async (request) => ctx.inScope(request, (scope) => listProgrammes(scope)),
  );

  app.post(
    '/api/training/programmes',
    {
      config: { access: { roles: PROGRAMME_AUTHORS } },
      schema: {
        tags: ['training'],
        summary: 'Create a programme (Training of Trainers, induction, refresher or specialised)',
        headers: IdempotencyHeaders,
        body: ProgrammeInput,
        response: { 201: ProgrammeView, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const created = await ctx.inScope(request, (scope) =>
        createOnce(
          scope,
          request.headers['idempotency-key'],
          request.body,
          () => createProgramme(scope, request.body),
          (id) => getProgramme(scope, id),
        ),
      );
      return replyCreated(reply, created);
    },
  );

  app.get(
    '/api/training/sessions',
    {
      config: { access: { roles: TRAINING_READERS } },
      schema: {
        tags: ['training'],
        summary: 'Training sessions held in your jurisdiction, that you run, or that your people attended',
        querystring: SessionListQuery,
        response: {
          200: Type.Object({ items: Type.Array(SessionListItem), total: Type.Integer() }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => ctx.inScope(request, (scope) => listSessions(scope, request.query)),
  );

  app.post(
    '/api/training/sessions',
    {
      config: { access: { roles: TRAINING_MANAGERS } },
      schema: {
        tags: ['training'],
        summary: 'Record a session of a programme: dates, place, the unit holding it, and its trainers',
        headers: IdempotencyHeaders,
        body: SessionInput,
        response: { 201: SessionView, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const created = await ctx.inScope(request, (scope) =>
        createOnce(
          scope,
          request.headers['idempotency-key'],
          request.body,
          () => createSession(scope, request.body),
          (id) => getSession(scope, id),
        ),
      );
      return replyCreated(reply, created);
    },
  );

  app.get(
    '/api/training/sessions/:id',
    {
      config: { access: { roles: TRAINING_READERS } },
      schema: {
        tags: ['training'],
        summary: 'One session with its trainers, participants, attendance and assessment scores',
        params: IdParams,
        response: { 200: SessionView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ctx.inScope(request, (scope) => getSession(scope, request.params.id)),
  );

  app.patch(
    '/api/training/sessions/:id',
    {
      config: { access: { roles: TRAINING_MANAGERS } },
      schema: {
        tags: ['training'],
        summary:
          'Change dates, place, status (planned, held, cancelled) or the trainers of a session you manage',
        params: IdParams,
        body: SessionPatch,
        response: { 200: SessionView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => {
        await updateSession(scope, request.params.id, request.body);
        return getSession(scope, request.params.id);
      }),
  );

  app.get(
    '/api/training/participants',
    {
      config: { access: { roles: TRAINING_READERS } },
      schema: {
        tags: ['training'],
        summary: 'People trained or to be trained, from every service; search by name',
        querystring: ParticipantQuery,
        response: {
          200: Type.Object({ items: Type.Array(ParticipantView), total: Type.Integer() }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => ctx.inScope(request, (scope) => listParticipants(scope, request.query)),
  );

  app.post(
    '/api/training/participants',
    {
      config: { access: { roles: TRAINING_MANAGERS } },
      schema: {
        tags: ['training'],
        summary: 'Register a participant (a Setu account is not needed): name, service, unit or place',
        headers: IdempotencyHeaders,
        body: ParticipantInput,
        response: { 201: ParticipantView, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const created = await ctx.inScope(request, (scope) =>
        createOnce(
          scope,
          request.headers['idempotency-key'],
          request.body,
          () => createParticipant(scope, request.body),
          (id) => getParticipant(scope, id),
        ),
      );
      return replyCreated(reply, created);
    },
  );

  app.put(
    '/api/training/sessions/:id/participants/:participantId',
    {
      config: { access: { roles: TRAINING_MANAGERS } },
      schema: {
        tags: ['training'],
        summary: 'Add a participant to a session, or record attendance and pre- and post-assessment scores',
        params: AttendanceParams,
        body: AttendanceInput,
        response: { 200: SessionView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => {
        await recordAttendance(scope, request.params.id, request.params.participantId, request.body);
        return getSession(scope, request.params.id);
      }),
  );

  app.post(
    '/api/training/sessions/:id/participants/:participantId/certificate',
    {
      config: { access: { roles: TRAINING_MANAGERS } },
      schema: {
        tags: ['training'],
        summary: 'Issue the certificate of one who attended (once; again returns the same code)',
        params: AttendanceParams,
        response: { 201: CertificateView, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const issued = await ctx.inScope(request, (scope) =>
        issueCertificate(scope, request.params.id, request.params.participantId),
      );
      return reply
        .status(201)
        .send({ ...issued, verifyPath: `/certificates/verify?code=${encodeURIComponent(issued.code)}` });
    },
  );

  app.get(
    '/api/training/sessions/:id/participants/:participantId/certificate.pdf',
    {
      config: { access: { roles: TRAINING_READERS } },
      schema: {
        tags: ['training'],
        summary: 'The certificate as a PDF, with its verification code',
        params: AttendanceParams,
        response: {
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }),
          ...errorResponses(401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const origin = `${request.protocol}://${request.host}`;
      const bytes = await ctx.inScope(request, (scope) =>
        certificatePdf(scope, request.params.id, request.params.participantId, origin),
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', 'attachment; filename="setu-certificate.pdf"')
        .send(Buffer.from(bytes));
    },
  );
}
