import type { Database } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { seedDemoCases } from '../../src/modules/demo/cases.ts';
import { seedDemoCapacity } from '../../src/modules/demo/capacity-seed.ts';
import { seedDemoChannel } from '../../src/modules/demo/channel.ts';
import { seedDemoCoordination } from '../../src/modules/demo/coordination-seed.ts';
import { seedDemoRestoration } from '../../src/modules/demo/restoration-seed.ts';
import { seedDemo } from '../../src/modules/demo/seed.ts';
import { drainMatchQueue } from '../../src/modules/linkage/matcher.ts';
import { importReference } from '../../src/modules/reference/import.ts';
import { importStatistics } from '../../src/modules/statistics/import.ts';

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
  await seedDemoCoordination(db);
  await seedDemoCapacity(db);
  await seedDemoRestoration(db, { referenceDir: referenceDir(), missing: 40 });
  // Demo persons matched once here, so each test starts with an empty linkage queue.
  await drainMatchQueue(db);
  await importStatistics(db, referenceDir());
}
