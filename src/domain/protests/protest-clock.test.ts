import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CalendarDate,
  calendarDate,
  calendarDateFromInstant,
  daysBetween,
} from '../time/calendar-date.ts';
import { isOpenDay } from './federal-holidays.ts';
import { DEFAULT_PROTEST_CLOCK_SETTINGS, protestClock } from './protest-clock.ts';

const rule = { citation: 'test', text: 'test', code: 'review_target', params: {} } as const;
const anyDate: fc.Arbitrary<CalendarDate> = fc
  .date({
    min: new Date('1971-01-01T00:00:00Z'),
    max: new Date('2200-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map(calendarDateFromInstant);

describe(protestClock.name, () => {
  it('rolls a closed day to the next open one and says so', () => {
    expect(
      protestClock({
        nominal: calendarDate('2022-12-25'),
        roll: 'next_open_day',
        kind: 'deadline',
        party: 'protestant',
        rule,
      }),
    ).toEqual({
      nominal: '2022-12-25',
      effective: '2022-12-27',
      due: '2022-12-27',
      roll: 'next_open_day',
      rolled: true,
      kind: 'deadline',
      party: 'protestant',
      rule,
      provisional: false,
    });
  });

  it('defaults to rolling the filing window', () => {
    expect(DEFAULT_PROTEST_CLOCK_SETTINGS.rollWeekendsAndHolidays).toBe(true);
    expect(DEFAULT_PROTEST_CLOCK_SETTINGS.additionalClosedDays).toEqual([]);
  });

  it('never moves a clock that does not roll; moves a rolling one to an open day', () => {
    fc.assert(
      fc.property(anyDate, fc.array(anyDate, { maxLength: 3 }), (nominal, closed) => {
        const settings = { rollWeekendsAndHolidays: true, additionalClosedDays: closed };
        const fixed = protestClock({
          nominal,
          roll: 'none',
          kind: 'deemed_denial',
          party: 'cbp',
          rule,
          settings,
        });
        expect(fixed.effective).toBe(nominal);
        expect(fixed.rolled).toBe(false);
        const rolling = protestClock({
          nominal,
          roll: 'next_open_day',
          kind: 'deadline',
          party: 'protestant',
          rule,
          settings,
        });
        expect(daysBetween(nominal, rolling.effective)).toBeGreaterThanOrEqual(0);
        expect(isOpenDay(rolling.effective, settings)).toBe(true);
        expect(rolling.due).toBe(rolling.effective);
        expect(rolling.rolled).toBe(rolling.effective !== nominal);
      }),
    );
  });
});
