/**
 * Training in real headless Chromium, as a trainer would: record a session held 91 days ago, register an
 * officer of another district and enter her attendance and assessments, issue her certificate and check
 * it on the public page; then the officer appears in her unit's refresher-due list on the 90th day after
 * the session (the list is asked "as of" a day), and not the day before.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays, todayInIndia } from '../../src/modules/training/refresher.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { EN, startBrowser, tr as trIn, waitReady, type BrowserHarness, signIn } from '../helpers/browser.ts';
import { testEngines } from '../helpers/databases.ts';

/** The app's own English text for a key, so the test follows wording changes. */
const tr = (key: string, vars: Record<string, string> = {}) => trIn(EN, key, vars);

const TRAINER = 'up.trainer';
const OFFICER = 'Shalini Verma';
const PLACE = 'Police Training College, Moradabad, hall 3';

for (const engine of testEngines()) {
  describe(`training in the browser on ${engine}`, () => {
    let t: TestApp;
    let browser: BrowserHarness;
    const sessionDay = addDays(todayInIndia(), -91);

    before(async () => {
      t = await startTestApp(engine, { demo: true });
      browser = await startBrowser(t);
    });
    after(async () => {
      await browser.close();
      await t.close();
    });

    test('a trainer records a session with assessments; 90 days later the officer is due for a refresher', async () => {
      const context = await browser.newContext();
      const page = await signIn(context, browser.baseUrl, TRAINER);
      await page.getByRole('link', { name: tr('capacity.navTraining') }).click();
      await waitReady(page);

      // The session: the demo ToT programme, one day, 91 days ago, run by the trainer.
      const form = page.locator('form[aria-labelledby="new-session-title"]');
      await form.getByLabel(tr('capacity.training.programme')).selectOption({
        label: `Refresher: recent court rulings and the new criminal laws (UP) (${tr('capacity.programmeKind.refresher')})`,
      });
      await form.getByLabel(tr('capacity.training.startsOn')).fill(sessionDay);
      await form.getByLabel(tr('capacity.training.endsOn')).fill(sessionDay);
      await form.getByLabel(tr('capacity.training.place')).fill(PLACE);
      await form.getByLabel(tr('capacity.training.trainers')).fill('Adv. Nandini Rao');
      await form.getByRole('button', { name: tr('capacity.training.createSession') }).click();
      await page.waitForURL(/\/capacity\/training\/sessions\/[0-9a-f-]{36}$/);
      await waitReady(page);
      await page
        .getByText(tr('capacity.training.trainedBy', { names: 'Adv. Nandini Rao, Meera Srivastava (demo)' }))
        .waitFor();

      // A participant from AHTU Lucknow, registered here (she has no Setu account).
      const register = page.locator('form[aria-labelledby="register-title"]');
      await register.getByLabel(tr('capacity.training.name')).fill(OFFICER);
      await register
        .getByLabel(tr('capacity.training.service'))
        .selectOption({ label: tr('capacity.service.police') });
      await register.getByLabel(tr('capacity.training.designation')).fill('Sub-Inspector');
      const unitBox = register.getByRole('combobox', { name: tr('capacity.training.unit') });
      await unitBox.fill('AHTU Luck');
      await page.getByRole('option', { name: 'AHTU Lucknow (demo)' }).click();
      await register.getByRole('button', { name: tr('capacity.training.registerAndAdd') }).click();
      const row = page.getByRole('listitem', { name: OFFICER });
      await row.waitFor();

      // Attendance and the two assessments.
      await row.getByLabel(tr('capacity.training.attended')).check();
      await row
        .getByRole('textbox', { name: tr('capacity.training.preScoreOf', { name: OFFICER }) })
        .fill('45');
      await row
        .getByRole('textbox', { name: tr('capacity.training.postScoreOf', { name: OFFICER }) })
        .fill('80');
      await row.getByRole('button', { name: tr('capacity.save') }).click();
      await page
        .getByText(
          tr('capacity.training.summary', { attended: '1', participants: '1', pre: '45%', post: '80%' }),
        )
        .waitFor();

      // Her certificate, checked on the public page by its code.
      await row.getByRole('button', { name: tr('capacity.training.issueCertificate') }).click();
      const codeText = await row.getByText(/^Certificate [A-Z2-9]{5}-[A-Z2-9]{5}$/).textContent();
      const code = (codeText ?? '').replace('Certificate ', '');
      const publicContext = await browser.newContext();
      const publicPage = await publicContext.newPage();
      await publicPage.goto(`${browser.baseUrl}/certificates/verify?code=${code}`);
      await waitReady(publicPage);
      const valid = publicPage.getByTestId('certificate-valid');
      await valid.waitFor();
      assert.match((await valid.textContent()) ?? '', new RegExp(`Name: ${OFFICER}`));
      await publicContext.close();

      // Her unit's due list: not yet on the 89th day after the session, due on the 90th.
      const due = async (asOf: string) => {
        await page.goto(`${browser.baseUrl}/capacity/training/due?asOf=${asOf}`);
        await waitReady(page);
        return page.getByTestId('due-name').allTextContents();
      };
      assert.ok(!(await due(addDays(sessionDay, 89))).includes(OFFICER), 'not due on the 89th day');
      assert.ok((await due(addDays(sessionDay, 90))).includes(OFFICER), 'due on the 90th day');
      // And today (91 days on) she is in AHTU Lucknow's own list, one day overdue.
      await context.close();
      const lucknowContext = await browser.newContext();
      const lucknow = await signIn(lucknowContext, browser.baseUrl, 'up.lucknow.ahtu');
      await lucknow.goto(`${browser.baseUrl}/capacity/training/due`);
      await waitReady(lucknow);
      assert.ok((await lucknow.getByTestId('due-name').allTextContents()).includes(OFFICER));
      await lucknow
        .getByText(tr('capacity.training.overdueBy_one', { count: '1' }))
        .first()
        .waitFor();
      await lucknowContext.close();
    });
  });
}
