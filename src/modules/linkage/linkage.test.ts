import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { testEngines } from '../../../test/helpers/databases.ts';
import type { CaseView } from '../cases/schemas.ts';
import type { CandidateListItem, CandidateView, IdentityView } from './schemas.ts';
import { trainLinkageModel } from './model-store.ts';
import { biharCase, jharkhandCase } from './test-fixtures.ts';

for (const engine of testEngines()) {
  describe(`person linkage on ${engine}`, () => {
    let t: TestApp;
    let patna: string;
    let ranchi: string;
    let mumbai: string;
    let biharVictim: string;
    let jharkhandVictim: string;
    let candidate: CandidateListItem;

    before(async () => {
      t = await startTestApp(engine, { demo: true });
      patna = await t.login('br.patna.ahtu');
      ranchi = await t.login('jh.ranchi.ahtu');
      mumbai = await t.login('mh.mumbai.ahtu');
      const bihar = await t.call('POST', '/api/cases', { cookie: patna, body: biharCase });
      assert.equal(bihar.statusCode, 201, bihar.body);
      biharVictim = bihar.json<CaseView>().persons[0]?.id ?? '';
      const jharkhand = await t.call('POST', '/api/cases', {
        cookie: ranchi,
        body: { ...jharkhandCase, persons: jharkhandCase.persons },
      });
      assert.equal(jharkhand.statusCode, 201, jharkhand.body);
      jharkhandVictim = jharkhand.json<CaseView>().persons[0]?.id ?? '';
      // Matching runs after the response, with system rights; wait for the in-process worker.
      await t.app.linkageWorker.idle();
      const queued = await t.db.asSystem((tx) => tx.query('SELECT 1 FROM linkage_queue'));
      assert.equal(queued.rowCount, 0, 'the queue is drained');
    });
    after(() => t.close());

    const findPair = async (cookie: string) => {
      for (const status of ['pending', 'auto_linked', 'confirmed']) {
        const list = await t.call(
          'GET',
          `/api/linkage/candidates?status=${status}&crossState=true&limit=200`,
          {
            cookie,
          },
        );
        assert.equal(list.statusCode, 200, list.body);
        const found = list
          .json<{ items: CandidateListItem[] }>()
          .items.find(
            (i) =>
              [i.a.personId, i.b.personId].sort().join() === [biharVictim, jharkhandVictim].sort().join(),
          );
        if (found) return found;
      }
      return undefined;
    };

    test('the same girl recorded in Bihar (Devanagari) and Jharkhand (Latin) becomes a cross-State candidate', async () => {
      const found = await findPair(patna);
      assert.ok(found, 'the Bihar unit sees the pair');
      candidate = found;
      assert.equal(candidate.crossState, true);
      assert.ok(candidate.probability >= 0.5, `probability ${String(candidate.probability)}`);
      assert.ok(await findPair(ranchi), 'the Jharkhand unit sees it too');
    });

    test('the cross-State hit raises one alert to both registering units, and to no one else', async () => {
      const detail = (
        await t.call('GET', `/api/linkage/candidates/${candidate.id}`, { cookie: patna })
      ).json<CandidateView>();
      assert.ok(detail.alertId, 'an alert was raised');
      for (const cookie of [patna, ranchi]) {
        const alert = await t.call('GET', `/api/alerts/${detail.alertId}`, { cookie });
        assert.equal(alert.statusCode, 200, alert.body);
        const body = alert.json<{ kind: string; title: string; details: Record<string, unknown> }>();
        assert.equal(body.kind, 'cross_state_person_match');
        assert.equal(body.details.candidateId, candidate.id);
        assert.doesNotMatch(body.title, /Sunaina|सुनैना/, 'no name travels in an alert');
      }
      const outsider = await t.call('GET', `/api/alerts/${detail.alertId}`, { cookie: mumbai });
      assert.equal(outsider.statusCode, 404);
    });

    test("the review view masks the other State's victim, and reveals one's own only with a reason", async () => {
      const plain = (
        await t.call('GET', `/api/linkage/candidates/${candidate.id}`, { cookie: patna })
      ).json<CandidateView>();
      const side = (id: string, v: CandidateView) => (v.a.personId === id ? v.a : v.b);
      const theirs = side(jharkhandVictim, plain);
      const ours = side(biharVictim, plain);
      assert.equal(theirs.masked, true);
      assert.equal(theirs.name, null);
      assert.equal(theirs.identityMasked, true);
      assert.equal(theirs.canReveal, false);
      assert.equal(theirs.state.lgdCode, 20);
      assert.equal(ours.masked, false);
      assert.equal(ours.name, null, 'a victim stays masked without a reason');
      assert.equal(ours.canReveal, true);
      assert.ok(
        plain.explanation.some((e) => e.field === 'given_name' && e.weight > 0),
        'per-field explanation',
      );
      assert.doesNotMatch(JSON.stringify(plain), /Sunaina|सुनैना|Paswa|पासवान/);

      const reason = encodeURIComponent('Comparing the records before deciding the match');
      const revealed = await t.call('GET', `/api/linkage/candidates/${candidate.id}?reason=${reason}`, {
        cookie: patna,
      });
      assert.equal(revealed.statusCode, 200, revealed.body);
      const view = revealed.json<CandidateView>();
      assert.equal(side(biharVictim, view).name, 'सुनैना कुमारी');
      assert.equal(side(jharkhandVictim, view).name, null, "the other State's victim stays masked");
      assert.doesNotMatch(revealed.body, /Sunaina/);
      const audited = await t.db.asSystem((tx) =>
        tx.query(`SELECT 1 FROM audit_log WHERE action = 'person.reveal_identity' AND object_id = $1`, [
          biharVictim,
        ]),
      );
      assert.equal(audited.rowCount, 1);

      // A State nodal officer of Bihar sees the pair but not the victim's identity (no need-to-know).
      const nodal = await t.login('br.nodal');
      const asNodal = (
        await t.call('GET', `/api/linkage/candidates/${candidate.id}?reason=${reason}`, { cookie: nodal })
      ).json<CandidateView>();
      assert.equal(side(biharVictim, asNodal).name, null);
      assert.equal(side(biharVictim, asNodal).canReveal, false);
    });

    test('a decision needs a reason, is audited with the reviewer, and joins both records in one identity', async () => {
      const bad = await t.call('POST', `/api/linkage/candidates/${candidate.id}/decision`, {
        cookie: ranchi,
        body: { decision: 'confirmed', reason: 'ok' },
      });
      assert.equal(bad.statusCode, 400);
      const unsure = await t.call('POST', `/api/linkage/candidates/${candidate.id}/decision`, {
        cookie: ranchi,
        body: { decision: 'unsure', reason: 'Need the Bihar unit to check the father’s name' },
      });
      assert.equal(unsure.statusCode, 200, unsure.body);
      assert.equal(unsure.json<CandidateView>().status, 'unsure');
      const confirmed = await t.call('POST', `/api/linkage/candidates/${candidate.id}/decision`, {
        cookie: patna,
        body: { decision: 'confirmed', reason: 'Same father, village and phone; she was re-trafficked' },
      });
      assert.equal(confirmed.statusCode, 200, confirmed.body);
      const view = confirmed.json<CandidateView>();
      assert.equal(view.status, 'confirmed');
      assert.ok(view.a.identityId, 'joined an identity');
      assert.equal(view.a.identityId, view.b.identityId);
      assert.deepEqual(
        view.decisions.map((d) => d.decision),
        ['unsure', 'confirmed'],
      );
      const audit = await t.db.asSystem((tx) =>
        tx.query<{ actor_username: string; reason: string; details: { decision: string } }>(
          `SELECT actor_username, reason, details FROM audit_log WHERE action = 'linkage.decide' AND object_id = $1 ORDER BY seq`,
          [candidate.id],
        ),
      );
      assert.deepEqual(
        audit.rows.map((r) => [r.actor_username, r.details.decision]),
        [
          ['jh.ranchi.ahtu', 'unsure'],
          ['br.patna.ahtu', 'confirmed'],
        ],
      );
      assert.match(audit.rows[1]?.reason ?? '', /re-trafficked/);

      const identity = await t.call('GET', `/api/linkage/persons/${jharkhandVictim}/identity`, {
        cookie: ranchi,
      });
      assert.equal(identity.statusCode, 200, identity.body);
      const body = identity.json<IdentityView>();
      assert.equal(body.identityId, view.a.identityId);
      assert.equal(body.records.length, 2);
      const bihar = body.records.find((r) => r.personId === biharVictim);
      assert.ok(bihar);
      assert.equal(bihar.masked, true);
      assert.equal(bihar.name, null);
      assert.ok(body.history.some((e) => e.kind === 'create' || e.kind === 'grow'));
      assert.doesNotMatch(identity.body, /सुनैना|Sunaina/);
    });

    test('rejecting the pair later splits the identity and keeps the history', async () => {
      const rejected = await t.call('POST', `/api/linkage/candidates/${candidate.id}/decision`, {
        cookie: patna,
        body: { decision: 'rejected', reason: 'Different dates of birth on the school certificates' },
      });
      assert.equal(rejected.statusCode, 200, rejected.body);
      const view = rejected.json<CandidateView>();
      assert.equal(view.status, 'rejected');
      assert.equal(view.a.identityId === null || view.a.identityId !== view.b.identityId, true);
      const identity = (
        await t.call('GET', `/api/linkage/persons/${biharVictim}/identity`, { cookie: patna })
      ).json<IdentityView>();
      assert.equal(identity.records.length, 1);
    });

    test("a changed person is matched again after the write, and a reviewer's decision survives it", async () => {
      const before = await t.db.asSystem((tx) =>
        tx.query<{ prepared: { father: { joined: string } | null } }>(
          'SELECT prepared FROM linkage_records WHERE person_id = $1',
          [jharkhandVictim],
        ),
      );
      const patched = await t.call('PATCH', `/api/persons/${jharkhandVictim}`, {
        cookie: ranchi,
        body: { fatherName: 'Suresh Oraon' },
      });
      assert.equal(patched.statusCode, 200, patched.body);
      await t.app.linkageWorker.idle();
      const after = await t.db.asSystem((tx) =>
        tx.query<{ prepared: { father: { joined: string } | null }; queued: boolean }>(
          `SELECT prepared, EXISTS (SELECT 1 FROM linkage_queue q WHERE q.person_id = r.person_id) AS queued
           FROM linkage_records r WHERE person_id = $1`,
          [jharkhandVictim],
        ),
      );
      const now = after.rows[0];
      assert.ok(now);
      assert.equal(now.queued, false, 'matched and taken off the queue');
      assert.notEqual(now.prepared.father?.joined, before.rows[0]?.prepared.father?.joined);
      const pair = await t.db.asSystem((tx) =>
        tx.query<{ status: string }>('SELECT status FROM linkage_candidates WHERE id = $1', [candidate.id]),
      );
      assert.equal(pair.rows[0]?.status, 'rejected');
    });

    test("re-estimation uses the stored records and the reviewers' decisions, and the new model is used", async () => {
      const summary = await trainLinkageModel(t.db);
      assert.ok(summary.records > 100, `${String(summary.records)} stored records`);
      assert.equal(
        summary.labelledPairs,
        1,
        'the latest decision on the pair (rejected) is one labelled pair',
      );
      const active = await t.db.asSystem((tx) =>
        tx.query<{ id: number; labelled_pairs: number }>(
          'SELECT id, labelled_pairs FROM linkage_models WHERE is_active',
        ),
      );
      assert.equal(active.rows[0]?.id, summary.modelId);
    });

    test('every linkage route refuses a reviewer from another State, and roles that do not review', async () => {
      const list = await t.call('GET', '/api/linkage/candidates?status=rejected&limit=200', {
        cookie: mumbai,
      });
      assert.equal(list.statusCode, 200);
      assert.equal(
        list.json<{ items: CandidateListItem[] }>().items.some((i) => i.id === candidate.id),
        false,
        'the pair does not exist for Maharashtra',
      );
      const detail = await t.call('GET', `/api/linkage/candidates/${candidate.id}`, { cookie: mumbai });
      assert.equal(detail.statusCode, 404);
      const decide = await t.call('POST', `/api/linkage/candidates/${candidate.id}/decision`, {
        cookie: mumbai,
        body: { decision: 'confirmed', reason: 'Trying to decide another State’s pair' },
      });
      assert.equal(decide.statusCode, 404);
      const identity = await t.call('GET', `/api/linkage/persons/${biharVictim}/identity`, {
        cookie: mumbai,
      });
      assert.equal(identity.statusCode, 404);
      const ngo = await t.login('ngo.delhi');
      for (const [method, url] of [
        ['GET', '/api/linkage/candidates'],
        ['GET', `/api/linkage/candidates/${candidate.id}`],
        ['GET', `/api/linkage/persons/${biharVictim}/identity`],
      ] as const) {
        const response = await t.call(method, url, { cookie: ngo });
        assert.equal(response.statusCode, 403, `${method} ${url}`);
      }
      const unchanged = await t.db.asSystem((tx) =>
        tx.query<{ status: string }>('SELECT status FROM linkage_candidates WHERE id = $1', [candidate.id]),
      );
      assert.equal(unchanged.rows[0]?.status, 'rejected');
    });

    test('the app role reads no prepared records, keys or identities directly', async () => {
      const user = await t.db.asSystem((tx) =>
        tx.query<{ id: string }>(`SELECT id FROM users WHERE username = 'nodal.analyst'`),
      );
      for (const table of [
        'linkage_records',
        'linkage_keys',
        'linkage_identities',
        'linkage_queue',
        'linkage_models',
      ]) {
        await assert.rejects(
          t.db.asActor({ userId: user.rows[0]?.id ?? '' }, (tx) =>
            tx.query(`SELECT * FROM ${table} LIMIT 1`),
          ),
          /permission denied/,
          table,
        );
      }
    });
  });
}
