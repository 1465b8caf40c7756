import { Type } from '@fastify/type-provider-typebox';
import type { AppContext, SetuApp } from '../../server/app.ts';
import type { Role } from '../../server/access.ts';
import { createOnce, replyCreated } from '../../server/idempotency.ts';
import { errorResponses, IdParams, literalUnion } from '../../server/schemas.ts';
import { CASE_STATUSES } from './codes.ts';
import { getCase, listCases } from './repository.ts';
import { CaseInput, CaseListItem, CaseListQuery, CasePatch, CaseView } from './schemas.ts';
import { changeStatus, createCase, updateCase } from './service.ts';
import { CaseSummary, caseSummary } from './summary.ts';

/** Roles that work with cases at all; NGOs, shelters and others see only cases shared with their unit. */
export const CASE_READERS: readonly Role[] = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'liaison_officer',
  'ngo_caseworker',
  'auditor',
];
export const CASE_WRITERS: readonly Role[] = ['district_officer', 'state_nodal_officer', 'liaison_officer'];

export function registerCaseRoutes(app: SetuApp, ctx: AppContext): void {
  app.get(
    '/api/cases',
    {
      config: { access: { roles: CASE_READERS } },
      schema: {
        tags: ['cases'],
        summary: 'Cases in your jurisdiction or shared with your unit, filtered, sorted and paginated',
        querystring: CaseListQuery,
        response: {
          200: Type.Object({ items: Type.Array(CaseListItem), total: Type.Integer() }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => ctx.inScope(request, (scope) => listCases(scope, request.query)),
  );

  app.get(
    '/api/cases/summary',
    {
      config: { access: { roles: CASE_READERS } },
      schema: {
        tags: ['cases'],
        summary:
          'For the home page: open cases, charge-sheet deadlines due and overdue, recently updated cases',
        response: { 200: CaseSummary, ...errorResponses(401, 403) },
      },
    },
    async (request) => ctx.inScope(request, (scope) => caseSummary(scope)),
  );

  app.get(
    '/api/cases/codes',
    {
      config: { access: { signedIn: true } },
      schema: {
        tags: ['cases'],
        summary:
          'Code lists for case forms: legal sections (BNS and the IPC sections they replaced, special laws) and forms of exploitation',
        response: {
          200: Type.Object({
            legalSections: Type.Array(
              Type.Object({
                code: Type.String(),
                act: Type.String(),
                section: Type.String(),
                title: Type.String(),
                titleHi: Type.Union([Type.String(), Type.Null()]),
                replacedBy: Type.Union([Type.String(), Type.Null()]),
                chargeSheetDays: Type.Integer(),
              }),
            ),
            exploitationForms: Type.Array(
              Type.Object({ code: Type.String(), title: Type.String(), titleHi: Type.String() }),
            ),
            statuses: Type.Array(Type.String()),
          }),
          ...errorResponses(401),
        },
      },
    },
    async (request) =>
      ctx.inScope(request, async ({ tx }) => {
        const sections = await tx.query<{
          code: string;
          act: string;
          section: string;
          title: string;
          title_hi: string | null;
          replaced_by: string | null;
          charge_sheet_days: number;
        }>(
          `SELECT code, act, section, title, title_hi, replaced_by, charge_sheet_days FROM legal_sections
           ORDER BY array_position(ARRAY['BNS','IPC','ITPA','JJ','POCSO','BLSA','CALPA','PCMA','THOTA'], act), length(section), section`,
        );
        const forms = await tx.query<{ code: string; title: string; title_hi: string }>(
          'SELECT code, title, title_hi FROM exploitation_forms ORDER BY title',
        );
        return {
          legalSections: sections.rows.map((s) => ({
            code: s.code,
            act: s.act,
            section: s.section,
            title: s.title,
            titleHi: s.title_hi,
            replacedBy: s.replaced_by,
            chargeSheetDays: s.charge_sheet_days,
          })),
          exploitationForms: forms.rows.map((f) => ({ code: f.code, title: f.title, titleHi: f.title_hi })),
          statuses: [...CASE_STATUSES],
        };
      }),
  );

  app.get(
    '/api/cases/:id',
    {
      config: { access: { roles: CASE_READERS } },
      schema: {
        tags: ['cases'],
        summary: 'One case with its people (victim identity masked), route, timeline, notes and attachments',
        params: IdParams,
        response: { 200: CaseView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => {
        const view = await getCase(scope, request.params.id);
        await scope.audit({ action: 'case.view', objectType: 'case', objectId: view.id });
        return view;
      }),
  );

  app.post(
    '/api/cases',
    {
      config: { access: { roles: CASE_WRITERS } },
      bodyLimit: 1024 * 1024,
      schema: {
        tags: ['cases'],
        summary:
          'Register a case, optionally with its people and route; send an Idempotency-Key header so a retry cannot create it twice',
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String()) }),
        body: CaseInput,
        response: { 201: CaseView, ...errorResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const created = await ctx.inScope(request, (scope) =>
        createOnce(
          scope,
          request.headers['idempotency-key'],
          request.body,
          () => createCase(scope, request.body),
          (id) => getCase(scope, id),
        ),
      );
      return replyCreated(reply, created);
    },
  );

  app.patch(
    '/api/cases/:id',
    {
      config: { access: { roles: CASE_WRITERS } },
      schema: {
        tags: ['cases'],
        summary: "Change a case's details; send the version you last saw (a stale edit gets 409)",
        params: IdParams,
        body: CasePatch,
        response: { 200: CaseView, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => {
        await updateCase(scope, request.params.id, request.body);
        return getCase(scope, request.params.id);
      }),
  );

  app.post(
    '/api/cases/:id/status',
    {
      config: { access: { roles: CASE_WRITERS } },
      schema: {
        tags: ['cases'],
        summary:
          'Move the case along its lifecycle (registered → under investigation → charge-sheeted → on trial → verdict)',
        params: IdParams,
        body: Type.Object({
          status: literalUnion(CASE_STATUSES),
          effectiveOn: Type.Optional(Type.String({ format: 'date' })),
          note: Type.Optional(Type.String({ maxLength: 2000 })),
        }),
        response: { 200: CaseView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => {
        await changeStatus(scope, request.params.id, request.body);
        return getCase(scope, request.params.id);
      }),
  );
}
