import type { Role } from '../../../domain/authorization/roles.ts';
import type { MembershipClockSettings } from '../../../domain/registry/lifecycle/membership-clocks.ts';
import {
  annualReviewTarget,
  dueAnnualReviewReminder,
} from '../../../domain/security-profile/annual-review.ts';
import {
  type CalendarDate,
  calendarDate,
  daysBetween,
} from '../../../domain/time/calendar-date.ts';
import type { Clock } from '../../../domain/time/clock.ts';
import type { Db } from '../../db/database.ts';
import { membersWithRoles } from '../identity/users.service.ts';
import { emailTo, notify } from '../notifications/notifications.service.ts';
import { organisationSummaries } from '../organisations/organisations.service.ts';
import { tierMemberAnniversaryBases } from '../registry/member-anniversaries.service.ts';
import { findAnnualCyclesOf } from './annual-review.repository.ts';

/**
 * Annual review reminders (issue 5, item 6): a certified member's officers and administrators
 * hear when the review window opens, and 30 and 7 days before the anniversary, until the cycle
 * is submitted. Idempotent by notification key (member, anniversary, reminder, person), so the
 * hourly timer in main.ts, restarts and several instances never send one twice; a day missed
 * while the server was down is caught up with the latest reminder reached, not all of them.
 */

const RECIPIENT_ROLES: readonly Role[] = ['company_officer', 'company_admin'];

export interface AnnualReviewReminderContext {
  db: Db;
  clock: Clock;
  smtpConfigured: boolean;
  publicUrl: string;
  settings: MembershipClockSettings;
}

export interface AnnualReviewReminderResult {
  /** Members with a reminder due today. */
  members: number;
  /** Notifications handed to notify() (repeats are ignored there by their key). */
  notices: number;
}

export async function sendAnnualReviewReminders(
  ctx: AnnualReviewReminderContext,
  today: CalendarDate,
): Promise<AnnualReviewReminderResult> {
  const bases = await tierMemberAnniversaryBases(ctx.db);
  const cycles = await findAnnualCyclesOf(
    ctx.db,
    bases.map((basis) => basis.organisationId),
  );
  const cyclesOf = new Map<string, Map<string, string>>();
  for (const cycle of cycles) {
    if (cycle.reviewAnniversary === null) continue;
    const byAnniversary = cyclesOf.get(cycle.organisationId) ?? new Map<string, string>();
    byAnniversary.set(cycle.reviewAnniversary, cycle.status);
    cyclesOf.set(cycle.organisationId, byAnniversary);
  }
  const result: AnnualReviewReminderResult = { members: 0, notices: 0 };
  for (const basis of bases) {
    const started = cyclesOf.get(basis.organisationId) ?? new Map<string, string>();
    const target = annualReviewTarget(
      basis.certifiedOn,
      today,
      new Set([...started.keys()].map(calendarDate)),
      ctx.settings,
    );
    // A cycle that was submitted (whatever CBP did with it since) needs no reminder.
    const status = started.get(target.anniversary);
    if (target.phase !== 'open' || (status !== undefined && status !== 'draft')) continue;
    const reminder = dueAnnualReviewReminder(target.window, today);
    if (reminder === null) continue;
    result.members += 1;
    const [people, names] = await Promise.all([
      membersWithRoles(ctx.db, basis.organisationId, RECIPIENT_ROLES),
      organisationSummaries(ctx.db, [basis.organisationId]),
    ]);
    const params = {
      organisation: names.get(basis.organisationId)?.legalName ?? '',
      anniversary: target.anniversary,
      windowOpens: target.window.opens,
      daysLeft: String(Math.max(0, daysBetween(today, target.anniversary))),
      link: `${ctx.publicUrl}/profile`,
    };
    await ctx.db.transaction(async (tx) => {
      for (const person of people) {
        await notify(
          tx,
          { now: ctx.clock.now(), smtpConfigured: ctx.smtpConfigured },
          {
            key: `annual_review_due:${basis.organisationId}:${target.anniversary}:${reminder}:${person.userId}`,
            kind: 'annual_review_due',
            params,
            link: '/profile',
            organisationId: basis.organisationId,
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
