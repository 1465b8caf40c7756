import type { Database } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { seedDemo } from '../../src/modules/demo/seed.ts';
import { importReference } from '../../src/modules/reference/import.ts';

export function referenceDir(): string {
  return process.env.SETU_REFERENCE_DIR ?? '../shared/data';
}

/** What every test database starts with: the schema, the real reference geography, the demo units and accounts. */
export async function prepareTemplateContent(db: Database): Promise<void> {
  await migrate(db);
  await importReference(db, referenceDir(), () => undefined);
  await seedDemo(db);
}
