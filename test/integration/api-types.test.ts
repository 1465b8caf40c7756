/**
 * The web app's API types (web/src/api/generated/openapi.ts) are generated from the server's OpenAPI
 * document; these tests fail when the committed file no longer matches the server.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { buildOpenApiDocument, GENERATED_FILE, generateApiTypes } from '../../scripts/generate-api-types.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { testEngines } from '../helpers/databases.ts';

const REGENERATE = 'Run `npm run generate:api` and commit web/src/api/generated/openapi.ts.';

describe('generated API types', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(testEngines()[0] ?? 'pglite');
  });
  after(() => t.close());

  test('the committed web/src/api/generated/openapi.ts matches the server', async () => {
    assert.ok(fs.existsSync(GENERATED_FILE), `${GENERATED_FILE} is missing. ${REGENERATE}`);
    const committed = fs.readFileSync(GENERATED_FILE, 'utf8');
    const fresh = await generateApiTypes();
    if (committed !== fresh) {
      const committedLines = committed.split('\n');
      const freshLines = fresh.split('\n');
      let line = 0;
      while (committedLines[line] === freshLines[line]) line += 1;
      assert.fail(
        `The API types in web/src/api/generated/openapi.ts are out of date with the server's route ` +
          `schemas (first difference at line ${String(line + 1)}: committed ` +
          `${JSON.stringify(committedLines[line] ?? '<end of file>')}, server ` +
          `${JSON.stringify(freshLines[line] ?? '<end of file>')}). ${REGENERATE}`,
      );
    }
  });

  test('the document the generator reads without a database is the one a running server serves', async () => {
    const response = await t.call('GET', '/api/openapi.json');
    assert.equal(response.statusCode, 200);
    assert.deepEqual(await buildOpenApiDocument(), response.json());
  });
});
