import type { Role } from '../../../domain/authorization/roles.ts';
import {
  dueExpiryReminder,
  EXPIRY_REMINDER_THRESHOLDS,
} from '../../../domain/evidence/evidence-expiry.ts';
import {
  addDays,
  type CalendarDate,
  calendarDate,
  daysBetween,
} from '../../../domain/time/calendar-date.ts';
import type { Clock } from '../../../domain/time/clock.ts';
import type { Db } from '../../db/database.ts';
import { membersWithRoles } from '../identity/users.service.ts';
import { emailTo, notify } from '../notifications/notifications.service.ts';
import { organisationSummaries } from '../organisations/organisations.service.ts';
import { findEvidenceExpiringBetween } from './evidence.repository.ts';

/**
 * Expiring-evidence reminders (issue 5, item 4): the company's officers and admins hear of a
 * document 30 and 7 days before its expiry date and on it, so it is renewed before a profile
 * cites an expired document. Idempotent: each (document, expiry date, threshold, person) is
 * notified once, whatever how often this runs (notification keys), and a new expiry date
 * (a renewed document) starts its reminders afresh.
 *
 * There is no job scheduler yet: the server runs this hourly on a timer (main.ts); a missed
 * day is caught up on the next run because each threshold is "reached", not "hit exactly".
 */

/** Who answers for the company's evidence (as for its membership notices). */
const RECIPIENT_ROLES: readonly Role[] = ['company_officer', 'company_admin'];

/**
 * A document that expired longer ago than this without its on-expiry reminder (the server was
 * down for a month) gets none: the library's "expired" warning still shows it.
 */
export const EXPIRED_REMINDER_LOOKBACK_DAYS = 30;

export interface EvidenceReminderContext {
  db: Db;
  clock: Clock;
  /** With SMTP configured the e-mails wait for delivery; without, they are captured. */
  smtpConfigured: boolean;
  /** The app's address (PUBLIC_URL): e-mails link to the document there. */
  publicUrl: string;
}

export interface EvidenceReminderResult {
  /** Documents with a reminder due today. */
  documents: number;
  /** Notifications handed to notify() (repeats are ignored there by their key). */
  notices: number;
}

export async function sendEvidenceExpiryReminders(
  ctx: EvidenceReminderContext,
  today: CalendarDate,
): Promise<EvidenceReminderResult> {
  const furthest = Math.max(...EXPIRY_REMINDER_THRESHOLDS);
  const rows = await findEvidenceExpiringBetween(
    ctx.db,
    addDays(today, -EXPIRED_REMINDER_LOOKBACK_DAYS),
    addDays(today, furthest),
  );
  const names = await organisationSummaries(ctx.db, [
    ...new Set(rows.map((row) => row.organisationId)),
  ]);
  const recipients = new Map<string, Awaited<ReturnType<typeof membersWithRoles>>>();
  const result: EvidenceReminderResult = { documents: 0, notices: 0 };
  for (const row of rows) {
    if (row.expiresOn === null) continue;
    const expiresOn = calendarDate(row.expiresOn);
    const threshold = dueExpiryReminder(expiresOn, today);
    if (threshold === null) continue;
    result.documents += 1;
    let people = recipients.get(row.organisationId);
    if (people === undefined) {
      people = await membersWithRoles(ctx.db, row.organisationId, RECIPIENT_ROLES);
      recipients.set(row.organisationId, people);
    }
    const params = {
      title: row.title,
      organisation: names.get(row.organisationId)?.legalName ?? '',
      expiresOn,
      daysLeft: String(Math.max(0, daysBetween(today, expiresOn))),
      link: `${ctx.publicUrl}/evidence/${row.id}`,
    };
    // Each document's notices commit together (in-app and e-mail alike).
    await ctx.db.transaction(async (tx) => {
      for (const person of people) {
        await notify(
          tx,
          { now: ctx.clock.now(), smtpConfigured: ctx.smtpConfigured },
          {
            key: `evidence_expiring:${row.id}:${expiresOn}:${threshold}:${person.userId}`,
            kind: 'evidence_expiring',
            params,
            link: `/evidence/${row.id}`,
            organisationId: row.organisationId,
            userId: person.userId,
            email: emailTo(person),
          },
        );
        result.notices += 1;
      }
    });
  }
  return result;
}
