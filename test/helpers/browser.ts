/**
 * Real headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core against the real server
 * on a loopback port. Pages are awaited on `load` plus the app's readiness flag, never on network idle.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/modules/demo/units.ts';
import type { TestApp } from './app.ts';

export const CHROMIUM = process.env.SETU_CHROMIUM ?? '/usr/bin/chromium';
const WEB_DIST = path.resolve('web/dist/index.html');

export interface BrowserHarness {
  baseUrl: string;
  browser: Browser;
  /** A fresh browser profile (no cookies), optionally at a phone's width. */
  newContext(options?: { phone?: boolean; locale?: string }): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function startBrowser(t: TestApp): Promise<BrowserHarness> {
  if (!fs.existsSync(WEB_DIST))
    throw new Error('web/dist is missing: run `node scripts/build-web-if-stale.mjs` (npm test does)');
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('the server did not listen on a TCP port');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    browser,
    newContext: (options = {}) =>
      browser.newContext({
        viewport: options.phone ? { width: 360, height: 740 } : { width: 1280, height: 860 },
        locale: options.locale ?? 'en-IN',
        ...(options.phone ? { isMobile: true, hasTouch: true } : {}),
      }),
    close: () => browser.close(),
  };
}

/** Waits until the page's main content has loaded its data (the app sets data-ready on <main>). */
export async function waitReady(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  // Generous: CI shares two cores between the server, the browser and another test file.
  await page.waitForSelector('main[data-ready="true"]', { timeout: 60_000 });
  // Right after a navigation the address has changed while the previous page is still on screen (its
  // <main> still says ready); the window flag counts only for the address it was set for.
  // A function, not a string: the app's Content Security Policy forbids eval.
  await page.waitForFunction(
    () => (globalThis as { __SETU_READY__?: boolean }).__SETU_READY__ === true,
    undefined,
    {
      timeout: 60_000,
    },
  );
}

export type Strings = Record<string, unknown>;
/** The web app's own strings, so tests follow wording changes instead of copying text. */
export const EN = JSON.parse(fs.readFileSync('web/src/i18n/en.json', 'utf8')) as Strings;
export const HI = JSON.parse(fs.readFileSync('web/src/i18n/hi.json', 'utf8')) as Strings;

/** The text for a dotted key in one language, with {{vars}} filled in; a missing key fails the test. */
export function tr(strings: Strings, key: string, vars: Record<string, string> = {}): string {
  const value = key
    .split('.')
    .reduce<unknown>((node, part) => (node as Strings | undefined)?.[part], strings);
  if (typeof value !== 'string') throw new Error(`no string ${key}`);
  return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => vars[name] ?? '');
}

/** A new page in `context`, signed in through the login form as a demo account, on the page it lands on. */
export async function signIn(context: BrowserContext, baseUrl: string, username: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/`);
  await waitReady(page);
  await page.getByLabel(tr(EN, 'login.username')).fill(username);
  await page.getByRole('textbox', { name: tr(EN, 'login.password'), exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: tr(EN, 'login.submit') }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await waitReady(page);
  return page;
}

/** Goes to an address and waits until that page says it is ready. */
export async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitReady(page);
}
