/**
 * The Nodal Cell's analytics in real headless Chromium on the demo data: the national dashboard with its
 * figures, the district map of India drawn from the boundaries, and a district profile opened from it;
 * a State nodal officer's dashboard counts only that State; the dashboard fits a phone and reads in Hindi.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/modules/demo/units.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { startBrowser, waitReady, type BrowserHarness } from '../helpers/browser.ts';
import { testEngines } from '../helpers/databases.ts';

type Strings = Record<string, unknown>;
const en = JSON.parse(fs.readFileSync('web/src/i18n/en.json', 'utf8')) as Strings;
const hi = JSON.parse(fs.readFileSync('web/src/i18n/hi.json', 'utf8')) as Strings;
function tr(strings: Strings, key: string): string {
  const value = key
    .split('.')
    .reduce<unknown>((node, part) => (node as Strings | undefined)?.[part], strings);
  if (typeof value !== 'string') throw new Error(`no string ${key}`);
  return value;
}

async function signIn(context: BrowserContext, baseUrl: string, username: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/`);
  await waitReady(page);
  await page.getByLabel(tr(en, 'login.username')).fill(username);
  await page.getByRole('textbox', { name: tr(en, 'login.password'), exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: tr(en, 'login.submit') }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await waitReady(page);
  return page;
}

/** A KPI as a number (the dashboard formats with Indian digit grouping). */
async function kpi(page: Page, key: string): Promise<number> {
  const text = await page.getByTestId(`kpi-${key}`).innerText();
  return Number(text.replace(/[^\d]/g, ''));
}

async function countCases(t: TestApp, state?: number): Promise<number> {
  return t.db.asSystem(async (tx) => {
    const { rows } = await tx.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM cases WHERE $1::int IS NULL OR state_lgd = $1',
      [state ?? null],
    );
    return rows[0]?.n ?? 0;
  });
}

for (const engine of testEngines()) {
  describe(`analytics in the browser on ${engine}`, () => {
    let t: TestApp;
    let browser: BrowserHarness;
    before(async () => {
      t = await startTestApp(engine, { demo: true });
      browser = await startBrowser(t);
    });
    after(async () => {
      await browser.close();
      await t.close();
    });

    test('the national dashboard, the district map and a district profile show the demo data', async () => {
      const context = await browser.newContext();
      const page = await signIn(context, browser.baseUrl, 'nodal.analyst');
      await page
        .getByRole('link', { name: tr(en, 'analytics.nav'), exact: true })
        .first()
        .click();
      await page.waitForURL(/\/analytics$/);
      await waitReady(page);
      assert.equal(await kpi(page, 'cases'), await countCases(t));
      assert.ok((await kpi(page, 'victims')) > 0);
      // Every figure drew something from the data.
      assert.ok((await page.getByTestId('figure-trends').locator('rect').count()) > 0);
      assert.ok((await page.getByTestId('figure-exploitation').locator('li').count()) > 0);
      assert.ok((await page.getByTestId('figure-roles').getByRole('link').count()) > 0);
      assert.ok((await page.getByTestId('figure-corridors').locator('li').count()) > 0);
      assert.ok((await page.getByTestId('figure-hubs').locator('li').count()) > 0);
      const csv = page
        .getByTestId('figure-trends')
        .getByRole('link', { name: tr(en, 'analytics.downloadCsv') });
      assert.match((await csv.getAttribute('href')) ?? '', /^\/api\/analytics\/trends\/csv/);

      await page.getByRole('link', { name: tr(en, 'analytics.openMap') }).click();
      await page.waitForURL(/\/analytics\/map/);
      await waitReady(page);
      const map = page.getByTestId('district-map');
      await map.locator('canvas').waitFor();
      assert.equal(await map.getAttribute('data-loaded'), 'true');
      const first = page.locator('.analytics-district-list a').first();
      const name = (await first.innerText()).replace(/ \(.*\)$/, '');
      await first.click();
      await page.waitForURL(/\/analytics\/districts\/\d+$/);
      await waitReady(page);
      assert.equal(await page.getByTestId('district-name').innerText(), name);
      assert.ok((await page.getByTestId('district-role').innerText()).length > 0);
      await context.close();
    });

    test('NCRB missing persons colour the map, with their source', async () => {
      const context = await browser.newContext();
      const page = await signIn(context, browser.baseUrl, 'nodal.analyst');
      await page.goto(`${browser.baseUrl}/analytics/map?metric=missing`);
      await waitReady(page);
      assert.match(await page.getByTestId('ncrb-source').innerText(), /NCRB/);
      await context.close();
    });

    test('a State nodal officer’s dashboard counts that State’s cases only, fits a phone and reads in Hindi', async () => {
      const context = await browser.newContext({ phone: true });
      const page = await signIn(context, browser.baseUrl, 'br.nodal');
      await page.goto(`${browser.baseUrl}/analytics`);
      await waitReady(page);
      assert.equal(await kpi(page, 'cases'), await countCases(t, 10));
      // Evaluated in the page (a string: the test's TypeScript has no DOM types).
      const width = await page.evaluate<{ scroll: number; client: number }>(
        '(() => { const root = document.scrollingElement ?? document.documentElement; return { scroll: root.scrollWidth, client: root.clientWidth }; })()',
      );
      assert.ok(width.scroll <= width.client, `the page scrolls sideways: ${JSON.stringify(width)}`);
      await page.evaluate("localStorage.setItem('setu.language', 'hi')");
      await page.reload();
      await waitReady(page);
      await page.getByRole('heading', { level: 1, name: tr(hi, 'analytics.title') }).waitFor();
      await context.close();
    });
  });
}
