/**
 * Background work: escalating overdue requests, sending e-mail, delivering webhooks. `setu serve` runs it
 * every minute (startBackgroundJobs); `setu jobs run` runs it once. Every job is idempotent, so several
 * servers, or a server and a cron-driven `setu jobs run`, can overlap safely.
 */
import type { Command } from 'commander';
import type { SetuConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { SecretBox } from '../lib/secret-box.ts';
import { foldAnalyticsDeltas } from '../modules/analytics/counts.ts';
import {
  runEarlyWarning,
  runMissingEarlyWarning,
  type EarlyWarningSummary,
} from '../modules/analytics/early-warning.ts';
import { drainMatchQueue, type DrainSummary } from '../modules/linkage/matcher.ts';
import { trainLinkageModel } from '../modules/linkage/model-store.ts';
import { deliverWebhooks, type WebhookJobSummary } from '../modules/notifications/delivery.ts';
import { sendOutboxEmails, type MailSummary } from '../modules/notifications/mail.ts';
import { runEscalations, type EscalationSummary } from '../modules/requests/escalation.ts';
import { configFrom, withDatabase } from './bootstrap.ts';

export interface JobDeps {
  db: Database;
  config: SetuConfig;
  secrets: SecretBox;
  log?: (line: string) => void;
}

export interface JobsSummary {
  escalations: EscalationSummary;
  mail: MailSummary;
  webhooks: WebhookJobSummary;
  linkage: DrainSummary;
  earlyWarning: EarlyWarningSummary;
  missingEarlyWarning: EarlyWarningSummary;
  /** Count changes folded into the analytics counts (migration 0014). */
  analyticsDeltasFolded: number;
}

export async function runJobs(deps: JobDeps, now: Date = new Date()): Promise<JobsSummary> {
  const { db, config } = deps;
  const escalations = await runEscalations(db, now);
  const mail = await sendOutboxEmails(db, {
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    publicUrl: config.publicUrl,
    now,
  });
  const webhooks = await deliverWebhooks(db, {
    secrets: deps.secrets,
    allowPrivateNetworks: config.demo || config.webhookAllowPrivateNetworks,
    now,
  });
  const linkage = await drainMatchQueue(db);
  const earlyWarning = await runEarlyWarning(db, now);
  const missingEarlyWarning = await runMissingEarlyWarning(db, now);
  const analyticsDeltasFolded = await db.asSystem((tx) => foldAnalyticsDeltas(tx));
  return { escalations, mail, webhooks, linkage, earlyWarning, missingEarlyWarning, analyticsDeltasFolded };
}

function describe(summary: JobsSummary): string | undefined {
  const { escalations: e, mail: m, webhooks: w, linkage: l } = summary;
  const parts = [
    e.level1 + e.level2 > 0 ? `${e.level1 + e.level2} escalation(s)` : '',
    m.sent + m.retrying + m.failed > 0
      ? `e-mail ${m.sent} sent, ${m.retrying} to retry, ${m.failed} failed`
      : '',
    w.attempted > 0 ? `webhooks ${w.delivered} delivered, ${w.failed} failed, ${w.disabled} turned off` : '',
    summary.earlyWarning.alerts > 0 ? `${summary.earlyWarning.alerts} district spike alert(s)` : '',
    summary.missingEarlyWarning.alerts > 0
      ? `${summary.missingEarlyWarning.alerts} missing-report spike alert(s)`
      : '',
    l.matched + l.failed > 0
      ? `linkage ${String(l.matched)} matched (${String(l.review)} to review, ${String(l.autoLinked)} linked, ${String(l.alerts)} alerts), ${String(l.failed)} failed`
      : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/** Runs the jobs every interval without keeping the process alive; a run still going skips the next tick. */
export function startBackgroundJobs(deps: JobDeps, intervalMs = 60_000): NodeJS.Timeout {
  const log = deps.log ?? (() => undefined);
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runJobs(deps)
      .then((summary) => {
        const line = describe(summary);
        if (line) log(`jobs: ${line}`);
      })
      .catch((error: unknown) =>
        log(`jobs failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return timer;
}

export function registerJobsCommand(program: Command): void {
  const jobs = program
    .command('jobs')
    .description('background work: escalations, e-mail, webhooks, person linkage');
  jobs
    .command('run')
    .description('escalate overdue requests, send pending e-mail and webhook deliveries once, and exit')
    .option('--now <time>', 'act as if it were this ISO time (escalations only look at due dates before it)')
    .option('--json', 'print the summary as JSON')
    .action(async (options: { now?: string; json?: boolean }, command: Command) => {
      const now = options.now ? new Date(options.now) : new Date();
      if (Number.isNaN(now.getTime()))
        throw new Error(`--now must be an ISO time, got "${options.now ?? ''}"`);
      const config = configFrom(command);
      const secrets = SecretBox.load(config.secretKey, config.databaseUrl ? undefined : config.dataDir);
      const summary = await withDatabase(config, (db) => runJobs({ db, config, secrets }, now));
      if (options.json) console.log(JSON.stringify(summary, null, 2));
      else console.log(`setu: jobs done: ${describe(summary) ?? 'nothing to do'}`);
    });
  jobs
    .command('train-linkage')
    .description(
      're-estimate the person-linkage model (EM on stored records plus reviewer decisions) and use it',
    )
    .action(async (_options: unknown, command: Command) => {
      const config = configFrom(command);
      const s = await withDatabase(config, (db) => trainLinkageModel(db));
      console.log(
        `setu: linkage model ${String(s.modelId)} active: ${String(s.records)} records` +
          `${s.prior ? ' (too few for EM: built-in parameters)' : ''}, ${String(s.labelledPairs)} reviewer decisions`,
      );
    });
}
