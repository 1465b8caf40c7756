import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { testEngines } from '../../../test/helpers/databases.ts';
import type { FoundView } from '../missing/schemas.ts';
import type { PlanListItem, PlanView } from './schemas.ts';

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
  describe(`victim care on ${engine}`, () => {
    let t: TestApp;
    let delhi: string;
    let ngo: string;
    let otherNgo: string;
    let up: string;
    let referred: FoundView;
    let notReferred: FoundView;
    let plan: PlanView;
    let ngoId: string;
    before(async () => {
      t = await startTestApp(engine, { demo: true });
      delhi = await t.login('dl.newdelhi.ahtu');
      ngo = await t.login('ngo.delhi');
      otherNgo = await t.login('ngo.kolkata');
      up = await t.login('up.lucknow.ahtu');
      ngoId = await unitId(t, 'Surakshit Bachpan Trust, Delhi (demo NGO)');
      const register = async (name: string) => {
        const r = await t.call('POST', '/api/found', {
          cookie: delhi,
          body: {
            name,
            sex: 'female',
            ageYears: 15,
            foundKind: 'rescued',
            foundOn: '2026-11-02',
            foundDistrictLgd: NORTH_WEST_DELHI,
          },
        });
        assert.equal(r.statusCode, 201, r.body);
        return r.json<FoundView>();
      };
      referred = await register('Rinki Kumari');
      notReferred = await register('Sapna Kumari');
      const created = await t.call('POST', '/api/care/plans', {
        cookie: delhi,
        body: {
          foundId: referred.id,
          shelter: 'Children home',
          counselling: 'Weekly',
          consentTracing: true,
          consentSharing: false,
          consentGivenBy: 'cwc',
          consentRecordedOn: '2026-11-03',
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      plan = created.json<PlanView>();
      const other = await t.call('POST', '/api/care/plans', {
        cookie: delhi,
        body: { foundId: notReferred.id },
      });
      assert.equal(other.statusCode, 201, other.body);
    });
    after(() => t.close());

    test('consent needs who gave it and when', async () => {
      const r = await t.call('PATCH', `/api/care/plans/${plan.id}`, {
        cookie: delhi,
        body: { consentSharing: true },
      });
      assert.equal(r.statusCode, 400);
    });

    test('an NGO caseworker sees a victim only once referred, and only those referred', async () => {
      const before = await t.call('GET', '/api/care/plans', { cookie: ngo });
      assert.equal(before.statusCode, 200, before.body);
      assert.equal(
        before.json<{ items: PlanListItem[] }>().items.some((p) => p.foundId === referred.id),
        false,
      );
      assert.equal((await t.call('GET', `/api/found/${referred.id}`, { cookie: ngo })).statusCode, 404);

      const sent = await t.call('POST', `/api/care/plans/${plan.id}/referrals`, {
        cookie: delhi,
        body: { toUnitId: ngoId, services: ['counselling', 'education'] },
      });
      assert.equal(sent.statusCode, 201, sent.body);
      const after = await t.call('GET', '/api/care/plans', { cookie: ngo });
      const seen = after.json<{ items: PlanListItem[] }>().items.map((p) => p.foundId);
      assert.ok(seen.includes(referred.id));
      assert.equal(seen.includes(notReferred.id), false);
      const list = await t.call('GET', '/api/found', { cookie: ngo });
      const found = list.json<{ items: FoundView[] }>().items.map((f) => f.id);
      assert.ok(found.includes(referred.id));
      assert.equal(found.includes(notReferred.id), false);
      assert.equal((await t.call('GET', `/api/found/${notReferred.id}`, { cookie: ngo })).statusCode, 404);
      // Another NGO sees nothing of it.
      assert.equal((await t.call('GET', `/api/care/plans/${plan.id}`, { cookie: otherNgo })).statusCode, 404);
      // Row-Level Security alone, without the service: as the app role, the NGO caseworker sees exactly the
      // persons with an open referral to the NGO (the demo data holds some too) and no one else.
      const { visible, expected } = await t.db.asSystem(async (tx) => {
        const wanted = await tx.query<{ found_id: string }>(
          `SELECT DISTINCT found_id FROM care_referrals WHERE to_unit_id = $1 AND status IN ('sent', 'accepted')`,
          [ngoId],
        );
        const user = await tx.query<{ id: string }>(`SELECT id FROM users WHERE username = 'ngo.delhi'`);
        await tx.query('SET LOCAL ROLE setu_app');
        await tx.query(`SELECT set_config('app.user_id', $1, true)`, [user.rows[0]?.id]);
        const seen = await tx.query<{ id: string }>('SELECT id FROM found_persons');
        const missing = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM missing_reports');
        assert.equal(missing.rows[0]?.n, 0, 'an NGO sees no missing report');
        return {
          visible: seen.rows.map((r) => r.id).sort(),
          expected: wanted.rows.map((r) => r.found_id).sort(),
        };
      });
      assert.deepEqual(visible, expected);
      assert.ok(visible.includes(referred.id));
    });

    test('the NGO accepts, records services and visits; it cannot decline without a reason or act for others', async () => {
      const view = await t.call('GET', `/api/care/plans/${plan.id}`, { cookie: ngo });
      assert.equal(view.statusCode, 200, view.body);
      const referral = view.json<PlanView>().referrals[0];
      assert.ok(referral?.mine);
      const early = await t.call('POST', `/api/care/plans/${plan.id}/events`, {
        cookie: ngo,
        body: { kind: 'service', occurredOn: '2026-11-04', serviceKind: 'counselling' },
      });
      assert.equal(early.statusCode, 403, 'services are recorded after accepting');
      const noReason = await t.call('POST', `/api/care/referrals/${referral.id}/answer`, {
        cookie: ngo,
        body: { decision: 'decline' },
      });
      assert.equal(noReason.statusCode, 400);
      const foreign = await t.call('POST', `/api/care/referrals/${referral.id}/answer`, {
        cookie: otherNgo,
        body: { decision: 'accept' },
      });
      assert.equal(foreign.statusCode, 404);
      const accepted = await t.call('POST', `/api/care/referrals/${referral.id}/answer`, {
        cookie: ngo,
        body: { decision: 'accept' },
      });
      assert.equal(accepted.statusCode, 200, accepted.body);
      const service = await t.call('POST', `/api/care/plans/${plan.id}/events`, {
        cookie: ngo,
        body: {
          kind: 'service',
          occurredOn: '2026-11-06',
          serviceKind: 'counselling',
          note: 'First session',
        },
      });
      assert.equal(service.statusCode, 201, service.body);
      const visit = await t.call('POST', `/api/care/plans/${plan.id}/events`, {
        cookie: ngo,
        body: {
          kind: 'follow_up',
          occurredOn: '2026-11-20',
          riskLevel: 'high',
          riskFlags: ['contact_with_trafficker'],
        },
      });
      assert.equal(visit.statusCode, 201, visit.body);
      assert.equal(visit.json<PlanView>().latestRisk, 'high');
      const money = await t.call('POST', `/api/care/plans/${plan.id}/events`, {
        cookie: ngo,
        body: { kind: 'compensation', occurredOn: '2026-11-20', compensationStage: 'applied' },
      });
      assert.equal(money.statusCode, 403, 'compensation is recorded by the police unit');
    });

    test('compensation, bonded-labour certificate and repatriation to Nepal are recorded by the unit', async () => {
      const dlsa = await unitId(t, 'District Legal Services Authority, Patna (demo)');
      const applied = await t.call('POST', `/api/care/plans/${plan.id}/events`, {
        cookie: delhi,
        body: {
          kind: 'compensation',
          occurredOn: '2026-11-10',
          compensationStage: 'sanctioned',
          amountInr: 150000,
          authorityUnitId: dlsa,
        },
      });
      assert.equal(applied.statusCode, 201, applied.body);
      const trip = await t.call('POST', `/api/care/plans/${plan.id}/events`, {
        cookie: delhi,
        body: {
          kind: 'repatriation',
          occurredOn: '2026-11-25',
          repatriationStage: 'handed_over',
          toCountry: 'NP',
          escortName: 'ASI Meena',
          handedOverTo: 'Maiti Nepal at Raxaul',
        },
      });
      assert.equal(trip.statusCode, 201, trip.body);
      const cert = await t.call('PATCH', `/api/care/plans/${plan.id}`, {
        cookie: delhi,
        body: {
          bondedLabourCertificateNumber: 'BLRC/NW/2026/7',
          bondedLabourCertificateOn: '2026-11-08',
          bondedLabourCertificateBy: 'SDM Narela',
        },
      });
      assert.equal(cert.statusCode, 200, cert.body);
      const p = cert.json<PlanView>();
      assert.equal(p.compensation, 'sanctioned');
      assert.equal(p.bondedLabourCertificateNumber, 'BLRC/NW/2026/7');
      assert.ok(p.followUpUntil);
    });

    test('every care route refuses another State', async () => {
      const calls: [string, string, unknown?][] = [
        ['GET', `/api/care/plans/${plan.id}`],
        ['PATCH', `/api/care/plans/${plan.id}`, { shelter: 'x' }],
        ['POST', `/api/care/plans/${plan.id}/referrals`, { toUnitId: ngoId, services: ['medical'] }],
        [
          'POST',
          `/api/care/plans/${plan.id}/events`,
          { kind: 'service', occurredOn: '2026-11-06', serviceKind: 'medical' },
        ],
        ['POST', '/api/care/plans', { foundId: notReferred.id }],
      ];
      for (const [method, url, body] of calls) {
        const r = await t.call(method, url, { cookie: up, ...(body ? { body } : {}) });
        assert.ok([403, 404].includes(r.statusCode), `${method} ${url}: ${r.statusCode}`);
      }
      const list = await t.call('GET', '/api/care/plans', { cookie: up });
      assert.equal(
        list.json<{ items: PlanListItem[] }>().items.some((p) => p.id === plan.id),
        false,
      );
      const view = await t.call('GET', `/api/care/plans/${plan.id}`, { cookie: delhi });
      const referral = view.json<PlanView>().referrals[0];
      const answer = await t.call('POST', `/api/care/referrals/${referral?.id ?? ''}/answer`, {
        cookie: up,
        body: { decision: 'close' },
      });
      assert.equal(answer.statusCode, 404);
    });
  });
}
