import { Type } from '@fastify/type-provider-typebox';
import type { AppContext, SetuApp } from '../../server/app.ts';
import { createOnce, replyCreated } from '../../server/idempotency.ts';
import { errorResponses } from '../../server/schemas.ts';
import {
  CAMPAIGN_READERS,
  CAMPAIGN_WRITERS,
  CampaignInput,
  CampaignQuery,
  CampaignView,
  MapDistrict,
  MapQuery,
} from './schemas.ts';
import { campaignMap, getCampaign, listCampaigns, recordCampaign } from './service.ts';

const tags = ['campaigns'];

export function registerCampaignRoutes(app: SetuApp, ctx: AppContext): void {
  app.get(
    '/api/campaigns',
    {
      config: { access: { roles: CAMPAIGN_READERS } },
      schema: {
        tags,
        summary: 'Awareness campaigns of your State (all States nationally), by place, medium and period',
        querystring: CampaignQuery,
        response: {
          200: Type.Object({
            items: Type.Array(CampaignView),
            total: Type.Integer(),
            totalReach: Type.Integer(),
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => ctx.inScope(request, (scope) => listCampaigns(scope, request.query)),
  );

  app.get(
    '/api/campaigns/map',
    {
      config: { access: { roles: CAMPAIGN_READERS } },
      schema: {
        tags,
        summary:
          'Per district: campaigns and reach beside recruitment-stage route events (source districts), flagging vulnerable districts no campaign reached',
        querystring: MapQuery,
        response: {
          200: Type.Object({ districts: Type.Array(MapDistrict) }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => ctx.inScope(request, (scope) => campaignMap(scope, request.query)),
  );

  app.post(
    '/api/campaigns',
    {
      config: { access: { roles: CAMPAIGN_WRITERS } },
      schema: {
        tags,
        summary: 'Record an awareness campaign in a district (or at a railway station) of your jurisdiction',
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String()) }),
        body: CampaignInput,
        response: { 201: CampaignView, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const created = await ctx.inScope(request, (scope) =>
        createOnce(
          scope,
          request.headers['idempotency-key'],
          request.body,
          () => recordCampaign(scope, request.body),
          (id) => getCampaign(scope, id),
        ),
      );
      return replyCreated(reply, created);
    },
  );
}
