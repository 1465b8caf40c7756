/**
 * E-mail job: sends the outbox through the SMTP server in SETU_SMTP_URL. An e-mail carries the
 * notification's title and a link into Setu, never its details: the mailbox is outside Setu's protection.
 * Each message is claimed before it is sent (parallel runs do not send it twice) and has a fixed
 * Message-ID, so a receiver can drop the rare duplicate after a crash. Temporary failures are retried with
 * backoff (1, 2, 4, 8, 16 minutes); a permanent refusal (SMTP 5xx) is final. Unsent mail older than two
 * days expires: news that old is better read in the inbox.
 */
import nodemailer from 'nodemailer';
import type { Database } from '../../db/database.ts';

export const MAX_MAIL_ATTEMPTS = 6;
const LEASE_MS = 10 * 60_000;
const EXPIRE_AFTER_MS = 48 * 3_600_000;

export interface MailOptions {
  smtpUrl: string | undefined;
  from: string;
  publicUrl: string;
  now?: Date;
}

export interface MailSummary {
  sent: number;
  retrying: number;
  failed: number;
  expired: number;
}

interface Claimed {
  id: string;
  to_address: string;
  attempts: number;
  title: string;
  link: string | null;
}

export function mailBackoffMs(attempts: number): number {
  return 60_000 * 2 ** Math.max(0, attempts - 1);
}

function messageText(title: string, link: string | null, publicUrl: string): string {
  const base = publicUrl.replace(/\/+$/, '');
  return [
    title,
    '',
    link ? `Open it in Setu: ${base}${link}` : `Open Setu: ${base}`,
    '',
    '--',
    'Setu sends only a title by e-mail; the details stay in Setu, where access is checked and recorded.',
    'Do not forward this message.',
  ].join('\n');
}

export async function sendOutboxEmails(db: Database, options: MailOptions): Promise<MailSummary> {
  const now = options.now ?? new Date();
  const summary: MailSummary = { sent: 0, retrying: 0, failed: 0, expired: 0 };
  const expired = await db.asSystem((tx) =>
    tx.query(`UPDATE email_outbox SET status = 'expired' WHERE status = 'pending' AND created_at < $1`, [
      new Date(now.getTime() - EXPIRE_AFTER_MS).toISOString(),
    ]),
  );
  summary.expired = expired.rowCount;
  if (!options.smtpUrl) return summary;

  const claimed = await db.asSystem(async (tx) => {
    const { rows } = await tx.query<Claimed>(
      `WITH due AS (
         SELECT id FROM email_outbox WHERE status = 'pending' AND next_attempt_at <= $1
         ORDER BY next_attempt_at LIMIT 100 FOR UPDATE SKIP LOCKED
       )
       UPDATE email_outbox o SET attempts = o.attempts + 1, next_attempt_at = $2
       FROM due, notifications n WHERE o.id = due.id AND n.id = o.notification_id
       RETURNING o.id, o.to_address, o.attempts, n.title, n.link`,
      [now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString()],
    );
    return rows;
  });
  if (claimed.length === 0) return summary;

  const transport = nodemailer.createTransport(
    { url: options.smtpUrl, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 },
    { from: options.from },
  );
  const domain = /@([^>\s]+)/.exec(options.from)?.[1] ?? 'setu.invalid';
  try {
    for (const mail of claimed) {
      let error: { message: string; permanent: boolean } | null = null;
      try {
        await transport.sendMail({
          to: mail.to_address,
          subject: `[Setu] ${mail.title}`,
          text: messageText(mail.title, mail.link, options.publicUrl),
          messageId: `<${mail.id}@${domain}>`,
          headers: { 'X-Setu-Outbox-Id': mail.id },
        });
      } catch (caught) {
        const code = (caught as { responseCode?: unknown }).responseCode;
        error = {
          message: caught instanceof Error ? caught.message.slice(0, 500) : String(caught),
          permanent: typeof code === 'number' && code >= 500 && code < 600,
        };
      }
      const final = error !== null && (error.permanent || mail.attempts >= MAX_MAIL_ATTEMPTS);
      await db.asSystem((tx) =>
        tx.query(
          `UPDATE email_outbox SET status = $2, last_error = $3, sent_at = CASE WHEN $2 = 'sent' THEN $4::timestamptz END,
             next_attempt_at = $5 WHERE id = $1`,
          [
            mail.id,
            error === null ? 'sent' : final ? 'failed' : 'pending',
            error?.message ?? null,
            now.toISOString(),
            new Date(now.getTime() + mailBackoffMs(mail.attempts)).toISOString(),
          ],
        ),
      );
      if (error === null) summary.sent += 1;
      else if (final) summary.failed += 1;
      else summary.retrying += 1;
    }
  } finally {
    transport.close();
  }
  return summary;
}
