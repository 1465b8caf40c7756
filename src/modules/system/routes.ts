import { Type } from '@fastify/type-provider-typebox';
import type { AppContext, SetuApp } from '../../server/app.ts';
import { errorResponses } from '../../server/schemas.ts';

export function registerSystemRoutes(app: SetuApp, ctx: AppContext): void {
  app.get(
    '/api/health',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database reachability, for load balancers and monitoring',
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
            schemaVersion: Type.String(),
            demo: Type.Boolean(),
          }),
          ...errorResponses(503),
        },
      },
    },
    async () => {
      const { rows } = await ctx.db.asSystem((tx) =>
        tx.query<{ version: string }>('SELECT max(version) AS version FROM schema_migrations'),
      );
      return {
        status: 'ok' as const,
        database: ctx.db.kind,
        schemaVersion: rows[0]?.version ?? 'none',
        demo: ctx.config.demo,
      };
    },
  );

  app.get(
    '/api/openapi.json',
    {
      config: { access: { public: true } },
      schema: { tags: ['system'], summary: 'This API as an OpenAPI 3.1 document', hide: true },
    },
    () => app.swagger(),
  );
}
