import { Type } from '@fastify/type-provider-typebox';
import { SESSION_COOKIE, type AppContext, type SetuApp } from '../../server/app.ts';
import type { Actor } from '../../server/access.ts';
import { errorResponses } from '../../server/schemas.ts';
import {
  changePassword,
  completeMfa,
  confirmMfaEnrolment,
  signIn,
  signOut,
  startMfaEnrolment,
} from './service.ts';

const Me = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  unit: Type.Object({ id: Type.String(), name: Type.String() }),
  jurisdiction: Type.Object({
    level: Type.Union([Type.Literal('national'), Type.Literal('state'), Type.Literal('district')]),
    stateLgd: Type.Union([Type.Integer(), Type.Null()]),
    districtLgd: Type.Union([Type.Integer(), Type.Null()]),
  }),
  mfaEnrolled: Type.Boolean(),
  mfaPassed: Type.Boolean(),
});

const SignInStep = Type.Union([
  Type.Literal('complete'),
  Type.Literal('mfa_required'),
  Type.Literal('mfa_enrolment_required'),
]);

function presentMe(actor: Actor) {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    unit: { id: actor.unitId, name: actor.unitName },
    jurisdiction: { level: actor.level, stateLgd: actor.stateLgd, districtLgd: actor.districtLgd },
    mfaEnrolled: actor.mfaEnrolled,
    mfaPassed: actor.mfaPassed,
  };
}

const MfaCode = Type.Object({
  code: Type.String({ minLength: 6, maxLength: 20, description: 'A 6-digit TOTP code or a recovery code' }),
});

export function registerAuthRoutes(app: SetuApp, ctx: AppContext): void {
  const secureCookie = ctx.config.publicUrl.startsWith('https://');
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: secureCookie };

  app.post(
    '/api/auth/login',
    {
      // Slows password guessing from one address; the per-account lockout stops it.
      config: {
        access: { public: true },
        rateLimit: { max: ctx.config.loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with username and password; the response says whether a second factor follows',
        body: Type.Object({
          username: Type.String({ minLength: 1, maxLength: 100 }),
          password: Type.String({ minLength: 1, maxLength: 256 }),
        }),
        response: {
          200: Type.Object({ next: SignInStep, user: Me }),
          ...errorResponses(400, 401, 423, 429),
        },
      },
    },
    async (request, reply) => {
      const result = await signIn(ctx.auth, {
        username: request.body.username,
        password: request.body.password,
        clientIp: request.ip,
        userAgent: request.headers['user-agent'],
      });
      void reply.setCookie(SESSION_COOKIE, result.sessionToken, cookieOptions);
      return { next: result.step, user: presentMe(result.actor) };
    },
  );

  app.post(
    '/api/auth/mfa',
    {
      config: { access: { pendingMfa: true } },
      schema: {
        tags: ['auth'],
        summary: 'Second sign-in step: a TOTP code or a one-time recovery code',
        body: MfaCode,
        response: { 200: Type.Object({ user: Me }), ...errorResponses(400, 401, 409) },
      },
    },
    async (request) => {
      const actor = ctx.requireActor(request);
      await completeMfa(ctx.auth, actor, request.body.code, request.ip);
      return { user: presentMe({ ...actor, mfaPassed: true }) };
    },
  );

  app.post(
    '/api/auth/mfa/enrolment',
    {
      config: { access: { pendingMfa: true } },
      schema: {
        tags: ['auth'],
        summary: 'Start TOTP enrolment: returns a new secret and an otpauth:// URI for the authenticator app',
        response: {
          200: Type.Object({ secret: Type.String(), otpauthUri: Type.String() }),
          ...errorResponses(401, 409),
        },
      },
    },
    async (request) => startMfaEnrolment(ctx.auth, ctx.requireActor(request)),
  );

  app.post(
    '/api/auth/mfa/enrolment/confirm',
    {
      config: { access: { pendingMfa: true } },
      schema: {
        tags: ['auth'],
        summary: 'Confirm enrolment with a code from the new secret; returns recovery codes (shown once)',
        body: MfaCode,
        response: {
          200: Type.Object({ recoveryCodes: Type.Array(Type.String()), user: Me }),
          ...errorResponses(400, 401, 409),
        },
      },
    },
    async (request) => {
      const actor = ctx.requireActor(request);
      const recoveryCodes = await confirmMfaEnrolment(ctx.auth, actor, request.body.code, request.ip);
      return { recoveryCodes, user: presentMe({ ...actor, mfaEnrolled: true, mfaPassed: true }) };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: { pendingMfa: true } },
      schema: {
        tags: ['auth'],
        summary: 'End this session',
        response: { 204: Type.Null(), ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      await signOut(ctx.auth, ctx.requireActor(request), request.ip);
      void reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: { signedIn: true } },
      schema: {
        tags: ['auth'],
        summary: 'Change your own password (at least 12 characters); your other sessions end',
        body: Type.Object({
          currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
          newPassword: Type.String({ minLength: 12, maxLength: 256 }),
        }),
        response: { 204: Type.Null(), ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      await changePassword(ctx.auth, ctx.requireActor(request), request.body, request.ip);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: { pendingMfa: true } },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in account and its jurisdiction',
        response: { 200: Me, ...errorResponses(401) },
      },
    },
    (request) => presentMe(ctx.requireActor(request)),
  );
}
