import {
  type CalendarDate,
  calendarDate,
  daysBetween,
} from '../../../domain/time/calendar-date.ts';
import type { Clock } from '../../../domain/time/clock.ts';
import { dueResponseReminder } from '../../../domain/validations/response-deadline.ts';
import type { Db } from '../../db/database.ts';
import { findOpenResponseWindows } from './validation-responses.repository.ts';
import { sendValidationNotice } from './validation-responses-notices.ts';

/**
 * Reminders of the response deadline of validation reports (issue 6, item 6; main.ts
 * `startReminders`, hourly): while the member still has required actions to answer, its
 * officers and administrators hear 30 and 7 days before the deadline and on the first day
 * overdue; on that day the assigned specialist hears too (the member is now at risk of
 * suspension, which the CBP member queue shows). Idempotent by notification key (validation,
 * reminder, person), like the annual review and protest reminders: hourly runs, restarts and
 * several instances never send one twice, and a day missed while the server was down is caught
 * up with the latest reminder reached, not all of them (response-deadline.ts).
 */

export interface ValidationReminderContext {
  db: Db;
  clock: Clock;
  smtpConfigured: boolean;
  publicUrl: string;
  /**
   * Tests on a shared database only: this member's validations, so a test's run does not
   * notify other test files' members. Production runs leave it unset (every validation).
   */
  onlyOrganisationId?: string;
}

export interface ValidationReminderResult {
  /** Validations with a reminder due today. */
  validations: number;
  /** Notifications handed to notify() (repeats are ignored there by their key). */
  notices: number;
}

export async function runValidationResponseReminders(
  ctx: ValidationReminderContext,
  today: CalendarDate,
): Promise<ValidationReminderResult> {
  const windows = await findOpenResponseWindows(ctx.db, ctx.onlyOrganisationId);
  const result: ValidationReminderResult = { validations: 0, notices: 0 };
  const options = {
    now: ctx.clock.now(),
    smtpConfigured: ctx.smtpConfigured,
    publicUrl: ctx.publicUrl,
  };
  for (const window of windows) {
    const due = calendarDate(window.responsesDueOn);
    const reminder = dueResponseReminder(
      { issuedOn: calendarDate(window.reportIssuedOn), due },
      today,
    );
    if (reminder === null) continue;
    result.validations += 1;
    const validation = {
      id: window.validationId,
      organisationId: window.organisationId,
      specialistUserId: window.specialistUserId,
      officeId: window.officeId,
    };
    const params = () => ({
      due,
      daysLeft: String(daysBetween(today, due)),
      open: String(window.unanswered),
    });
    await ctx.db.transaction(async (tx) => {
      result.notices += await sendValidationNotice(options, tx, validation, {
        kind: 'validation_responses_due',
        key: `validation_responses_due:${window.validationId}:${reminder}`,
        audiences: ['member_company'],
        params,
      });
      if (reminder === 'overdue') {
        result.notices += await sendValidationNotice(options, tx, validation, {
          kind: 'validation_responses_overdue',
          key: `validation_responses_overdue:${window.validationId}`,
          audiences: ['specialist'],
          params,
        });
      }
    });
  }
  return result;
}
