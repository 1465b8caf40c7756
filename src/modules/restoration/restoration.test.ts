import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { testEngines } from '../../../test/helpers/databases.ts';
import type { FoundView, MissingView, TracingIdentityView } from '../missing/schemas.ts';
import type { CandidateView, DriveDashboard, RestorationView } from './schemas.ts';

const RANCHI = 339;
const NORTH_WEST_DELHI = 82;

async function unitId(t: TestApp, name: string): Promise<string> {
  return t.db.asSystem(async (tx) => {
    const { rows } = await tx.query<{ id: string }>('SELECT id FROM units WHERE name = $1', [name]);
    const id = rows[0]?.id;
    if (!id) throw new Error(`no unit ${name}`);
    return id;
  });
}

for (const engine of testEngines()) {
  describe(`restoration on ${engine}`, () => {
    let t: TestApp;
    let ranchi: string;
    let delhi: string;
    let up: string;
    let missing: MissingView;
    let found: FoundView;
    let girlBoy: FoundView;
    let driveId: string;
    before(async () => {
      t = await startTestApp(engine, { demo: true });
      ranchi = await t.login('jh.ranchi.ahtu');
      delhi = await t.login('dl.newdelhi.ahtu');
      up = await t.login('up.lucknow.ahtu');
      const drive = await t.call('POST', '/api/restoration/drives', {
        cookie: await t.login('dl.nodal'),
        body: {
          name: 'Operation Muskan Delhi 2026',
          startsOn: '2026-10-01',
          endsOn: '2026-10-31',
          unitIds: [],
        },
      });
      assert.equal(drive.statusCode, 201, drive.body);
      driveId = drive.json<{ id: string }>().id;
      const m = await t.call('POST', '/api/missing', {
        cookie: ranchi,
        body: {
          name: 'Phulmani Oraon',
          aliases: ['Phoolmani'],
          sex: 'female',
          ageYears: 13,
          language: 'hi',
          fatherName: 'Somra Oraon',
          motherName: 'Budhni Devi',
          address: 'Village Karra, Ranchi',
          reportedOn: '2026-09-03',
          lastSeenOn: '2026-09-01',
          lastSeenDistrictLgd: RANCHI,
          lastSeenPlace: 'Ranchi railway station',
          circumstances: 'Left with a woman from the village who promised work in Delhi.',
        },
      });
      assert.equal(m.statusCode, 201, m.body);
      missing = m.json<MissingView>();
      const shelter = await unitId(t, 'Government Children Home for Girls, Delhi (demo)');
      const f = await t.call('POST', '/api/found', {
        cookie: delhi,
        body: {
          name: 'फूलमनी उरांव',
          sex: 'female',
          ageYears: 14,
          language: 'hi',
          fatherName: 'सोमरा',
          foundKind: 'rescued',
          foundOn: '2026-10-20',
          foundDistrictLgd: NORTH_WEST_DELHI,
          foundPlace: 'Placement agency, Shakurpur',
          driveId,
          placementUnitId: shelter,
          placedOn: '2026-10-20',
        },
      });
      assert.equal(f.statusCode, 201, f.body);
      found = f.json<FoundView>();
      // The same name, but a boy: must never be proposed.
      const b = await t.call('POST', '/api/found', {
        cookie: delhi,
        body: {
          name: 'Phulmani Oraon',
          sex: 'male',
          ageYears: 14,
          language: 'hi',
          fatherName: 'Somra Oraon',
          foundKind: 'intercepted',
          foundOn: '2026-10-21',
          foundDistrictLgd: NORTH_WEST_DELHI,
          driveId,
        },
      });
      assert.equal(b.statusCode, 201, b.body);
      girlBoy = b.json<FoundView>();
    });
    after(() => t.close());

    const firstCandidate = async (): Promise<CandidateView> => {
      const list = await t.call('GET', `/api/restoration/candidates?foundId=${found.id}`, { cookie: delhi });
      const c = list.json<{ items: CandidateView[] }>().items.find((x) => x.missing?.id === missing.id);
      if (!c) throw new Error(`no candidate for the test pair: ${list.body}`);
      return c;
    };

    test('records are masked, referenced by State, and matched across States at once', async () => {
      assert.match(missing.reference, /^MP-20-2026-\d{6}$/);
      assert.match(missing.pseudonym, /^M-[0-9A-Z]{6}$/);
      assert.equal(JSON.stringify(missing).includes('Phulmani'), false);
      assert.ok(found.openCandidates >= 1);
      const list = await t.call('GET', `/api/restoration/candidates?foundId=${found.id}`, { cookie: delhi });
      assert.equal(list.statusCode, 200, list.body);
      const c = list.json<{ items: CandidateView[] }>().items[0];
      assert.ok(c);
      assert.equal(c.missing?.reference, missing.reference, 'the report from Jharkhand ranks first');
      assert.ok(c.probability > 0.5, `probability ${c.probability}`);
      assert.ok(c.explanation.some((e) => e.field === 'given_name' && e.weight > 0));
      assert.ok(c.explanation.some((e) => e.field === 'sex_check' && e.level === 'same'));
      assert.equal(JSON.stringify(c).includes('Phulmani'), false);
    });

    test('a boy is never proposed for a missing girl', async () => {
      const list = await t.call('GET', `/api/restoration/candidates?foundId=${girlBoy.id}`, {
        cookie: delhi,
      });
      const items = list.json<{ items: CandidateView[] }>().items;
      assert.equal(
        items.some((c) => c.missing?.sex === 'female'),
        false,
      );
    });

    test('the match raised a missing-person alert to both units', async () => {
      const alerts = await t.db.asSystem((tx) =>
        tx.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM alerts WHERE kind = 'missing_person_match' AND dedupe_key = $1`,
          [`missing_match:${missing.id}:${found.id}`],
        ),
      );
      assert.equal(alerts.rows[0]?.n, 1);
    });

    test('identity of a child needs a reason and is audited; other States are refused', async () => {
      const noReason = await t.call('POST', `/api/found/${found.id}/reveal`, { cookie: delhi, body: {} });
      assert.equal(noReason.statusCode, 400);
      const ok = await t.call('POST', `/api/missing/${missing.id}/reveal`, {
        cookie: delhi,
        body: { reason: 'Reviewing the match candidate' },
      });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json<TracingIdentityView>().name, 'Phulmani Oraon');
      const audited = await t.db.asSystem((tx) =>
        tx.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM audit_log WHERE action = 'missing.reveal_identity' AND object_id = $1`,
          [missing.id],
        ),
      );
      assert.equal(audited.rows[0]?.n, 1);
      const refused = await t.call('POST', `/api/missing/${missing.id}/reveal`, {
        cookie: up,
        body: { reason: 'Curious about it' },
      });
      assert.equal(refused.statusCode, 404);
    });

    test('a photo is kept with the identity and comes back only through a reveal', async () => {
      const png =
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
      const created = await t.call('POST', '/api/found', {
        cookie: delhi,
        body: {
          name: 'Unnamed girl',
          sex: 'female',
          ageYears: 9,
          foundKind: 'unidentified',
          foundOn: '2026-11-01',
          foundDistrictLgd: NORTH_WEST_DELHI,
          photo: { contentType: 'image/png', base64: png },
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      const view = created.json<FoundView>();
      assert.equal(created.body.includes(png), false);
      const shown = await t.call('POST', `/api/found/${view.id}/reveal`, {
        cookie: delhi,
        body: { reason: 'Showing the photo to the CWC' },
      });
      assert.equal(shown.json<TracingIdentityView>().photo, `data:image/png;base64,${png}`);
      const empty = await t.call('POST', '/api/found', {
        cookie: delhi,
        body: {
          sex: 'female',
          foundKind: 'unidentified',
          foundOn: '2026-11-01',
          foundDistrictLgd: NORTH_WEST_DELHI,
          photo: { contentType: 'image/png', base64: '' },
        },
      });
      assert.equal(empty.statusCode, 400);
    });

    test('every route refuses another State', async () => {
      const candidate = await firstCandidate();
      const calls: [string, string, unknown?][] = [
        ['GET', `/api/missing/${missing.id}`],
        ['PATCH', `/api/missing/${missing.id}`, { version: 1, status: 'closed' }],
        ['POST', `/api/missing/${missing.id}/reveal`, { reason: 'Curious about it' }],
        ['GET', `/api/found/${found.id}`],
        ['PATCH', `/api/found/${found.id}`, { version: 1, status: 'closed' }],
        ['POST', `/api/found/${found.id}/reveal`, { reason: 'Curious about it' }],
        ['GET', `/api/restoration/candidates/${candidate.id}`],
        [
          'POST',
          `/api/restoration/candidates/${candidate.id}/review`,
          { decision: 'confirm', note: 'Not mine' },
        ],
      ];
      for (const [method, url, body] of calls) {
        const r = await t.call(method, url, { cookie: up, ...(body ? { body } : {}) });
        assert.ok([403, 404].includes(r.statusCode), `${method} ${url}: ${r.statusCode}`);
      }
      const lists = await t.call('GET', '/api/missing', { cookie: up });
      assert.equal(
        lists.json<{ items: MissingView[] }>().items.some((m) => m.id === missing.id),
        false,
      );
      const founds = await t.call('GET', '/api/found', { cookie: up });
      assert.equal(
        founds.json<{ items: FoundView[] }>().items.some((f) => f.id === found.id),
        false,
      );
      const cands = await t.call('GET', `/api/restoration/candidates?foundId=${found.id}`, { cookie: up });
      assert.equal(cands.json<{ items: CandidateView[] }>().items.length, 0);
    });

    test('review, family verification, CWC order, handover and follow-up restore the child', async () => {
      const candidate = await firstCandidate();
      const reviewed = await t.call('POST', `/api/restoration/candidates/${candidate.id}/review`, {
        cookie: delhi,
        body: { decision: 'confirm', note: 'Father and village named by the girl agree; photo matches.' },
      });
      assert.equal(reviewed.statusCode, 200, reviewed.body);
      const view = reviewed.json<CandidateView>();
      assert.equal(view.status, 'confirmed');
      assert.ok(view.restorationId);
      const report = await t.call('GET', `/api/missing/${missing.id}`, { cookie: ranchi });
      assert.equal(report.json<MissingView>().status, 'traced');

      const rid = view.restorationId;
      const step = (cookie: string, body: Record<string, unknown>) =>
        t.call('POST', `/api/restoration/restorations/${rid}/steps`, { cookie, body });
      assert.equal(
        (await step(delhi, { step: 'cwc_order', on: '2026-11-01', cwcOrderNumber: 'CWC/NW/118' })).statusCode,
        409,
      );
      assert.equal((await step(delhi, { step: 'verified', on: '2026-10-28' })).statusCode, 403);
      const r0 = await t.call('GET', `/api/restoration/restorations/${rid}`, { cookie: ranchi });
      assert.equal(r0.statusCode, 200, r0.body);
      assert.ok(r0.json<RestorationView>().verificationRequest, 'a verify_family request went to Ranchi');
      const verified = await step(ranchi, {
        step: 'verified',
        on: '2026-10-28',
        note: 'Parents met at home.',
      });
      assert.equal(verified.statusCode, 200, verified.body);
      const cwc = await step(delhi, {
        step: 'cwc_order',
        on: '2026-11-01',
        cwcOrderNumber: 'CWC/NW/2026/118',
      });
      assert.equal(cwc.statusCode, 200, cwc.body);
      const handover = await step(delhi, {
        step: 'handover',
        on: '2026-11-05',
        handedOverTo: 'Mother, Budhni Devi',
        escortName: 'SI Kavita',
      });
      assert.equal(handover.statusCode, 200, handover.body);
      const visit = await step(ranchi, { step: 'follow_up', on: '2026-12-01', outcome: 'in_school' });
      assert.equal(visit.statusCode, 200, visit.body);
      const done = visit.json<RestorationView>();
      assert.equal(done.status, 'follow_up');
      assert.equal(done.followUps.length, 1);
      assert.equal((await step(ranchi, { step: 'complete', on: '2026-12-01' })).statusCode, 409);
      const f = await t.call('GET', `/api/found/${found.id}`, { cookie: delhi });
      assert.equal(f.json<FoundView>().status, 'restored');
      const foreignView = await t.call('GET', `/api/restoration/restorations/${rid}`, { cookie: up });
      assert.equal(foreignView.statusCode, 404);
      assert.equal((await step(up, { step: 'stop', on: '2026-12-01', note: 'not mine' })).statusCode, 404);
      const foreignList = await t.call('GET', '/api/restoration/restorations', { cookie: up });
      assert.equal(
        foreignList.json<{ items: RestorationView[] }>().items.some((r) => r.id === rid),
        false,
      );
    });

    test('a drive dashboard counts found, traced and restored per district; other States cannot see a State drive', async () => {
      const dlNodal = await t.login('dl.nodal');
      const dash = await t.call('GET', `/api/restoration/drives/${driveId}/dashboard`, { cookie: dlNodal });
      assert.equal(dash.statusCode, 200, dash.body);
      const body = dash.json<DriveDashboard>();
      assert.equal(body.totals.found, 2);
      assert.equal(body.totals.children, 2);
      assert.equal(body.totals.traced, 1);
      assert.equal(body.totals.restored, 1);
      assert.equal(body.districts[0]?.districtLgd, NORTH_WEST_DELHI);
      const foreign = await t.call('GET', `/api/restoration/drives/${driveId}/dashboard`, { cookie: up });
      assert.equal(foreign.statusCode, 404);
      const upNodal = await t.login('up.nodal');
      const wrongState = await t.call('POST', '/api/restoration/drives', {
        cookie: upNodal,
        body: {
          name: 'Not mine',
          startsOn: '2026-10-01',
          endsOn: '2026-10-31',
          unitIds: [found.registeringUnit.id],
        },
      });
      assert.equal(wrongState.statusCode, 400);
      const district = await t.call('POST', '/api/restoration/drives', {
        cookie: delhi,
        body: { name: 'Not allowed', startsOn: '2026-10-01', endsOn: '2026-10-31', unitIds: [] },
      });
      assert.equal(district.statusCode, 403);
    });
  });
}
