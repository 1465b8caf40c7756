import { Type } from '@fastify/type-provider-typebox';
import type { AppContext, SetuApp } from '../../server/app.ts';
import { createOnce, replyCreated } from '../../server/idempotency.ts';
import { errorResponses, IdParams } from '../../server/schemas.ts';
import { getActionItem, getMeetingView, listActionItems, listMeetings } from './repository.ts';
import {
  ACTION_OWNERS,
  ActionItemInput,
  ActionItemPatch,
  ActionItemQuery,
  ActionItemView,
  AgendaItemInput,
  MEETING_CHAIRS,
  MEETING_READERS,
  MeetingInput,
  MeetingListItem,
  MeetingListQuery,
  MeetingPatch,
  MeetingView,
} from './schemas.ts';
import { addActionItem, updateActionItem } from './action-items.ts';
import { addAgendaItem, createMeeting, updateMeeting } from './service.ts';

export function registerMeetingRoutes(app: SetuApp, ctx: AppContext): void {
  app.get(
    '/api/meetings',
    {
      config: { access: { roles: MEETING_READERS } },
      schema: {
        tags: ['meetings'],
        summary: 'Coordination meetings of your State (all States nationally), latest first',
        querystring: MeetingListQuery,
        response: {
          200: Type.Object({ items: Type.Array(MeetingListItem), total: Type.Integer() }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => ctx.inScope(request, (scope) => listMeetings(scope, request.query)),
  );

  app.get(
    '/api/meetings/action-items',
    {
      config: { access: { roles: [...MEETING_READERS, 'ngo_caseworker'] } },
      schema: {
        tags: ['meetings'],
        summary:
          'Action items from coordination meetings: filter by overdue, status, State, meeting, or your own (mine=true)',
        querystring: ActionItemQuery,
        response: {
          200: Type.Object({ items: Type.Array(ActionItemView), total: Type.Integer() }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => ctx.inScope(request, (scope) => listActionItems(scope, request.query)),
  );

  app.get(
    '/api/meetings/:id',
    {
      config: { access: { roles: MEETING_READERS } },
      schema: {
        tags: ['meetings'],
        summary: 'One meeting with its agenda, minutes and action items',
        params: IdParams,
        response: { 200: MeetingView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ctx.inScope(request, (scope) => getMeetingView(scope, request.params.id)),
  );

  app.post(
    '/api/meetings',
    {
      config: { access: { roles: MEETING_CHAIRS } },
      schema: {
        tags: ['meetings'],
        summary:
          "Call a State's coordination meeting; its agenda is drawn up now from the State's overdue requests and open alerts. Send an Idempotency-Key header so a retry cannot call it twice.",
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String()) }),
        body: MeetingInput,
        response: { 201: MeetingView, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const created = await ctx.inScope(request, (scope) =>
        createOnce(
          scope,
          request.headers['idempotency-key'],
          request.body,
          () => createMeeting(scope, request.body),
          (id) => getMeetingView(scope, id),
        ),
      );
      return replyCreated(reply, created);
    },
  );

  app.patch(
    '/api/meetings/:id',
    {
      config: { access: { roles: MEETING_CHAIRS } },
      schema: {
        tags: ['meetings'],
        summary: 'Change the date, place, title, status (scheduled, held, cancelled) or record the minutes',
        params: IdParams,
        body: MeetingPatch,
        response: { 200: MeetingView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => {
        await updateMeeting(scope, request.params.id, request.body);
        return getMeetingView(scope, request.params.id);
      }),
  );

  app.post(
    '/api/meetings/:id/agenda',
    {
      config: { access: { roles: MEETING_CHAIRS } },
      schema: {
        tags: ['meetings'],
        summary: 'Add an agenda item of your own',
        params: IdParams,
        body: AgendaItemInput,
        response: { 201: MeetingView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const view = await ctx.inScope(request, async (scope) => {
        await addAgendaItem(scope, request.params.id, request.body);
        return getMeetingView(scope, request.params.id);
      });
      return reply.status(201).send(view);
    },
  );

  app.post(
    '/api/meetings/:id/action-items',
    {
      config: { access: { roles: MEETING_CHAIRS } },
      schema: {
        tags: ['meetings'],
        summary:
          'Record an action item with its owner (an account or a unit) and due date; the owner is notified',
        params: IdParams,
        body: ActionItemInput,
        response: { 201: MeetingView, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const view = await ctx.inScope(request, async (scope) => {
        await addActionItem(scope, request.params.id, request.body);
        return getMeetingView(scope, request.params.id);
      });
      return reply.status(201).send(view);
    },
  );

  app.patch(
    '/api/meetings/action-items/:id',
    {
      config: { access: { roles: ACTION_OWNERS } },
      schema: {
        tags: ['meetings'],
        summary:
          'Mark an action item done (or open again) with a note — its owner or the chair; the chair also changes title, owner and due date',
        params: IdParams,
        body: ActionItemPatch,
        response: { 200: ActionItemView, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => {
        await updateActionItem(scope, request.params.id, request.body);
        return getActionItem(scope, request.params.id);
      }),
  );
}
