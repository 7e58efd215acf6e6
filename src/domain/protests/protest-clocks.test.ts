import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addYears,
  type CalendarDate,
  calendarDate,
  calendarDateFromInstant,
  daysBetween,
} from '../time/calendar-date.ts';
import { isOpenDay } from './federal-holidays.ts';
import { DEFAULT_PROTEST_CLOCK_SETTINGS, type ProtestClock } from './protest-clock.ts';
import {
  acceleratedDispositionDeemedDenial,
  courtOfInternationalTradeDeadline,
  exclusionProtestDeemedDenial,
  furtherReviewDecisionTarget,
  reviewTarget,
  setAsideRequestDeadline,
  setAsideRequestDeemedDenial,
  voidDenialRequestDeadline,
} from './protest-clocks.ts';

const d = calendarDate;

const anyDate: fc.Arbitrary<CalendarDate> = fc
  .date({
    min: new Date('1990-01-01T00:00:00Z'),
    max: new Date('2150-12-31T23:59:59Z'),
    noInvalidDate: true,
  })
  .map(calendarDateFromInstant);

/** Clocks that never roll, with their period in days (null: 2 years). */
const fixedClocks: ReadonlyArray<
  readonly [string, (date: CalendarDate) => ProtestClock, number | null, ProtestClock['kind']]
> = [
  ['accelerated disposition', acceleratedDispositionDeemedDenial, 30, 'deemed_denial'],
  ['exclusion protest', exclusionProtestDeemedDenial, 30, 'deemed_denial'],
  ['set-aside request, deemed denial', setAsideRequestDeemedDenial, 60, 'deemed_denial'],
  ['further review decision', furtherReviewDecisionTarget, 30, 'target'],
  ['two-year review', reviewTarget, null, 'target'],
  ['set-aside request', setAsideRequestDeadline, 60, 'deadline'],
  ['void denial request', voidDenialRequestDeadline, 90, 'deadline'],
];

describe('clocks that never roll', () => {
  it.each(fixedClocks)(
    '%s: computed as is, even on a weekend or holiday',
    (_name, clock, days, kind) => {
      fc.assert(
        fc.property(anyDate, (date) => {
          const result = clock(date);
          const nominal = days === null ? addYears(date, 2) : addDays(date, days);
          expect(result.nominal).toBe(nominal);
          expect(result.effective).toBe(nominal);
          expect(result.due).toBe(nominal);
          expect(result.roll).toBe('none');
          expect(result.rolled).toBe(false);
          expect(result.kind).toBe(kind);
          expect(result.rule.citation).not.toBe('');
        }),
      );
    },
  );

  it('deems accelerated disposition denied on the 30th day after mailing, a Sunday included', () => {
    // Mailed Friday 2024-06-07: day 30 is Sunday 2024-07-07.
    expect(acceleratedDispositionDeemedDenial(d('2024-06-07'))).toMatchObject({
      nominal: '2024-07-07',
      effective: '2024-07-07',
      kind: 'deemed_denial',
      party: 'cbp',
    });
    expect(acceleratedDispositionDeemedDenial(d('2024-06-07')).rule.citation).toContain('1515(b)');
  });

  it('deems an exclusion protest denied 30 days after filing, on a holiday too', () => {
    // Filed 2025-06-04: day 30 is Friday 4 July 2025.
    expect(exclusionProtestDeemedDenial(d('2025-06-04')).due).toBe('2025-07-04');
  });

  it("shows CBP's own clocks as targets, with no deemed outcome", () => {
    const review = reviewTarget(d('2024-02-29'));
    expect(review).toMatchObject({ nominal: '2026-02-28', kind: 'target', party: 'cbp' });
    expect(review.rule.text).toContain('not allowed or denied when the date passes');
    const afr = furtherReviewDecisionTarget(d('2024-06-07'));
    expect(afr).toMatchObject({ nominal: '2024-07-07', effective: '2024-07-07', kind: 'target' });
    expect(afr.rule.text).toContain('Nothing happens');
  });

  it('cites 1515(c) for the set-aside request and marks the 1515(d) period provisional', () => {
    expect(setAsideRequestDeadline(d('2024-01-10'))).toMatchObject({
      nominal: '2024-03-10',
      provisional: false,
      rule: { citation: '19 U.S.C. 1515(c)' },
    });
    expect(voidDenialRequestDeadline(d('2024-01-10'))).toMatchObject({
      nominal: '2024-04-09',
      provisional: true,
    });
  });
});

describe(courtOfInternationalTradeDeadline.name, () => {
  it('runs 180 days from the mailing of the denial and rolls to the next open day', () => {
    // Denial mailed 2024-01-08: day 180 is Saturday 2024-07-06 → Monday 2024-07-08.
    expect(
      courtOfInternationalTradeDeadline('denial_notice_mailed', d('2024-01-08')),
    ).toMatchObject({
      nominal: '2024-07-06',
      effective: '2024-07-08',
      rolled: true,
      kind: 'deadline',
      party: 'protestant',
      rule: { citation: '28 U.S.C. 2636(a)(1); 19 CFR 174.31; USCIT Rule 6(a)' },
    });
  });

  it('runs from a deemed denial, and rolls even when the filing-window roll is off', () => {
    const deemed = acceleratedDispositionDeemedDenial(d('2024-06-07')).due;
    const clock = courtOfInternationalTradeDeadline('deemed_denial', deemed, {
      ...DEFAULT_PROTEST_CLOCK_SETTINGS,
      rollWeekendsAndHolidays: false,
    });
    // 2024-07-07 + 180 = Friday 2025-01-03.
    expect(clock).toMatchObject({ nominal: '2025-01-03', effective: '2025-01-03' });
    expect(clock.rule.citation).toContain('2636(a)(2)');
    expect(
      courtOfInternationalTradeDeadline('deemed_denial', d('2021-07-04'), {
        ...DEFAULT_PROTEST_CLOCK_SETTINGS,
        rollWeekendsAndHolidays: false,
      }).effective,
    ).toBe('2022-01-03');
  });

  it('is an open day no more than 3 days after the nominal day', () => {
    fc.assert(
      fc.property(
        anyDate,
        fc.constantFrom('denial_notice_mailed', 'deemed_denial' as const),
        (date, from) => {
          const clock = courtOfInternationalTradeDeadline(from, date);
          expect(daysBetween(date, clock.nominal)).toBe(180);
          const moved = daysBetween(clock.nominal, clock.effective);
          expect(moved).toBeGreaterThanOrEqual(0);
          expect(moved).toBeLessThanOrEqual(3);
          expect(isOpenDay(clock.effective)).toBe(true);
        },
      ),
    );
  });
});
