import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MEMBERSHIP_CLOCK_SETTINGS,
  type MembershipClockSettings,
} from '../registry/lifecycle/membership-clocks.ts';
import {
  addDays,
  type CalendarDate,
  calendarDate,
  calendarDateFromInstant,
  isAfter,
  isBefore,
  isWithinInclusive,
} from '../time/calendar-date.ts';
import {
  ANNUAL_REVIEW_REMINDERS,
  annualReviewReminderDay,
  annualReviewTarget,
  countsInWindow,
  dueAnnualReviewReminder,
  isSubmittedLate,
  summariseCycleAnswers,
} from './annual-review.ts';

const anyDate: fc.Arbitrary<CalendarDate> = fc
  .date({
    min: new Date('2001-01-01T00:00:00Z'),
    max: new Date('2120-12-31T23:59:59Z'),
    noInvalidDate: true,
  })
  .map(calendarDateFromInstant);

const d = calendarDate;
const none = new Set<CalendarDate>();

function windowDays(value: number): MembershipClockSettings {
  return {
    ...DEFAULT_MEMBERSHIP_CLOCK_SETTINGS,
    annualReviewWindowDays: { ...DEFAULT_MEMBERSHIP_CLOCK_SETTINGS.annualReviewWindowDays, value },
  };
}

describe('the anniversary an annual review is about', () => {
  const certifiedOn = d('2024-03-15');
  /** Last year's cycle was done: this year's window is the only one in question. */
  const lastYearDone = new Set([d('2025-03-15')]);

  it('is upcoming before the window opens, open from 90 days before the anniversary to it', () => {
    expect(annualReviewTarget(certifiedOn, d('2025-12-14'), lastYearDone)).toMatchObject({
      anniversary: '2026-03-15',
      phase: 'upcoming',
    });
    const opening = annualReviewTarget(certifiedOn, d('2025-12-15'), none);
    expect(opening).toMatchObject({ anniversary: '2026-03-15', phase: 'open' });
    expect(opening.window.opens).toBe('2025-12-15');
    expect(opening.window.closes).toBe('2026-03-15');
    expect(annualReviewTarget(certifiedOn, d('2026-03-15'), none)).toMatchObject({
      anniversary: '2026-03-15',
      phase: 'open',
      daysToAnniversary: 0,
    });
  });

  it('stays on a missed anniversary, late, until the next window opens', () => {
    expect(annualReviewTarget(certifiedOn, d('2026-03-16'), none)).toMatchObject({
      anniversary: '2026-03-15',
      phase: 'late',
      daysToAnniversary: -1,
    });
    // Once that cycle exists, the next anniversary is the one ahead.
    expect(
      annualReviewTarget(certifiedOn, d('2026-03-16'), new Set([d('2026-03-15')])),
    ).toMatchObject({ anniversary: '2027-03-15', phase: 'upcoming' });
    // The next window replaces the missed one.
    expect(annualReviewTarget(certifiedOn, d('2026-12-15'), none)).toMatchObject({
      anniversary: '2027-03-15',
      phase: 'open',
    });
  });

  it('never reaches back to the certification date itself', () => {
    expect(annualReviewTarget(certifiedOn, d('2024-03-16'), none)).toMatchObject({
      anniversary: '2025-03-15',
      phase: 'upcoming',
    });
  });

  it('follows the window setting', () => {
    const settings = windowDays(30);
    expect(annualReviewTarget(certifiedOn, d('2026-02-12'), lastYearDone, settings).phase).toBe(
      'upcoming',
    );
    const open = annualReviewTarget(certifiedOn, d('2026-02-13'), none, settings);
    expect(open.phase).toBe('open');
    expect(open.window.opens).toBe('2026-02-13');
  });

  it('is open exactly on the days of its window (property)', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 366, max: 20 * 366 }), (certified, offset) => {
        const today = addDays(certified, offset);
        const target = annualReviewTarget(certified, today, none);
        const inside = isWithinInclusive(today, target.window.opens, target.window.closes);
        expect(target.phase === 'open').toBe(inside);
        if (target.phase === 'upcoming') expect(isBefore(today, target.window.opens)).toBe(true);
        if (target.phase === 'late') expect(isAfter(today, target.anniversary)).toBe(true);
        expect(isAfter(target.anniversary, certified)).toBe(true);
      }),
    );
  });
});

describe('changes that count for a cycle', () => {
  const window = { opens: d('2026-09-02'), closes: d('2026-12-01') };

  it('count only inside the window, both ends included', () => {
    expect(countsInWindow(d('2026-09-01'), window)).toBe(false);
    expect(countsInWindow(d('2026-09-02'), window)).toBe(true);
    expect(countsInWindow(d('2026-12-01'), window)).toBe(true);
    expect(countsInWindow(d('2026-12-02'), window)).toBe(false);
  });

  it('a submission after the anniversary is late', () => {
    expect(isSubmittedLate(d('2026-12-01'), d('2026-12-01'))).toBe(false);
    expect(isSubmittedLate(d('2026-12-02'), d('2026-12-01'))).toBe(true);
  });
});

describe('annual review reminders', () => {
  const window = { opens: d('2026-09-02'), closes: d('2026-12-01') };

  it('go out when the window opens, 30 and 7 days before the anniversary', () => {
    expect(annualReviewReminderDay('window_open', window)).toBe('2026-09-02');
    expect(annualReviewReminderDay('due_in_30', window)).toBe('2026-11-01');
    expect(annualReviewReminderDay('due_in_7', window)).toBe('2026-11-24');
  });

  it('the latest reached is due; none outside the window', () => {
    const on = (day: string) => dueAnnualReviewReminder(window, d(day));
    expect(on('2026-09-01')).toBeNull();
    expect(on('2026-09-02')).toBe('window_open');
    expect(on('2026-10-31')).toBe('window_open');
    expect(on('2026-11-01')).toBe('due_in_30');
    expect(on('2026-11-24')).toBe('due_in_7');
    expect(on('2026-12-01')).toBe('due_in_7');
    expect(on('2026-12-02')).toBeNull();
  });

  it('a reminder that would fall before a short window opens is not sent', () => {
    const short = { opens: d('2026-11-11'), closes: d('2026-12-01') };
    expect(annualReviewReminderDay('due_in_30', short)).toBeNull();
    expect(dueAnnualReviewReminder(short, d('2026-11-12'))).toBe('window_open');
  });

  it('every reminder day lies inside its window (property)', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 365 }), (closes, length) => {
        const w = { opens: addDays(closes, -length), closes };
        for (const reminder of ANNUAL_REVIEW_REMINDERS) {
          const day = annualReviewReminderDay(reminder, w);
          if (day !== null) expect(countsInWindow(day, w)).toBe(true);
        }
      }),
    );
  });
});

describe('a cycle’s answers', () => {
  const window = { opens: d('2026-09-02'), closes: d('2026-12-01') };

  it('counts carried answers, confirmations inside the window, and lists those outside', () => {
    const summary = summariseCycleAnswers(
      [
        { criterionId: '1.1', toReconfirm: true, savedOn: d('2026-09-02') },
        { criterionId: '1.2', toReconfirm: false, savedOn: d('2026-12-01') },
        { criterionId: '1.3', toReconfirm: false, savedOn: d('2026-12-02') },
        { criterionId: '1.4', toReconfirm: false, savedOn: d('2026-09-01') },
      ],
      window,
    );
    expect(summary).toEqual({
      toReconfirm: 1,
      confirmedInWindow: 1,
      confirmedOutsideWindow: ['1.3', '1.4'],
    });
  });

  it('accounts for every answer exactly once (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            criterionId: fc.string(),
            toReconfirm: fc.boolean(),
            savedOn: anyDate,
          }),
        ),
        (answers) => {
          const summary = summariseCycleAnswers(answers, window);
          expect(
            summary.toReconfirm + summary.confirmedInWindow + summary.confirmedOutsideWindow.length,
          ).toBe(answers.length);
        },
      ),
    );
  });
});
