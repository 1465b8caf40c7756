/**
 * Builds the two template databases every test file copies: a PGlite data-directory tarball and a
 * PostgreSQL template database, each migrated with the reference geography and demo accounts loaded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { dumpPglite, openDatabase } from '../src/db/database.ts';
import { PGLITE_TEMPLATE, preparePostgresTemplate } from '../test/helpers/databases.ts';
import { prepareTemplateContent } from '../test/helpers/template.ts';

const started = performance.now();
const pgUrl = process.env.SETU_TEST_PG_URL;

async function preparePglite(): Promise<void> {
  const db = await openDatabase({});
  await prepareTemplateContent(db);
  const blob = await dumpPglite(db);
  fs.mkdirSync(path.dirname(PGLITE_TEMPLATE), { recursive: true });
  fs.writeFileSync(PGLITE_TEMPLATE, Buffer.from(await blob.arrayBuffer()));
  await db.close();
}

await Promise.all([preparePglite(), pgUrl ? preparePostgresTemplate(pgUrl) : Promise.resolve()]);
console.log(
  `# test templates ready in ${((performance.now() - started) / 1000).toFixed(1)} s (${pgUrl ? 'PGlite and PostgreSQL' : 'PGlite only'})`,
);
