import type { FieldIssue } from '../errors/error-codes.ts';
import type { MembershipClock, PeriodSetting } from '../registry/lifecycle/membership-clocks.ts';
import { addDays, type CalendarDate, isAfter, isBefore } from '../time/calendar-date.ts';
import { resolvePeriodSetting } from '../time/period-setting.ts';

/**
 * The deadline for the member's responses to a validation report's required actions (issue 6,
 * item 6), its reminders and the overdue check. Pure functions, no I/O.
 *
 * The period: ctpat-program.md §6, "The exact deadline to answer required actions is
 * UNVERIFIED (90 days is the commonly used figure; the 90-day response window is documented for
 * suspension letters)" (normanjaspanassociates.com, "CTPAT suspension and removal", secondary).
 * So, like the membership periods that rest on secondary sources (membership-clocks.ts), it is a
 * setting, provisional by default (`VALIDATION_RESPONSE_DAYS`; confirmed only with
 * `VALIDATION_PERIODS_VERIFIED=response` and a named `VALIDATION_PERIODS_SOURCE`).
 *
 * Conventions (calendar-date.ts, as for the membership clocks): "N days after the report is
 * issued" is `addDays(issuedOn, N)`, day 1 being the day after; `due` is the last day still on
 * time; a required action is overdue from the day after `due`. No roll over weekends or
 * holidays: no source says there is one.
 */

export const DEFAULT_VALIDATION_RESPONSE_DAYS: PeriodSetting = Object.freeze({
  value: 90,
  provisional: true,
  source:
    'ctpat-program.md §6: 90 days is the commonly used figure for answering required actions (UNVERIFIED; the documented 90-day window is for suspension letters, normanjaspanassociates.com "CTPAT suspension and removal", secondary).',
});

/** Bounds a deployment's value must respect, so a typo cannot switch the deadline off. */
export const VALIDATION_RESPONSE_DAYS_BOUNDS = Object.freeze({ min: 1, max: 365 });

export type ResolveResponseDaysResult =
  | { readonly ok: true; readonly setting: PeriodSetting }
  | { readonly ok: false; readonly issues: readonly FieldIssue[] };

/**
 * The default with a deployment's override applied and checked. A value changed without
 * `provisional: false` stays provisional: changing a number does not verify it.
 */
export function resolveValidationResponseDays(
  override: Partial<PeriodSetting> = {},
  defaults: PeriodSetting = DEFAULT_VALIDATION_RESPONSE_DAYS,
): ResolveResponseDaysResult {
  const issues: FieldIssue[] = [];
  const setting = resolvePeriodSetting(
    defaults,
    override,
    VALIDATION_RESPONSE_DAYS_BOUNDS,
    '',
    issues,
  );
  return issues.length === 0 ? { ok: true, setting } : { ok: false, issues };
}

/**
 * The day responses to the report's required actions are due: N days after the report is
 * issued to the member (default 90, provisional). A deadline: past it, a required action the
 * member has not answered is overdue and raises the member's suspension risk (ctpat-program.md
 * §3.6: "poor validation" and "unanswered rejections" are grounds for suspension).
 */
export function responsesDue(
  reportIssuedOn: CalendarDate,
  setting: PeriodSetting = DEFAULT_VALIDATION_RESPONSE_DAYS,
): MembershipClock {
  return {
    due: addDays(reportIssuedOn, setting.value),
    rule: {
      citation: setting.provisional
        ? `${setting.source} Provisional: configurable.`
        : setting.source,
      text: `The member answers each required action of the validation report within ${setting.value} days of the report being issued.`,
    },
    provisional: setting.provisional,
    kind: 'deadline',
  };
}

/** Whether the deadline has passed on `today` (the due day itself is still on time). */
export function isPastResponseDeadline(due: CalendarDate, today: CalendarDate): boolean {
  return isAfter(today, due);
}

// ---------------------------------------------------------------------------------------------
// Reminders

/**
 * Reminders while the member still has required actions to answer: 30 and 7 days before the
 * deadline, and on the first day overdue (the day after `due`), as for the other deadlines of
 * the product (annual review, evidence expiry). A reminder whose day falls on or before the
 * report's issue day (a period of 30 days or less) is not sent: the report itself said it.
 * Only the latest reminder reached is due, so a job that missed days sends one, not three.
 */
export const RESPONSE_REMINDERS = ['due_in_30', 'due_in_7', 'overdue'] as const;
export type ResponseReminder = (typeof RESPONSE_REMINDERS)[number];

const DAYS_BEFORE_DUE: Readonly<Record<ResponseReminder, number>> = {
  due_in_30: 30,
  due_in_7: 7,
  overdue: -1,
};

/** The day a reminder is sent, or null when it would fall on or before the issue day. */
export function responseReminderDay(
  reminder: ResponseReminder,
  window: { readonly issuedOn: CalendarDate; readonly due: CalendarDate },
): CalendarDate | null {
  const day = addDays(window.due, -DAYS_BEFORE_DUE[reminder]);
  return isAfter(day, window.issuedOn) ? day : null;
}

/** The latest reminder reached on `today`, or null before the first one. */
export function dueResponseReminder(
  window: { readonly issuedOn: CalendarDate; readonly due: CalendarDate },
  today: CalendarDate,
): ResponseReminder | null {
  let due: ResponseReminder | null = null;
  for (const reminder of RESPONSE_REMINDERS) {
    const day = responseReminderDay(reminder, window);
    if (day !== null && !isBefore(today, day)) {
      due = reminder;
    }
  }
  return due;
}
