import type { Db } from '../../db/database.ts';
import { claimPendingEmails, markEmailFailed, markEmailSent } from './notifications.repository.ts';

/** The part of a nodemailer transport we use; tests pass a transport to a real SMTP server. */
export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
  close(): void;
}

/**
 * nodemailer is imported only when SMTP_URL is set: without it e-mails stay captured in the
 * outbox and the module would be resident memory for nothing (bench/server-memory.ts).
 */
export async function createSmtpTransport(smtpUrl: string): Promise<MailTransport> {
  const { default: nodemailer } = await import('nodemailer');
  return nodemailer.createTransport(smtpUrl);
}

export const MAX_DELIVERY_ATTEMPTS = 5;

/**
 * Sends pending e-mails once each. Rows are claimed with FOR UPDATE SKIP LOCKED inside the
 * transaction, so two app instances never send the same e-mail; a failure is retried on the
 * next run until MAX_DELIVERY_ATTEMPTS, then marked failed with its last error.
 */
export async function deliverPendingEmails(
  db: Db,
  transport: MailTransport,
  options: { from: string; now: () => Date; batchSize?: number },
): Promise<{ sent: number; failed: number }> {
  return db.transaction(async (tx) => {
    const claimed = await claimPendingEmails(tx, options.batchSize ?? 20, MAX_DELIVERY_ATTEMPTS);
    let sent = 0;
    let failed = 0;
    for (const email of claimed) {
      try {
        await transport.sendMail({
          from: options.from,
          to: email.toAddress,
          subject: email.subject,
          text: email.textBody,
        });
        await markEmailSent(tx, email.id, options.now());
        sent += 1;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await markEmailFailed(tx, email.id, message, email.attempts + 1 >= MAX_DELIVERY_ATTEMPTS);
        failed += 1;
      }
    }
    return { sent, failed };
  });
}
