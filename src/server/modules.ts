import type { AppContext, SetuApp } from './app.ts';
import { registerAuthRoutes } from '../modules/auth/routes.ts';
import { registerSystemRoutes } from '../modules/system/routes.ts';

/** Every domain module's routes, in one place so the route table is easy to audit. */
export async function registerModules(app: SetuApp, ctx: AppContext): Promise<void> {
  registerSystemRoutes(app, ctx);
  registerAuthRoutes(app, ctx);
  await Promise.resolve();
}
