import { Type } from '@fastify/type-provider-typebox';
import { Conditions, likePattern } from '../../db/sql.ts';
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
        const filter = new Conditions();
        if (q.actor) filter.add((p) => `lower(actor_username) = lower(${p})`, q.actor);
        if (q.action) filter.add((p) => `action LIKE ${p}`, likePattern(q.action, 'prefix'));
        if (q.objectType) filter.add((p) => `object_type = ${p}`, q.objectType);
        if (q.objectId) filter.add((p) => `object_id = ${p}`, q.objectId);
        if (q.outcome) filter.add((p) => `outcome = ${p}`, q.outcome);
        if (q.from) filter.add((p) => `occurred_at >= ${p}`, q.from);
        if (q.to) filter.add((p) => `occurred_at < ${p}`, q.to);
        const total = await scope.tx.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM audit_log ${filter.where}`,
          filter.params,
        );
        const page = filter.page(q.limit ?? 50, q.offset ?? 0);
        const { rows } = await scope.tx.query<AuditRow>(
          `SELECT seq, occurred_at, actor_user_id, actor_username, actor_unit_id, action, object_type, object_id,
             outcome, reason, client_ip, details
           FROM audit_log ${filter.where} ORDER BY seq DESC ${page.sql}`,
          page.params,
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
