/**
 * The `setu` command as an operator uses it: a fresh embedded database in a temporary folder, the demo
 * seed, the demo account listing, the audit verifier (intact and tampered), and the server start.
 */
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { createTestDatabase, testEngines } from '../helpers/databases.ts';

const run = promisify(execFile);
const SETU = path.resolve('bin/setu.js');

function setu(args: string[], env: Record<string, string> = {}) {
  return run(process.execPath, [SETU, ...args], {
    env: { ...process.env, ...env },
    maxBuffer: 10 * 1024 * 1024,
  });
}

describe('setu command line on an embedded database', () => {
  let dataDir: string;
  before(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'setu-cli-'));
  });
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test('demo seed, then demo users --json lists accounts for the six States and the Nodal Cell', async () => {
    const seeded = await setu(['demo', 'seed', '--data-dir', dataDir]);
    assert.match(seeded.stdout, /demo data ready: \d+ units, \d+ accounts/);
    const listed = await setu(['demo', 'users', '--json', '--data-dir', dataDir]);
    const accounts = JSON.parse(listed.stdout) as {
      username: string;
      password: string;
      role: string;
      unit: string;
      state: string | null;
      district: string | null;
    }[];
    const states = new Set(accounts.map((a) => a.state));
    for (const state of ['Uttar Pradesh', 'Bihar', 'Jharkhand', 'West Bengal', 'Delhi', 'Maharashtra']) {
      assert.ok(states.has(state), `no demo account in ${state}`);
    }
    assert.ok(accounts.some((a) => a.role === 'national_analyst' && a.state === null));
    for (const account of accounts) {
      assert.deepEqual(Object.keys(account).sort(), [
        'district',
        'password',
        'role',
        'state',
        'unit',
        'username',
      ]);
    }
  });

  test('audit verify reports an intact chain with exit code 0', async () => {
    const verified = await setu(['audit', 'verify', '--data-dir', dataDir]);
    assert.match(verified.stdout, /audit trail intact: \d+ entries verified/);
  });

  test('analytics rebuild recounts the seeded cases into the dashboard counts', async () => {
    const rebuilt = await setu(['analytics', 'rebuild', '--data-dir', dataDir]);
    const rows = Number(/analytics counts rebuilt: (\d+) rows/.exec(rebuilt.stdout)?.[1] ?? 0);
    assert.ok(rows > 0, rebuilt.stdout);
  });

  test('serve --demo starts, answers health, accepts a demo sign-in, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [SETU, 'serve', '--demo', '--port', '0', '--data-dir', dataDir], {
      env: { ...process.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /open (http:\/\/localhost:\d+)/.exec(output);
          if (match?.[1]) resolve(match[1]);
        });
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.on('exit', (code) => reject(new Error(`server exited with ${String(code)}: ${output}`)));
      });
      const health = (await (await fetch(`${url}/api/health`)).json()) as {
        status: string;
        database: string;
        demo: boolean;
      };
      assert.deepEqual(
        { status: health.status, database: health.database, demo: health.demo },
        { status: 'ok', database: 'pglite', demo: true },
      );
      const login = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'jh.ranchi.ahtu', password: 'Setu-demo-2026!' }),
      });
      assert.equal(login.status, 200);
      assert.match(login.headers.get('set-cookie') ?? '', /setu_session=.*HttpOnly.*SameSite=Strict/i);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });
});

describe(
  'setu audit verify on a PostgreSQL server',
  { skip: !testEngines().includes('postgres') ? 'needs SETU_TEST_PG_URL' : false },
  () => {
    test('exits 1 and names the first bad entry after a row is edited', async () => {
      const testDb = await createTestDatabase('postgres');
      try {
        const url = testDb.adminUrl ?? '';
        await testDb.db.asSystem(async (tx) => {
          await tx.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
          await tx.query(`UPDATE audit_log SET reason = 'rewritten' WHERE seq = 1`);
          await tx.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
        });
        await assert.rejects(
          setu(['audit', 'verify'], { DATABASE_URL: url }),
          (error: { code?: number; stderr?: string }) => {
            assert.equal(error.code, 1);
            assert.match(error.stderr ?? '', /AUDIT TRAIL BROKEN at entry 1: entry 1 was altered/);
            return true;
          },
        );
      } finally {
        await testDb.drop();
      }
    });
  },
);
