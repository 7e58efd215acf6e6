import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  type CalendarDate,
  calendarDate,
  calendarDateFromInstant,
  calendarDateParts,
  daysBetween,
} from '../time/calendar-date.ts';
import {
  dayOfWeek,
  FIRST_HOLIDAY_TABLE_YEAR,
  federalHolidayObservedOn,
  federalHolidays,
  isOpenDay,
  nextOpenDay,
  openDayOnOrAfter,
} from './federal-holidays.ts';

const d = calendarDate;

const anyDate: fc.Arbitrary<CalendarDate> = fc
  .date({
    min: new Date('1971-01-01T00:00:00Z'),
    max: new Date('2300-12-31T23:59:59Z'),
    noInvalidDate: true,
  })
  .map(calendarDateFromInstant);

const observedIn = (year: number) => federalHolidays(year).map((h) => [h.name, h.observed]);

describe(federalHolidays.name, () => {
  it('lists 2024 as OPM published it (5 U.S.C. 6103)', () => {
    expect(observedIn(2024)).toEqual([
      ['new_years_day', '2024-01-01'],
      ['martin_luther_king_jr_birthday', '2024-01-15'],
      ['washingtons_birthday', '2024-02-19'],
      ['memorial_day', '2024-05-27'],
      ['juneteenth', '2024-06-19'],
      ['independence_day', '2024-07-04'],
      ['labor_day', '2024-09-02'],
      ['columbus_day', '2024-10-14'],
      ['veterans_day', '2024-11-11'],
      ['thanksgiving_day', '2024-11-28'],
      ['christmas_day', '2024-12-25'],
    ]);
  });

  it('moves Saturday holidays to the Friday before and Sunday ones to the Monday after', () => {
    const of = (year: number, name: string) => federalHolidays(year).find((h) => h.name === name);
    expect(of(2021, 'juneteenth')).toEqual({
      name: 'juneteenth',
      date: '2021-06-19',
      observed: '2021-06-18',
    });
    expect(of(2022, 'christmas_day')?.observed).toBe('2022-12-26');
    expect(of(2020, 'independence_day')?.observed).toBe('2020-07-03');
    expect(of(2021, 'independence_day')?.observed).toBe('2021-07-05');
    expect(of(2023, 'veterans_day')?.observed).toBe('2023-11-10');
    // New Year's Day 2022 was a Saturday: observed on Friday 31 December 2021.
    expect(of(2022, 'new_years_day')).toEqual({
      name: 'new_years_day',
      date: '2022-01-01',
      observed: '2021-12-31',
    });
  });

  it('follows the history of the list', () => {
    const names = (year: number) => federalHolidays(year).map((h) => h.name);
    expect(names(2020)).not.toContain('juneteenth');
    expect(names(2021)).toContain('juneteenth');
    expect(names(1985)).not.toContain('martin_luther_king_jr_birthday');
    expect(
      federalHolidays(1986).find((h) => h.name === 'martin_luther_king_jr_birthday')?.date,
    ).toBe('1986-01-20');
    // Veterans Day was the fourth Monday in October from 1971 to 1977.
    expect(federalHolidays(1975).find((h) => h.name === 'veterans_day')?.date).toBe('1975-10-27');
    expect(federalHolidays(1978).find((h) => h.name === 'veterans_day')?.date).toBe('1978-11-11');
  });

  it('puts Thanksgiving on the fourth Thursday of November', () => {
    expect(federalHolidays(2026).find((h) => h.name === 'thanksgiving_day')?.date).toBe(
      '2026-11-26',
    );
  });

  it('refuses years before the table', () => {
    expect(() => federalHolidays(FIRST_HOLIDAY_TABLE_YEAR - 1)).toThrow(RangeError);
    expect(() => isOpenDay(d('1970-07-06'))).toThrow(RangeError);
  });

  it('gives every holiday an observed weekday at most a day from its date', () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST_HOLIDAY_TABLE_YEAR, max: 2400 }), (year) => {
        const holidays = federalHolidays(year);
        expect(holidays.length).toBe(year >= 2021 ? 11 : year >= 1986 ? 10 : 9);
        for (const holiday of holidays) {
          expect(calendarDateParts(holiday.date).year).toBe(year);
          expect([1, 2, 3, 4, 5]).toContain(dayOfWeek(holiday.observed));
          expect(Math.abs(daysBetween(holiday.date, holiday.observed))).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

describe(isOpenDay.name, () => {
  it.each([
    ['2021-06-18', false, 'Juneteenth 2021 observed'],
    ['2020-06-19', true, 'before Juneteenth was a holiday'],
    ['2022-12-26', false, 'Christmas 2022 observed'],
    ['2021-12-31', false, "New Year's Day 2022 observed"],
    ['2027-12-31', false, "New Year's Day 2028 observed"],
    ['2026-11-26', false, 'Thanksgiving 2026'],
    ['2026-11-27', true, 'the Friday after Thanksgiving'],
    ['2026-11-28', false, 'a Saturday'],
    ['2026-11-29', false, 'a Sunday'],
    ['2026-11-30', true, 'a Monday'],
  ])('%s is open: %s (%s)', (date, open) => {
    expect(isOpenDay(d(date))).toBe(open);
  });

  it('closes the additional days a deployment lists', () => {
    expect(isOpenDay(d('2024-12-24'))).toBe(true);
    expect(isOpenDay(d('2024-12-24'), { additionalClosedDays: [d('2024-12-24')] })).toBe(false);
  });

  it('names the holiday observed on a day, across the year end', () => {
    expect(federalHolidayObservedOn(d('2021-12-31'))?.name).toBe('new_years_day');
    expect(federalHolidayObservedOn(d('2021-12-30'))).toBeNull();
  });
});

describe('next open day', () => {
  it('skips holidays and weekends together', () => {
    expect(nextOpenDay(d('2021-12-30'))).toBe('2022-01-03');
    expect(openDayOnOrAfter(d('2022-12-24'))).toBe('2022-12-27');
    expect(openDayOnOrAfter(d('2026-11-25'))).toBe('2026-11-25');
    expect(nextOpenDay(d('2026-11-25'))).toBe('2026-11-27');
  });

  it('is the first open day after the date, never more than 4 days on', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const next = nextOpenDay(date);
        const gap = daysBetween(date, next);
        expect(gap).toBeGreaterThanOrEqual(1);
        expect(gap).toBeLessThanOrEqual(4);
        expect(isOpenDay(next)).toBe(true);
        for (let between = 1; between < gap; between += 1) {
          expect(isOpenDay(addDays(date, between))).toBe(false);
        }
      }),
    );
  });

  it('leaves an open day where it is and moves a closed one at most 3 days', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const rolled = openDayOnOrAfter(date);
        expect(isOpenDay(rolled)).toBe(true);
        expect(rolled === date).toBe(isOpenDay(date));
        expect(daysBetween(date, rolled)).toBeLessThanOrEqual(3);
      }),
    );
  });
});
