/**
 * Person linkage through the web pages, in a real browser: the same girl registered in Bihar and in
 * Jharkhand shows up in the Patna officer's review queue; the comparison page explains the weight field by
 * field, keeps the Jharkhand victim masked, shows the officer's own victim only after a stated reason, and
 * records the decision; the Jharkhand officer's queue works on a phone in Hindi.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { CaseView } from '../../src/modules/cases/schemas.ts';
import { DEMO_PASSWORD } from '../../src/modules/demo/units.ts';
import type { CandidateListItem } from '../../src/modules/linkage/schemas.ts';
import { biharCase, jharkhandCase } from '../../src/modules/linkage/test-fixtures.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { startBrowser, waitReady, type BrowserHarness } from '../helpers/browser.ts';
import { testEngines } from '../helpers/databases.ts';

interface Strings {
  login: { username: string; password: string; submit: string };
  linkage: {
    queueTitle: string;
    maskedCase: string;
    revealReason: string;
    reveal: string;
    explanationTitle: string;
    fields: { given_name: string };
    decisions: { confirmed: string };
    reason: string;
    submit: string;
    saved: string;
    open: string;
  };
}
const read = (lang: string) => JSON.parse(fs.readFileSync(`web/src/i18n/${lang}.json`, 'utf8')) as Strings;
const en = read('en');
const hi = read('hi');

async function signIn(page: Page, baseUrl: string, username: string, strings: Strings): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(strings.login.username).fill(username);
  await page.getByLabel(strings.login.password, { exact: false }).first().fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: strings.login.submit }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await waitReady(page);
}

for (const engine of testEngines()) {
  describe(`person linkage pages on ${engine}`, () => {
    let t: TestApp;
    let browser: BrowserHarness;
    let pair: CandidateListItem;

    before(async () => {
      t = await startTestApp(engine, { demo: true });
      const patna = await t.login('br.patna.ahtu');
      const ranchi = await t.login('jh.ranchi.ahtu');
      const bihar = await t.call('POST', '/api/cases', { cookie: patna, body: biharCase });
      const jharkhand = await t.call('POST', '/api/cases', { cookie: ranchi, body: jharkhandCase });
      const ids = [bihar, jharkhand].map((r) => r.json<CaseView>().persons[0]?.id ?? '').sort();
      await t.app.linkageWorker.idle();
      for (const status of ['pending', 'auto_linked']) {
        const list = await t.call('GET', `/api/linkage/candidates?status=${status}&limit=200`, {
          cookie: patna,
        });
        const found = list
          .json<{ items: CandidateListItem[] }>()
          .items.find((i) => [i.a.personId, i.b.personId].sort().join() === ids.join());
        if (found) pair = found;
      }
      assert.ok(pair, 'the pair was found');
      browser = await startBrowser(t);
    });
    after(async () => {
      await browser.close();
      await t.close();
    });

    test('the Patna officer compares the pair, sees only what they may, and confirms it with a reason', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, browser.baseUrl, 'br.patna.ahtu', en);
      await page.goto(`${browser.baseUrl}/linkage?status=${pair.status}`);
      await waitReady(page);
      await page.getByRole('heading', { name: en.linkage.queueTitle }).waitFor();
      await page.locator(`a[href="/linkage/candidates/${pair.id}"]`).first().click();
      await waitReady(page);
      await page.getByText(en.linkage.explanationTitle).first().waitFor();
      assert.ok(await page.getByRole('cell', { name: en.linkage.fields.given_name }).isVisible());
      assert.ok(
        await page.getByText(en.linkage.maskedCase).first().isVisible(),
        'the Jharkhand victim is masked',
      );
      assert.equal(await page.getByText('Sunaina').count(), 0);

      await page.getByLabel(en.linkage.revealReason).fill('Comparing the two records before deciding');
      await page.getByRole('button', { name: en.linkage.reveal }).click();
      await page.getByText('सुनैना कुमारी').first().waitFor();
      assert.equal(await page.getByText('Sunaina').count(), 0, "the other State's victim stays masked");

      await page.getByLabel(en.linkage.decisions.confirmed).check();
      await page.getByLabel(en.linkage.reason).fill('Same father, village and phone number');
      await page.getByRole('button', { name: en.linkage.submit }).click();
      await page.getByText(en.linkage.saved).waitFor();
      await context.close();
    });

    test('the Ranchi officer reviews on a phone in Hindi without the page scrolling sideways', async () => {
      const context = await browser.newContext({ phone: true, locale: 'hi-IN' });
      const page = await context.newPage();
      await signIn(page, browser.baseUrl, 'jh.ranchi.ahtu', hi);
      // The language the officer chose is kept in the browser; the next page load uses it.
      await page.evaluate("window.localStorage.setItem('setu.language', 'hi')");
      await page.goto(`${browser.baseUrl}/linkage?status=confirmed`);
      await waitReady(page);
      await page.getByRole('heading', { name: hi.linkage.queueTitle }).waitFor();
      assert.ok((await page.locator(`a[href="/linkage/candidates/${pair.id}"]`).count()) > 0);
      // A string, since this project's Node types have no DOM: it runs in the page.
      const overflow = await page.evaluate<number>(
        '(document.scrollingElement ?? document.documentElement).scrollWidth - window.innerWidth',
      );
      assert.ok(overflow <= 1, `no sideways scroll (${String(overflow)} px)`);
      await context.close();
    });
  });
}
