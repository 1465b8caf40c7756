import type { AppContext, SetuApp } from './app.ts';
import { registerAlertRoutes } from '../modules/alerts/routes.ts';
import { registerAuditRoutes } from '../modules/audit/routes.ts';
import { registerAuthRoutes } from '../modules/auth/routes.ts';
import { registerCaseDetailRoutes } from '../modules/cases/routes-details.ts';
import { registerCaseRoutes } from '../modules/cases/routes.ts';
import { registerMeetingRoutes } from '../modules/meetings/routes.ts';
import { registerNotificationRoutes } from '../modules/notifications/routes.ts';
import { registerReferenceRoutes } from '../modules/reference/routes.ts';
import { registerRequestRoutes } from '../modules/requests/routes.ts';
import { registerSystemRoutes } from '../modules/system/routes.ts';
import { registerUnitRoutes } from '../modules/units/routes.ts';
import { registerUserRoutes } from '../modules/users/routes.ts';

/** Every domain module's routes, in one place so the route table is easy to review. */
export async function registerModules(app: SetuApp, ctx: AppContext): Promise<void> {
  registerSystemRoutes(app, ctx);
  registerAuthRoutes(app, ctx);
  registerUserRoutes(app, ctx);
  registerUnitRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerCaseRoutes(app, ctx);
  registerCaseDetailRoutes(app, ctx);
  registerReferenceRoutes(app, ctx);
  registerRequestRoutes(app, ctx);
  registerAlertRoutes(app, ctx);
  registerNotificationRoutes(app, ctx);
  registerMeetingRoutes(app, ctx);
  await Promise.resolve();
}
