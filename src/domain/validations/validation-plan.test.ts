import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstValidationTarget, revalidationDue } from '../registry/lifecycle/membership-clocks.ts';
import { MEMBERSHIP_STATUSES } from '../registry/lifecycle/membership-states.ts';
import {
  addDays,
  addYears,
  type CalendarDate,
  calendarDate,
  calendarDateFromInstant,
  calendarDateParts,
  compareCalendarDates,
} from '../time/calendar-date.ts';
import {
  dueRangeOfPlanYear,
  type MembershipForPlan,
  planYearOf,
  validationDue,
} from './validation-plan.ts';

const anyDate: fc.Arbitrary<CalendarDate> = fc
  .date({
    min: new Date('2001-01-01T00:00:00Z'),
    max: new Date('2120-12-31T23:59:59Z'),
    noInvalidDate: true,
  })
  .map(calendarDateFromInstant);

const certified = fc
  .tuple(anyDate, anyDate)
  .map(([certifiedOn, today]): [MembershipForPlan, CalendarDate] => [
    { status: 'certified', certifiedOn, validatedOn: null, lastValidatedOn: null },
    today,
  ]);

const validated = fc
  .record({
    certifiedOn: anyDate,
    afterCertification: fc.integer({ min: 30, max: 400 }),
    revalidatedAfter: fc.option(fc.integer({ min: 1, max: 3000 }), { nil: null }),
    exceeds: fc.boolean(),
    today: anyDate,
  })
  .map(
    ({
      certifiedOn,
      afterCertification,
      revalidatedAfter,
      exceeds,
      today,
    }): [MembershipForPlan, CalendarDate] => {
      const validatedOn = addDays(certifiedOn, afterCertification);
      return [
        {
          status: exceeds ? 'validated_exceeds' : 'validated',
          certifiedOn,
          validatedOn,
          lastValidatedOn:
            revalidatedAfter === null ? validatedOn : addDays(validatedOn, revalidatedAfter),
        },
        today,
      ];
    },
  );

describe('what validation a member is due for (6 U.S.C. 965(a), 969(2))', () => {
  it('a certified member never validated: the initial validation, 1 year after certification', () => {
    fc.assert(
      fc.property(certified, ([membership, today]) => {
        const due = validationDue(membership, today);
        if (!due.due || membership.certifiedOn === null) throw new Error('expected due');
        expect(due.kind).toBe('initial');
        expect(due.dueOn).toBe(firstValidationTarget(membership.certifiedOn).due);
        expect(due.dueOn).toBe(addYears(membership.certifiedOn, 1));
        expect(due.rule.citation).toBe('6 U.S.C. 965(a)');
      }),
    );
  });

  it('a validated member: a revalidation 4 years after the latest validation, never after the statutory day', () => {
    fc.assert(
      fc.property(validated, ([membership, today]) => {
        const due = validationDue(membership, today);
        if (!due.due || membership.validatedOn === null || membership.lastValidatedOn === null) {
          throw new Error('expected due');
        }
        expect(due.kind).toBe('revalidation');
        expect(due.dueOn).toBe(addYears(membership.lastValidatedOn, 4));
        const clocks = revalidationDue({
          initialValidatedOn: membership.validatedOn,
          revalidatedOn: [membership.lastValidatedOn],
        });
        expect(due.statutoryDueOn).toBe(clocks.statutory.due);
        expect(compareCalendarDates(due.dueOn, due.statutoryDueOn)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('is overdue exactly when the due day is before today, and planned in this year then', () => {
    fc.assert(
      fc.property(fc.oneof(certified, validated), ([membership, today]) => {
        const due = validationDue(membership, today);
        if (!due.due) throw new Error('expected due');
        expect(due.overdue).toBe(compareCalendarDates(due.dueOn, today) < 0);
        const thisYear = calendarDateParts(today).year;
        const dueYear = calendarDateParts(due.dueOn).year;
        expect(due.planYear).toBe(Math.max(thisYear, dueYear));
        if (due.overdue) {
          expect(due.planYear).toBe(thisYear);
        }
      }),
    );
  });

  it('members in any other state are not due', () => {
    const others = MEMBERSHIP_STATUSES.filter(
      (status) => !['certified', 'validated', 'validated_exceeds'].includes(status),
    );
    fc.assert(
      fc.property(fc.constantFrom(...others), anyDate, (status, today) => {
        const due = validationDue(
          { status, certifiedOn: today, validatedOn: today, lastValidatedOn: today },
          today,
        );
        expect(due).toMatchObject({ due: false, reason: 'not_in_tier' });
      }),
    );
    expect(
      validationDue(
        { status: 'certified', certifiedOn: null, validatedOn: null, lastValidatedOn: null },
        calendarDate('2026-11-29'),
      ),
    ).toMatchObject({ due: false, reason: 'not_certified' });
  });
});

describe('plan years', () => {
  it('every due day lies in the range of its plan year, and in no other year’s', () => {
    fc.assert(
      fc.property(anyDate, anyDate, fc.integer({ min: -3, max: 3 }), (dueOn, today, offset) => {
        const year = planYearOf(dueOn, today);
        const range = dueRangeOfPlanYear(year, today);
        if (!range) throw new Error('the plan year is never past');
        expect(
          (range.from === null || compareCalendarDates(range.from, dueOn) <= 0) &&
            compareCalendarDates(dueOn, range.to) <= 0,
        ).toBe(true);
        const other = year + (offset === 0 ? 1 : offset);
        const otherRange = dueRangeOfPlanYear(other, today);
        if (otherRange) {
          const inOther =
            (otherRange.from === null || compareCalendarDates(otherRange.from, dueOn) <= 0) &&
            compareCalendarDates(dueOn, otherRange.to) <= 0;
          expect(inOther).toBe(false);
        }
      }),
    );
  });

  it('a past year holds nothing; this year holds what is overdue', () => {
    const today = calendarDate('2026-11-29');
    expect(dueRangeOfPlanYear(2025, today)).toBeNull();
    expect(dueRangeOfPlanYear(2026, today)).toEqual({ from: null, to: '2026-12-31' });
    expect(dueRangeOfPlanYear(2027, today)).toEqual({ from: '2027-01-01', to: '2027-12-31' });
  });
});
