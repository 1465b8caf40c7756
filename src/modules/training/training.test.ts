import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { testEngines } from '../../../test/helpers/databases.ts';
import { addDays, todayInIndia } from './refresher.ts';
import type { CoverageView, DueView, ParticipantView, ProgrammeView, SessionView } from './schemas.ts';

async function unitId(t: TestApp, name: string): Promise<string> {
  const { rows } = await t.db.asSystem((tx) =>
    tx.query<{ id: string }>('SELECT id FROM units WHERE name = $1', [name]),
  );
  return rows[0]?.id ?? '';
}

for (const engine of testEngines()) {
  describe(`training on ${engine}`, () => {
    let t: TestApp;
    let trainer: string;
    let wbNodal: string;
    let programme: ProgrammeView;
    let session: SessionView;
    let participant: ParticipantView;
    let code = '';
    const startsOn = addDays(todayInIndia(), -200);
    const endsOn = addDays(startsOn, 2);

    before(async () => {
      t = await startTestApp(engine, { demo: true });
      [trainer, wbNodal] = await Promise.all([t.login('up.trainer'), t.login('wb.nodal')]);
      const created = await t.call('POST', '/api/training/programmes', {
        cookie: trainer,
        body: { kind: 'specialised', title: 'Online recruitment and trafficking' },
      });
      assert.equal(created.statusCode, 201, created.body);
      programme = created.json<ProgrammeView>();
    });
    after(() => t.close());

    test('a retried programme create with the same Idempotency-Key returns the first programme, marked replayed', async () => {
      const send = () =>
        t.call('POST', '/api/training/programmes', {
          cookie: trainer,
          headers: { 'idempotency-key': 'programme-retry-0001' },
          body: { kind: 'refresher', title: 'Refresher on the BNS sections' },
        });
      const first = await send();
      assert.equal(first.statusCode, 201, first.body);
      assert.equal(first.headers['idempotent-replayed'], undefined);
      const retry = await send();
      assert.equal(retry.statusCode, 201, retry.body);
      assert.equal(retry.headers['idempotent-replayed'], 'true');
      assert.equal(retry.json<ProgrammeView>().id, first.json<ProgrammeView>().id);
    });

    test('a trainer records a session with a participant from another district and their assessments', async () => {
      assert.equal(programme.stateName, 'Uttar Pradesh', "a trainer's programme belongs to their State");
      const created = await t.call('POST', '/api/training/sessions', {
        cookie: trainer,
        body: {
          programmeId: programme.id,
          startsOn,
          endsOn,
          place: 'PTC Moradabad, hall 2',
          trainers: [{ name: 'Adv. R. Sinha' }],
          runByMe: true,
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      session = created.json<SessionView>();
      assert.equal(session.canManage, true);
      assert.deepEqual(session.trainers.map((x) => x.name).sort(), [
        'Adv. R. Sinha',
        'Meera Srivastava (demo)',
      ]);

      const person = await t.call('POST', '/api/training/participants', {
        cookie: trainer,
        body: {
          name: 'Kavita Rawat',
          service: 'police',
          designation: 'Sub-Inspector',
          unitId: await unitId(t, 'AHTU Lucknow (demo)'),
        },
      });
      assert.equal(person.statusCode, 201, person.body);
      participant = person.json<ParticipantView>();
      assert.equal(participant.districtName, 'Lucknow');

      const wrongDates = await t.call('PATCH', `/api/training/sessions/${session.id}`, {
        cookie: trainer,
        body: { endsOn: addDays(startsOn, -1) },
      });
      assert.equal(wrongDates.statusCode, 400);

      const recorded = await t.call(
        'PUT',
        `/api/training/sessions/${session.id}/participants/${participant.id}`,
        {
          cookie: trainer,
          body: { attended: true, preScore: 40, postScore: 75 },
        },
      );
      assert.equal(recorded.statusCode, 200, recorded.body);
      const view = recorded.json<SessionView>();
      assert.equal(view.attended, 1);
      assert.equal(view.averagePre, 40);
      assert.equal(view.averagePost, 75);
      const bad = await t.call('PUT', `/api/training/sessions/${session.id}/participants/${participant.id}`, {
        cookie: trainer,
        body: { attended: true, postScore: 140 },
      });
      assert.equal(bad.statusCode, 400);
    });

    test('a certificate as PDF with a code that the public page checks, revealing only name, programme and date', async () => {
      const issued = await t.call(
        'POST',
        `/api/training/sessions/${session.id}/participants/${participant.id}/certificate`,
        {
          cookie: trainer,
        },
      );
      assert.equal(issued.statusCode, 201, issued.body);
      code = issued.json<{ code: string }>().code;
      assert.match(code, /^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
      const again = await t.call(
        'POST',
        `/api/training/sessions/${session.id}/participants/${participant.id}/certificate`,
        {
          cookie: trainer,
        },
      );
      assert.equal(again.json<{ code: string }>().code, code, 'issuing twice gives the same certificate');

      const pdf = await t.call(
        'GET',
        `/api/training/sessions/${session.id}/participants/${participant.id}/certificate.pdf`,
        {
          cookie: trainer,
        },
      );
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');

      const check = await t.call('GET', `/api/public/certificates/${code.toLowerCase().replace('-', '')}`);
      assert.equal(check.statusCode, 200, check.body);
      assert.deepEqual(check.json(), {
        name: 'Kavita Rawat',
        programme: 'Online recruitment and trafficking',
        date: endsOn,
      });
      const unknown = await t.call('GET', '/api/public/certificates/AAAAA-AAAAA');
      assert.equal(unknown.statusCode, 404);
    });

    test('due for refresher 90 days after the last training, in the participant’s own unit list', async () => {
      const lucknow = await t.login('up.lucknow.ahtu');
      const dueOn = addDays(endsOn, 90);
      const dayBefore = await t.call(
        'GET',
        `/api/training/refresher-due?asOf=${addDays(dueOn, -1)}&limit=200`,
        {
          cookie: lucknow,
        },
      );
      assert.equal(dayBefore.statusCode, 200, dayBefore.body);
      assert.ok(!dayBefore.json<DueView>().items.some((i) => i.participant.id === participant.id));
      const onTheDay = (
        await t.call('GET', `/api/training/refresher-due?asOf=${dueOn}&limit=200`, { cookie: lucknow })
      ).json<DueView>();
      const line = onTheDay.items.find((i) => i.participant.id === participant.id);
      assert.ok(line, 'the participant is due on the 90th day');
      assert.equal(line.dueOn, dueOn);
      assert.equal(line.daysOverdue, 0);
      assert.equal(line.unit?.name, 'AHTU Lucknow (demo)');
      assert.ok(onTheDay.byUnit.some((u) => u.unitName === 'AHTU Lucknow (demo)' && u.due >= 1));
      // Today, the demo officers trained five months ago and not since are overdue too.
      const today = (
        await t.call('GET', '/api/training/refresher-due', { cookie: await t.login('up.nodal') })
      ).json<DueView>();
      assert.ok(today.items.some((i) => i.participant.id === participant.id));
      assert.ok(today.total > 1);
    });

    test('coverage counts each person once by district and service against the targets', async () => {
      const response = await t.call('GET', '/api/training/coverage', {
        cookie: await t.login('nodal.analyst'),
      });
      assert.equal(response.statusCode, 200, response.body);
      const view = response.json<CoverageView>();
      const national = view.targets.find((x) => x.stateLgd === null && x.service === 'police');
      assert.equal(national?.target, 10_000);
      assert.equal(national.trained, view.byService.police);
      assert.ok(view.districts.some((d) => d.districtName === 'Lucknow'));
      const set = await t.call('PUT', '/api/training/targets', {
        cookie: await t.login('up.nodal'),
        body: { stateLgd: 9, districtLgd: 162, service: 'police', target: 50 },
      });
      assert.equal(set.statusCode, 200, set.body);
      const lucknowTarget = set.json<CoverageView>().targets.find((x) => x.districtLgd === 162);
      assert.equal(lucknowTarget?.target, 50);
    });

    test('another State is refused on every training route', async () => {
      const patnaAhtu = await unitId(t, 'AHTU Patna (demo)');
      const refusals: ['GET' | 'PUT' | 'POST' | 'PATCH', string, unknown?][] = [
        ['GET', `/api/training/sessions/${session.id}`],
        ['PATCH', `/api/training/sessions/${session.id}`, { place: 'Elsewhere' }],
        ['PUT', `/api/training/sessions/${session.id}/participants/${participant.id}`, { attended: false }],
        ['POST', `/api/training/sessions/${session.id}/participants/${participant.id}/certificate`],
        ['GET', `/api/training/sessions/${session.id}/participants/${participant.id}/certificate.pdf`],
        ['GET', '/api/training/sessions?state=9'],
        ['GET', '/api/training/participants?state=9'],
        ['GET', '/api/training/refresher-due?state=9'],
        ['GET', '/api/training/coverage?state=9'],
        ['PUT', '/api/training/targets', { stateLgd: 9, target: 10 }],
        ['POST', '/api/training/programmes', { kind: 'induction', title: 'Bihar induction', stateLgd: 10 }],
        ['POST', '/api/training/participants', { name: 'Someone Else', service: 'police', stateLgd: 9 }],
        [
          'POST',
          '/api/training/sessions',
          { programmeId: programme.id, unitId: patnaAhtu, startsOn, endsOn, place: 'Patna', trainers: [] },
        ],
      ];
      for (const [method, url, body] of refusals) {
        const response = await t.call(method, url, { cookie: wbNodal, ...(body ? { body } : {}) });
        assert.ok(
          [403, 404].includes(response.statusCode),
          `${method} ${url} gave ${response.statusCode} ${response.body}`,
        );
      }
      // Lists without a filter leave the other State out.
      const programmes = (await t.call('GET', '/api/training/programmes', { cookie: wbNodal })).json<{
        items: ProgrammeView[];
      }>();
      assert.ok(!programmes.items.some((p) => p.id === programme.id));
      const sessions = (await t.call('GET', '/api/training/sessions?limit=200', { cookie: wbNodal })).json<{
        items: SessionView[];
      }>();
      assert.ok(sessions.items.every((s) => s.stateLgd === 19));
      const people = (await t.call('GET', '/api/training/participants?limit=200', { cookie: wbNodal })).json<{
        items: ParticipantView[];
      }>();
      assert.ok(people.items.every((p) => p.stateLgd === 19));
      const due = (
        await t.call('GET', '/api/training/refresher-due?limit=200', { cookie: wbNodal })
      ).json<DueView>();
      assert.ok(!due.items.some((i) => i.participant.id === participant.id));
      // And another district of the same State is no trainer of this session either.
      const varanasi = await t.login('up.varanasi.ahtu');
      const foreignDistrict = await t.call(
        'PUT',
        `/api/training/sessions/${session.id}/participants/${participant.id}`,
        {
          cookie: varanasi,
          body: { attended: false },
        },
      );
      assert.equal(foreignDistrict.statusCode, 404);
    });
  });
}
