import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { SetuConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { SecretBox } from '../lib/secret-box.ts';
import { appendAudit, appendAuditSeparately } from '../modules/audit/service.ts';
import { actorFromApiToken, actorFromSession, type AuthDeps } from '../modules/auth/service.ts';
import type { Access, Actor, RequestScope } from './access.ts';
import { AppError, forbidden, fromDatabaseError, unauthenticated, type ErrorBody } from './errors.ts';
import { registerModules } from './modules.ts';

export const SESSION_COOKIE = 'setu_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | undefined;
  }
  interface FastifyInstance {
    /** Every API route with who may call it; the authorization sweep test walks this list. */
    routeTable: RouteAccess[];
  }
}

export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
}

export interface AppDeps {
  config: SetuConfig;
  db: Database;
  secrets: SecretBox;
}

export interface AppContext extends AppDeps {
  auth: AuthDeps;
  /** Runs fn in one transaction as the signed-in actor, under Row-Level Security, with audit in the same transaction. */
  inScope<T>(request: FastifyRequest, fn: (scope: RequestScope) => Promise<T>): Promise<T>;
  requireActor(request: FastifyRequest): Actor;
}

export type SetuApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export async function buildApp(deps: AppDeps, options: { logger?: boolean } = {}): Promise<SetuApp> {
  const { config, db } = deps;
  const app = Fastify({
    logger: options.logger ? { level: config.logLevel } : false,
    trustProxy: process.env.SETU_TRUST_PROXY === '1',
    bodyLimit: 2 * 1024 * 1024,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as SetuApp;

  const auth: AuthDeps = {
    db,
    secrets: deps.secrets,
    settings: {
      mfaMandatory: !config.demo,
      sessionIdleMinutes: config.sessionIdleMinutes,
      allowDemoAccounts: config.demo,
    },
  };

  const requireActor = (request: FastifyRequest): Actor => {
    if (!request.actor) throw unauthenticated();
    return request.actor;
  };

  const context: AppContext = {
    ...deps,
    auth,
    requireActor,
    inScope(request, fn) {
      const actor = requireActor(request);
      return db.asActor({ userId: actor.userId }, (tx) =>
        fn({
          actor,
          tx,
          audit: (entry) => appendAudit(tx, { actor, clientIp: request.ip }, entry),
        }),
      );
    },
  };

  app.decorateRequest('actor', undefined);
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      error: {
        code: 'rate_limited',
        message: `Too many attempts from your address. Wait ${Math.ceil(context.ttl / 1000)} seconds and try again.`,
      },
    }),
  });

  // Deny unless allowed: a route that does not say who may call it is a programming error.
  const routeTable: RouteAccess[] = [];
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`route ${String(route.method)} ${route.url} does not declare config.access`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, access });
    }
  });
  app.decorate('routeTable', routeTable);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Setu API',
        version: '0.1.0',
        description:
          "The API of Setu, the shared platform of India's anti-human-trafficking units. Sign in with " +
          'POST /api/auth/login (session cookie) or send an API token as `Authorization: Bearer setu_…`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access) return;
    const header = request.headers.authorization;
    const cookieValue = request.cookies[SESSION_COOKIE];
    if (header?.startsWith('Bearer ')) {
      request.actor = await actorFromApiToken(auth, header.slice('Bearer '.length).trim());
    } else if (cookieValue) {
      try {
        request.actor = await actorFromSession(auth, cookieValue);
      } catch (error) {
        if ('public' in access) return; // a stale cookie must not block the login page or health check
        throw error;
      }
    }
    if ('public' in access) return;
    const actor = request.actor;
    if (!actor) throw unauthenticated();
    if ('pendingMfa' in access) return;
    if (!actor.mfaPassed) {
      throw new AppError(
        401,
        actor.mfaEnrolled ? 'mfa_required' : 'mfa_enrolment_required',
        actor.mfaEnrolled
          ? 'Enter the code from your authenticator app to finish signing in.'
          : 'Set up two-factor authentication to finish signing in.',
      );
    }
    if ('roles' in access && !access.roles.includes(actor.role)) throw forbidden();
  });

  // Browser hardening for every response; API data is personal and must not sit in shared caches.
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'no-referrer');
    void reply.header('x-frame-options', 'DENY');
    if (request.url.startsWith('/api/')) {
      if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    } else {
      void reply.header(
        'content-security-policy',
        "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; " +
          "worker-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
      );
    }
  });

  app.setErrorHandler(async (error, request, reply) => {
    let appError: AppError | undefined;
    if (error instanceof AppError) appError = error;
    else if (typeof error === 'object' && error !== null && 'validation' in error && error.validation) {
      appError = new AppError(400, 'invalid_request', validationMessage(error), {
        issues: (error as { validation: unknown[] }).validation,
      });
    } else appError = fromDatabaseError(error);
    const status = (error as { statusCode?: number }).statusCode;
    if (!appError && typeof status === 'number' && status >= 400 && status < 500) {
      appError = new AppError(status, codeForStatus(status), (error as Error).message);
    }
    if (!appError) {
      request.log.error({ err: error }, 'unhandled error');
      appError = new AppError(
        500,
        'internal_error',
        'Something went wrong on the server. The error was logged; try again, and tell your administrator if it persists.',
      );
    }
    // Refusals are part of the audit trail: who tried to reach what, from where.
    if ((appError.statusCode === 403 || appError.statusCode === 404) && request.actor) {
      await appendAuditSeparately(
        db,
        { actor: request.actor, clientIp: request.ip },
        {
          action: `${request.method} ${request.routeOptions.url ?? request.url}`,
          outcome: 'refused',
          reason: appError.message,
          details: { params: request.params ?? {} },
        },
      ).catch((auditError: unknown) => request.log.error({ err: auditError }, 'could not audit a refusal'));
    }
    const body: ErrorBody = {
      error: {
        code: appError.code,
        message: appError.message,
        ...(appError.details ? { details: appError.details } : {}),
      },
    };
    return reply.status(appError.statusCode).send(body);
  });

  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith('/api/')) {
      return reply.status(404).send({
        error: {
          code: 'not_found',
          message: `There is no API route ${request.method} ${request.url.split('?')[0] ?? ''}.`,
        },
      });
    }
    // A missing asset is a 404, not the app page: a stale page would otherwise load HTML as a script.
    if (request.url.startsWith('/assets/')) return reply.status(404).type('text/plain').send('Not found');
    if (fs.existsSync(path.join(WEB_DIST, 'index.html')))
      return reply.type('text/html').sendFile('index.html');
    return reply
      .status(404)
      .type('text/plain')
      .send('The web app is not built. Run `npm start`, which builds it.');
  });

  await registerModules(app, context);

  if (fs.existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      // Looks files up per request, so a rebuild while the server runs is served at once.
      wildcard: true,
      index: 'index.html',
      // The build writes .br/.gz next to each asset: a district officer on 3G downloads a third.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, filePath) => {
        // Hashed assets never change; the page that names them must always be fresh.
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        void res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  return app;
}

function validationMessage(error: unknown): string {
  const issues =
    (
      error as {
        validation?: { instancePath?: string; message?: string; params?: Record<string, unknown> }[];
        validationContext?: string;
      }
    ).validation ?? [];
  const where = (error as { validationContext?: string }).validationContext ?? 'request';
  const parts = issues.slice(0, 5).map((issue) => {
    const field = issue.instancePath ? issue.instancePath.replace(/^\//, '').replaceAll('/', '.') : '';
    const missing = issue.params?.missingProperty;
    if (typeof missing === 'string') return `${field ? `${field}.` : ''}${missing} is required`;
    const extra = issue.params?.additionalProperty;
    if (typeof extra === 'string') return `${field ? `${field}.` : ''}${extra} is not a known field`;
    return `${field || where} ${issue.message ?? 'is not valid'}`;
  });
  return `The ${where} is not valid: ${parts.join('; ')}.`;
}

function codeForStatus(status: number): string {
  switch (status) {
    case 400:
      return 'bad_request';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 405:
      return 'method_not_allowed';
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    case 429:
      return 'rate_limited';
    default:
      return 'request_error';
  }
}
