import {
  addDays,
  type CalendarDate,
  calendarDateOf,
  calendarDateParts,
  daysInMonth,
  MAX_YEAR,
} from '../time/calendar-date.ts';
import type { ClosedDayCode } from './protest-texts.ts';

/**
 * United States federal holidays and "open days", for the protest clocks that roll a last day
 * falling on a weekend or holiday to the next open day (filing window, Court of International
 * Trade; ../shared/domain/identifiers-and-clocks.md "Protest clocks"; ADR 0024).
 *
 * Source: 5 U.S.C. 6103. Hand-written because it is legal data, not date arithmetic, and no
 * dependency was found that is both maintained and exactly this list (ADR 0024).
 *
 * 6103(a), the legal public holidays, as they stand and since when (history: the Uniform
 * Monday Holiday Act, P.L. 90-363, in force 1971; P.L. 94-97 returning Veterans Day to
 * 11 November from 1978; P.L. 98-144 adding Martin Luther King Jr.'s birthday from 1986;
 * P.L. 117-17 adding Juneteenth, signed 17 June 2021 and first observed 18 June 2021):
 * - New Year's Day, 1 January;
 * - Birthday of Martin Luther King, Jr., the third Monday in January (from 1986);
 * - Washington's Birthday, the third Monday in February;
 * - Memorial Day, the last Monday in May;
 * - Juneteenth National Independence Day, 19 June (from 2021);
 * - Independence Day, 4 July;
 * - Labor Day, the first Monday in September;
 * - Columbus Day, the second Monday in October;
 * - Veterans Day, 11 November (the fourth Monday in October from 1971 to 1977);
 * - Thanksgiving Day, the fourth Thursday in November;
 * - Christmas Day, 25 December.
 *
 * 6103(b) (and Executive Order 11582): a holiday on a Saturday is observed on the Friday
 * before, one on a Sunday on the Monday after. So when 1 January is a Saturday, New Year's Day
 * is observed on Friday 31 December of the year before (2021-12-31 for 2022): the holiday of
 * year Y can close a day of year Y − 1.
 *
 * Not here: Inauguration Day (6103(c)), a holiday only for employees in the Washington, D.C.
 * area; and one-off closures by Executive order (a national day of mourning, Christmas Eve in
 * some years). A deployment lists those as `additionalClosedDays`; every function below takes
 * them.
 *
 * Years before 1971 (before the Monday holidays) are outside this table and throw a
 * RangeError: no protest the product handles has a clock that ends then.
 */

export const FIRST_HOLIDAY_TABLE_YEAR = 1971;

export const FEDERAL_HOLIDAY_NAMES = [
  'new_years_day',
  'martin_luther_king_jr_birthday',
  'washingtons_birthday',
  'memorial_day',
  'juneteenth',
  'independence_day',
  'labor_day',
  'columbus_day',
  'veterans_day',
  'thanksgiving_day',
  'christmas_day',
] as const;
export type FederalHolidayName = (typeof FEDERAL_HOLIDAY_NAMES)[number];

/** The statutory names (5 U.S.C. 6103(a)). */
export const FEDERAL_HOLIDAY_LABELS: Readonly<Record<FederalHolidayName, string>> = {
  new_years_day: "New Year's Day",
  martin_luther_king_jr_birthday: 'Birthday of Martin Luther King, Jr.',
  washingtons_birthday: "Washington's Birthday",
  memorial_day: 'Memorial Day',
  juneteenth: 'Juneteenth National Independence Day',
  independence_day: 'Independence Day',
  labor_day: 'Labor Day',
  columbus_day: 'Columbus Day',
  veterans_day: 'Veterans Day',
  thanksgiving_day: 'Thanksgiving Day',
  christmas_day: 'Christmas Day',
};

export interface FederalHoliday {
  readonly name: FederalHolidayName;
  /** The day 5 U.S.C. 6103(a) names. */
  readonly date: CalendarDate;
  /** The day offices close: `date`, or the Friday before / Monday after (6103(b)). */
  readonly observed: CalendarDate;
}

/** Days that close besides weekends and the 6103 holidays (Executive-order closures). */
export interface ClosedDaysOptions {
  readonly additionalClosedDays?: readonly CalendarDate[];
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: CalendarDate): number {
  const { year, month, day } = calendarDateParts(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function isWeekend(date: CalendarDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday === 0 || weekday === 6;
}

const MONDAY = 1;
const THURSDAY = 4;

/** The `n`th (1-based) `weekday` of `month` in `year`. */
function nthWeekday(year: number, month: number, weekday: number, n: number): CalendarDate {
  const first = calendarDateOf(year, month, 1);
  const offset = (weekday - dayOfWeek(first) + 7) % 7;
  return addDays(first, offset + 7 * (n - 1));
}

function lastWeekday(year: number, month: number, weekday: number): CalendarDate {
  const last = calendarDateOf(year, month, daysInMonth(year, month));
  return addDays(last, -((dayOfWeek(last) - weekday + 7) % 7));
}

/** 6103(b): Saturday → the Friday before, Sunday → the Monday after. */
function observedDay(date: CalendarDate): CalendarDate {
  const weekday = dayOfWeek(date);
  if (weekday === 6) return addDays(date, -1);
  if (weekday === 0) return addDays(date, 1);
  return date;
}

function requireTableYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_HOLIDAY_TABLE_YEAR || year > MAX_YEAR) {
    throw new RangeError(
      `The federal holiday table covers ${FIRST_HOLIDAY_TABLE_YEAR} to ${MAX_YEAR}, not ${year}`,
    );
  }
}

/**
 * The 6103(a) holidays whose statutory date falls in `year`, in calendar order, each with its
 * observed day (which for New Year's Day can be 31 December of `year − 1`).
 */
export function federalHolidays(year: number): readonly FederalHoliday[] {
  requireTableYear(year);
  const dates: Array<readonly [FederalHolidayName, CalendarDate]> = [
    ['new_years_day', calendarDateOf(year, 1, 1)],
  ];
  if (year >= 1986) {
    dates.push(['martin_luther_king_jr_birthday', nthWeekday(year, 1, MONDAY, 3)]);
  }
  dates.push(
    ['washingtons_birthday', nthWeekday(year, 2, MONDAY, 3)],
    ['memorial_day', lastWeekday(year, 5, MONDAY)],
  );
  if (year >= 2021) {
    dates.push(['juneteenth', calendarDateOf(year, 6, 19)]);
  }
  dates.push(
    ['independence_day', calendarDateOf(year, 7, 4)],
    ['labor_day', nthWeekday(year, 9, MONDAY, 1)],
    ['columbus_day', nthWeekday(year, 10, MONDAY, 2)],
  );
  dates.push(
    year <= 1977
      ? ['veterans_day', nthWeekday(year, 10, MONDAY, 4)]
      : ['veterans_day', calendarDateOf(year, 11, 11)],
    ['thanksgiving_day', nthWeekday(year, 11, THURSDAY, 4)],
    ['christmas_day', calendarDateOf(year, 12, 25)],
  );
  return dates.map(([name, date]) => ({ name, date, observed: observedDay(date) }));
}

/**
 * The holiday observed on `date`, or null. Looks at `date`'s year and the next one (New Year's
 * Day observed on 31 December). Throws a RangeError for years before the table.
 */
export function federalHolidayObservedOn(date: CalendarDate): FederalHoliday | null {
  const { year } = calendarDateParts(date);
  const years = year < MAX_YEAR ? [year, year + 1] : [year];
  for (const y of years) {
    const found = federalHolidays(y).find((holiday) => holiday.observed === date);
    if (found !== undefined) {
      return found;
    }
  }
  return null;
}

/** An open day: not a Saturday, a Sunday, an observed 6103 holiday or an additional closure. */
export function isOpenDay(date: CalendarDate, options: ClosedDaysOptions = {}): boolean {
  if (isWeekend(date)) {
    return false;
  }
  if (options.additionalClosedDays?.includes(date)) {
    return false;
  }
  return federalHolidayObservedOn(date) === null;
}

/** `date` itself when it is open, else the first open day after it. */
export function openDayOnOrAfter(
  date: CalendarDate,
  options: ClosedDaysOptions = {},
): CalendarDate {
  let day = date;
  while (!isOpenDay(day, options)) {
    day = addDays(day, 1);
  }
  return day;
}

/** The first open day strictly after `date`. */
export function nextOpenDay(date: CalendarDate, options: ClosedDaysOptions = {}): CalendarDate {
  return openDayOnOrAfter(addDays(date, 1), options);
}

/**
 * Why `date` is closed, in words for a reason text ("a Saturday", "Christmas Day (observed)",
 * "a day closed by order"), or null when it is open.
 */
export function whyClosed(date: CalendarDate, options: ClosedDaysOptions = {}): string | null {
  const weekday = dayOfWeek(date);
  if (weekday === 6) return 'a Saturday';
  if (weekday === 0) return 'a Sunday';
  const holiday = federalHolidayObservedOn(date);
  if (holiday !== null) {
    const label = FEDERAL_HOLIDAY_LABELS[holiday.name];
    return holiday.observed === holiday.date ? label : `${label} (observed)`;
  }
  if (options.additionalClosedDays?.includes(date)) return 'a day closed by order';
  return null;
}

/**
 * Why `date` is closed, as a code the web translates (protest-texts.ts `ClosedDayCode`; the same
 * reading as `whyClosed`), or null when it is open.
 */
export function closedDayCode(
  date: CalendarDate,
  options: ClosedDaysOptions = {},
): ClosedDayCode | null {
  const weekday = dayOfWeek(date);
  if (weekday === 6) return 'saturday';
  if (weekday === 0) return 'sunday';
  const holiday = federalHolidayObservedOn(date);
  if (holiday !== null) {
    return holiday.observed === holiday.date ? holiday.name : `${holiday.name}_observed`;
  }
  if (options.additionalClosedDays?.includes(date)) return 'closed_by_order';
  return null;
}
