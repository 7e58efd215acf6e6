import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  type CalendarDate,
  calendarDate,
  calendarDateFromInstant,
  daysBetween,
  isAfter,
} from '../time/calendar-date.ts';
import {
  DEFAULT_VALIDATION_RESPONSE_DAYS,
  dueResponseReminder,
  isPastResponseDeadline,
  RESPONSE_REMINDERS,
  resolveValidationResponseDays,
  responseReminderDay,
  responsesDue,
} from './response-deadline.ts';

const anyDate: fc.Arbitrary<CalendarDate> = fc
  .date({
    min: new Date('2001-01-01T00:00:00Z'),
    max: new Date('2120-12-31T23:59:59Z'),
    noInvalidDate: true,
  })
  .map(calendarDateFromInstant);
const anyDays = fc.integer({ min: 1, max: 365 });
const d = calendarDate;

function days(value: number, provisional = true) {
  return { ...DEFAULT_VALIDATION_RESPONSE_DAYS, value, provisional };
}

describe('the response deadline', () => {
  it('is 90 days after the report is issued by default, provisional, with its source', () => {
    const clock = responsesDue(d('2026-01-10'));
    expect(clock.due).toBe('2026-04-10');
    expect(clock.provisional).toBe(true);
    expect(clock.kind).toBe('deadline');
    expect(clock.rule.citation).toContain('UNVERIFIED');
    expect(clock.rule.citation).toContain('Provisional');
    expect(clock.rule.text).toContain('90 days');
  });

  it('is N days after the issue day for any period and day, and the due day is still on time', () => {
    fc.assert(
      fc.property(anyDate, anyDays, (issued, n) => {
        const { due } = responsesDue(issued, days(n));
        expect(daysBetween(issued, due)).toBe(n);
        expect(isPastResponseDeadline(due, due)).toBe(false);
        expect(isPastResponseDeadline(due, addDays(due, 1))).toBe(true);
        expect(isPastResponseDeadline(due, issued)).toBe(false);
      }),
    );
  });

  it('drops the provisional mark only for a period a deployment verified', () => {
    const verified = responsesDue(d('2026-01-10'), {
      value: 60,
      provisional: false,
      source: 'CBP CTPAT Validation Procedures (2027)',
    });
    expect(verified).toMatchObject({ due: '2026-03-11', provisional: false });
    expect(verified.rule.citation).toBe('CBP CTPAT Validation Procedures (2027)');
  });
});

describe('resolving the deployment’s period', () => {
  it('keeps a changed value provisional unless told otherwise', () => {
    const resolved = resolveValidationResponseDays({ value: 60 });
    expect(resolved).toEqual({
      ok: true,
      setting: { ...DEFAULT_VALIDATION_RESPONSE_DAYS, value: 60 },
    });
  });

  it('refuses a value outside 1–365 or not whole, and an empty source, naming each', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 366 }), fc.double({ noInteger: true })),
        (value) => {
          const resolved = resolveValidationResponseDays({ value });
          expect(resolved.ok).toBe(false);
          if (!resolved.ok) expect(resolved.issues.map((issue) => issue.path)).toEqual(['value']);
        },
      ),
    );
    const noSource = resolveValidationResponseDays({ source: '  ' });
    expect(noSource.ok || noSource.issues.map((issue) => issue.path)).toEqual(['source']);
  });
});

describe('reminders', () => {
  const window = { issuedOn: d('2026-01-10'), due: d('2026-04-10') };

  it('fall 30 and 7 days before the deadline and on the first day overdue', () => {
    expect(RESPONSE_REMINDERS.map((reminder) => responseReminderDay(reminder, window))).toEqual([
      '2026-03-11',
      '2026-04-03',
      '2026-04-11',
    ]);
    expect(dueResponseReminder(window, d('2026-03-10'))).toBeNull();
    expect(dueResponseReminder(window, d('2026-03-11'))).toBe('due_in_30');
    expect(dueResponseReminder(window, d('2026-04-10'))).toBe('due_in_7');
    expect(dueResponseReminder(window, d('2026-04-11'))).toBe('overdue');
    expect(dueResponseReminder(window, d('2027-01-01'))).toBe('overdue');
  });

  it('skip a reminder that would fall on or before the issue day (short periods)', () => {
    const short = { issuedOn: d('2026-01-10'), due: d('2026-01-30') };
    expect(responseReminderDay('due_in_30', short)).toBeNull();
    expect(responseReminderDay('due_in_7', short)).toBe('2026-01-23');
    expect(dueResponseReminder(short, d('2026-01-11'))).toBeNull();
  });

  it('are never due before their day, and the one due is the latest reached, for any period', () => {
    fc.assert(
      fc.property(anyDate, anyDays, fc.integer({ min: 0, max: 500 }), (issuedOn, n, offset) => {
        const due = responsesDue(issuedOn, days(n)).due;
        const today = addDays(issuedOn, offset);
        const reminder = dueResponseReminder({ issuedOn, due }, today);
        const reached = RESPONSE_REMINDERS.filter((one) => {
          const day = responseReminderDay(one, { issuedOn, due });
          return day !== null && !isAfter(day, today);
        });
        expect(reminder).toBe(reached.at(-1) ?? null);
        for (const one of RESPONSE_REMINDERS) {
          const day = responseReminderDay(one, { issuedOn, due });
          if (day !== null) expect(isAfter(day, issuedOn)).toBe(true);
        }
        // Overdue exactly when the deadline has passed.
        expect(reminder === 'overdue').toBe(isPastResponseDeadline(due, today));
      }),
    );
  });
});
