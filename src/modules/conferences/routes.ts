import { Type } from '@fastify/type-provider-typebox';
import type { AppContext, SetuApp } from '../../server/app.ts';
import { createOnce, replyCreated } from '../../server/idempotency.ts';
import { errorResponses, IdParams } from '../../server/schemas.ts';
import { addActionItem, addResolution, setParticipants, updateActionItem } from './actions.ts';
import { getActionItem, getConferenceView, listActionItems, listConferences } from './repository.ts';
import {
  ACTION_FOLLOWERS,
  ActionItemInput,
  ActionItemPatch,
  ActionItemQuery,
  ActionItemView,
  CONFERENCE_PROPOSERS,
  CONFERENCE_READERS,
  ConferenceInput,
  ConferenceListItem,
  ConferenceListQuery,
  ConferencePatch,
  ConferenceView,
  ParticipantInput,
  ResolutionInput,
  TransitionInput,
} from './schemas.ts';
import { createConference, transitionConference, updateConference } from './service.ts';

const tags = ['conferences'];

export function registerConferenceRoutes(app: SetuApp, ctx: AppContext): void {
  app.get(
    '/api/conferences',
    {
      config: { access: { roles: CONFERENCE_READERS } },
      schema: {
        tags,
        summary: 'State conferences and judicial colloquia of your State (all States nationally)',
        querystring: ConferenceListQuery,
        response: {
          200: Type.Object({ items: Type.Array(ConferenceListItem), total: Type.Integer() }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => ctx.inScope(request, (scope) => listConferences(scope, request.query)),
  );

  app.get(
    '/api/conferences/action-items',
    {
      config: { access: { roles: [...CONFERENCE_READERS, 'ngo_caseworker'] } },
      schema: {
        tags,
        summary:
          'Action items from conference resolutions: overdue, by status, State, conference, or your unit’s',
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
    '/api/conferences/:id',
    {
      config: { access: { roles: CONFERENCE_READERS } },
      schema: {
        tags,
        summary: 'One conference: budget, participants, resolutions, action items and what you may do now',
        params: IdParams,
        response: { 200: ConferenceView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ctx.inScope(request, (scope) => getConferenceView(scope, request.params.id)),
  );

  app.post(
    '/api/conferences',
    {
      config: { access: { roles: CONFERENCE_PROPOSERS } },
      schema: {
        tags,
        summary:
          'Propose a conference or judicial colloquium with its budget lines; MHA-funded lines may total at most Rs 2 lakh (422 over_mha_cap otherwise)',
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String()) }),
        body: ConferenceInput,
        response: { 201: ConferenceView, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const created = await ctx.inScope(request, (scope) =>
        createOnce(
          scope,
          request.headers['idempotency-key'],
          request.body,
          () => createConference(scope, request.body),
          (id) => getConferenceView(scope, id),
        ),
      );
      return replyCreated(reply, created);
    },
  );

  app.patch(
    '/api/conferences/:id',
    {
      config: { access: { roles: CONFERENCE_PROPOSERS } },
      schema: {
        tags,
        summary: 'Change a proposal (while proposed or returned): details, dates or the whole budget',
        params: IdParams,
        body: ConferencePatch,
        response: { 200: ConferenceView, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => {
        await updateConference(scope, request.params.id, request.body);
        return getConferenceView(scope, request.params.id);
      }),
  );

  app.post(
    '/api/conferences/:id/transitions',
    {
      config: { access: { roles: CONFERENCE_PROPOSERS } },
      schema: {
        tags,
        summary:
          'approve or return (approvers, when proposed), resubmit (when returned), hold (when approved), close (approvers, when held and every action item is done)',
        params: IdParams,
        body: TransitionInput,
        response: { 200: ConferenceView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => {
        await transitionConference(scope, request.params.id, request.body);
        return getConferenceView(scope, request.params.id);
      }),
  );

  app.put(
    '/api/conferences/:id/participants',
    {
      config: { access: { roles: CONFERENCE_PROPOSERS } },
      schema: {
        tags,
        summary: 'Record participants by category: planned, and attended once held',
        params: IdParams,
        body: Type.Object(
          { participants: Type.Array(ParticipantInput, { minItems: 1, maxItems: 11 }) },
          { additionalProperties: false },
        ),
        response: { 200: ConferenceView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => {
        await setParticipants(scope, request.params.id, request.body.participants);
        return getConferenceView(scope, request.params.id);
      }),
  );

  app.post(
    '/api/conferences/:id/resolutions',
    {
      config: { access: { roles: CONFERENCE_PROPOSERS } },
      schema: {
        tags,
        summary: 'Record a resolution of a held conference',
        params: IdParams,
        body: ResolutionInput,
        response: { 201: ConferenceView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const view = await ctx.inScope(request, async (scope) => {
        await addResolution(scope, request.params.id, request.body.text);
        return getConferenceView(scope, request.params.id);
      });
      return reply.status(201).send(view);
    },
  );

  app.post(
    '/api/conferences/:id/action-items',
    {
      config: { access: { roles: CONFERENCE_PROPOSERS } },
      schema: {
        tags,
        summary: 'Record an action item with its owner unit and due date; the owner unit is notified',
        params: IdParams,
        body: ActionItemInput,
        response: { 201: ConferenceView, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const view = await ctx.inScope(request, async (scope) => {
        await addActionItem(scope, request.params.id, request.body);
        return getConferenceView(scope, request.params.id);
      });
      return reply.status(201).send(view);
    },
  );

  app.patch(
    '/api/conferences/action-items/:id',
    {
      config: { access: { roles: ACTION_FOLLOWERS } },
      schema: {
        tags,
        summary:
          'Report progress on an action item (owner unit or approvers); approvers also move the due date',
        params: IdParams,
        body: ActionItemPatch,
        response: { 200: ActionItemView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      ctx.inScope(request, async (scope) => {
        await updateActionItem(scope, request.params.id, request.body);
        return getActionItem(scope, request.params.id);
      }),
  );
}
