import type { Database } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { seedDemoCases } from '../../src/modules/demo/cases.ts';
import { seedDemoChannel } from '../../src/modules/demo/channel.ts';
import { seedDemo } from '../../src/modules/demo/seed.ts';
import { importReference } from '../../src/modules/reference/import.ts';

/** Fewer demo cases than `npm start` makes (600), to keep template building and tests fast. */
export const TEMPLATE_DEMO_CASES = 120;

export function referenceDir(): string {
  return process.env.SETU_REFERENCE_DIR ?? '../shared/data';
}

/** What every test database starts with: the schema, the real reference geography, the demo units, accounts and cases. */
export async function prepareTemplateContent(db: Database): Promise<void> {
  await migrate(db);
  await importReference(db, referenceDir(), () => undefined);
  await seedDemo(db);
  await seedDemoCases(db, { count: TEMPLATE_DEMO_CASES, referenceDir: referenceDir() });
  await seedDemoChannel(db);
}
