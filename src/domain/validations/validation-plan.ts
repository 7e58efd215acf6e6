import {
  firstValidationTarget,
  type RuleCitation,
  revalidationDue,
} from '../registry/lifecycle/membership-clocks.ts';
import type { MembershipStatus } from '../registry/lifecycle/membership-states.ts';
import {
  type CalendarDate,
  calendarDateOf,
  calendarDateParts,
  isBefore,
} from '../time/calendar-date.ts';
import type { ValidationKind } from './validation-vocabulary.ts';

/**
 * What validation a member is due for, and when (issue 6, item 1), from its membership:
 *
 * - certified (Tier I) and never validated: the initial validation, due 1 year after
 *   certification (6 U.S.C. 965(a), `firstValidationTarget`);
 * - validated (Tier II or III): a revalidation, planned 4 years after the latest validation,
 *   which always meets the statutory 4-year period (6 U.S.C. 969(2), `revalidationDue`);
 * - any other state (applicant, suspended, removed…): nothing is due.
 *
 * The clocks are membership-clocks.ts's; this only chooses between them. A due date before
 * today is overdue, and an overdue validation belongs to the current year's plan: the plan year
 * is the due date's year, or this year when that is later.
 */

export interface MembershipForPlan {
  readonly status: MembershipStatus;
  readonly certifiedOn: CalendarDate | null;
  /** The initial validation (revalidation periods run from it). */
  readonly validatedOn: CalendarDate | null;
  readonly lastValidatedOn: CalendarDate | null;
}

export type NotDueReason = 'not_in_tier' | 'not_certified';

export type ValidationDue =
  | {
      readonly due: true;
      readonly kind: Extract<ValidationKind, 'initial' | 'revalidation'>;
      /** The planning date (the stricter of the clocks). */
      readonly dueOn: CalendarDate;
      /** The statutory last day (revalidation: the end of the 4-year period; initial: = dueOn). */
      readonly statutoryDueOn: CalendarDate;
      readonly overdue: boolean;
      readonly planYear: number;
      readonly rule: RuleCitation;
    }
  | { readonly due: false; readonly reason: NotDueReason; readonly message: string };

const TIER_STATUSES: readonly MembershipStatus[] = ['certified', 'validated', 'validated_exceeds'];

/** The plan year of a validation due on `dueOn`: its year, or this year when overdue. */
export function planYearOf(dueOn: CalendarDate, today: CalendarDate): number {
  return Math.max(calendarDateParts(dueOn).year, calendarDateParts(today).year);
}

/**
 * The due dates that belong to plan year `year` seen from `today`: the whole year, plus every
 * earlier date when `year` is this year (overdue validations are planned now). A past year
 * holds nothing: what fell due in it is overdue and belongs to this year. `from` null means no
 * lower bound.
 */
export function dueRangeOfPlanYear(
  year: number,
  today: CalendarDate,
): { from: CalendarDate | null; to: CalendarDate } | null {
  const thisYear = calendarDateParts(today).year;
  if (year < thisYear) {
    return null;
  }
  return {
    from: year === thisYear ? null : calendarDateOf(year, 1, 1),
    to: calendarDateOf(year, 12, 31),
  };
}

/** The validation the member is due for today, or why none is. */
export function validationDue(membership: MembershipForPlan, today: CalendarDate): ValidationDue {
  if (!TIER_STATUSES.includes(membership.status)) {
    return {
      due: false,
      reason: 'not_in_tier',
      message: `The member is ${membership.status.replaceAll('_', ' ')}: only members holding a tier are validated on schedule`,
    };
  }
  const { certifiedOn, validatedOn, lastValidatedOn } = membership;
  if (validatedOn !== null) {
    const clocks = revalidationDue({
      initialValidatedOn: validatedOn,
      revalidatedOn: lastValidatedOn !== null ? [lastValidatedOn] : [],
    });
    const dueOn = clocks.planning.due;
    return {
      due: true,
      kind: 'revalidation',
      dueOn,
      statutoryDueOn: clocks.statutory.due,
      overdue: isBefore(dueOn, today),
      planYear: planYearOf(dueOn, today),
      rule: clocks.planning.rule,
    };
  }
  if (certifiedOn === null) {
    return {
      due: false,
      reason: 'not_certified',
      message: 'The member has no Tier I certification date',
    };
  }
  const target = firstValidationTarget(certifiedOn);
  return {
    due: true,
    kind: 'initial',
    dueOn: target.due,
    statutoryDueOn: target.due,
    overdue: isBefore(target.due, today),
    planYear: planYearOf(target.due, today),
    rule: target.rule,
  };
}
