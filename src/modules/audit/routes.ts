import { Type } from '@fastify/type-provider-typebox';
import type { AppContext, SetuApp } from '../../server/app.ts';
import { errorResponses, PageQuery } from '../../server/schemas.ts';
import { verifyAuditChain } from './service.ts';

const READERS = ['auditor', 'system_admin'] as const;

const AuditEntryView = Type.Object({
  seq: Type.Integer(),
  occurredAt: Type.String(),
  actorUserId: Type.Union([Type.String(), Type.Null()]),
  actorUsername: Type.Union([Type.String(), Type.Null()]),
  actorUnitId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  objectType: Type.Union([Type.String(), Type.Null()]),
  objectId: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.String(),
  reason: Type.Union([Type.String(), Type.Null()]),
  clientIp: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
});

interface AuditRow {
  seq: number | string; // int8: a string from some drivers
  occurred_at: string | Date;
  actor_user_id: string | null;
  actor_username: string | null;
  actor_unit_id: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  outcome: string;
  reason: string | null;
  client_ip: string | null;
  details: Record<string, unknown>;
}

export function registerAuditRoutes(app: SetuApp, ctx: AppContext): void {
  app.get(
    '/api/audit',
    {
      config: { access: { roles: READERS } },
      schema: {
        tags: ['audit'],
        summary: 'The audit trail of your jurisdiction, newest first',
        querystring: Type.Object({
          actor: Type.Optional(Type.String({ maxLength: 100, description: 'username' })),
          action: Type.Optional(Type.String({ maxLength: 100, description: 'prefix, e.g. `auth.`' })),
          objectType: Type.Optional(Type.String({ maxLength: 50 })),
          objectId: Type.Optional(Type.String({ maxLength: 100 })),
          outcome: Type.Optional(
            Type.Union([Type.Literal('success'), Type.Literal('refused'), Type.Literal('failed')]),
          ),
          from: Type.Optional(Type.String({ format: 'date-time' })),
          to: Type.Optional(Type.String({ format: 'date-time' })),
          ...PageQuery,
        }),
        response: {
          200: Type.Object({ items: Type.Array(AuditEntryView), total: Type.Integer() }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => {
        const q = request.query;
        const where: string[] = [];
        const params: unknown[] = [];
        const add = (clause: (n: number) => string, value: unknown) => {
          params.push(value);
          where.push(clause(params.length));
        };
        if (q.actor) add((n) => `lower(actor_username) = lower($${n})`, q.actor);
        if (q.action) add((n) => `action LIKE $${n}`, `${q.action.replace(/[%_\\]/g, (m) => `\\${m}`)}%`);
        if (q.objectType) add((n) => `object_type = $${n}`, q.objectType);
        if (q.objectId) add((n) => `object_id = $${n}`, q.objectId);
        if (q.outcome) add((n) => `outcome = $${n}`, q.outcome);
        if (q.from) add((n) => `occurred_at >= $${n}`, q.from);
        if (q.to) add((n) => `occurred_at < $${n}`, q.to);
        const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
        const total = await scope.tx.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM audit_log ${filter}`,
          params,
        );
        params.push(q.limit ?? 50, q.offset ?? 0);
        const { rows } = await scope.tx.query<AuditRow>(
          `SELECT seq, occurred_at, actor_user_id, actor_username, actor_unit_id, action, object_type, object_id,
             outcome, reason, client_ip, details
           FROM audit_log ${filter} ORDER BY seq DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
          params,
        );
        return {
          total: total.rows[0]?.n ?? 0,
          items: rows.map((row) => ({
            seq: Number(row.seq),
            occurredAt: new Date(row.occurred_at).toISOString(),
            actorUserId: row.actor_user_id,
            actorUsername: row.actor_username,
            actorUnitId: row.actor_unit_id,
            action: row.action,
            objectType: row.object_type,
            objectId: row.object_id,
            outcome: row.outcome,
            reason: row.reason,
            clientIp: row.client_ip,
            details: row.details,
          })),
        };
      }),
  );

  app.post(
    '/api/audit/verify',
    {
      config: { access: { roles: READERS } },
      schema: {
        tags: ['audit'],
        summary:
          'Recompute the whole hash chain and report the first entry that was altered, removed or reordered',
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            checked: Type.Integer(),
            lastSeq: Type.Integer(),
            problem: Type.Optional(
              Type.Object({ seq: Type.Integer(), problem: Type.String(), message: Type.String() }),
            ),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => {
      const result = await verifyAuditChain(ctx.db);
      await ctx.inScope(request, (scope) =>
        scope.audit({
          action: 'audit.verify',
          outcome: result.ok ? 'success' : 'failed',
          details: { checked: result.checked, ...(result.problem ? { problem: result.problem } : {}) },
        }),
      );
      return result;
    },
  );
}
