/**
 * Rescue to restoration in real headless Chromium: a girl missing from Ranchi (Jharkhand) is found in Delhi
 * and placed in a shelter; the Delhi officer registers her, sees the Jharkhand report proposed with its
 * explanation and confirms it; the Ranchi officer verifies the family; Delhi records the CWC order and the
 * handover. An NGO caseworker sees only the victims referred to the NGO, and accepts the referral.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/modules/demo/units.ts';
import type { FoundView, MissingView } from '../../src/modules/missing/schemas.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { startBrowser, waitReady, type BrowserHarness } from '../helpers/browser.ts';
import { testEngines } from '../helpers/databases.ts';

type Strings = Record<string, unknown>;
const en = JSON.parse(fs.readFileSync('web/src/i18n/en.json', 'utf8')) as Strings;

/** The app's own English text for a key, so the test follows wording changes. */
function tr(key: string, vars: Record<string, string> = {}): string {
  const value = key.split('.').reduce<unknown>((node, part) => (node as Strings | undefined)?.[part], en);
  if (typeof value !== 'string') throw new Error(`no string ${key}`);
  return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => vars[name] ?? '');
}
const r = (key: string) => tr(`restoration.${key}`);

const RANCHI = 339;
const GUMLA = 331;

async function signIn(context: BrowserContext, baseUrl: string, username: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/`);
  await waitReady(page);
  await page.getByLabel(tr('login.username')).fill(username);
  await page.getByRole('textbox', { name: tr('login.password'), exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: tr('login.submit') }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await waitReady(page);
  return page;
}

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitReady(page);
}

for (const engine of testEngines()) {
  describe(`restoration in the browser on ${engine}`, () => {
    let t: TestApp;
    let browser: BrowserHarness;
    let missing: MissingView;
    let foundId = '';
    before(async () => {
      t = await startTestApp(engine, { demo: true });
      browser = await startBrowser(t);
      const ranchi = await t.login('jh.ranchi.ahtu');
      const m = await t.call('POST', '/api/missing', {
        cookie: ranchi,
        body: {
          name: 'Phulmani Oraon',
          sex: 'female',
          ageYears: 13,
          language: 'hi',
          fatherName: 'Somra Oraon',
          address: 'Village Karra',
          reportedOn: '2026-09-03',
          lastSeenOn: '2026-09-01',
          lastSeenDistrictLgd: 339,
          lastSeenPlace: 'Ranchi railway station',
        },
      });
      assert.equal(m.statusCode, 201, m.body);
      missing = m.json<MissingView>();
    });
    after(async () => {
      await browser.close();
      await t.close();
    });

    test('a found child in a Delhi shelter is matched to the Jharkhand report, reviewed, verified and restored', async () => {
      const delhiContext = await browser.newContext();
      const delhi = await signIn(delhiContext, browser.baseUrl, 'dl.newdelhi.ahtu');
      await open(delhi, `${browser.baseUrl}/restoration/found?new=1`);
      const form = delhi.getByRole('form', { name: r('found.new') });
      await form.getByLabel(r('form.nameGiven')).fill('फूलमनी उरांव');
      await form.getByLabel(r('form.sex')).selectOption('female');
      await form.getByLabel(r('form.age')).fill('14');
      await form.getByLabel(r('form.language'), { exact: true }).fill('hi');
      await form.getByLabel(r('form.father')).fill('सोमरा');
      await form.getByLabel(r('form.foundOn')).fill('2026-10-20');
      await form.getByLabel(`${r('form.foundIn')}: ${r('form.state')}`).selectOption({ label: 'Delhi' });
      const district = form.getByLabel(`${r('form.foundIn')}: ${r('form.district')}`);
      await district.locator('option', { hasText: 'North West' }).waitFor({ state: 'attached' });
      await district.selectOption({ label: 'North West' });
      await form
        .getByLabel(r('form.placement'))
        .selectOption({ label: 'Government Children Home for Girls, Delhi (demo)' });
      await form.getByRole('button', { name: r('form.register'), exact: true }).click();
      await delhi.waitForURL(/\/restoration\/found\/[0-9a-f-]{36}$/);
      await waitReady(delhi);
      foundId = delhi.url().split('/').pop() ?? '';

      // The Jharkhand report is proposed, with the evidence field by field and no name shown.
      const card = delhi.getByTestId('candidate').filter({ hasText: missing.reference });
      await card.waitFor();
      assert.equal((await card.textContent())?.includes('Phulmani'), false);
      await card.getByRole('table', { name: r('candidate.explanation') }).waitFor();
      await card
        .getByLabel(r('candidate.note'))
        .fill('Father and village named by the girl agree with the report.');
      await card.getByRole('button', { name: r('candidate.confirm') }).click();
      const restorationLink = card.getByRole('link', { name: r('candidate.openRestoration') });
      await restorationLink.waitFor();
      const restorationUrl = (await restorationLink.getAttribute('href')) ?? '';

      // Ranchi (home district) verifies the family.
      const ranchiContext = await browser.newContext();
      const ranchi = await signIn(ranchiContext, browser.baseUrl, 'jh.ranchi.ahtu');
      await open(ranchi, `${browser.baseUrl}${restorationUrl}`);
      await ranchi.getByLabel(r('restoration.step'), { exact: true }).selectOption('verified');
      await ranchi.getByLabel(r('restoration.note')).fill('Parents met at home; school register agrees.');
      await ranchi.getByRole('button', { name: r('restoration.save') }).click();
      await ranchi.getByText(r('restorationStatus.cwc_order')).first().waitFor();

      // Delhi records the CWC order and the handover.
      await open(delhi, `${browser.baseUrl}${restorationUrl}`);
      await delhi.getByLabel(r('restoration.step'), { exact: true }).selectOption('cwc_order');
      await delhi.getByLabel(r('restoration.orderNumber')).fill('CWC/NW/2026/118');
      await delhi.getByRole('button', { name: r('restoration.save') }).click();
      await delhi.getByText(r('restorationStatus.handover')).first().waitFor();
      await delhi.getByLabel(r('restoration.step'), { exact: true }).selectOption('handover');
      await delhi.getByLabel(r('restoration.handedOverTo')).fill('Mother, Budhni Devi');
      await delhi.getByRole('button', { name: r('restoration.save') }).click();
      await delhi.getByText(r('restorationStatus.follow_up')).first().waitFor();

      await open(delhi, `${browser.baseUrl}/restoration/found/${foundId}`);
      await delhi.getByText(r('foundStatus.restored')).first().waitFor();
      await open(ranchi, `${browser.baseUrl}/restoration/missing/${missing.id}`);
      await ranchi.getByText(r('missingStatus.traced')).first().waitFor();
      await delhiContext.close();
      await ranchiContext.close();
    });

    test('the missing list opens filtered by the district in the address, as a missing_spike alert links it', async () => {
      const ranchiCookie = await t.login('jh.ranchi.ahtu');
      const register = async (name: string, lastSeenDistrictLgd: number) => {
        const res = await t.call('POST', '/api/missing', {
          cookie: ranchiCookie,
          body: {
            name,
            sex: 'female',
            ageYears: 16,
            reportedOn: '2026-10-10',
            lastSeenOn: '2026-10-08',
            lastSeenDistrictLgd,
          },
        });
        assert.equal(res.statusCode, 201, res.body);
        return res.json<MissingView>();
      };
      const gumla = await register('Sushila Minz', GUMLA);
      const ranchi = await register('Pinki Kachhap', RANCHI);

      const context = await browser.newContext();
      const state = await signIn(context, browser.baseUrl, 'jh.nodal');
      await open(state, `${browser.baseUrl}/restoration/missing?lastSeenDistrict=${GUMLA}`);
      const table = state.getByRole('table', { name: r('missing.title') });
      await table.getByRole('link', { name: gumla.reference }).waitFor();
      const text = (await table.textContent()) ?? '';
      assert.equal(text.includes(ranchi.reference), false, 'a report last seen in Ranchi is not listed');
      const rows = await table.locator('tbody tr').allTextContents();
      assert.ok(rows.length > 0 && rows.every((row) => row.includes('Gumla')), rows.join('\n'));
      // The filter shows the district it was opened with, and changing it changes the address.
      const district = state.getByLabel(`${r('filter.lastSeenIn')}: ${r('form.district')}`);
      await district.locator('option', { hasText: 'Ranchi' }).waitFor({ state: 'attached' });
      assert.equal(await district.inputValue(), String(GUMLA));
      await district.selectOption({ label: 'Ranchi' });
      await state.waitForURL((url) => url.searchParams.get('lastSeenDistrict') === String(RANCHI));
      await table.getByRole('link', { name: ranchi.reference }).waitFor();
      assert.equal(((await table.textContent()) ?? '').includes(gumla.reference), false);
      await context.close();
    });

    test('an officer closes a report on its page; the change is saved, and an auditor gets no form', async () => {
      const ranchiCookie = await t.login('jh.ranchi.ahtu');
      const created = await t.call('POST', '/api/missing', {
        cookie: ranchiCookie,
        body: {
          name: 'Mamta Ekka',
          sex: 'female',
          ageYears: 17,
          reportedOn: '2026-10-12',
          lastSeenOn: '2026-10-11',
          lastSeenDistrictLgd: RANCHI,
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      const report = created.json<MissingView>();

      const context = await browser.newContext();
      const ranchi = await signIn(context, browser.baseUrl, 'jh.ranchi.ahtu');
      await open(ranchi, `${browser.baseUrl}/restoration/missing/${report.id}`);
      const form = ranchi.getByRole('form', { name: r('edit.title') });
      // Saving with nothing changed explains itself instead of sending a request.
      await form.getByRole('button', { name: r('edit.save') }).click();
      await form.getByText(r('edit.errors.nothingChanged')).waitFor();
      await form.getByLabel(r('edit.status')).selectOption('closed');
      await form.getByRole('button', { name: r('edit.save') }).click();
      await form.getByText(r('edit.saved')).waitFor();

      await open(ranchi, `${browser.baseUrl}/restoration/missing/${report.id}`);
      await ranchi.getByRole('heading', { name: report.reference }).waitFor();
      await ranchi.locator('main').getByText(r('missingStatus.closed')).first().waitFor();
      const stored = await t.call('GET', `/api/missing/${report.id}`, { cookie: ranchiCookie });
      assert.equal(stored.json<MissingView>().status, 'closed');
      await context.close();

      const auditorContext = await browser.newContext();
      const auditor = await signIn(auditorContext, browser.baseUrl, 'nodal.auditor');
      await open(auditor, `${browser.baseUrl}/restoration/missing/${report.id}`);
      await auditor.getByRole('heading', { name: report.reference }).waitFor();
      assert.equal(await auditor.getByRole('form', { name: r('edit.title') }).count(), 0);
      await auditorContext.close();
    });

    test('an officer records where a found person is placed; a date in the future is refused first', async () => {
      const delhiCookie = await t.login('dl.newdelhi.ahtu');
      const created = await t.call('POST', '/api/found', {
        cookie: delhiCookie,
        body: {
          sex: 'female',
          ageYears: 12,
          foundKind: 'unidentified',
          foundOn: '2026-10-25',
          foundDistrictLgd: 82,
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      const person = created.json<FoundView>();

      const context = await browser.newContext();
      const delhi = await signIn(context, browser.baseUrl, 'dl.newdelhi.ahtu');
      await open(delhi, `${browser.baseUrl}/restoration/found/${person.id}`);
      const form = delhi.getByRole('form', { name: r('edit.title') });
      const shelter = 'Government Children Home for Girls, Delhi (demo)';
      const placement = form.getByLabel(r('edit.placement'));
      await placement.locator('option', { hasText: shelter }).waitFor({ state: 'attached' });
      await placement.selectOption({ label: shelter });
      await form.getByLabel(r('edit.placedOn')).fill('2099-01-01');
      await form.getByRole('button', { name: r('edit.save') }).click();
      await form.getByText(r('edit.errors.placedOnFuture')).waitFor();
      await form.getByLabel(r('edit.placedOn')).fill('2026-10-26');
      await form.getByRole('button', { name: r('edit.save') }).click();
      await form.getByText(r('edit.saved')).waitFor();
      await context.close();

      const stored = (
        await t.call('GET', `/api/found/${person.id}`, { cookie: delhiCookie })
      ).json<FoundView>();
      assert.equal(stored.placement?.name, shelter);
      assert.equal(stored.placedOn, '2026-10-26');
    });

    test('an NGO caseworker sees only the victims referred to the NGO', async () => {
      const delhiCookie = await t.login('dl.newdelhi.ahtu');
      const other = await t.call('POST', '/api/found', {
        cookie: delhiCookie,
        body: {
          name: 'Sapna Kumari',
          sex: 'female',
          ageYears: 15,
          foundKind: 'rescued',
          foundOn: '2026-11-02',
          foundDistrictLgd: 82,
        },
      });
      assert.equal(other.statusCode, 201, other.body);
      const unreferred = other.json<FoundView>();
      const referred = foundId
        ? foundId
        : (
            await t.call('POST', '/api/found', {
              cookie: delhiCookie,
              body: {
                name: 'Rinki Kumari',
                sex: 'female',
                ageYears: 15,
                foundKind: 'rescued',
                foundOn: '2026-11-02',
                foundDistrictLgd: 82,
              },
            })
          ).json<FoundView>().id;
      const plan = await t.call('POST', '/api/care/plans', {
        cookie: delhiCookie,
        body: { foundId: referred },
      });
      assert.equal(plan.statusCode, 201, plan.body);
      const planId = plan.json<{ id: string }>().id;
      assert.equal(
        (await t.call('POST', '/api/care/plans', { cookie: delhiCookie, body: { foundId: unreferred.id } }))
          .statusCode,
        201,
      );
      const ngoUnit = await t.db.asSystem(async (tx) => {
        const { rows } = await tx.query<{ id: string }>(
          `SELECT id FROM units WHERE name = 'Surakshit Bachpan Trust, Delhi (demo NGO)'`,
        );
        return rows[0]?.id ?? '';
      });
      const sent = await t.call('POST', `/api/care/plans/${planId}/referrals`, {
        cookie: delhiCookie,
        body: { toUnitId: ngoUnit, services: ['counselling'] },
      });
      assert.equal(sent.statusCode, 201, sent.body);
      const references = await t.db.asSystem(async (tx) => {
        const { rows } = await tx.query<{ id: string; reference: string }>(
          'SELECT id, reference FROM found_persons WHERE id = ANY($1::uuid[])',
          [[referred, unreferred.id]],
        );
        return new Map(rows.map((row) => [row.id, row.reference]));
      });

      const context = await browser.newContext({ phone: true });
      const ngo = await signIn(context, browser.baseUrl, 'ngo.delhi');
      await open(ngo, `${browser.baseUrl}/care`);
      const body = (await ngo.locator('main').textContent()) ?? '';
      assert.ok(body.includes(references.get(referred) ?? '?'), 'the referred victim is listed');
      assert.equal(
        body.includes(references.get(unreferred.id) ?? '?'),
        false,
        'a victim not referred is not',
      );
      await open(ngo, `${browser.baseUrl}/care/${planId}`);
      await ngo
        .getByTestId('referral')
        .getByRole('button', { name: r('care.accept') })
        .click();
      await ngo.getByTestId('referral').getByText(r('referralStatus.accepted')).waitFor();
      // Missing reports are police records: the NGO's role does not open them.
      await open(ngo, `${browser.baseUrl}/restoration/missing`);
      await ngo.getByRole('heading', { name: tr('forbidden.title') }).waitFor();
      await context.close();
    });
  });
}
