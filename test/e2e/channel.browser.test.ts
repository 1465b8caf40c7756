/**
 * The inter-State channel through the web pages, in a real browser (issue 6, "done when"): a Bihar AHTU asks
 * a Jharkhand AHTU to verify a victim's family; the Jharkhand officer (on a phone, in Hindi) sees it and
 * answers with a file; the Bihar officer reads the answer and downloads the file; an overdue request
 * escalates to the Jharkhand State nodal officer; an officer of a third State sees none of it.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/modules/demo/units.ts';
import { runEscalations } from '../../src/modules/requests/escalation.ts';
import type { CaseView } from '../../src/modules/cases/schemas.ts';
import type { RequestView } from '../../src/modules/requests/schemas.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { startBrowser, waitReady, type BrowserHarness } from '../helpers/browser.ts';
import { testEngines } from '../helpers/databases.ts';

interface Strings {
  login: { username: string; password: string; submit: string };
  channel: {
    action: Record<string, string>;
    actionText: { label: { answer: string }; submit: { answer: string } };
    status: Record<string, string>;
    request: { notFound: string };
  };
}
const read = (lang: string) => JSON.parse(fs.readFileSync(`web/src/i18n/${lang}.json`, 'utf8')) as Strings;
const en = read('en');
const hi = read('hi');

// A minimal, valid PDF: the server checks the bytes, not the name.
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const ANSWER = 'Family traced at the home address in Ranchi; the mother is willing to receive the boy.';

async function signIn(page: Page, baseUrl: string, username: string, strings: Strings): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(strings.login.username).fill(username);
  await page.getByLabel(strings.login.password, { exact: false }).first().fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: strings.login.submit }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await waitReady(page);
}

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitReady(page);
}

async function assertFitsPhone(page: Page): Promise<void> {
  const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
  assert.ok(overflow <= 0, `${page.url()} is ${overflow}px wider than the phone`);
}

async function unitId(t: TestApp, name: string): Promise<string> {
  const { rows } = await t.db.asSystem((tx) =>
    tx.query<{ id: string }>('SELECT id FROM units WHERE name = $1', [name]),
  );
  if (!rows[0]) throw new Error(`no unit ${name}`);
  return rows[0].id;
}

for (const engine of testEngines()) {
  describe(`inter-State channel in the browser on ${engine}`, () => {
    let t: TestApp;
    let browser: BrowserHarness;
    let caseView: CaseView;
    let ranchi: string;
    let requestId = '';
    let reference = '';
    let overdue: RequestView;
    let lookoutReference = '';
    let meetingId = '';

    before(async () => {
      t = await startTestApp(engine, { demo: true });
      browser = await startBrowser(t);
      ranchi = await unitId(t, 'AHTU Ranchi (demo)');
      // A Bihar case whose victim comes from Ranchi (Jharkhand): the request is about him.
      const patna = await t.login('br.patna.ahtu');
      const created = await t.call('POST', '/api/cases', {
        cookie: patna,
        body: {
          kind: 'rescue_operation',
          title: 'Boy from Ranchi rescued from a Patna dhaba',
          registeredOn: '2026-11-20',
          persons: [{ role: 'victim', name: 'Test Boy', sex: 'male', ageYears: 13, homeDistrictLgd: 339 }],
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      caseView = created.json<CaseView>();
    });
    after(async () => {
      await browser.close();
      await t.close();
    });

    test('a Bihar AHTU officer sends a Jharkhand AHTU a request to verify a victim’s family', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, browser.baseUrl, 'br.patna.ahtu', en);
      await page.getByRole('link', { name: 'Requests', exact: true }).first().click();
      await waitReady(page);
      await page.getByRole('link', { name: 'New request' }).click();
      await waitReady(page);

      await page.getByLabel('Name contains').fill('Ranchi');
      const unit = page.getByLabel('Send to unit');
      await unit.locator(`option[value="${ranchi}"]`).waitFor({ state: 'attached' });
      await unit.selectOption(ranchi);
      // Routine home verification: 240 hours, shown before sending.
      assert.match((await page.getByTestId('due-preview').textContent()) ?? '', /240 hours/);
      await page.getByLabel('Find a case').fill(caseView.reference);
      const linked = page.getByLabel('Linked case');
      await linked.locator(`option[value="${caseView.id}"]`).waitFor({ state: 'attached' });
      await linked.selectOption(caseView.id);
      const victim = caseView.persons[0];
      assert.ok(victim);
      await page.getByLabel(`Victim: ${victim.pseudonym}`).check();
      await page.getByLabel('Subject').fill('Verify the family of a rescued boy');
      await page.getByLabel('Message', { exact: false }).first().fill('Please verify the home and family.');
      await page.getByRole('button', { name: 'Send the request' }).click();
      await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
      await waitReady(page);

      requestId = new URL(page.url()).pathname.split('/').pop() ?? '';
      reference = (await page.getByTestId('request-reference').textContent()) ?? '';
      assert.ok(reference.length > 0);
      assert.equal(await page.getByTestId('request-status').textContent(), 'Sent');
      assert.match(await page.locator('main').innerText(), /AHTU Ranchi \(demo\)/);
      await context.close();
    });

    test('the Jharkhand officer, on a phone in Hindi, sees it in the inbox and answers with a file', async () => {
      assert.ok(requestId, 'the request of the first test');
      const context = await browser.newContext({ phone: true, locale: 'hi-IN' });
      const page = await context.newPage();
      await signIn(page, browser.baseUrl, 'jh.ranchi.ahtu', hi);
      // The header shows unread notifications; the inbox links to the request.
      await page.getByTestId('inbox-unread').waitFor();
      await open(page, `${browser.baseUrl}/requests?direction=in`);
      await page.getByRole('link', { name: reference }).click();
      await page.waitForURL(`**/requests/${requestId}`);
      await waitReady(page);
      assert.equal(await page.getByTestId('request-status').textContent(), hi.channel.status.sent);

      await page.getByRole('button', { name: hi.channel.action.acknowledge }).click();
      await page.getByTestId('request-status').filter({ hasText: hi.channel.status.acknowledged }).waitFor();
      await page.getByRole('button', { name: hi.channel.action.answer, exact: true }).click();
      await page.getByLabel(hi.channel.actionText.label.answer).fill(ANSWER);
      await page
        .locator('input[type="file"]')
        .first()
        .setInputFiles({ name: 'home-verification.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.getByRole('button', { name: hi.channel.actionText.submit.answer }).click();
      await page.getByTestId('request-status').filter({ hasText: hi.channel.status.answered }).waitFor();
      assert.match(await page.getByTestId('thread').innerText(), /home-verification\.pdf/);

      // Usable at 360 px, in Hindi: no page of the channel makes the phone scroll sideways.
      await assertFitsPhone(page);
      for (const path of [
        '/requests',
        '/requests/new',
        '/requests/stats',
        '/alerts',
        '/inbox',
        '/meetings',
      ]) {
        await open(page, `${browser.baseUrl}${path}`);
        await assertFitsPhone(page);
      }
      await context.close();
    });

    test('the Bihar officer reads the answer and downloads the file', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, browser.baseUrl, 'br.patna.ahtu', en);
      await open(page, `${browser.baseUrl}/requests?direction=out&status=answered`);
      await page.getByRole('link', { name: reference }).click();
      await waitReady(page);
      assert.equal(await page.getByTestId('request-status').textContent(), 'Answered');
      assert.match(await page.getByTestId('thread').innerText(), new RegExp(ANSWER.slice(0, 40)));

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download home-verification.pdf' }).click(),
      ]);
      assert.equal(download.suggestedFilename(), 'home-verification.pdf');
      const saved = await download.path();
      assert.deepEqual(fs.readFileSync(saved), PDF);
      // The sender may close it now.
      await page.getByRole('button', { name: 'Close', exact: true }).click();
      await page.getByTestId('request-status').filter({ hasText: 'Closed' }).waitFor();
      await context.close();
    });

    test('an overdue request escalates and the Jharkhand State nodal officer sees it', async () => {
      const sent = await t.call('POST', '/api/requests', {
        cookie: await t.login('br.patna.ahtu'),
        body: {
          toUnitId: ranchi,
          kind: 'trace_accused',
          priority: 'urgent',
          subject: 'Trace the placement agent',
          body: 'Believed to be in Ranchi.',
        },
      });
      assert.equal(sent.statusCode, 201, sent.body);
      overdue = sent.json<RequestView>();
      // Time moves on: the due date is now past, and the escalation job runs.
      await t.db.asSystem((tx) =>
        tx.query(`UPDATE unit_requests SET due_at = now() - interval '1 hour' WHERE id = $1`, [overdue.id]),
      );
      const run = await runEscalations(t.db);
      assert.ok(run.level1 >= 1);

      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, browser.baseUrl, 'jh.nodal', en);
      await open(page, `${browser.baseUrl}/inbox`);
      const note = page.getByTestId('inbox-list').getByRole('link', { name: new RegExp(overdue.reference) });
      await note.first().click();
      await page.waitForURL(`**/requests/${overdue.id}`);
      await waitReady(page);
      await page.getByTestId('overdue-badge').waitFor();
      assert.match(
        await page.getByTestId('escalations').innerText(),
        /AHT State Nodal Office, Jharkhand \(demo\)/,
      );
      await open(page, `${browser.baseUrl}/requests?escalated=true`);
      assert.match(await page.getByTestId('request-list').innerText(), new RegExp(overdue.reference));
      await context.close();
    });

    test('a lookout reaches the border units along the route; each acknowledges on its own', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, browser.baseUrl, 'br.champaran.ahtu', en);
      await open(page, `${browser.baseUrl}/alerts`);
      await page.getByRole('link', { name: 'Raise a lookout' }).click();
      await waitReady(page);
      await page.getByLabel('Headline').fill('Group of minors expected at Raxaul crossing tonight');
      await page.getByLabel('Details').fill('Six girls with two men, by bus to Raxaul.');
      await page.getByLabel('Railway stations on the route').fill('rxl, SGL PNBE');
      await page.getByLabel('Border crossings').fill('INRXL');
      await page.getByLabel('Expected at crossing').fill('inrxl');
      await page.getByRole('button', { name: 'Broadcast the lookout' }).click();
      await page.waitForURL(/\/alerts\/[0-9a-f-]{36}$/);
      await waitReady(page);
      lookoutReference = (await page.getByTestId('alert-reference').textContent()) ?? '';
      assert.match(await page.locator('main').innerText(), /Purbi Champaran, Bihar/);
      const recipients = await page.getByTestId('alert-recipients').innerText();
      assert.match(recipients, /SSB Border Out Post Raxaul \(demo\)/);
      assert.match(recipients, /RPF Post Patna Junction \(demo\)/);
      await context.close();

      const phone = await browser.newContext({ phone: true });
      const ssb = await phone.newPage();
      await signIn(ssb, browser.baseUrl, 'ssb.raxaul', en);
      await open(ssb, `${browser.baseUrl}/alerts?unacknowledged=true`);
      await ssb.getByRole('link', { name: lookoutReference }).click();
      await waitReady(ssb);
      await ssb.getByLabel('Note').fill('Team posted at the crossing');
      await ssb.getByRole('button', { name: 'Acknowledge' }).click();
      await ssb.getByText('Acknowledged for your unit.').waitFor();
      assert.match(
        await ssb.getByTestId('alert-recipients').innerText(),
        /SSB Border Out Post Raxaul[\s\S]*Team posted at the crossing/,
      );
      await ssb.getByRole('heading', { name: 'Recipients: 1 of 2 acknowledged' }).waitFor();
      await assertFitsPhone(ssb);
      await phone.close();
    });

    test('the Jharkhand nodal officer calls the monthly meeting: the overdue request is on the agenda', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, browser.baseUrl, 'jh.nodal', en);
      await open(page, `${browser.baseUrl}/meetings`);
      await page.getByText('Call a meeting', { exact: true }).first().click();
      await page.getByLabel('Date', { exact: false }).first().fill('2026-12-15');
      await page.getByLabel('Place').fill('Ranchi, CID headquarters');
      await page.getByRole('button', { name: 'Call the meeting' }).click();
      await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
      await waitReady(page);
      meetingId = new URL(page.url()).pathname.split('/').pop() ?? '';
      const agenda = await page.getByTestId('agenda').innerText();
      assert.match(agenda, new RegExp(overdue.reference));
      // Every district officer of the State reads the meeting: no request subjects on the agenda.
      assert.doesNotMatch(agenda, /placement agent/);

      await page.getByRole('textbox', { name: 'Minutes' }).fill('AHTU Ranchi to trace the agent this week.');
      await page.getByRole('button', { name: 'Save the minutes' }).click();
      await page.getByText('Saved', { exact: true }).waitFor();
      await page.getByLabel('What is to be done').fill('Trace the placement agent');
      await page.getByLabel('Name contains').fill('Ranchi');
      const owner = page.getByLabel('Owner unit');
      await owner.locator(`option[value="${ranchi}"]`).waitFor({ state: 'attached' });
      await owner.selectOption(ranchi);
      await page.getByLabel('Due on').fill('2026-12-22');
      await page.getByRole('button', { name: 'Add an action item' }).click();
      await page.getByTestId('action-items').getByText('Trace the placement agent').waitFor();
      await context.close();

      // The owner unit marks it done.
      const owners = await browser.newContext();
      const ranchiPage = await owners.newPage();
      await signIn(ranchiPage, browser.baseUrl, 'jh.ranchi.ahtu', en);
      await open(ranchiPage, `${browser.baseUrl}/meetings/${meetingId}`);
      await ranchiPage.getByRole('button', { name: 'Mark done' }).click();
      await ranchiPage
        .getByTestId('action-items')
        .getByText(/^Done /)
        .waitFor();
      await owners.close();
    });

    test('an officer of a third State sees none of it: not listed, the address refused', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, browser.baseUrl, 'mh.mumbai.ahtu', en);
      await open(page, `${browser.baseUrl}/requests`);
      const listed = await page.locator('main').innerText();
      assert.doesNotMatch(listed, new RegExp(reference));
      assert.doesNotMatch(listed, new RegExp(overdue.reference));
      for (const id of [requestId, overdue.id]) {
        await open(page, `${browser.baseUrl}/requests/${id}`);
        const shown = await page.locator('main').innerText();
        assert.equal(await page.getByTestId('not-found').count(), 1, `expected "not found", got: ${shown}`);
        assert.equal(
          await page.getByRole('heading', { level: 1 }).textContent(),
          en.channel.request.notFound,
        );
        assert.doesNotMatch(await page.locator('main').innerText(), /Ranchi|verify/i);
      }
      await open(page, `${browser.baseUrl}/inbox`);
      assert.doesNotMatch(
        await page.locator('main').innerText(),
        new RegExp(`${reference}|${overdue.reference}`),
      );
      await context.close();
    });
  });
}
