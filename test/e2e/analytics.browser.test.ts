/**
 * The Nodal Cell's analytics in real headless Chromium on the demo data: the national dashboard with its
 * figures, the district map of India drawn from the boundaries, and a district profile opened from it;
 * a State nodal officer's dashboard counts only that State; the dashboard fits a phone and reads in Hindi.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import {
  EN as en,
  HI as hi,
  startBrowser,
  tr,
  waitReady,
  type BrowserHarness,
  type Strings,
  signIn,
} from '../helpers/browser.ts';
import { testEngines } from '../helpers/databases.ts';

/** A plural string as i18next picks it (English and Hindi both have one and other). */
function plural(strings: Strings, key: string, count: number, vars: Record<string, string> = {}): string {
  return tr(strings, `${key}_${count === 1 ? 'one' : 'other'}`, { count: String(count), ...vars });
}

/** The fields of `/api/analytics/corridors` rows the flows chart shows. */
interface CorridorRow {
  originCode: string;
  originName: string;
  originStateName: string | null;
  destinationCode: string;
  destinationName: string;
  destinationStateName: string | null;
  cases: number;
}

/** A corridor end as the chart names it: a district with its State, or a State or country alone. */
const place = (name: string, stateName: string | null) => (stateName ? `${name} (${stateName})` : name);

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

      // The flows chart: All India compares States, one band per corridor the API reports, origins and
      // destinations as separate nodes even where a State is both.
      const response = await context.request.get(
        `${browser.baseUrl}/api/analytics/corridors?level=state&limit=20`,
      );
      assert.equal(response.status(), 200);
      const flows = ((await response.json()) as { rows: CorridorRow[] }).rows;
      assert.ok(flows.length > 0);
      const sankey = page
        .getByTestId('figure-flows')
        .getByRole('img', { name: plural(en, 'analytics.flowsLabel', flows.length) });
      const bands = await sankey.locator('path.analytics-sankey-link > title').allTextContents();
      assert.equal(bands.length, flows.length);
      const [top] = flows;
      assert.ok(top);
      const cases = new Intl.NumberFormat('en-IN').format(top.cases);
      assert.ok(
        bands.includes(
          `${place(top.originName, top.originStateName)} → ${place(top.destinationName, top.destinationStateName)}: ${plural(en, 'analytics.flowsCases', top.cases, { formatted: cases })}`,
        ),
        `no band for the busiest corridor in ${JSON.stringify(bands)}`,
      );
      const origins = await sankey.locator('g[data-side="origin"] > text').allTextContents();
      const destinations = await sankey.locator('g[data-side="destination"] > text').allTextContents();
      assert.equal(origins.length, new Set(flows.map((r) => r.originCode)).size);
      assert.equal(destinations.length, new Set(flows.map((r) => r.destinationCode)).size);
      // Long names are cut with an ellipsis (the whole name is in the tooltip).
      const shown = (labels: string[], name: string) =>
        labels.some((l) => l === name || (l.endsWith('…') && name.startsWith(l.slice(0, -1))));
      assert.ok(shown(origins, top.originName), `${top.originName} not among ${JSON.stringify(origins)}`);
      assert.ok(shown(destinations, top.destinationName));
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
      // A State officer's flows are between districts, and the chart is on the page before the width check.
      const flows = page.getByTestId('flows-sankey');
      await flows.waitFor();
      const bands = await flows.locator('path.analytics-sankey-link').count();
      assert.ok(bands > 0);
      assert.ok(
        (await page.getByTestId('figure-flows').innerText()).includes(tr(en, 'analytics.flowsNoteDistrict')),
      );
      // Evaluated in the page (a string: the test's TypeScript has no DOM types).
      const width = await page.evaluate<{ scroll: number; client: number }>(
        '(() => { const root = document.scrollingElement ?? document.documentElement; return { scroll: root.scrollWidth, client: root.clientWidth }; })()',
      );
      assert.ok(width.scroll <= width.client, `the page scrolls sideways: ${JSON.stringify(width)}`);
      await page.evaluate("localStorage.setItem('setu.language', 'hi')");
      await page.reload();
      await waitReady(page);
      await page.getByRole('heading', { level: 1, name: tr(hi, 'analytics.title') }).waitFor();
      assert.equal(
        await page.getByTestId('flows-sankey').getAttribute('aria-label'),
        plural(hi, 'analytics.flowsLabel', bands),
      );
      await context.close();
    });
  });
}
