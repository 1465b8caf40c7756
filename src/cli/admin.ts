import type { Command } from 'commander';
import { randomToken } from '../lib/secret-box.ts';
import { verifyAuditChain } from '../modules/audit/service.ts';
import { appendAudit } from '../modules/audit/service.ts';
import { hashPassword } from '../modules/auth/passwords.ts';
import { seedDemoCases } from '../modules/demo/cases.ts';
import { seedDemoCapacity } from '../modules/demo/capacity-seed.ts';
import { seedDemoChannel } from '../modules/demo/channel.ts';
import { seedDemoCoordination } from '../modules/demo/coordination-seed.ts';
import { seedDemoRestoration } from '../modules/demo/restoration-seed.ts';
import { listDemoAccounts, seedDemo } from '../modules/demo/seed.ts';
import { importReference } from '../modules/reference/import.ts';
import { rebuildAnalyticsCounts } from '../modules/analytics/counts.ts';
import { importStatistics } from '../modules/statistics/import.ts';
import { configFrom, withDatabase } from './bootstrap.ts';

export function registerAdminCommands(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations and exit')
    .action(async (_options: unknown, command: Command) => {
      await withDatabase(configFrom(command), () => Promise.resolve());
      console.log('setu: database is up to date');
    });

  const reference = program
    .command('reference')
    .description('reference geography (LGD, boundaries, stations)');
  reference
    .command('import')
    .description('load or refresh reference data from SETU_REFERENCE_DIR; unchanged files are skipped')
    .action(async (_options: unknown, command: Command) => {
      const config = configFrom(command);
      await withDatabase(config, (db) =>
        importReference(db, config.referenceDir, (line) => console.log(line)),
      );
    });

  program
    .command('statistics')
    .description('NCRB official statistics')
    .command('import')
    .description('load or refresh NCRB statistics from SETU_REFERENCE_DIR; unchanged files are skipped')
    .action(async (_options: unknown, command: Command) => {
      const config = configFrom(command);
      const summary = await withDatabase(config, (db) =>
        importStatistics(db, config.referenceDir, (line) => console.log(line)),
      );
      console.log(
        `setu: statistics: ${summary.imported.length} imported, ${summary.skipped.length} unchanged, ${summary.missing.length} missing`,
      );
    });

  program
    .command('analytics')
    .description('the pre-aggregated counts behind the analytics dashboards')
    .command('rebuild')
    .description('recount every case into the analytics counts (they are kept up to date by triggers)')
    .action(async (_options: unknown, command: Command) => {
      const rows = await withDatabase(configFrom(command), (db) =>
        db.asSystem((tx) => rebuildAnalyticsCounts(tx)),
      );
      console.log(`setu: analytics counts rebuilt: ${rows} rows`);
    });

  const demo = program.command('demo').description('synthetic demonstration data');
  demo
    .command('seed')
    .description('create the demo units, accounts and cases (needs the reference data)')
    .action(async (_options: unknown, command: Command) => {
      const config = configFrom(command, { demo: true });
      const summary = await withDatabase(config, async (db) => {
        await importReference(db, config.referenceDir, () => undefined);
        const seeded = await seedDemo(db);
        const cases = await seedDemoCases(db, { referenceDir: config.referenceDir });
        if (!cases.skipped) console.log(`setu: demo cases: ${cases.cases}`);
        await seedDemoChannel(db);
        await seedDemoCoordination(db);
        await seedDemoCapacity(db);
        await seedDemoRestoration(db, { referenceDir: config.referenceDir });
        return seeded;
      });
      console.log(
        `setu: demo data ready: ${summary.units} units, ${summary.accounts} accounts (${summary.newAccounts} new)`,
      );
    });
  demo
    .command('users')
    .description('list the demo accounts and their password')
    .option('--json', 'print JSON: [{ username, password, role, unit, state, district }]')
    .action(async (options: { json?: boolean }, command: Command) => {
      const accounts = await withDatabase(configFrom(command), (db) => listDemoAccounts(db));
      if (options.json) {
        console.log(JSON.stringify(accounts, null, 2));
        return;
      }
      if (accounts.length === 0) {
        console.log('No demo accounts. Run `npx setu demo seed` (or `npm start`) first.');
        return;
      }
      for (const a of accounts) {
        console.log(`${a.username.padEnd(20)} ${a.role.padEnd(20)} ${a.unit}`);
      }
      console.log(`\nPassword for every demo account: ${accounts[0]?.password ?? ''}`);
    });

  const audit = program.command('audit').description('the tamper-evident audit trail');
  audit
    .command('verify')
    .description('recompute the hash chain; exits 1 and names the first bad entry if anything was altered')
    .action(async (_options: unknown, command: Command) => {
      const result = await withDatabase(configFrom(command), (db) => verifyAuditChain(db));
      if (result.ok) {
        console.log(`setu: audit trail intact: ${result.checked} entries verified`);
        return;
      }
      console.error(
        `setu: AUDIT TRAIL BROKEN at entry ${result.problem?.seq ?? '?'}: ${result.problem?.message ?? ''}`,
      );
      console.error(`setu: ${result.checked} entries before it verified`);
      process.exitCode = 1;
    });

  const users = program.command('users').description('account administration from the server console');
  users
    .command('unlock <username>')
    .description('unlock an account locked after failed sign-ins')
    .action(async (username: string, _options: unknown, command: Command) => {
      const changed = await withDatabase(configFrom(command), (db) =>
        db.asSystem(async (tx) => {
          const { rows } = await tx.query<{ id: string }>(
            `UPDATE users SET locked_at = NULL, failures_reset_at = now() WHERE lower(username) = lower($1) RETURNING id`,
            [username],
          );
          const id = rows[0]?.id;
          if (id)
            await appendAudit(
              tx,
              { username: 'setu console' },
              { action: 'user.unlock', objectType: 'user', objectId: id },
            );
          return id !== undefined;
        }),
      );
      if (!changed) {
        console.error(`setu: no account named "${username}"`);
        process.exitCode = 1;
        return;
      }
      console.log(`setu: ${username} unlocked`);
    });
  users
    .command('create-admin <username>')
    .description(
      'create a national system administrator (first start of a production installation); prints a one-time password',
    )
    .requiredOption('--name <display name>', "the administrator's full name")
    .action(async (username: string, options: { name: string }, command: Command) => {
      const password = randomToken(18);
      const passwordHash = await hashPassword(password);
      await withDatabase(configFrom(command), (db) =>
        db.asSystem(async (tx) => {
          const unit = await tx.query<{ id: string }>(
            `INSERT INTO units (kind, name, level) VALUES ('nodal_cell', 'MHA Anti Trafficking Nodal Cell', 'national')
             ON CONFLICT (kind, name, coalesce(state_lgd, 0), coalesce(district_lgd, 0)) DO UPDATE SET name = EXCLUDED.name
             RETURNING id`,
          );
          const { rows } = await tx.query<{ id: string }>(
            `INSERT INTO users (username, display_name, role, unit_id, password_hash) VALUES ($1, $2, 'system_admin', $3, $4) RETURNING id`,
            [username, options.name, unit.rows[0]?.id, passwordHash],
          );
          await appendAudit(
            tx,
            { username: 'setu console' },
            { action: 'user.create', objectType: 'user', objectId: rows[0]?.id ?? '' },
          );
        }),
      );
      console.log(`setu: created system administrator ${username}`);
      console.log(`setu: one-time password: ${password}`);
      console.log('setu: sign in, set up two-factor authentication, and change this password.');
    });
}
