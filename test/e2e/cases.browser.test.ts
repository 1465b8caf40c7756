/**
 * The officers' web app for cases, driven as a person would in real headless Chromium: sign in, register a
 * case with a victim, an accused and a three-stop route, find it, reveal the victim's name with a reason
 * (and the auditor sees that), read the case in Hindi, and be refused it from another State.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import {
  EN as en,
  HI as hi,
  startBrowser,
  tr,
  waitReady,
  type BrowserHarness,
  signIn,
} from '../helpers/browser.ts';
import { testEngines } from '../helpers/databases.ts';

const OFFICER = 'jh.ranchi.ahtu';
const AUDITOR = 'nodal.auditor';
const OTHER_STATE_OFFICER = 'mh.mumbai.ahtu';
const VICTIM_NAME = 'Sunita Oraon';
const ACCUSED_NAME = 'Ramesh Sahu';
const REASON = 'Preparing the victim compensation application for DLSA';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

/** Types into a place search box and picks the option that starts with `option`. */
async function pickPlace(stop: Locator, kind: string, search: string, option: RegExp): Promise<void> {
  await stop.getByLabel(tr(en, 'caseForm.placeKind')).selectOption({ label: kind });
  const box = stop.getByRole('combobox', { name: tr(en, 'caseForm.place'), exact: true });
  await box.fill(search);
  await stop.page().getByRole('option', { name: option }).first().click();
  await assertMatch(box, option);
}

async function assertMatch(input: Locator, pattern: RegExp): Promise<void> {
  await input
    .page()
    .waitForFunction(
      ({ element, source, flags }) =>
        new RegExp(source, flags).test((element as { value?: string } | null)?.value ?? ''),
      { element: await input.elementHandle(), source: pattern.source, flags: pattern.flags },
    );
}

/** How wide the page is against the screen: wider means the user has to scroll sideways. */
async function noHorizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  // A string, since this project's Node types have no DOM: it runs in the page.
  return page.evaluate<{ scrollWidth: number; clientWidth: number }>(
    `(() => {
      const root = document.scrollingElement ?? document.documentElement;
      return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
    })()`,
  );
}

for (const engine of testEngines()) {
  describe(`cases in the browser on ${engine}`, () => {
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

    test('an AHTU officer registers a case, finds it, reveals the victim with a reason; audited, Hindi, other States refused', async () => {
      const context = await browser.newContext();
      const page = await signIn(context, browser.baseUrl, OFFICER);
      // The home page: the unit's open work, deadlines and the alerts waiting for it.
      await page.getByRole('heading', { level: 1, name: /Birsa Oraon/ }).waitFor();
      await page.getByRole('link', { name: new RegExp(tr(en, 'home.myUnitOpen')) }).waitFor();
      await page.getByRole('link', { name: new RegExp(tr(en, 'home.unreadAlerts')) }).waitFor();

      // Register a case from the navigation.
      await page
        .getByRole('navigation', { name: tr(en, 'nav.main') })
        .getByRole('link', { name: tr(en, 'nav.newCase') })
        .click();
      await waitReady(page);
      await page.getByRole('heading', { level: 1, name: tr(en, 'caseForm.createTitle') }).waitFor();

      await page.getByLabel(tr(en, 'caseForm.firNumber')).fill('117/2025');
      await page.getByLabel(tr(en, 'caseForm.firDate')).fill('2025-04-02');
      await page.getByLabel(tr(en, 'case.policeStation')).fill('Ranchi Railway (GRP) PS');
      await page.getByRole('checkbox', { name: tr(en, 'exploitation.domestic_servitude') }).check();

      // The title is missing: the form says so in the user's language and points at the field.
      await page.getByRole('button', { name: tr(en, 'caseForm.create') }).click();
      const title = page.getByRole('textbox', { name: tr(en, 'caseForm.title'), exact: true });
      await page.getByText(tr(en, 'caseForm.titleShort')).waitFor();
      assert.equal(await title.getAttribute('aria-invalid'), 'true');
      await page.getByTestId('form-errors').waitFor();
      assert.ok(page.url().endsWith('/cases/new'), 'nothing was sent while a required field is empty');
      await title.fill('Girl from Gumla taken via Ranchi station to Delhi for domestic work');
      // Once corrected, the message goes away before the next try.
      await page.getByText(tr(en, 'caseForm.titleShort')).waitFor({ state: 'hidden' });
      assert.equal(await page.getByTestId('form-errors').count(), 0);

      // A victim and an accused.
      await page
        .getByRole('button', { name: tr(en, 'caseForm.addPerson', { role: tr(en, 'personRole.victim') }) })
        .click();
      const victim = page.getByRole('group', { name: `${tr(en, 'personRole.victim')} 1` });
      await victim
        .getByRole('textbox', { name: tr(en, 'caseForm.personName'), exact: true })
        .fill(VICTIM_NAME);
      await victim.getByLabel(tr(en, 'person.sex')).selectOption({ label: tr(en, 'sex.female') });
      await victim.getByLabel(tr(en, 'caseForm.estimatedAge')).fill('15');
      await page
        .getByRole('button', { name: tr(en, 'caseForm.addPerson', { role: tr(en, 'personRole.accused') }) })
        .click();
      const accused = page.getByRole('group', { name: `${tr(en, 'personRole.accused')} 1` });
      await accused
        .getByRole('textbox', { name: tr(en, 'caseForm.personName'), exact: true })
        .fill(ACCUSED_NAME);
      await accused.getByLabel(tr(en, 'person.sex')).selectOption({ label: tr(en, 'sex.male') });

      // Route: recruited in Gumla (Jharkhand), through Ranchi station, exploited in Delhi.
      for (let i = 0; i < 3; i += 1)
        await page.getByRole('button', { name: tr(en, 'caseForm.addStop') }).click();
      const stop = (n: number) =>
        page.getByRole('group', { name: tr(en, 'caseForm.stop', { number: String(n) }) });
      assert.equal(
        await stop(1).getByLabel(tr(en, 'caseForm.stage')).inputValue(),
        'recruitment',
        'the first stop starts as recruitment',
      );
      await pickPlace(stop(1), tr(en, 'routePlaceKind.district'), 'Gumla', /^Gumla, Jharkhand/);
      await stop(1).getByLabel(tr(en, 'caseForm.stopDate')).fill('2025-03-20');
      await stop(2)
        .getByLabel(tr(en, 'caseForm.stage'))
        .selectOption({ label: tr(en, 'routeStage.transit') });
      await pickPlace(
        stop(2),
        tr(en, 'routePlaceKind.station'),
        'RNC',
        /^Ranchi \(RNC\), Ranchi, Jharkhand/i,
      );
      await stop(3)
        .getByLabel(tr(en, 'caseForm.stage'))
        .selectOption({ label: tr(en, 'routeStage.exploitation') });
      await pickPlace(stop(3), tr(en, 'routePlaceKind.district'), 'New Delhi', /^New Delhi, Delhi/);

      await page.getByRole('button', { name: tr(en, 'caseForm.create') }).click();
      await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
      await waitReady(page);
      const caseUrl = page.url();
      const reference = (await page.getByTestId('case-reference').innerText()).trim();
      assert.match(reference, /\S/);
      await page.getByRole('heading', { level: 1, name: /Girl from Gumla/ }).waitFor();
      // The route in order, flagged inter-State (Jharkhand → Delhi), and drawn on the map.
      const stops = page.getByTestId('route-list').getByRole('listitem');
      assert.deepEqual(
        (await stops.allInnerTexts()).map((text) => text.split('\n').find((line) => line.includes(':'))),
        [
          `${tr(en, 'routeStage.recruitment')}: Gumla (Jharkhand)`,
          `${tr(en, 'routeStage.transit')}: RANCHI (Ranchi, Jharkhand)`,
          `${tr(en, 'routeStage.exploitation')}: New Delhi (Delhi)`,
        ],
      );
      await page.getByText(tr(en, 'cases.flagInterState'), { exact: true }).first().waitFor();
      const map = page.getByRole('img', {
        name: /^Map of the route: 1\. Gumla → 2\. RANCHI → 3\. New Delhi$/,
      });
      await map.locator('canvas').waitFor();

      // Find it in the list: by its reference, and with the inter-State filter (Jharkhand → Delhi).
      await page
        .getByRole('navigation', { name: tr(en, 'nav.main') })
        .getByRole('link', { name: tr(en, 'nav.cases'), exact: true })
        .click();
      await waitReady(page);
      await page.getByRole('searchbox', { name: tr(en, 'cases.search') }).fill(reference);
      await page.waitForURL((url) => url.searchParams.get('q') === reference);
      await waitReady(page);
      // The filters live in the address: a click changes it, and the box follows.
      await page.getByRole('checkbox', { name: tr(en, 'cases.filter.interState') }).click();
      await page.waitForURL((url) => url.searchParams.get('interState') === 'true');
      await waitReady(page);
      const table = page.getByRole('table', { name: tr(en, 'cases.title') });
      const link = table.getByRole('link', { name: reference, exact: true });
      await link.waitFor();
      assert.equal(await table.getByRole('row').count(), 2, 'the header and the one case found');
      await link.click();
      await page.waitForURL(caseUrl);
      await waitReady(page);

      // The victim is masked; the accused is named. Reveal the victim with a reason.
      const people = page.getByRole('region', { name: tr(en, 'case.people') });
      await people.getByText(ACCUSED_NAME).waitFor();
      assert.equal(await page.getByText(VICTIM_NAME).count(), 0, 'the victim is masked by default');
      await people.getByRole('button', { name: /^Reveal the identity of / }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: tr(en, 'reveal.submit') }).click();
      await dialog.getByText(tr(en, 'reveal.reasonTooShort', { count: '5' })).waitFor();
      await dialog.getByLabel(tr(en, 'reveal.reason')).fill(REASON);
      await dialog.getByRole('button', { name: tr(en, 'reveal.submit') }).click();
      await dialog.getByText(VICTIM_NAME, { exact: true }).waitFor();
      await dialog.getByText(tr(en, 'reveal.recorded')).waitFor();
      await dialog.getByRole('button', { name: tr(en, 'reveal.done') }).click();
      await dialog.waitFor({ state: 'hidden' });
      assert.equal(await page.getByText(VICTIM_NAME).count(), 0, 'hidden again once the dialog is closed');
      const victimLink = people.getByRole('link', { name: /^Person page of / }).first();
      const victimId = (await victimLink.getAttribute('href'))?.split('/').pop() ?? '';
      assert.match(victimId, /^[0-9a-f-]{36}$/);

      // The victim's own page keeps the identity masked too.
      await victimLink.click();
      await page.waitForURL((url) => url.pathname === `/persons/${victimId}`);
      await waitReady(page);
      await page.getByText(tr(en, 'person.identityMasked')).first().waitFor();
      assert.equal(await page.getByText(VICTIM_NAME).count(), 0);
      await page
        .getByRole('link', { name: new RegExp(reference) })
        .first()
        .click();
      await page.waitForURL(caseUrl);
      await waitReady(page);

      // The same page in Hindi, and the edit form's checks in Hindi too.
      await page.getByRole('button', { name: tr(en, 'language.hiName') }).click();
      await page.getByRole('heading', { level: 2, name: tr(hi, 'case.people') }).waitFor();
      await page.getByRole('heading', { level: 2, name: tr(hi, 'route.title') }).waitFor();
      await page.getByRole('heading', { level: 3, name: tr(hi, 'case.victims') }).waitFor();
      await page.getByText(`${tr(hi, 'routeStage.recruitment')}: Gumla (Jharkhand)`).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'hi');
      await page.getByRole('link', { name: tr(hi, 'case.edit') }).click();
      await page.waitForURL(`${caseUrl}/edit`);
      await waitReady(page);
      await page.getByRole('textbox', { name: tr(hi, 'caseForm.title'), exact: true }).fill('');
      await page.getByRole('button', { name: tr(hi, 'caseForm.save') }).click();
      await page.getByText(tr(hi, 'caseForm.titleShort')).waitFor();
      await context.close();

      // The auditor sees the reveal, by whom and why.
      const auditContext = await browser.newContext();
      const audit = await signIn(auditContext, browser.baseUrl, AUDITOR);
      await audit
        .getByRole('navigation', { name: tr(en, 'nav.main') })
        .getByRole('link', { name: tr(en, 'nav.audit') })
        .click();
      await waitReady(audit);
      await audit.getByLabel(tr(en, 'audit.objectId')).fill(victimId);
      await audit.getByRole('button', { name: tr(en, 'audit.apply') }).click();
      await audit.waitForURL((url) => url.searchParams.get('objectId') === victimId);
      await waitReady(audit);
      const entry = audit.getByRole('row').filter({ hasText: 'person.reveal_identity' });
      await entry.filter({ hasText: REASON }).filter({ hasText: OFFICER }).first().waitFor();
      await auditContext.close();

      // A district officer of another State cannot open the case.
      const otherContext = await browser.newContext();
      const other = await signIn(otherContext, browser.baseUrl, OTHER_STATE_OFFICER);
      await other.goto(caseUrl);
      await waitReady(other);
      await other.getByRole('heading', { level: 1, name: tr(en, 'case.notFound') }).waitFor();
      assert.equal(await other.getByText(/Girl from Gumla/).count(), 0);
      await otherContext.close();
    });

    test('the investigating unit moves the case on, notes, attaches a file, shares it; the shared unit sees it masked', async () => {
      // The case itself is set up through the API: this test is about working on it in the browser.
      const cookie = await t.login(OFFICER);
      const created = await t.call('POST', '/api/cases', {
        cookie,
        body: {
          kind: 'rescue_operation',
          title: 'Two boys rescued from a Delhi garment unit',
          registeredOn: '2025-05-10',
          exploitationForms: ['child_labour'],
          persons: [{ role: 'victim', name: 'Budhu Munda', sex: 'male', ageYears: 13 }],
          route: [
            { stage: 'recruitment', placeKind: 'district', districtLgd: 339 },
            { stage: 'exploitation', placeKind: 'district', districtLgd: 79 },
          ],
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      const { id } = created.json<{ id: string }>();
      const caseUrl = `${browser.baseUrl}/cases/${id}`;

      const context = await browser.newContext();
      const page = await signIn(context, browser.baseUrl, OFFICER);
      await page.goto(caseUrl);
      await waitReady(page);

      // Under investigation, with a note on the status.
      const lifecycle = page.getByRole('form', { name: tr(en, 'case.lifecycle') });
      await lifecycle
        .getByLabel(tr(en, 'case.nextStatus'))
        .selectOption({ label: tr(en, 'caseStatus.under_investigation') });
      await lifecycle.getByLabel(tr(en, 'case.effectiveOn')).fill('2025-05-11');
      await lifecycle.getByLabel(tr(en, 'case.statusNote')).fill('Taken up by SI Anita Lakra');
      await lifecycle.getByRole('button', { name: tr(en, 'case.changeStatus') }).click();
      await page
        .getByText(tr(en, 'case.statusChanged', { status: tr(en, 'caseStatus.under_investigation') }))
        .waitFor();
      await page.getByText('Taken up by SI Anita Lakra').waitFor();

      // A note for the file.
      await page.getByLabel(tr(en, 'case.addNote')).fill('Employer absconding; lookout requested.');
      await page.getByRole('button', { name: tr(en, 'case.saveNote') }).click();
      await page.getByText('Employer absconding; lookout requested.').waitFor();

      // A PDF attached, chosen as a person would, through the file dialog.
      const attachments = page.getByRole('region', { name: tr(en, 'attachments.title') });
      const chooser = page.waitForEvent('filechooser');
      await attachments.getByRole('button', { name: tr(en, 'attachments.file') }).click();
      await (
        await chooser
      ).setFiles({
        name: 'rescue-memo.pdf',
        mimeType: 'application/pdf',
        buffer: PDF,
      });
      await attachments.getByLabel(tr(en, 'attachments.description')).fill('Rescue memo');
      await attachments.getByRole('button', { name: tr(en, 'attachments.uploadSubmit') }).click();
      await page.getByText(tr(en, 'attachments.uploaded', { name: 'rescue-memo.pdf' })).waitFor();
      // It comes back byte for byte, and the page shows the hash to check a copy against.
      const downloading = page.waitForEvent('download');
      await attachments
        .getByRole('button', { name: tr(en, 'attachments.downloadFile', { name: 'rescue-memo.pdf' }) })
        .click();
      const download = await downloading;
      assert.equal(download.suggestedFilename(), 'rescue-memo.pdf');
      const saved = await fs.promises.readFile(await download.path());
      assert.deepEqual(saved, PDF);
      await attachments.getByText(createHash('sha256').update(PDF).digest('hex')).waitFor();

      // Shared with the AHTU of the district where the boys were exploited, without identities.
      const shares = page.getByRole('region', { name: tr(en, 'shares.title') });
      const unit = shares.getByRole('combobox', { name: tr(en, 'shares.unit'), exact: true });
      await unit.fill('AHTU New Delhi');
      await page.getByRole('option', { name: /^AHTU New Delhi \(demo\)/ }).click();
      await shares.getByLabel(tr(en, 'shares.reason')).fill('Employer is in their district');
      await shares.getByRole('button', { name: tr(en, 'shares.submit') }).click();
      await page.getByText(tr(en, 'shares.shared', { unit: 'AHTU New Delhi (demo)' })).waitFor();
      await shares
        .getByRole('button', { name: tr(en, 'shares.revokeFor', { unit: 'AHTU New Delhi (demo)' }) })
        .waitFor();

      // The title changed through the edit form.
      await page.getByRole('link', { name: tr(en, 'case.edit') }).click();
      await page.waitForURL(`${caseUrl}/edit`);
      await waitReady(page);
      await page
        .getByRole('textbox', { name: tr(en, 'caseForm.title'), exact: true })
        .fill('Two boys rescued from a garment unit in New Delhi');
      await page.getByRole('button', { name: tr(en, 'caseForm.save') }).click();
      await page.waitForURL(caseUrl);
      await waitReady(page);
      await page
        .getByRole('heading', { level: 1, name: 'Two boys rescued from a garment unit in New Delhi' })
        .waitFor();
      await context.close();

      // The Delhi AHTU now opens the case, with the victim's identity still masked.
      const delhiContext = await browser.newContext();
      const delhi = await signIn(delhiContext, browser.baseUrl, 'dl.newdelhi.ahtu');
      await delhi.goto(caseUrl);
      await waitReady(delhi);
      await delhi
        .getByRole('heading', { level: 1, name: 'Two boys rescued from a garment unit in New Delhi' })
        .waitFor();
      await delhi.getByText(tr(en, 'person.identityMasked')).first().waitFor();
      assert.equal(await delhi.getByText('Budhu Munda').count(), 0);
      await delhiContext.close();
    });

    test('on a 360-px phone the case list and a case page fit the screen and the menu is reachable', async () => {
      const context = await browser.newContext({ phone: true });
      const page = await signIn(context, browser.baseUrl, OFFICER);
      await page.goto(`${browser.baseUrl}/cases`);
      await waitReady(page);
      const list = await noHorizontalOverflow(page);
      assert.ok(list.scrollWidth <= list.clientWidth, `case list: ${JSON.stringify(list)}`);

      // On a phone the table becomes a list of cards; either way each case is a link named by its reference.
      const first = page
        .getByRole('list', { name: tr(en, 'cases.title') })
        .getByRole('link')
        .first();
      await first.click();
      await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
      await waitReady(page);
      const casePage = await noHorizontalOverflow(page);
      assert.ok(casePage.scrollWidth <= casePage.clientWidth, `case page: ${JSON.stringify(casePage)}`);

      // The navigation sits behind the menu button on a phone.
      await page.getByRole('button', { name: tr(en, 'nav.openMenu') }).click();
      await page
        .getByRole('navigation', { name: tr(en, 'nav.main') })
        .getByRole('link', { name: tr(en, 'nav.cases'), exact: true })
        .click();
      await page.waitForURL((url) => url.pathname === '/cases');
      await waitReady(page);
      await page.getByRole('heading', { level: 1, name: tr(en, 'cases.title') }).waitFor();

      // The form to register a case, with a person and a stop open, fits too.
      await page
        .getByRole('main')
        .getByRole('link', { name: tr(en, 'cases.create') })
        .click();
      await page.waitForURL((url) => url.pathname === '/cases/new');
      await waitReady(page);
      await page
        .getByRole('button', { name: tr(en, 'caseForm.addPerson', { role: tr(en, 'personRole.accused') }) })
        .click();
      await page.getByRole('button', { name: tr(en, 'caseForm.addStop') }).click();
      const form = await noHorizontalOverflow(page);
      assert.ok(form.scrollWidth <= form.clientWidth, `case form: ${JSON.stringify(form)}`);
      await context.close();
    });
  });
}
