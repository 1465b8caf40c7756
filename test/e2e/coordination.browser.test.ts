/**
 * Coordination and outreach in real headless Chromium: a conference proposal asking MHA for more than the
 * Rs 2 lakh cap is refused on the form with the cap and the excess; a published practice is found by a
 * Hindi word from another State; an anonymous tip sent from the public page reaches the inbox of the right
 * district's AHTU, and the officer reading it sees nothing of the sender's connection.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import {
  EN,
  startBrowser,
  tr as trIn,
  waitReady,
  type BrowserHarness,
  signIn,
  open,
} from '../helpers/browser.ts';
import { testEngines } from '../helpers/databases.ts';

/** The app's own English text for a key, so the test follows wording changes. */
const tr = (key: string, vars: Record<string, string> = {}) => trIn(EN, key, vars);

const TIPSTER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) SetuTipsterProbe/4.2';
const WHAT_SEEN = 'Two men taking nine young girls onto the Delhi train at platform 5, girls crying.';

for (const engine of testEngines()) {
  describe(`coordination pages in the browser on ${engine}`, () => {
    let t: TestApp;
    let harness: BrowserHarness;

    before(async () => {
      t = await startTestApp(engine, { demo: true });
      harness = await startBrowser(t);
    });
    after(async () => {
      await harness.close();
      await t.close();
    });

    test('a proposal over the MHA cap is refused with the cap and the excess; under the cap it is filed', async () => {
      const context = await harness.newContext();
      const page = await signIn(context, harness.baseUrl, 'br.patna.ahtu');
      await open(page, `${harness.baseUrl}/coordination/conferences/new`);
      await page
        .getByLabel(tr('coordination.proposal.name'))
        .fill('State conference on bonded labour, Patna');
      await page.getByLabel(tr('coordination.proposal.startsOn')).fill('2027-01-20');
      await page.getByLabel(tr('coordination.proposal.endsOn')).fill('2027-01-21');
      const line = page.getByTestId('budget-line').first();
      await line
        .getByLabel(tr('coordination.conference.item'))
        .fill('Resource persons, boarding and lodging');
      await line.getByLabel(tr('coordination.conference.amount')).fill('250000');
      await page.getByRole('button', { name: tr('coordination.proposal.submit') }).click();
      const refusal = page.getByTestId('over-cap');
      await refusal.waitFor();
      const message = await refusal.innerText();
      assert.match(message, /₹2,00,000/, message);
      assert.match(message, /₹2,50,000/, message);
      assert.match(message, /₹50,000 over the cap/, message);
      assert.ok(page.url().endsWith('/coordination/conferences/new'), 'nothing was filed');

      await line.getByLabel(tr('coordination.conference.amount')).fill('150000');
      await page.getByRole('button', { name: tr('coordination.proposal.submit') }).click();
      await page.waitForURL(/\/coordination\/conferences\/[0-9a-f-]{36}$/);
      await waitReady(page);
      assert.equal(
        await page.getByTestId('conference-status').textContent(),
        tr('coordination.status.proposed'),
      );
      await context.close();
    });

    test('an officer of another State finds a published Hindi practice by a Hindi word', async () => {
      const context = await harness.newContext();
      const page = await signIn(context, harness.baseUrl, 'up.lucknow.ahtu');
      await open(page, `${harness.baseUrl}/coordination/compendium`);
      await page.getByLabel(tr('coordination.compendium.search')).fill('निगरानी');
      await page.waitForURL((url) => url.searchParams.get('q') === 'निगरानी');
      await waitReady(page);
      const hit = page.getByRole('link', { name: 'सीमा के गाँवों में मानव तस्करी के विरुद्ध महिला निगरानी समूह' });
      await hit.waitFor();
      const titles = await page.getByTestId('practice-list').getByRole('link').allInnerTexts();
      assert.ok(
        titles.every((title) => /[\u0900-\u097F]/.test(title)),
        titles.join(' | '),
      );
      await hit.click();
      await page.waitForURL(/\/coordination\/compendium\/[0-9a-f-]{36}$/);
      await waitReady(page);
      // The practice's own text (not the list's summary) is on the page.
      await page
        .locator('main')
        .getByText(/जीविका स्वयं सहायता समूहों/)
        .waitFor({ timeout: 10_000 });
      await context.close();
    });

    test('an anonymous tip reaches the Patna AHTU inbox, and its officer sees no address of the sender', async () => {
      const anonymous = await harness.browser.newContext({ userAgent: TIPSTER_AGENT, locale: 'en-IN' });
      const page = await anonymous.newPage();
      await open(page, `${harness.baseUrl}/tip`);
      await page.getByLabel(tr('coordination.tipPage.whatSeen')).fill(WHAT_SEEN);
      await page.getByLabel(tr('coordination.tipPage.district')).fill('Patna');
      await page.getByRole('radio', { name: 'Patna, Bihar' }).check();
      await page.getByLabel(tr('coordination.tipPage.placeDetail')).fill('Patna Junction, platform 5');
      await page.getByRole('button', { name: tr('coordination.tipPage.send') }).click();
      const receipt = await page.getByTestId('tip-reference').innerText();
      const reference = /TIP-\d{4}-\d{6}/.exec(receipt)?.[0];
      assert.ok(reference, receipt);
      const cookies = await anonymous.cookies();
      assert.equal(cookies.length, 0, 'the tip line sets no cookie');
      await anonymous.close();

      const officer = await harness.newContext();
      const inbox = await signIn(officer, harness.baseUrl, 'br.patna.ahtu');
      await open(inbox, `${harness.baseUrl}/coordination/tips`);
      // What the officer's browser is sent for the tip, as well as what the page shows.
      const answer = inbox.waitForResponse((r) => /\/api\/tips\/[0-9a-f-]{36}$/.test(r.url()));
      await inbox.getByRole('link', { name: reference }).click();
      await inbox.waitForURL(/\/coordination\/tips\/[0-9a-f-]{36}$/);
      await waitReady(inbox);
      const sent = await (await answer).text();
      const body = await inbox.getByTestId('tip-body').innerText();
      assert.ok(body.includes(WHAT_SEEN), body);
      assert.ok(body.includes(tr('coordination.tips.noContact')));
      const shown = await inbox.locator('main').innerText();
      for (const secret of ['127.0.0.1', 'SetuTipsterProbe', 'X11; Linux']) {
        assert.ok(!sent.includes(secret), `API: ${secret}`);
        assert.ok(!shown.includes(secret), `page: ${secret}`);
      }
      await officer.close();

      const elsewhere = await harness.newContext();
      const other = await signIn(elsewhere, harness.baseUrl, 'br.champaran.ahtu');
      await open(other, `${harness.baseUrl}/coordination/tips`);
      assert.equal(
        await other.getByRole('link', { name: reference }).count(),
        0,
        'not in another district’s inbox',
      );
      await elsewhere.close();
    });
  });
}
