/** The coordination and outreach modules (conferences, compendium, campaigns, tip line), registered together. */
import type { AppContext, SetuApp } from '../../server/app.ts';
import { registerCampaignRoutes } from '../campaigns/routes.ts';
import { registerCompendiumRoutes } from '../compendium/routes.ts';
import { registerTipRoutes } from '../tips/routes.ts';
import { registerConferenceRoutes } from './routes.ts';

export function registerCoordinationRoutes(app: SetuApp, ctx: AppContext): void {
  registerConferenceRoutes(app, ctx);
  registerCompendiumRoutes(app, ctx);
  registerCampaignRoutes(app, ctx);
  registerTipRoutes(app, ctx);
}
