import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { testEngines } from '../../../test/helpers/databases.ts';
import type { PracticeListItem, PracticeView } from './schemas.ts';

const hindiPractice = {
  category: 'prevention',
  language: 'hi',
  title: 'ग्राम सभा में मानव तस्करी रोकथाम समिति',
  summary: 'हर पंचायत में एक समिति जो बाहर काम पर जाने वाले बच्चों और युवतियों का रिकॉर्ड रखती है।',
  body: 'पटना ज़िले की हर ग्राम सभा ने एक निगरानी समिति बनाई। समिति के सदस्य बाहर जाने वाले हर बच्चे के नियोक्ता और पते की जानकारी दर्ज करते हैं और संदिग्ध दलालों की सूचना एएचटीयू को देते हैं।',
  outcomes: 'छह महीनों में ग्यारह बच्चों को स्टेशन पर रोका गया।',
};

const englishPractice = {
  category: 'technology',
  title: 'Railway station watch list shared with RPF',
  summary: 'A daily list of suspected placement agents shared with the RPF post at the junction.',
  body: 'The AHTU shares photographs and phone numbers of suspected placement agents with the RPF post every morning, so that escorts travelling with groups of children can be questioned.',
};

interface Listing {
  items: PracticeListItem[];
  total: number;
}
const list = (response: { json: () => unknown }) => response.json() as Listing;

for (const engine of testEngines()) {
  describe(`best-practice compendium on ${engine}`, () => {
    let t: TestApp;
    let patna: string;
    let nodal: string;
    let lucknow: string;
    let hindi: PracticeView;

    before(async () => {
      t = await startTestApp(engine, { demo: true });
      patna = await t.login('br.patna.ahtu');
      nodal = await t.login('br.nodal');
      lucknow = await t.login('up.lucknow.ahtu');
      const created = await t.call('POST', '/api/compendium', { cookie: patna, body: hindiPractice });
      assert.equal(created.statusCode, 201, created.body);
      hindi = created.json<PracticeView>();
    });
    after(() => t.close());

    test('a submitted practice is its unit’s and its reviewers’ only; another State cannot review it', async () => {
      assert.equal(hindi.status, 'submitted');
      assert.equal((await t.call('GET', `/api/compendium/${hindi.id}`, { cookie: lucknow })).statusCode, 404);
      const upNodal = await t.login('up.nodal');
      const review = await t.call('POST', `/api/compendium/${hindi.id}/review`, {
        cookie: upNodal,
        body: { action: 'publish' },
      });
      assert.equal(review.statusCode, 404);
      const edit = await t.call('PATCH', `/api/compendium/${hindi.id}`, {
        cookie: lucknow,
        body: { title: 'Taken over here' },
      });
      assert.equal(edit.statusCode, 404);
      const own = await t.call('GET', `/api/compendium/${hindi.id}`, { cookie: nodal });
      assert.equal(own.json<PracticeView>().canReview, true);
    });

    test('returned with a note, edited (which resubmits it), then published for every State', async () => {
      const returned = await t.call('POST', `/api/compendium/${hindi.id}/review`, {
        cookie: nodal,
        body: { action: 'return', note: 'Add what the committee does after a child is stopped.' },
      });
      assert.equal(returned.json<PracticeView>().status, 'returned');
      const edited = await t.call('PATCH', `/api/compendium/${hindi.id}`, {
        cookie: patna,
        body: { outcomes: 'छह महीनों में ग्यारह बच्चों को स्टेशन पर रोका गया और परिवारों को सौंपा गया।' },
      });
      assert.equal(edited.json<PracticeView>().status, 'submitted');
      const published = await t.call('POST', `/api/compendium/${hindi.id}/review`, {
        cookie: nodal,
        body: { action: 'publish' },
      });
      assert.equal(published.statusCode, 200, published.body);
      assert.equal(published.json<PracticeView>().status, 'published');
      const asLucknow = await t.call('GET', `/api/compendium/${hindi.id}`, { cookie: lucknow });
      assert.equal(asLucknow.statusCode, 200);
      assert.equal(asLucknow.json<PracticeView>().reviewNote, null, 'the review note stays with the unit');
      assert.equal(asLucknow.json<PracticeView>().canEdit, false);
    });

    test('search finds a Hindi practice by a Hindi word, part of a word, and an English one by English words', async () => {
      const english = await t.call('POST', '/api/compendium', { cookie: patna, body: englishPractice });
      const englishId = english.json<PracticeView>().id;
      await t.call('POST', `/api/compendium/${englishId}/review`, {
        cookie: nodal,
        body: { action: 'publish' },
      });
      for (const q of ['तस्करी', 'निगरानी समिति', 'तस्कर', 'ग्यारह']) {
        const found = list(
          await t.call('GET', `/api/compendium?q=${encodeURIComponent(q)}`, { cookie: lucknow }),
        );
        assert.ok(
          found.items.some((p) => p.id === hindi.id),
          q,
        );
        assert.ok(!found.items.some((p) => p.id === englishId), q);
      }
      const placement = list(
        await t.call('GET', '/api/compendium?q=placement%20agents', { cookie: lucknow }),
      );
      assert.ok(placement.items.some((p) => p.id === englishId));
      assert.ok(!placement.items.some((p) => p.id === hindi.id));
      const none = list(
        await t.call('GET', `/api/compendium?q=${encodeURIComponent('झझझझ')}`, { cookie: lucknow }),
      );
      assert.equal(none.total, 0);
      const byCategory = list(
        await t.call('GET', '/api/compendium?category=technology', { cookie: lucknow }),
      );
      assert.ok(byCategory.items.every((p) => p.category === 'technology'));
    });

    test('attachments: type checked from the bytes, stored with their SHA-256, read back whole', async () => {
      const pdf = Buffer.concat([
        Buffer.from('%PDF-1.4\n'),
        Buffer.alloc(2000, 0x41),
        Buffer.from('\n%%EOF\n'),
      ]);
      const added = await t.call('POST', `/api/compendium/${hindi.id}/attachments`, {
        cookie: patna,
        body: {
          fileName: 'samiti-register.pdf',
          contentType: 'application/pdf',
          contentBase64: pdf.toString('base64'),
        },
      });
      assert.equal(added.statusCode, 201, added.body);
      const file = added.json<{ id: string; sha256: string }>();
      assert.equal(file.sha256, crypto.createHash('sha256').update(pdf).digest('hex'));
      const fake = await t.call('POST', `/api/compendium/${hindi.id}/attachments`, {
        cookie: patna,
        body: { fileName: 'x.png', contentType: 'image/png', contentBase64: pdf.toString('base64') },
      });
      assert.equal(fake.statusCode, 415);
      const notMine = await t.call('POST', `/api/compendium/${hindi.id}/attachments`, {
        cookie: lucknow,
        body: { fileName: 'x.pdf', contentType: 'application/pdf', contentBase64: pdf.toString('base64') },
      });
      assert.equal(notMine.statusCode, 403);
      const download = await t.call('GET', `/api/compendium/attachments/${file.id}/content`, {
        cookie: lucknow,
      });
      assert.equal(download.statusCode, 200);
      assert.equal(download.headers['x-content-sha256'], file.sha256);
      assert.ok(Buffer.from(download.rawPayload).equals(pdf));
      const view = (
        await t.call('GET', `/api/compendium/${hindi.id}`, { cookie: lucknow })
      ).json<PracticeView>();
      assert.equal(view.attachmentList[0]?.fileName, 'samiti-register.pdf');
    });
  });
}
