/**
 * Signing in, in real headless Chromium: required fields, a wrong password (in English and in Hindi), the
 * address the user asked for kept across signing in, and signing out.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/modules/demo/units.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import {
  EN as en,
  HI as hi,
  startBrowser,
  tr,
  waitReady,
  type BrowserHarness,
  type Strings,
} from '../helpers/browser.ts';
import { testEngines } from '../helpers/databases.ts';

const USERNAME = 'br.patna.ahtu';

/** The login form's fields, by their labels in the given language (the password's toggle has its own name). */
function fields(page: Page, strings: Strings) {
  return {
    username: page.getByRole('textbox', { name: tr(strings, 'login.username'), exact: true }),
    password: page.getByRole('textbox', { name: tr(strings, 'login.password'), exact: true }),
    submit: page.getByRole('button', { name: tr(strings, 'login.submit'), exact: true }),
  };
}

for (const engine of testEngines()) {
  describe(`signing in through the browser on ${engine}`, () => {
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

    test('empty fields and a wrong password are explained; the right one leads to the page asked for', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      // A bookmarked page sends the signed-out user to sign in first.
      await page.goto(`${browser.baseUrl}/cases`);
      await page.waitForURL((url) => url.pathname === '/login');
      await waitReady(page);
      const form = fields(page, en);

      await form.submit.click();
      await page.getByText(tr(en, 'login.usernameRequired')).waitFor();
      await page.getByText(tr(en, 'login.passwordRequired')).waitFor();
      assert.equal(await form.username.getAttribute('aria-invalid'), 'true');

      await form.username.fill(USERNAME);
      await form.password.fill('not-the-password');
      await form.submit.click();
      await page.getByText(tr(en, 'errors.invalid_credentials')).waitFor();
      await page.getByText(tr(en, 'login.failed')).waitFor();
      assert.equal(await form.password.inputValue(), '', 'the wrong password is cleared');
      assert.equal(new URL(page.url()).pathname, '/login');

      // The same mistake, read in Hindi.
      await page.getByRole('button', { name: tr(en, 'language.hiName') }).click();
      const hindi = fields(page, hi);
      await hindi.submit.waitFor();
      await hindi.password.fill('still-not-the-password');
      await hindi.submit.click();
      await page.getByText(tr(hi, 'errors.invalid_credentials')).waitFor();

      await hindi.password.fill(DEMO_PASSWORD);
      await hindi.submit.click();
      await page.waitForURL((url) => url.pathname === '/cases');
      await waitReady(page);
      await page.getByRole('heading', { level: 1, name: tr(hi, 'cases.title') }).waitFor();

      // Signing out comes back to the login page, which says so.
      await page.getByRole('button', { name: tr(hi, 'nav.signOut') }).click();
      await page.waitForURL((url) => url.pathname === '/login');
      await waitReady(page);
      await page.getByText(tr(hi, 'login.signedOut')).waitFor();
      await context.close();
    });
  });
}
