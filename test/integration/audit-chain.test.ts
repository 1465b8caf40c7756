/**
 * The audit trail is append-only (even for the database owner, short of disabling triggers) and
 * hash-chained: `setu audit verify` finds an edited, a deleted and a reordered entry and names it.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { verifyAuditChain } from '../../src/modules/audit/service.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { testEngines } from '../helpers/databases.ts';

for (const engine of testEngines()) {
  describe(`audit chain on ${engine}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine, { demo: true });
    });
    after(() => t.close());

    beforeEach(async () => {
      // Fresh entries to tamper with: sign-ins and views.
      for (const name of ['jh.ranchi.ahtu', 'wb.nodal', 'dl.nodal']) await t.login(name);
    });

    test('an untouched chain verifies, and the owner role itself cannot update or delete entries', async () => {
      const result = await verifyAuditChain(t.db);
      assert.equal(result.ok, true, JSON.stringify(result.problem));
      assert.ok(result.checked > 3);
      await assert.rejects(
        t.db.asSystem((tx) => tx.query(`UPDATE audit_log SET reason = 'rewritten' WHERE seq = 1`)),
        /append-only/,
      );
      await assert.rejects(
        t.db.asSystem((tx) => tx.query('DELETE FROM audit_log WHERE seq = 1')),
        /append-only/,
      );
      await assert.rejects(
        t.db.asSystem((tx) => tx.query('TRUNCATE audit_log')),
        /append-only/,
      );
    });
  });

  describe(`audit chain tampering on ${engine}, one fresh database each`, () => {
    for (const scenario of ['edited', 'deleted', 'reordered', 'truncated at the end'] as const) {
      test(`a ${scenario} entry is detected and named`, async () => {
        const t = await startTestApp(engine, { demo: true });
        try {
          for (const name of ['jh.ranchi.ahtu', 'wb.nodal', 'dl.nodal', 'mh.nodal']) await t.login(name);
          const { rows } = await t.db.asSystem((tx) =>
            tx.query<{ seq: number }>('SELECT max(seq)::int AS seq FROM audit_log'),
          );
          const last = rows[0]?.seq ?? 0;
          const target = last - 2;
          await t.db.asSystem(async (tx) => {
            await tx.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
            // Tampering as a superuser would: switch off the guard triggers first.
            if (scenario === 'edited')
              await tx.query(`UPDATE audit_log SET actor_username = 'someone-else' WHERE seq = $1`, [target]);
            if (scenario === 'deleted') await tx.query('DELETE FROM audit_log WHERE seq = $1', [target]);
            if (scenario === 'truncated at the end')
              await tx.query('DELETE FROM audit_log WHERE seq = $1', [last]);
            if (scenario === 'reordered') {
              // Swap the content of two neighbouring entries, keeping each row's own hash consistent.
              await tx.query('UPDATE audit_log SET seq = -1 WHERE seq = $1', [target]);
              await tx.query('UPDATE audit_log SET seq = $1 WHERE seq = $2', [target, target + 1]);
              await tx.query('UPDATE audit_log SET seq = $1 WHERE seq = -1', [target + 1]);
            }
            await tx.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
          });
          const result = await verifyAuditChain(t.db);
          assert.equal(result.ok, false);

          const problem = result.problem;
          assert.ok(problem, 'a broken chain reports its problem');
          if (scenario === 'truncated at the end') {
            assert.equal(problem.problem, 'head_mismatch');
            assert.match(problem.message, new RegExp(`chain ends at entry ${last - 1}`));
          } else {
            assert.equal(problem.seq, target, JSON.stringify(problem));
            const kind = { edited: 'hash_mismatch', deleted: 'sequence_gap', reordered: 'broken_link' }[
              scenario
            ];
            assert.equal(problem.problem, kind);
          }
        } finally {
          await t.close();
        }
      });
    }
  });
}
