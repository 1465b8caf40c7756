import type { AppContext, SetuApp } from './app.ts';
import { registerAuditRoutes } from '../modules/audit/routes.ts';
import { registerAuthRoutes } from '../modules/auth/routes.ts';
import { registerCaseDetailRoutes } from '../modules/cases/routes-details.ts';
import { registerCaseRoutes } from '../modules/cases/routes.ts';
import { registerReferenceRoutes } from '../modules/reference/routes.ts';
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
  await Promise.resolve();
}
