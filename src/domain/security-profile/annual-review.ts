import {
  annualReviewWindow,
  DEFAULT_MEMBERSHIP_CLOCK_SETTINGS,
  type MembershipClockSettings,
  type MembershipWindow,
} from '../registry/lifecycle/membership-clocks.ts';
import {
  addDays,
  addYears,
  type CalendarDate,
  calendarDateParts,
  daysBetween,
  isAfter,
  isBefore,
  isWithinInclusive,
} from '../time/calendar-date.ts';

/**
 * The annual Security Profile review (issue 5, item 6). Source: ../shared/domain/ctpat-program.md
 * §3.3 (the Portal asks members to review and update the profile every year, in a window before
 * the anniversary date). The window length is a provisional setting (membership-clocks.ts,
 * `annualReviewWindowDays`, default 90); the anniversary counts from the Tier I certification
 * date (`anniversaryOnOrAfter`, an assumption documented there and in ADR 0025).
 *
 * A cycle belongs to one anniversary. It opens with the window; the member starts it from the
 * last approved version, every carried answer marked "to re-confirm"; it is on time when it is
 * submitted on or before the anniversary. Only changes made inside the window count: an answer
 * confirmed after the window closed is kept (nothing a member types is dropped) but shown as
 * confirmed late, and a cycle submitted late is marked so for CBP.
 */

/** Whole years from `base` to the first anniversary on or after `day` (at least 1). */
function yearsToAnniversaryOnOrAfter(base: CalendarDate, day: CalendarDate): number {
  let years = Math.max(1, calendarDateParts(day).year - calendarDateParts(base).year - 1);
  while (isBefore(addYears(base, years), day)) {
    years += 1;
  }
  return years;
}

export type AnnualReviewPhase = 'upcoming' | 'open' | 'late';

/** The anniversary a member's annual review is about today, and where today falls. */
export interface AnnualReviewTarget {
  readonly anniversary: CalendarDate;
  readonly window: MembershipWindow;
  /**
   * `upcoming`: the window has not opened yet; `open`: today is inside it; `late`: the window
   * closed without a cycle for this anniversary, which may still be done late.
   */
  readonly phase: AnnualReviewPhase;
  /** Days from today to the anniversary (negative once it has passed). */
  readonly daysToAnniversary: number;
}

/**
 * Which anniversary the member's annual review concerns today:
 * - inside a window: that window's anniversary (`open`);
 * - after an anniversary whose cycle was never started, until the next window opens: that
 *   anniversary, late (`late`): a missed review can still be done, and is marked late;
 * - otherwise the next anniversary (`upcoming`).
 * `started` holds the anniversaries the member already has a cycle for.
 */
export function annualReviewTarget(
  certifiedOn: CalendarDate,
  today: CalendarDate,
  started: ReadonlySet<CalendarDate>,
  settings: MembershipClockSettings = DEFAULT_MEMBERSHIP_CLOCK_SETTINGS,
): AnnualReviewTarget {
  const years = yearsToAnniversaryOnOrAfter(certifiedOn, today);
  const next = addYears(certifiedOn, years);
  const nextWindow = annualReviewWindow(next, settings);
  const target = (
    anniversary: CalendarDate,
    window: MembershipWindow,
    phase: AnnualReviewPhase,
  ) => ({
    anniversary,
    window,
    phase,
    daysToAnniversary: daysBetween(today, anniversary),
  });
  if (!isBefore(today, nextWindow.opens)) {
    return target(next, nextWindow, 'open');
  }
  if (years > 1) {
    const previous = addYears(certifiedOn, years - 1);
    if (!started.has(previous)) {
      return target(previous, annualReviewWindow(previous, settings), 'late');
    }
  }
  return target(next, nextWindow, 'upcoming');
}

/** Whether a change made on `day` counts for the cycle of `window` (both ends included). */
export function countsInWindow(
  day: CalendarDate,
  window: Pick<MembershipWindow, 'opens' | 'closes'>,
): boolean {
  return isWithinInclusive(day, window.opens, window.closes);
}

/** A cycle submitted after its anniversary is late (the window closes on the anniversary). */
export function isSubmittedLate(submittedOn: CalendarDate, anniversary: CalendarDate): boolean {
  return isAfter(submittedOn, anniversary);
}

// ---------------------------------------------------------------------------------------------
// Reminders

/**
 * Reminders while a cycle is not submitted: when the window opens, and 30 and 7 days before the
 * anniversary (issue 5, item 6). A reminder whose day falls before the window opens (a window
 * shorter than 30 days) is not sent. Only the latest reminder reached is due, so a job that
 * missed days sends one reminder, not three.
 */
export const ANNUAL_REVIEW_REMINDERS = ['window_open', 'due_in_30', 'due_in_7'] as const;
export type AnnualReviewReminder = (typeof ANNUAL_REVIEW_REMINDERS)[number];

const DAYS_BEFORE: Readonly<Record<Exclude<AnnualReviewReminder, 'window_open'>, number>> = {
  due_in_30: 30,
  due_in_7: 7,
};

/** The day each reminder is sent for a window; null for one that would precede the window. */
export function annualReviewReminderDay(
  reminder: AnnualReviewReminder,
  window: Pick<MembershipWindow, 'opens' | 'closes'>,
): CalendarDate | null {
  if (reminder === 'window_open') return window.opens;
  const day = addDays(window.closes, -DAYS_BEFORE[reminder]);
  return isBefore(day, window.opens) ? null : day;
}

/** The reminder due today for an unsubmitted cycle of `window`, or null outside the window. */
export function dueAnnualReviewReminder(
  window: Pick<MembershipWindow, 'opens' | 'closes'>,
  today: CalendarDate,
): AnnualReviewReminder | null {
  if (!countsInWindow(today, window)) return null;
  let due: AnnualReviewReminder | null = null;
  for (const reminder of ANNUAL_REVIEW_REMINDERS) {
    const day = annualReviewReminderDay(reminder, window);
    if (day !== null && !isAfter(day, today)) {
      due = reminder;
    }
  }
  return due;
}

// ---------------------------------------------------------------------------------------------
// A cycle's answers

export interface CycleAnswer {
  readonly criterionId: string;
  readonly toReconfirm: boolean;
  /** The UTC day the answer was last saved or confirmed. */
  readonly savedOn: CalendarDate;
}

export interface CycleAnswerSummary {
  /** Carried over and not confirmed yet. */
  readonly toReconfirm: number;
  /** Confirmed or changed inside the window: these count. */
  readonly confirmedInWindow: number;
  /** Confirmed or changed outside the window (ids in the given order): kept, not counted. */
  readonly confirmedOutsideWindow: readonly string[];
}

/** How far a cycle's answers are, by the window's rule that only changes inside it count. */
export function summariseCycleAnswers(
  answers: readonly CycleAnswer[],
  window: Pick<MembershipWindow, 'opens' | 'closes'>,
): CycleAnswerSummary {
  let toReconfirm = 0;
  let confirmedInWindow = 0;
  const confirmedOutsideWindow: string[] = [];
  for (const answer of answers) {
    if (answer.toReconfirm) {
      toReconfirm += 1;
    } else if (countsInWindow(answer.savedOn, window)) {
      confirmedInWindow += 1;
    } else {
      confirmedOutsideWindow.push(answer.criterionId);
    }
  }
  return { toReconfirm, confirmedInWindow, confirmedOutsideWindow };
}
