import type { ProtestClockView } from '../../../domain/protests/protest-api.schema.ts';
import { addDays, type CalendarDate } from '../../../domain/time/calendar-date.ts';
import type { ProtestJobContext } from './protest-deemed-denials.ts';
import { findOpenProtestsWithEntriesDatedBetween } from './protest-review.repository.ts';
import { notifyProtestReminder, type ProtestReminder } from './protest-review-notices.ts';
import { clocksOfMany } from './protest-review-rules.ts';

/**
 * Reminders before the protestant's own deadlines while a protest is open (issue 7, item 6),
 * sent by the hourly job 30 and 7 days before, like the court deadline's (a day missed while the
 * server was down is caught up with the latest threshold reached), idempotent by notification
 * key (protest, deadline, day, threshold, person):
 *
 * - `amendment`: the last day to amend the protest (19 U.S.C. 1514(c)(1); 19 CFR 174.14), the
 *   close of the earliest entry's filing window, while no accelerated disposition was requested
 *   (the `amendment` clock exists exactly then);
 * - `filing_window`: the close of an entry's filing window (19 U.S.C. 1514(c)(3)), for every
 *   close day the amendment reminder does not already announce: entries with a later window, or
 *   every entry once amendments ended with a request for accelerated disposition. Entries
 *   closing on the same day make one reminder naming them all.
 *
 * Drafts are not reminded: the filing form keeps its draft in the browser (protest-draft.ts),
 * so the server knows of no draft and no address to send to.
 */

const REMINDER_DAYS = [7, 30] as const;
/** A window can close at most a few days after its nominal day (a weekend next to a holiday). */
const ROLL_SLACK_DAYS = 7;
/** The shortest filing window (90 days, entries before 18 December 2004) and the longest (180). */
const SHORTEST_WINDOW_DAYS = 90;
const LONGEST_WINDOW_DAYS = 180;

/** The lowest threshold reached while the day is ahead (today included), or null. */
function thresholdOf(clock: ProtestClockView): 30 | 7 | null {
  if (clock.daysLeft < 0) return null;
  return REMINDER_DAYS.find((days) => clock.daysLeft <= days) ?? null;
}

/** The reminders due today for one protest's clocks. */
export function filingRemindersDue(clocks: readonly ProtestClockView[]): ProtestReminder[] {
  const reminders: ProtestReminder[] = [];
  const amendment = clocks.find((clock) => clock.name === 'amendment');
  const amendmentThreshold = amendment ? thresholdOf(amendment) : null;
  if (amendment && amendmentThreshold !== null) {
    reminders.push({ deadline: 'amendment', threshold: amendmentThreshold, clock: amendment });
  }
  const byDay = new Map<string, ProtestClockView[]>();
  for (const clock of clocks) {
    if (clock.name !== 'filing_window' || clock.effective === amendment?.effective) continue;
    byDay.set(clock.effective, [...(byDay.get(clock.effective) ?? []), clock]);
  }
  for (const windows of byDay.values()) {
    const [first] = windows;
    const threshold = first ? thresholdOf(first) : null;
    if (first && threshold !== null) {
      reminders.push({
        deadline: 'filing_window',
        threshold,
        clock: first,
        entryNumbers: windows.flatMap((window) => (window.entryNumber ? [window.entryNumber] : [])),
      });
    }
  }
  return reminders;
}

/** Sends the amendment and filing-window reminders due `today`; the notifications handed over. */
export async function sendFilingReminders(
  ctx: ProtestJobContext,
  today: CalendarDate,
): Promise<number> {
  // A window closing within 30 days (after a roll of at most a week) started between these days.
  const from = addDays(today, -(LONGEST_WINDOW_DAYS + ROLL_SLACK_DAYS));
  const to = addDays(today, -(SHORTEST_WINDOW_DAYS - Math.max(...REMINDER_DAYS)));
  const rows = await findOpenProtestsWithEntriesDatedBetween(
    ctx.db,
    from,
    to,
    ctx.onlyOrganisationId,
  );
  const clocks = await clocksOfMany(ctx.db, rows, today);
  const options = {
    now: ctx.clock.now(),
    smtpConfigured: ctx.smtpConfigured,
    publicUrl: ctx.publicUrl,
  };
  let notices = 0;
  for (const row of rows) {
    const due = filingRemindersDue(clocks.get(row.id) ?? []);
    if (due.length === 0) continue;
    notices += await ctx.db.transaction(async (tx) => {
      let sent = 0;
      for (const reminder of due) {
        sent += await notifyProtestReminder(options, tx, row, reminder);
      }
      return sent;
    });
  }
  return notices;
}
