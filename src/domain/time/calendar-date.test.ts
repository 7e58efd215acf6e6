import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  type CalendarDate,
  calendarDate,
  calendarDateFromInstant,
  calendarDateOf,
  compareCalendarDates,
  daysBetween,
  isCalendarDate,
  isWithinInclusive,
  latestCalendarDate,
  parseCalendarDate,
  todayFromClock,
} from './calendar-date.ts';
import { fixedClock } from './clock.ts';

/** Any date from 1900 to 2200: far wider than any CTPAT clock needs. */
const anyCalendarDate: fc.Arbitrary<CalendarDate> = fc
  .date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2200-12-31T23:59:59Z'),
    noInvalidDate: true,
  })
  .map(calendarDateFromInstant);

const leapDays = fc
  .integer({ min: 475, max: 550 })
  .map((n) => n * 4)
  .filter((year) => year % 100 !== 0 || year % 400 === 0)
  .map((year) => calendarDateOf(year, 2, 29));

describe(parseCalendarDate.name, () => {
  it('accepts real dates and refuses impossible or malformed ones', () => {
    expect(parseCalendarDate('2024-02-29')).toBe('2024-02-29');
    expect(parseCalendarDate('2025-02-29')).toBeNull();
    expect(parseCalendarDate('2100-02-29')).toBeNull();
    expect(parseCalendarDate('2000-02-29')).toBe('2000-02-29');
    expect(parseCalendarDate('2025-04-31')).toBeNull();
    expect(parseCalendarDate('2025-13-01')).toBeNull();
    expect(parseCalendarDate('2025-1-01')).toBeNull();
    expect(parseCalendarDate('2025-01-01T00:00:00Z')).toBeNull();
    expect(parseCalendarDate('0999-12-31')).toBeNull();
    expect(isCalendarDate('2025-12-01')).toBe(true);
    expect(isCalendarDate(20251201)).toBe(false);
    expect(() => calendarDate('2025-02-30')).toThrow(RangeError);
  });
});

describe(addDays.name, () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays(calendarDate('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addDays(calendarDate('2025-02-28'), 1)).toBe('2025-03-01');
    expect(addDays(calendarDate('2025-12-31'), 1)).toBe('2026-01-01');
    expect(addDays(calendarDate('2025-01-01'), 90)).toBe('2025-04-01');
    expect(() => addDays(calendarDate('2025-01-01'), 1.5)).toThrow(RangeError);
  });

  it('round-trips: adding then subtracting the same days gives the date back', () => {
    fc.assert(
      fc.property(anyCalendarDate, fc.integer({ min: -20_000, max: 20_000 }), (date, days) => {
        const moved = addDays(date, days);
        expect(isCalendarDate(moved)).toBe(true);
        expect(addDays(moved, -days)).toBe(date);
        expect(daysBetween(date, moved)).toBe(days);
      }),
    );
  });
});

describe(addYears.name, () => {
  it('clamps 29 February to 28 February in a common year, and keeps it in a leap year', () => {
    expect(addYears(calendarDate('2024-02-29'), 1)).toBe('2025-02-28');
    expect(addYears(calendarDate('2024-02-29'), 4)).toBe('2028-02-29');
    expect(addYears(calendarDate('2096-02-29'), 4)).toBe('2100-02-28');
    expect(addYears(calendarDate('2024-02-29'), -1)).toBe('2023-02-28');
  });

  it('never produces an invalid date, and moves only 29 February', () => {
    fc.assert(
      fc.property(anyCalendarDate, fc.integer({ min: -100, max: 100 }), (date, years) => {
        const moved = addYears(date, years);
        expect(isCalendarDate(moved)).toBe(true);
        if (!date.endsWith('-02-29')) {
          expect(moved.slice(4)).toBe(date.slice(4));
        }
      }),
    );
  });

  it('sends 29 February to 28 February exactly when the target year is a common year', () => {
    fc.assert(
      fc.property(leapDays, fc.integer({ min: 1, max: 50 }), (date, years) => {
        const moved = addYears(date, years);
        const targetYear = Number(date.slice(0, 4)) + years;
        const leap = (targetYear % 4 === 0 && targetYear % 100 !== 0) || targetYear % 400 === 0;
        expect(moved).toBe(`${targetYear}-02-${leap ? '29' : '28'}`);
      }),
    );
  });

  it('is monotone: a later date plus N years is never earlier', () => {
    fc.assert(
      fc.property(anyCalendarDate, anyCalendarDate, fc.integer({ min: 0, max: 50 }), (a, b, n) => {
        const [early, late] = compareCalendarDates(a, b) <= 0 ? [a, b] : [b, a];
        expect(compareCalendarDates(addYears(early, n), addYears(late, n))).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('is never earlier for more years', () => {
    fc.assert(
      fc.property(anyCalendarDate, fc.integer({ min: 0, max: 50 }), (date, n) => {
        expect(compareCalendarDates(addYears(date, n), addYears(date, n + 1))).toBe(-1);
      }),
    );
  });
});

describe(addMonths.name, () => {
  it('clamps to the end of a shorter month', () => {
    expect(addMonths(calendarDate('2025-01-31'), 1)).toBe('2025-02-28');
    expect(addMonths(calendarDate('2024-01-31'), 1)).toBe('2024-02-29');
    expect(addMonths(calendarDate('2025-03-31'), -1)).toBe('2025-02-28');
    expect(addMonths(calendarDate('2025-11-15'), 3)).toBe('2026-02-15');
  });

  it('never produces an invalid date', () => {
    fc.assert(
      fc.property(anyCalendarDate, fc.integer({ min: -1200, max: 1200 }), (date, months) => {
        expect(isCalendarDate(addMonths(date, months))).toBe(true);
      }),
    );
  });
});

describe(compareCalendarDates.name, () => {
  it('orders like daysBetween', () => {
    fc.assert(
      fc.property(anyCalendarDate, anyCalendarDate, (a, b) => {
        expect(compareCalendarDates(a, b)).toBe(Math.sign(daysBetween(b, a)));
      }),
    );
  });

  it('includes both ends of a window', () => {
    const first = calendarDate('2026-01-01');
    const last = calendarDate('2026-01-31');
    expect(isWithinInclusive(first, first, last)).toBe(true);
    expect(isWithinInclusive(last, first, last)).toBe(true);
    expect(isWithinInclusive(calendarDate('2026-02-01'), first, last)).toBe(false);
    expect(latestCalendarDate(first, last, calendarDate('2025-06-01'))).toBe(last);
  });
});

describe(calendarDateFromInstant.name, () => {
  it('takes the UTC date, whatever the hour', () => {
    expect(calendarDateFromInstant(new Date('2026-03-01T00:00:00Z'))).toBe('2026-03-01');
    expect(calendarDateFromInstant(new Date('2026-02-28T23:59:59.999Z'))).toBe('2026-02-28');
    expect(calendarDateFromInstant(new Date('2026-03-01T01:00:00+05:00'))).toBe('2026-02-28');
    expect(todayFromClock(fixedClock(new Date('2026-11-29T12:00:00Z')))).toBe('2026-11-29');
    expect(() => calendarDateFromInstant(new Date(Number.NaN))).toThrow(RangeError);
  });
});
