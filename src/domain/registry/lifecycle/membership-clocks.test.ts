import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addYears,
  type CalendarDate,
  calendarDate,
  calendarDateFromInstant,
  calendarDateOf,
  compareCalendarDates,
  daysBetween,
  isAfter,
  isWithinInclusive,
} from '../../time/calendar-date.ts';
import {
  anniversaryOnOrAfter,
  annualReviewWindow,
  appealDecisionDue,
  appealFilingDue,
  certificationTarget,
  DEFAULT_MEMBERSHIP_CLOCK_SETTINGS,
  firstValidationTarget,
  type MembershipClock,
  reapplicationBar,
  resolveMembershipClockSettings,
  revalidationDue,
  suspensionResponseDue,
} from './membership-clocks.ts';

const anyDate: fc.Arbitrary<CalendarDate> = fc
  .date({
    min: new Date('2001-11-01T00:00:00Z'),
    max: new Date('2150-12-31T23:59:59Z'),
    noInvalidDate: true,
  })
  .map(calendarDateFromInstant);

const orderedPair = fc
  .tuple(anyDate, anyDate)
  .map(([a, b]): readonly [CalendarDate, CalendarDate] =>
    compareCalendarDates(a, b) <= 0 ? [a, b] : [b, a],
  );

const leapDay = fc
  .integer({ min: 501, max: 537 })
  .map((n) => n * 4)
  .filter((year) => year !== 2096 && year !== 2100)
  .map((year) => calendarDateOf(year, 2, 29));

/** Every clock, as a function of its trigger date, with the settings' defaults. */
const clocks: ReadonlyArray<readonly [string, (trigger: CalendarDate) => MembershipClock]> = [
  ['certification target', certificationTarget],
  ['first validation target', firstValidationTarget],
  ['revalidation, statutory', (d) => revalidationDue({ initialValidatedOn: d }).statutory],
  ['revalidation, planning', (d) => revalidationDue({ initialValidatedOn: d }).planning],
  ['suspension response', (d) => suspensionResponseDue(d)],
  ['re-application bar', (d) => reapplicationBar(d)],
  ['appeal, benefit denial', (d) => appealFilingDue(d, 'benefit_denial')],
  ['appeal, false information', (d) => appealFilingDue(d, 'false_information')],
  ['appeal decision', (d) => appealDecisionDue(d, 'benefit_denial')],
];

describe('every membership clock', () => {
  it.each(clocks)('%s: due after the trigger, monotone in it, rule cited', (_name, clock) => {
    fc.assert(
      fc.property(orderedPair, ([early, late]) => {
        const a = clock(early);
        const b = clock(late);
        expect(isAfter(a.due, early)).toBe(true);
        expect(compareCalendarDates(a.due, b.due)).toBeLessThanOrEqual(0);
        expect(a.rule.citation).not.toBe('');
        expect(a.rule.text).not.toBe('');
      }),
    );
  });
});

describe('statutory clocks', () => {
  it('cite the U.S. Code and are not provisional', () => {
    const on = calendarDate('2026-03-02');
    expect(certificationTarget(on)).toEqual({
      due: '2026-05-31',
      rule: expect.objectContaining({ citation: '6 U.S.C. 964(c)' }),
      provisional: false,
      kind: 'target',
    });
    expect(firstValidationTarget(on).due).toBe('2027-03-02');
    expect(firstValidationTarget(on).rule.citation).toBe('6 U.S.C. 965(a)');
    expect(appealFilingDue(on, 'benefit_denial').due).toBe('2026-05-31');
    expect(appealFilingDue(on, 'benefit_denial').rule.citation).toBe('6 U.S.C. 967(c)(1)');
    expect(appealFilingDue(on, 'false_information').due).toBe('2026-04-01');
    expect(appealFilingDue(on, 'false_information').rule.citation).toBe('6 U.S.C. 967(c)(2)');
    expect(appealDecisionDue(on, 'false_information').due).toBe('2026-08-29');
    for (const clock of [certificationTarget(on), appealFilingDue(on, 'benefit_denial')]) {
      expect(clock.provisional).toBe(false);
    }
  });

  it('count the days exactly', () => {
    fc.assert(
      fc.property(anyDate, (on) => {
        expect(daysBetween(on, certificationTarget(on).due)).toBe(90);
        expect(daysBetween(on, appealFilingDue(on, 'benefit_denial').due)).toBe(90);
        expect(daysBetween(on, appealFilingDue(on, 'false_information').due)).toBe(30);
        expect(daysBetween(on, appealDecisionDue(on, 'benefit_denial').due)).toBe(180);
      }),
    );
  });

  it('take a 29 February certification to 28 February', () => {
    expect(firstValidationTarget(calendarDate('2028-02-29')).due).toBe('2029-02-28');
    fc.assert(
      fc.property(leapDay, (on) => {
        expect(firstValidationTarget(on).due.endsWith('-02-28')).toBe(true);
        // Four years from a leap day is a leap day again (2096 and 2100 excluded above).
        expect(revalidationDue({ initialValidatedOn: on }).statutory.due.endsWith('-02-29')).toBe(
          true,
        );
      }),
    );
  });
});

describe(revalidationDue.name, () => {
  it('gives both dates: the statutory period end and the stricter planning date', () => {
    const initial = calendarDate('2020-06-15');
    expect(revalidationDue({ initialValidatedOn: initial })).toMatchObject({
      statutory: { due: '2024-06-15', kind: 'deadline', provisional: false },
      planning: { due: '2024-06-15', kind: 'target' },
      missedPeriodEnds: [],
    });
    // Revalidated early in the first period: the law allows until the end of the second period.
    const clocks = revalidationDue({
      initialValidatedOn: initial,
      revalidatedOn: [calendarDate('2022-01-10')],
    });
    expect(clocks.statutory.due).toBe('2028-06-15');
    expect(clocks.planning.due).toBe('2026-01-10');
  });

  it('reports periods that passed with no revalidation', () => {
    const clocks = revalidationDue({
      initialValidatedOn: calendarDate('2010-01-01'),
      revalidatedOn: [calendarDate('2016-05-01')],
    });
    expect(clocks.missedPeriodEnds).toEqual(['2014-01-01']);
    expect(clocks.statutory.due).toBe('2022-01-01');
    expect(clocks.planning.due).toBe('2020-05-01');
  });

  it('counts a revalidation on the last day of a period in that period', () => {
    const clocks = revalidationDue({
      initialValidatedOn: calendarDate('2010-01-01'),
      revalidatedOn: [calendarDate('2014-01-01')],
    });
    expect(clocks.statutory.due).toBe('2018-01-01');
    expect(clocks.missedPeriodEnds).toEqual([]);
  });

  it('plans no later than the law requires, and the law looks past the latest validation', () => {
    const input = anyDate.chain((initial) =>
      fc.record({
        initialValidatedOn: fc.constant(initial),
        revalidatedOn: fc.array(
          fc.integer({ min: -400, max: 40 * 365 }).map((n) => addDays(initial, n)),
          { maxLength: 8 },
        ),
      }),
    );
    fc.assert(
      fc.property(input, (value) => {
        const { statutory, planning, missedPeriodEnds } = revalidationDue(value);
        expect(compareCalendarDates(planning.due, statutory.due)).toBeLessThanOrEqual(0);
        for (const date of [value.initialValidatedOn, ...value.revalidatedOn]) {
          expect(isAfter(planning.due, date)).toBe(true);
        }
        // The statutory period holds no validation yet, and is at most 4 years long.
        expect(value.revalidatedOn.some((d) => !isAfter(statutory.due, d))).toBe(false);
        expect(compareCalendarDates(statutory.due, addYears(planning.due, 4))).toBeLessThanOrEqual(
          0,
        );
        for (const end of missedPeriodEnds) {
          expect(isAfter(statutory.due, end)).toBe(true);
        }
      }),
    );
  });
});

describe(annualReviewWindow.name, () => {
  it('opens 90 days before the anniversary and closes on it, provisional by default', () => {
    const window = annualReviewWindow(calendarDate('2027-03-15'));
    expect(window.opens).toBe('2026-12-15');
    expect(window.closes).toBe('2027-03-15');
    expect(window.due).toBe('2027-03-15');
    expect(window.provisional).toBe(true);
    expect(window.rule.citation).toContain('Provisional');
  });

  it('holds exactly 91 days, both ends included', () => {
    fc.assert(
      fc.property(anyDate, (anniversary) => {
        const window = annualReviewWindow(anniversary);
        expect(daysBetween(window.opens, window.closes) + 1).toBe(91);
        expect(isWithinInclusive(window.opens, window.opens, window.closes)).toBe(true);
        expect(isWithinInclusive(addDays(window.opens, -1), window.opens, window.closes)).toBe(
          false,
        );
        expect(isWithinInclusive(addDays(window.closes, 1), window.opens, window.closes)).toBe(
          false,
        );
      }),
    );
  });

  it('follows a configured length', () => {
    const resolved = resolveMembershipClockSettings({ annualReviewWindowDays: { value: 60 } });
    if (!resolved.ok) throw new Error('settings refused');
    const window = annualReviewWindow(calendarDate('2027-03-15'), resolved.settings);
    expect(daysBetween(window.opens, window.closes) + 1).toBe(61);
    expect(window.provisional).toBe(true);
  });
});

describe(anniversaryOnOrAfter.name, () => {
  it('keeps a 29 February anniversary on 29 February in leap years only', () => {
    const base = calendarDate('2024-02-29');
    expect(anniversaryOnOrAfter(base, calendarDate('2024-03-01'))).toBe('2025-02-28');
    expect(anniversaryOnOrAfter(base, calendarDate('2027-03-01'))).toBe('2028-02-29');
    expect(anniversaryOnOrAfter(base, calendarDate('2028-02-29'))).toBe('2028-02-29');
    expect(anniversaryOnOrAfter(base, calendarDate('2020-01-01'))).toBe('2025-02-28');
  });

  it('is the first anniversary on or after the date, at least one year after the base', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -500, max: 20_000 }), (base, offset) => {
        const onOrAfter = addDays(base, offset);
        const anniversary = anniversaryOnOrAfter(base, onOrAfter);
        expect(compareCalendarDates(anniversary, onOrAfter)).toBeGreaterThanOrEqual(0);
        expect(isAfter(anniversary, base)).toBe(true);
        // It is base + N years, and base + (N - 1) years is either the base or before the date.
        const years = Number(anniversary.slice(0, 4)) - Number(base.slice(0, 4));
        expect(addYears(base, years)).toBe(anniversary);
        if (years > 1) {
          expect(isAfter(onOrAfter, addYears(base, years - 1))).toBe(true);
        }
      }),
    );
  });
});

describe('policy clocks', () => {
  it('are provisional and take their periods from the settings', () => {
    const letter = calendarDate('2026-05-01');
    expect(suspensionResponseDue(letter)).toMatchObject({ due: '2026-07-30', provisional: true });
    const bar = reapplicationBar(calendarDate('2026-05-01'));
    expect(bar).toMatchObject({ due: '2027-05-01', reapplyFrom: '2027-05-02', provisional: true });
    expect(reapplicationBar(calendarDate('2028-02-29')).due).toBe('2029-02-28');

    const resolved = resolveMembershipClockSettings({
      suspensionResponseDays: { value: 30, provisional: false, source: 'CBP letter template 2027' },
    });
    if (!resolved.ok) throw new Error('settings refused');
    const confirmed = suspensionResponseDue(letter, resolved.settings);
    expect(confirmed).toMatchObject({ due: '2026-05-31', provisional: false });
    expect(confirmed.rule.citation).toBe('CBP letter template 2027');
  });

  it('suspension response: exactly the configured days', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 730 }), (letter, days) => {
        const resolved = resolveMembershipClockSettings({
          suspensionResponseDays: { value: days },
        });
        expect(resolved.ok).toBe(true);
        if (resolved.ok) {
          expect(daysBetween(letter, suspensionResponseDue(letter, resolved.settings).due)).toBe(
            days,
          );
        }
      }),
    );
  });
});

describe(resolveMembershipClockSettings.name, () => {
  it('defaults every unverified period, each flagged provisional', () => {
    const resolved = resolveMembershipClockSettings();
    expect(resolved).toEqual({ ok: true, settings: DEFAULT_MEMBERSHIP_CLOCK_SETTINGS });
    for (const setting of Object.values(DEFAULT_MEMBERSHIP_CLOCK_SETTINGS)) {
      expect(setting.provisional).toBe(true);
    }
  });

  it('refuses values that would switch a clock off, naming the field', () => {
    const resolved = resolveMembershipClockSettings({
      suspensionResponseDays: { value: 0 },
      annualReviewWindowDays: { value: 12.5 },
      reapplicationBarYears: { source: ' ' },
    });
    expect(resolved.ok).toBe(false);
    if (!resolved.ok) {
      expect(resolved.issues.map((issue) => issue.path)).toEqual([
        'annualReviewWindowDays.value',
        'suspensionResponseDays.value',
        'reapplicationBarYears.source',
      ]);
    }
  });
});
