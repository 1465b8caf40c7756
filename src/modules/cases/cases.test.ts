import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { testEngines } from '../../../test/helpers/databases.ts';
import type { CaseView, IdentityView } from './schemas.ts';

const PATNA = 212;
const PURBI_CHAMPARAN = 213;
const MUMBAI = 482;

/** A case as a Patna AHTU officer would register it: a girl recruited in Purbi Champaran, moved via Patna Jn to Mumbai. */
function patnaCase(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'fir',
    title: 'Minor girl trafficked to Mumbai for domestic work',
    firNumber: '214/2025',
    firDate: '2025-03-02',
    registeredOn: '2025-03-02',
    exploitationForms: ['domestic_servitude', 'child_labour'],
    legalSections: ['BNS-143', 'JJ-79'],
    persons: [
      {
        role: 'victim',
        name: 'सुनीता कुमारी',
        aliases: ['Sunita Kumari'],
        sex: 'female',
        ageYears: 14,
        fatherName: 'Ramesh Paswan',
        homeDistrictLgd: PURBI_CHAMPARAN,
        phones: ['+91 98765 43210'],
        idDocumentType: 'aadhaar',
        idNumber: '1234 5678 9012',
        rescuedOn: '2025-03-01',
      },
      {
        role: 'accused',
        name: 'Md. Salim Sk',
        sex: 'male',
        ageYears: 38,
        accusedRole: 'recruiter',
        arrestStatus: 'arrested',
        arrestedOn: '2025-03-03',
      },
    ],
    route: [
      { stage: 'recruitment', placeKind: 'district', districtLgd: PURBI_CHAMPARAN, occurredOn: '2025-01-10' },
      { stage: 'transit', placeKind: 'station', stationCode: 'PNBE', occurredOn: '2025-01-11' },
      { stage: 'exploitation', placeKind: 'district', districtLgd: MUMBAI },
    ],
    ...overrides,
  };
}

for (const engine of testEngines()) {
  describe(`cases on ${engine}`, () => {
    let t: TestApp;
    let patna: string;
    let created: CaseView;
    before(async () => {
      t = await startTestApp(engine, { demo: true });
      patna = await t.login('br.patna.ahtu');
      const response = await t.call('POST', '/api/cases', { cookie: patna, body: patnaCase() });
      assert.equal(response.statusCode, 201, response.body);
      created = response.json<CaseView>();
    });
    after(() => t.close());

    test('a registered case has a State reference, masked victim, named accused, a resolved route and derived flags', () => {
      assert.match(created.reference, /^BR-2025-\d{6}$/);
      assert.deepEqual(created.district, { lgdCode: PATNA, name: created.district.name });
      const victim = created.persons.find((p) => p.role === 'victim');
      const accused = created.persons.find((p) => p.role === 'accused');
      assert.ok(victim && accused);
      assert.equal(victim.displayName, null);
      assert.equal(victim.identityMasked, true);
      assert.match(victim.pseudonym, /^V-[0-9A-Z]{4}$/);
      assert.equal(victim.isChild, true);
      assert.equal(
        JSON.stringify(created).includes('सुनीता'),
        false,
        'the victim name must not appear anywhere in the case',
      );
      assert.equal(JSON.stringify(created).includes('98765'), false);
      assert.equal(accused.displayName, 'Md. Salim Sk');
      assert.deepEqual(
        created.route.map((e) => [e.stage, e.placeStateLgd]),
        [
          ['recruitment', 10],
          ['transit', 10],
          ['exploitation', 27],
        ],
      );
      assert.equal(created.route[1]?.placeName, 'PATNA JN');
      assert.equal(created.isInterState, true);
      assert.equal(created.isCrossBorder, false);
      // BNSS: 90 days after the first arrest for trafficking (BNS 143).
      assert.equal(created.firstArrestOn, '2025-03-03');
      assert.equal(created.chargeSheetDueOn, '2025-06-01');
      assert.equal(created.chargeSheetOverdue, true);
      assert.deepEqual(
        created.timeline.map((e) => e.status),
        ['registered'],
      );
    });

    test('the same Idempotency-Key returns the first case instead of a duplicate; reused for another body it is refused', async () => {
      const headers = { 'idempotency-key': 'retry-test-0001' };
      const body = patnaCase({ title: 'Idempotent registration', firNumber: '300/2025' });
      const first = await t.call('POST', '/api/cases', { cookie: patna, body, headers });
      const second = await t.call('POST', '/api/cases', { cookie: patna, body, headers });
      assert.equal(first.statusCode, 201);
      assert.equal(second.statusCode, 201);
      assert.equal(second.headers['idempotent-replayed'], 'true');
      assert.equal(first.json<CaseView>().id, second.json<CaseView>().id);
      const list = await t.call('GET', '/api/cases?q=Idempotent%20registration', { cookie: patna });
      assert.equal(list.json<{ total: number }>().total, 1);
      const other = await t.call('POST', '/api/cases', {
        cookie: patna,
        body: { ...body, title: 'Something else' },
        headers,
      });
      assert.equal(other.statusCode, 422);
    });

    test('the list filters, searches, sorts and paginates', async () => {
      const byRef = await t.call('GET', `/api/cases?q=${created.reference}`, { cookie: patna });
      assert.deepEqual(
        byRef.json<{ items: { id: string }[] }>().items.map((c) => c.id),
        [created.id],
      );
      const byAccused = await t.call('GET', '/api/cases?q=salim', { cookie: patna });
      assert.ok(byAccused.json<{ items: { id: string }[] }>().items.some((c) => c.id === created.id));
      const ranchi = await t.login('jh.ranchi.ahtu');
      for (const q of [created.reference, 'salim']) {
        const elsewhere = await t.call('GET', `/api/cases?q=${encodeURIComponent(q)}`, { cookie: ranchi });
        assert.equal(elsewhere.statusCode, 200);
        assert.ok(
          !elsewhere.json<{ items: { id: string }[] }>().items.some((c) => c.id === created.id),
          `a Jharkhand officer's search for ${q} must not find a Bihar case`,
        );
      }
      const overdue = await t.call('GET', '/api/cases?overdue=true&interState=true&form=domestic_servitude', {
        cookie: patna,
      });
      assert.ok(overdue.json<{ items: { id: string }[] }>().items.some((c) => c.id === created.id));
      const closed = await t.call('GET', '/api/cases?status=convicted', { cookie: patna });
      assert.ok(!closed.json<{ items: { id: string }[] }>().items.some((c) => c.id === created.id));
      const page = await t.call('GET', '/api/cases?limit=1&offset=0&sort=reference', { cookie: patna });
      assert.equal(page.json<{ items: unknown[] }>().items.length, 1);
      assert.ok(page.json<{ total: number }>().total >= 2);
    });

    test('another State cannot open the case, list it, or read it even with raw SQL as the app role', async () => {
      const up = await t.login('up.lucknow.ahtu');
      assert.equal((await t.call('GET', `/api/cases/${created.id}`, { cookie: up })).statusCode, 404);
      const list = await t.call('GET', '/api/cases?limit=200', { cookie: up });
      assert.ok(!list.json<{ items: { id: string }[] }>().items.some((c) => c.id === created.id));
      const victim = created.persons.find((p) => p.role === 'victim');
      assert.equal(
        (
          await t.call('POST', `/api/persons/${victim?.id ?? ''}/reveal`, {
            cookie: up,
            body: { reason: 'curious to know' },
          })
        ).statusCode,
        404,
      );
      const upUser = await t.db.asSystem((tx) =>
        tx.query<{ id: string }>(`SELECT id FROM users WHERE username = 'up.nodal'`),
      );
      const raw = await t.db.asActor({ userId: upUser.rows[0]?.id ?? '' }, (tx) =>
        tx.query('SELECT id FROM cases WHERE id = $1', [created.id]),
      );
      assert.equal(raw.rowCount, 0);
      const persons = await t.db.asActor({ userId: upUser.rows[0]?.id ?? '' }, (tx) =>
        tx.query('SELECT id FROM case_persons WHERE case_id = $1', [created.id]),
      );
      assert.equal(persons.rowCount, 0);
    });

    test('no role can read identity columns directly; revealing needs need-to-know and a reason, and is audited', async () => {
      const patnaUser = await t.db.asSystem((tx) =>
        tx.query<{ id: string }>(`SELECT id FROM users WHERE username = 'br.patna.ahtu'`),
      );
      await assert.rejects(
        t.db.asActor({ userId: patnaUser.rows[0]?.id ?? '' }, (tx) =>
          tx.query('SELECT name FROM person_identities'),
        ),
        /permission denied/,
      );
      const victim = created.persons.find((p) => p.role === 'victim');
      const noReason = await t.call('POST', `/api/persons/${victim?.id ?? ''}/reveal`, {
        cookie: patna,
        body: {},
      });
      assert.equal(noReason.statusCode, 400);
      const revealed = await t.call('POST', `/api/persons/${victim?.id ?? ''}/reveal`, {
        cookie: patna,
        body: { reason: 'Preparing the charge-sheet' },
      });
      assert.equal(revealed.statusCode, 200);
      const identity = revealed.json<IdentityView>();
      assert.equal(identity.name, 'सुनीता कुमारी');
      assert.equal(identity.idNumberLast4, '9012');
      assert.equal(
        JSON.stringify(identity).includes('5678'),
        false,
        'only the last four digits of the ID are kept',
      );

      // The Nodal Cell sees the case but not the victim's identity.
      const national = await t.login('nodal.analyst');
      assert.equal((await t.call('GET', `/api/cases/${created.id}`, { cookie: national })).statusCode, 200);
      const refused = await t.call('POST', `/api/persons/${victim?.id ?? ''}/reveal`, {
        cookie: national,
        body: { reason: 'National analysis' },
      });
      assert.equal(refused.statusCode, 403);

      const audit = await t.call(
        'GET',
        `/api/audit?action=person.reveal_identity&objectId=${victim?.id ?? ''}`,
        { cookie: await t.login('nodal.auditor') },
      );
      const entries = audit.json<{
        items: { outcome: string; actorUsername: string; reason: string | null }[];
      }>().items;
      assert.ok(
        entries.some(
          (e) =>
            e.outcome === 'success' &&
            e.actorUsername === 'br.patna.ahtu' &&
            e.reason === 'Preparing the charge-sheet',
        ),
      );
      const refusals = await t.call('GET', `/api/audit?actor=nodal.analyst&outcome=refused`, {
        cookie: await t.login('nodal.auditor'),
      });
      assert.ok(
        refusals
          .json<{ items: { action: string }[] }>()
          .items.some((e) => e.action === 'POST /api/persons/:id/reveal'),
      );
    });

    test('an officer links two cases and can change the relation; another State can link neither', async () => {
      const second = await t.call('POST', '/api/cases', {
        cookie: patna,
        body: patnaCase({ title: 'Second girl from the same network', firNumber: '301/2025' }),
      });
      assert.equal(second.statusCode, 201, second.body);
      const secondId = second.json<CaseView>().id;
      const link = (body: object, cookie = patna) =>
        t.call('POST', `/api/cases/${created.id}/links`, { cookie, body: { caseId: secondId, ...body } });
      assert.equal((await link({ relation: 'same_network' })).statusCode, 200);
      const relinked = await link({ relation: 'same_accused', note: 'The same recruiter' });
      assert.equal(relinked.statusCode, 200, relinked.body);
      const page = await t.call('GET', `/api/cases/${created.id}`, { cookie: patna });
      assert.deepEqual(
        page
          .json<CaseView>()
          .links.filter((l) => l.caseId === secondId)
          .map((l) => l.relation),
        ['same_accused'],
      );
      const mumbai = await t.login('mh.mumbai.ahtu');
      assert.equal((await link({ relation: 'related' }, mumbai)).statusCode, 404);
    });

    test('sharing with an assisting unit shows the case; identity only with the recorded authorisation', async () => {
      const units = await t.call('GET', '/api/units?q=AHTU%20Ranchi', { cookie: patna });
      const ranchiUnit = units.json<{ items: { id: string }[] }>().items[0]?.id ?? '';
      const ranchi = await t.login('jh.ranchi.ahtu');
      assert.equal((await t.call('GET', `/api/cases/${created.id}`, { cookie: ranchi })).statusCode, 404);
      const share = await t.call('POST', `/api/cases/${created.id}/shares`, {
        cookie: patna,
        body: {
          unitId: ranchiUnit,
          purpose: 'assisting',
          identityAccess: false,
          reason: 'Verify the family in Ranchi',
        },
      });
      assert.equal(share.statusCode, 200, share.body);
      const seen = await t.call('GET', `/api/cases/${created.id}`, { cookie: ranchi });
      assert.equal(seen.statusCode, 200);
      assert.equal(seen.json<CaseView>().standing, 'assisting');
      assert.equal(seen.json<CaseView>().canEdit, false);
      const victim = created.persons.find((p) => p.role === 'victim');
      assert.equal(
        (
          await t.call('POST', `/api/persons/${victim?.id ?? ''}/reveal`, {
            cookie: ranchi,
            body: { reason: 'Family verification' },
          })
        ).statusCode,
        403,
      );
      assert.equal(
        (
          await t.call('POST', `/api/cases/${created.id}/notes`, {
            cookie: ranchi,
            body: { body: 'Family traced in Ranchi.' },
          })
        ).statusCode,
        201,
      );
      await t.call('POST', `/api/cases/${created.id}/shares`, {
        cookie: patna,
        body: {
          unitId: ranchiUnit,
          purpose: 'assisting',
          identityAccess: true,
          reason: 'Family verification needs the name',
        },
      });
      assert.equal(
        (
          await t.call('POST', `/api/persons/${victim?.id ?? ''}/reveal`, {
            cookie: ranchi,
            body: { reason: 'Family verification' },
          })
        ).statusCode,
        200,
      );
      assert.equal(
        (
          await t.call('PATCH', `/api/cases/${created.id}`, {
            cookie: ranchi,
            body: { title: 'Changed', version: 1 },
          })
        ).statusCode,
        403,
      );
    });

    test('the lifecycle follows the law, and a stale edit is refused', async () => {
      const body = patnaCase({ title: 'Lifecycle case', firNumber: '401/2025' });
      const c = (await t.call('POST', '/api/cases', { cookie: patna, body })).json<CaseView>();
      const skip = await t.call('POST', `/api/cases/${c.id}/status`, {
        cookie: patna,
        body: { status: 'convicted' },
      });
      assert.equal(skip.statusCode, 409);
      assert.match(skip.json<{ error: { message: string } }>().error.message, /cannot become convicted/);
      for (const status of ['under_investigation', 'charge_sheeted', 'on_trial', 'convicted']) {
        const step = await t.call('POST', `/api/cases/${c.id}/status`, {
          cookie: patna,
          body: { status, effectiveOn: '2025-06-01' },
        });
        assert.equal(step.statusCode, 200, `${status}: ${step.body}`);
      }
      const final = (await t.call('GET', `/api/cases/${c.id}`, { cookie: patna })).json<CaseView>();
      assert.deepEqual(
        final.timeline.map((e) => e.status),
        ['registered', 'under_investigation', 'charge_sheeted', 'on_trial', 'convicted'],
      );
      assert.equal(final.chargeSheetedOn, '2025-06-01');
      assert.deepEqual(final.nextStatuses, []);
      const stale = await t.call('PATCH', `/api/cases/${c.id}`, {
        cookie: patna,
        body: { title: 'New title', version: 1 },
      });
      assert.equal(stale.statusCode, 409);
      const fresh = await t.call('PATCH', `/api/cases/${c.id}`, {
        cookie: patna,
        body: { title: 'New title', version: final.version },
      });
      assert.equal(fresh.statusCode, 200);
    });

    test('bad input gets a 4xx naming the problem, and nothing is half-written', async () => {
      const before = (await t.call('GET', '/api/cases?limit=1', { cookie: patna })).json<{ total: number }>()
        .total;
      const cases: [Record<string, unknown>, number, RegExp][] = [
        [patnaCase({ legalSections: ['BNS-999'] }), 422, /BNS-999/],
        [
          patnaCase({ route: [{ stage: 'transit', placeKind: 'station', stationCode: 'NOPE' }] }),
          422,
          /no railway station with code "NOPE"/,
        ],
        [patnaCase({ route: [{ stage: 'transit', placeKind: 'station' }] }), 400, /needs stationCode/],
        [patnaCase({ firNumber: undefined }), 400, /FIR number/],
        [patnaCase({ registeredOn: '2999-01-01' }), 400, /future/],
        [
          patnaCase({ persons: [{ role: 'victim', name: 'X', arrestStatus: 'arrested' }] }),
          400,
          /only to an accused/,
        ],
        [{ ...patnaCase(), kind: 'party' }, 400, /kind/],
      ];
      for (const [body, status, message] of cases) {
        const response = await t.call('POST', '/api/cases', { cookie: patna, body });
        assert.equal(response.statusCode, status, response.body);
        assert.match(response.json<{ error: { message: string } }>().error.message, message);
      }
      const after = (await t.call('GET', '/api/cases?limit=1', { cookie: patna })).json<{ total: number }>()
        .total;
      assert.equal(after, before, 'a refused create leaves no case behind');
    });

    test('attachments are checked by their bytes and an identity photo needs a reason', async () => {
      const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
      const victim = created.persons.find((p) => p.role === 'victim');
      const lying = await t.call('POST', `/api/cases/${created.id}/attachments`, {
        cookie: patna,
        body: { fileName: 'x.pdf', contentType: 'application/pdf', contentBase64: png.toString('base64') },
      });
      assert.equal(lying.statusCode, 415);
      const photo = await t.call('POST', `/api/cases/${created.id}/attachments`, {
        cookie: patna,
        body: {
          fileName: 'photo.png',
          contentType: 'image/png',
          contentBase64: png.toString('base64'),
          personId: victim?.id,
          isIdentity: true,
        },
      });
      assert.equal(photo.statusCode, 201, photo.body);
      const { id, sha256 } = photo.json<{ id: string; sha256: string }>();
      assert.equal(
        (await t.call('GET', `/api/attachments/${id}/content`, { cookie: patna })).statusCode,
        400,
      );
      const download = await t.call('GET', `/api/attachments/${id}/content?reason=Identification%20parade`, {
        cookie: patna,
      });
      assert.equal(download.statusCode, 200);
      assert.equal(download.headers['x-content-sha256'], sha256);
      assert.deepEqual(download.rawPayload, png);
      assert.equal(
        (
          await t.call('GET', `/api/attachments/${id}/content?reason=analysis`, {
            cookie: await t.login('nodal.analyst'),
          })
        ).statusCode,
        403,
      );
    });

    test("the home summary counts the unit's open cases and lists overdue charge-sheets, within jurisdiction only", async () => {
      const mine = (await t.call('GET', '/api/cases/summary', { cookie: patna })).json<{
        myUnitOpenCases: number;
        overdueChargeSheets: number;
        deadlines: { id: string; daysLeft: number }[];
      }>();
      assert.ok(mine.myUnitOpenCases >= 1);
      assert.ok(mine.overdueChargeSheets >= 1);
      const deadline = mine.deadlines.find((d) => d.id === created.id);
      assert.ok(deadline && deadline.daysLeft < 0, 'the overdue case is listed with negative days left');
      const up = (
        await t.call('GET', '/api/cases/summary', { cookie: await t.login('up.lucknow.ahtu') })
      ).json<{ deadlines: { id: string }[] }>();
      assert.ok(!up.deadlines.some((d) => d.id === created.id));
    });

    test('an NGO sees no case until one is referred to it', async () => {
      const ngo = await t.login('ngo.delhi');
      assert.equal((await t.call('GET', '/api/cases', { cookie: ngo })).json<{ total: number }>().total, 0);
      assert.equal((await t.call('GET', `/api/cases/${created.id}`, { cookie: ngo })).statusCode, 404);
    });
  });
}
