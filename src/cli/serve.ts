import type { Command } from 'commander';
import { SecretBox } from '../lib/secret-box.ts';
import { importReference } from '../modules/reference/import.ts';
import { importStatistics } from '../modules/statistics/import.ts';
import { seedDemoCases } from '../modules/demo/cases.ts';
import { seedDemoCapacity } from '../modules/demo/capacity-seed.ts';
import { seedDemoChannel } from '../modules/demo/channel.ts';
import { seedDemoCoordination } from '../modules/demo/coordination-seed.ts';
import { seedDemoRestoration } from '../modules/demo/restoration-seed.ts';
import { listDemoAccounts, seedDemo } from '../modules/demo/seed.ts';
import { buildApp } from '../server/app.ts';
import { configFrom, openAndMigrate } from './bootstrap.ts';
import { startBackgroundJobs } from './jobs.ts';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('run the API and web app')
    .option('--demo', 'demo mode: load synthetic units and accounts; MFA optional (never use in production)')
    .option('-p, --port <port>', 'port to listen on (default $PORT or 3000)')
    .action(async (options: { demo?: boolean; port?: string }, command: Command) => {
      const started = performance.now();
      const overrides = {
        ...(options.demo ? { demo: true } : {}),
        ...(options.port ? { port: Number(options.port) } : {}),
      };
      const config = configFrom(command, overrides);
      const log = (line: string) => console.log(`setu: ${line}`);
      const db = await openAndMigrate(config, log);
      await importReference(db, config.referenceDir, log);
      await importStatistics(db, config.referenceDir, log);
      if (config.demo) {
        const seeded = await seedDemo(db);
        if (seeded.newAccounts > 0) log(`demo data: ${seeded.units} units, ${seeded.accounts} accounts`);
        const cases = await seedDemoCases(db, { referenceDir: config.referenceDir });
        if (!cases.skipped) log(`demo cases: ${cases.cases}`);
        await seedDemoChannel(db);
        await seedDemoCoordination(db);
        await seedDemoCapacity(db);
        await seedDemoRestoration(db, { referenceDir: config.referenceDir });
      }
      const secrets = SecretBox.load(config.secretKey, config.databaseUrl ? undefined : config.dataDir);
      const app = await buildApp({ config, db, secrets }, { logger: process.env.SETU_LOG_REQUESTS === '1' });
      const shutdown = async () => {
        await app.close();
        await db.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown());
      process.once('SIGTERM', () => void shutdown());
      await app.listen({ port: config.port, host: config.host });
      startBackgroundJobs({ db, config, secrets, log });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      const url = `http://localhost:${port}`;
      log(
        `ready in ${Math.round(performance.now() - started)} ms on ${db.kind === 'pglite' ? `embedded PostgreSQL (${config.dataDir})` : 'PostgreSQL server'}`,
      );
      log(`open ${url}`);
      if (config.demo) {
        const accounts = await listDemoAccounts(db);
        const sample = accounts.find((a) => a.username === 'br.patna.ahtu') ?? accounts[0];
        log('DEMO MODE: synthetic data only. Sign in as any demo account, for example:');
        if (sample) log(`  username ${sample.username}  password ${sample.password}  (${sample.unit})`);
        log('  all accounts: npx setu demo users   (API docs: ' + url + '/api/docs)');
      }
    });
}
