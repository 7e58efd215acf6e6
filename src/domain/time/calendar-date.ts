import type { Clock } from './clock.ts';

/**
 * Calendar dates for deadlines (architecture.md, "Data": "calendar deadlines are dates computed
 * by pure functions in src/domain with the rule cited").
 *
 * A `CalendarDate` is an ISO 8601 `YYYY-MM-DD` string, branded so that an unchecked string cannot
 * pass for one. It has no time and no time zone: **deadline dates are UTC calendar dates unless
 * the rule that computes them says otherwise** (`calendarDateFromInstant` reads the UTC date of an
 * instant). ISO strings of the same length sort like the dates they name, so they can be compared
 * and stored (`date` column) as they are.
 *
 * Conventions, decided once for every clock (../shared/domain/identifiers-and-clocks.md,
 * "Membership clocks"; ADR to follow):
 * - adding whole months or years clamps to the end of a shorter month, so 29 February plus one
 *   year is 28 February, and 31 January plus one month is 28 or 29 February;
 * - a window given by a first and a last date includes both (`isWithinInclusive`);
 * - "N days after D" is `addDays(D, N)`: day 1 is the day after D.
 *
 * Arithmetic runs on UTC through `Date.UTC`, never on local time. Supported years are 1000 to
 * 9999 (four digits, so the string order is the date order); anything outside is a RangeError.
 */
declare const calendarDateBrand: unique symbol;
export type CalendarDate = string & { readonly [calendarDateBrand]: true };

export const MIN_YEAR = 1000;
export const MAX_YEAR = 9999;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CalendarDateParts {
  readonly year: number;
  /** 1 = January. */
  readonly month: number;
  readonly day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return isLeapYear(year) ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function validParts(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

function format(year: number, month: number, day: number): CalendarDate {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return text as CalendarDate;
}

/** The date for `text` if it is a real `YYYY-MM-DD` date in the supported range, else null. */
export function parseCalendarDate(text: string): CalendarDate | null {
  const match = ISO_DATE.exec(text);
  if (match === null) {
    return null;
  }
  const [, y, m, d] = match;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  return validParts(year, month, day) ? format(year, month, day) : null;
}

export function isCalendarDate(value: unknown): value is CalendarDate {
  return typeof value === 'string' && parseCalendarDate(value) !== null;
}

/** The date for `text`; throws a RangeError naming the text if it is not a valid date. */
export function calendarDate(text: string): CalendarDate {
  const parsed = parseCalendarDate(text);
  if (parsed === null) {
    throw new RangeError(
      `"${text}" is not a calendar date (YYYY-MM-DD, years ${MIN_YEAR}–${MAX_YEAR})`,
    );
  }
  return parsed;
}

/** The date for year, month (1–12) and day; throws a RangeError if there is no such date. */
export function calendarDateOf(year: number, month: number, day: number): CalendarDate {
  if (!validParts(year, month, day)) {
    throw new RangeError(`${year}-${month}-${day} is not a calendar date`);
  }
  return format(year, month, day);
}

export function calendarDateParts(date: CalendarDate): CalendarDateParts {
  return {
    year: Number(date.slice(0, 4)),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
  };
}

function toEpochDay(date: CalendarDate): number {
  const { year, month, day } = calendarDateParts(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function fromEpochDay(epochDay: number): CalendarDate {
  const instant = new Date(epochDay * MS_PER_DAY);
  const year = instant.getUTCFullYear();
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Date arithmetic left the supported years ${MIN_YEAR}–${MAX_YEAR}`);
  }
  return format(year, instant.getUTCMonth() + 1, instant.getUTCDate());
}

function requireInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be a whole number, got ${value}`);
  }
}

/** `date` plus `days` calendar days (negative goes back). Day 1 is the day after `date`. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  requireInteger(days, 'days');
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * `date` plus `months` calendar months; a day that does not exist in the target month clamps to
 * its last day (31 January + 1 month = 28 or 29 February).
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  requireInteger(months, 'months');
  const { year, month, day } = calendarDateParts(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  if (targetYear < MIN_YEAR || targetYear > MAX_YEAR) {
    throw new RangeError(`Date arithmetic left the supported years ${MIN_YEAR}–${MAX_YEAR}`);
  }
  return format(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/**
 * `date` plus `years` whole years. Convention: 29 February plus years that land in a common
 * year gives 28 February (never 1 March); every other date keeps its month and day.
 */
export function addYears(date: CalendarDate, years: number): CalendarDate {
  requireInteger(years, 'years');
  return addMonths(date, years * 12);
}

/** Days from `from` to `to`: positive when `to` is later, so `addDays(from, result) === to`. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** -1, 0 or 1 as `a` is before, equal to or after `b` (usable with `Array.prototype.sort`). */
export function compareCalendarDates(a: CalendarDate, b: CalendarDate): -1 | 0 | 1 {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

export function isBefore(a: CalendarDate, b: CalendarDate): boolean {
  return compareCalendarDates(a, b) < 0;
}

export function isAfter(a: CalendarDate, b: CalendarDate): boolean {
  return compareCalendarDates(a, b) > 0;
}

/** Whether `date` lies in the window from `first` to `last`, both days included. */
export function isWithinInclusive(
  date: CalendarDate,
  first: CalendarDate,
  last: CalendarDate,
): boolean {
  return compareCalendarDates(first, date) <= 0 && compareCalendarDates(date, last) <= 0;
}

export function earliestCalendarDate(first: CalendarDate, ...rest: CalendarDate[]): CalendarDate {
  return rest.reduce((min, date) => (isBefore(date, min) ? date : min), first);
}

export function latestCalendarDate(first: CalendarDate, ...rest: CalendarDate[]): CalendarDate {
  return rest.reduce((max, date) => (isAfter(date, max) ? date : max), first);
}

/** The UTC calendar date of an instant (deadlines are UTC dates unless a rule says otherwise). */
export function calendarDateFromInstant(instant: Date): CalendarDate {
  const time = instant.getTime();
  if (Number.isNaN(time)) {
    throw new RangeError('Invalid instant');
  }
  return fromEpochDay(Math.floor(time / MS_PER_DAY));
}

/** Today's UTC date by the service clock (never `new Date()`: architecture.md, "Time"). */
export function todayFromClock(clock: Clock): CalendarDate {
  return calendarDateFromInstant(clock.now());
}
