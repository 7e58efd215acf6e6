import type { FieldIssue } from '../../errors/error-codes.ts';
import {
  addDays,
  addYears,
  type CalendarDate,
  isAfter,
  isBefore,
  latestCalendarDate,
} from '../../time/calendar-date.ts';
import { type PeriodSetting, resolvePeriodSetting } from '../../time/period-setting.ts';

/**
 * The clocks of CTPAT membership (issue 4, item 5), each a pure function with its rule cited
 * (architecture.md, "Data"). Facts: ../shared/domain/ctpat-program.md §1 and §3,
 * ../shared/domain/identifiers-and-clocks.md "Membership clocks". Statute text checked against
 * the U.S. Code copy in github.com/codexstanford/markdonw-chunck-of-the-usa-code (title 6).
 *
 * Conventions (calendar-date.ts): dates are UTC calendar dates; "N days after D" is
 * `addDays(D, N)` (day 1 is the day after D) and `due` is the last day that is still on time;
 * adding years to 29 February gives 28 February in a common year; windows include both ends.
 * No membership clock rolls over weekends or holidays: no source says it does.
 *
 * Statutory periods are constants. Periods that rest on CBP policy seen only in secondary or
 * dated sources are settings (`MembershipClockSettings`), provisional by default, so a
 * deployment can correct them without a code change and the product labels them provisional.
 */

export interface RuleCitation {
  /** Where the rule comes from: a U.S. Code section, or the policy source. */
  readonly citation: string;
  /** The rule in one sentence, as the product shows it next to the date. */
  readonly text: string;
}

export interface MembershipClock {
  /** The last day that is on time (for a target: the day the target falls). */
  readonly due: CalendarDate;
  readonly rule: RuleCitation;
  /** True when the period is not confirmed by a primary source (glossary: "Provisional data"). */
  readonly provisional: boolean;
  /**
   * `deadline`: the act is late after `due`. `target`: the statute says "to the extent
   * practicable", or the date is the product's planning date; missing it has no legal effect.
   */
  readonly kind: 'deadline' | 'target';
}

/** A window from `opens` to `closes`, both days included; `due` is `closes`. */
export interface MembershipWindow extends MembershipClock {
  readonly opens: CalendarDate;
  readonly closes: CalendarDate;
}

// ---------------------------------------------------------------------------------------------
// Settings: every period that is not statutory.

export type { PeriodSetting };

export interface MembershipClockSettings {
  /** Days before the anniversary that the annual Security Profile review window opens. */
  readonly annualReviewWindowDays: PeriodSetting;
  /** Days after the suspension letter that the member has to respond. */
  readonly suspensionResponseDays: PeriodSetting;
  /** Years after a removal for an unanswered suspension before the company may apply again. */
  readonly reapplicationBarYears: PeriodSetting;
}

export type MembershipClockSettingName = keyof MembershipClockSettings;

export const DEFAULT_MEMBERSHIP_CLOCK_SETTINGS: MembershipClockSettings = Object.freeze({
  annualReviewWindowDays: Object.freeze({
    value: 90,
    provisional: true,
    source:
      'CBP policy: CTPAT Portal manual 4.1.16 (2016, secondary copy); normanjaspanassociates.com "Annual security assessment". Not checked against the current Portal manual.',
  }),
  suspensionResponseDays: Object.freeze({
    value: 90,
    provisional: true,
    source:
      'CBP policy as cited by normanjaspanassociates.com "CTPAT suspension and removal" (secondary; UNVERIFIED).',
  }),
  reapplicationBarYears: Object.freeze({
    value: 1,
    provisional: true,
    source:
      'CBP policy as cited by normanjaspanassociates.com "CTPAT suspension and removal" (secondary; UNVERIFIED).',
  }),
});

/** Bounds a deployment's value must respect, so a typo cannot switch a clock off. */
const SETTING_BOUNDS: Record<MembershipClockSettingName, { min: number; max: number }> = {
  annualReviewWindowDays: { min: 1, max: 365 },
  suspensionResponseDays: { min: 1, max: 730 },
  reapplicationBarYears: { min: 0, max: 10 },
};

export type MembershipClockSettingsOverrides = {
  readonly [K in MembershipClockSettingName]?: Partial<PeriodSetting>;
};

export type ResolveSettingsResult =
  | { readonly ok: true; readonly settings: MembershipClockSettings }
  | { readonly ok: false; readonly issues: readonly FieldIssue[] };

/**
 * The defaults with a deployment's overrides applied and checked. A value changed without
 * `provisional: false` stays provisional: changing a number does not verify it.
 */
export function resolveMembershipClockSettings(
  overrides: MembershipClockSettingsOverrides = {},
  defaults: MembershipClockSettings = DEFAULT_MEMBERSHIP_CLOCK_SETTINGS,
): ResolveSettingsResult {
  const issues: FieldIssue[] = [];
  const resolve = (name: MembershipClockSettingName): PeriodSetting =>
    resolvePeriodSetting(defaults[name], overrides[name], SETTING_BOUNDS[name], name, issues);
  const settings: MembershipClockSettings = Object.freeze({
    annualReviewWindowDays: resolve('annualReviewWindowDays'),
    suspensionResponseDays: resolve('suspensionResponseDays'),
    reapplicationBarYears: resolve('reapplicationBarYears'),
  });
  return issues.length === 0 ? { ok: true, settings } : { ok: false, issues };
}

// ---------------------------------------------------------------------------------------------
// Statutory clocks (6 U.S.C. 961–971, SAFE Port Act of 2006, title II subtitle B).

/** 6 U.S.C. 964(c). */
export const CERTIFICATION_TARGET_DAYS = 90;
/** 6 U.S.C. 965(a). */
export const FIRST_VALIDATION_TARGET_YEARS = 1;
/** 6 U.S.C. 969(2). */
export const REVALIDATION_PERIOD_YEARS = 4;
/** 6 U.S.C. 967(c)(1): appeal of a decision under 967(a) (benefits denied). */
export const BENEFIT_DENIAL_APPEAL_DAYS = 90;
/** 6 U.S.C. 967(c)(2): appeal of a decision under 967(b) (false or misleading information). */
export const FALSE_INFORMATION_APPEAL_DAYS = 30;
/** 6 U.S.C. 967(c)(1) and (2). */
export const APPEAL_DECISION_DAYS = 180;

/**
 * Certification target: 90 days after CBP receives the application.
 * 6 U.S.C. 964(c): "To the extent practicable, the Secretary ... shall complete the Tier 1
 * certification process within 90 days of receipt of an application". A target, not a deadline:
 * nothing happens to the application when it passes.
 */
export function certificationTarget(applicationReceivedOn: CalendarDate): MembershipClock {
  return {
    due: addDays(applicationReceivedOn, CERTIFICATION_TARGET_DAYS),
    rule: {
      citation: '6 U.S.C. 964(c)',
      text: 'To the extent practicable, CBP completes Tier I certification within 90 days of receiving the application.',
    },
    provisional: false,
    kind: 'target',
  };
}

/**
 * First validation target: 1 year after Tier I certification.
 * 6 U.S.C. 965(a): validation "shall, to the extent practicable, be completed not later than
 * 1 year after certification as a Tier 1 participant". A target.
 */
export function firstValidationTarget(certifiedOn: CalendarDate): MembershipClock {
  return {
    due: addYears(certifiedOn, FIRST_VALIDATION_TARGET_YEARS),
    rule: {
      citation: '6 U.S.C. 965(a)',
      text: 'To the extent practicable, CBP completes the first validation no later than 1 year after Tier I certification.',
    },
    provisional: false,
    kind: 'target',
  };
}

export interface RevalidationInput {
  /** The date of the initial validation (Tier II or III). */
  readonly initialValidatedOn: CalendarDate;
  /** Dates of later revalidations, in any order. Dates on or before the initial one are ignored. */
  readonly revalidatedOn?: readonly CalendarDate[];
}

export interface RevalidationClocks {
  /** Last day of the 4-year period after the one holding the latest validation. */
  readonly statutory: MembershipClock;
  /** 4 years after the latest validation: never later than the statutory date. */
  readonly planning: MembershipClock;
  /**
   * Last days of earlier 4-year periods that passed with no revalidation (already missed; a
   * later revalidation cannot fill them). Oldest first; empty when none was missed.
   */
  readonly missedPeriodEnds: readonly CalendarDate[];
}

/**
 * Revalidation, both dates (identifiers-and-clocks.md: "show both").
 *
 * 6 U.S.C. 969(2): revalidation "not less frequently than once during each 4-year period
 * following the initial validation". The periods are fixed by the initial validation date I:
 * period k runs from the day after I + 4k years to I + 4(k+1) years, both included. The
 * statutory date is the last day of the period after the one that holds the latest
 * validation (period 0 when there has been no revalidation): the next period that still needs
 * one. Periods before it that passed empty are reported as missed.
 *
 * Planning rule (product choice, stricter): 4 years after the latest validation. It is never
 * later than the statutory date, because the latest validation lies in the period just before.
 */
export function revalidationDue(input: RevalidationInput): RevalidationClocks {
  const initial = input.initialValidatedOn;
  const later = (input.revalidatedOn ?? []).filter((date) => isAfter(date, initial));
  const periodEnd = (k: number): CalendarDate =>
    addYears(initial, REVALIDATION_PERIOD_YEARS * (k + 1));
  const inPeriod = (date: CalendarDate, k: number): boolean =>
    isAfter(date, k === 0 ? initial : periodEnd(k - 1)) && !isAfter(date, periodEnd(k));
  const latest = latestCalendarDate(initial, ...later);
  // The period that holds the latest validation; -1 stands for the initial validation itself.
  let latestPeriod = -1;
  if (latest !== initial) {
    latestPeriod = 0;
    while (!inPeriod(latest, latestPeriod)) {
      latestPeriod += 1;
    }
  }
  const missedPeriodEnds: CalendarDate[] = [];
  for (let k = 0; k < latestPeriod; k += 1) {
    if (!later.some((date) => inPeriod(date, k))) {
      missedPeriodEnds.push(periodEnd(k));
    }
  }
  return {
    statutory: {
      due: periodEnd(latestPeriod + 1),
      rule: {
        citation: '6 U.S.C. 969(2)',
        text: 'CBP revalidates Tier II and III members at least once during each 4-year period following the initial validation.',
      },
      provisional: false,
      kind: 'deadline',
    },
    planning: {
      due: addYears(latest, REVALIDATION_PERIOD_YEARS),
      rule: {
        citation: '6 U.S.C. 969(2); planning rule of this product',
        text: 'Plan the next revalidation no later than 4 years after the latest validation, which always meets the statutory period.',
      },
      provisional: false,
      kind: 'target',
    },
    missedPeriodEnds,
  };
}

/**
 * Appeal filing deadline after a decision under 6 U.S.C. 967.
 * 967(c)(1): an appeal of a decision under 967(a) (benefits denied in whole or part) "shall be
 * filed with the Secretary not later than 90 days after the date of the decision".
 * 967(c)(2): an appeal of a decision under 967(b) (suspension or expulsion for knowingly false
 * or misleading information during validation) within 30 days.
 */
export type AppealGround = 'benefit_denial' | 'false_information';

export function appealFilingDue(decidedOn: CalendarDate, ground: AppealGround): MembershipClock {
  return ground === 'benefit_denial'
    ? {
        due: addDays(decidedOn, BENEFIT_DENIAL_APPEAL_DAYS),
        rule: {
          citation: '6 U.S.C. 967(c)(1)',
          text: 'An appeal of a denial of benefits is filed with the Secretary no later than 90 days after the date of the decision.',
        },
        provisional: false,
        kind: 'deadline',
      }
    : {
        due: addDays(decidedOn, FALSE_INFORMATION_APPEAL_DAYS),
        rule: {
          citation: '6 U.S.C. 967(c)(2)',
          text: 'An appeal of a suspension or expulsion for false or misleading information is filed with the Secretary no later than 30 days after the date of the decision.',
        },
        provisional: false,
        kind: 'deadline',
      };
}

/**
 * The Secretary's determination on an appeal: 180 days after the appeal is filed
 * (6 U.S.C. 967(c)(1) and (2) alike). A deadline on the Secretary; the statute gives no
 * outcome when it passes, so the product shows it as overdue and nothing more.
 */
export function appealDecisionDue(
  appealFiledOn: CalendarDate,
  ground: AppealGround,
): MembershipClock {
  return {
    due: addDays(appealFiledOn, APPEAL_DECISION_DAYS),
    rule: {
      citation: ground === 'benefit_denial' ? '6 U.S.C. 967(c)(1)' : '6 U.S.C. 967(c)(2)',
      text: 'The Secretary issues a determination no later than 180 days after the appeal is filed.',
    },
    provisional: false,
    kind: 'deadline',
  };
}

// ---------------------------------------------------------------------------------------------
// Policy clocks: periods from settings, provisional unless a deployment confirmed them.

function policyCitation(setting: PeriodSetting): string {
  return setting.provisional ? `${setting.source} Provisional: configurable.` : setting.source;
}

/**
 * The anniversary on or after `onOrAfter`: `base` plus the fewest whole years (at least 1)
 * that reach it, each computed from `base` (so a 29 February base falls on 29 February in leap
 * years and 28 February otherwise). `base` is the date the anniversary counts from; the
 * product uses the Tier I certification date (an assumption: sources say only "the partner's
 * anniversary date").
 */
export function anniversaryOnOrAfter(base: CalendarDate, onOrAfter: CalendarDate): CalendarDate {
  // Start one year short of the target year (never below 1) and step forward.
  let years = Math.max(1, Number(onOrAfter.slice(0, 4)) - Number(base.slice(0, 4)) - 1);
  while (isBefore(addYears(base, years), onOrAfter)) {
    years += 1;
  }
  return addYears(base, years);
}

/**
 * Annual Security Profile review window: opens N days before the anniversary (default 90) and
 * closes on the anniversary, both days included, so it holds N + 1 days. Only changes made
 * inside it satisfy the annual requirement. CBP policy (Portal manual; ctpat-program.md §3.3),
 * so N is a setting.
 */
export function annualReviewWindow(
  anniversary: CalendarDate,
  settings: MembershipClockSettings = DEFAULT_MEMBERSHIP_CLOCK_SETTINGS,
): MembershipWindow {
  const setting = settings.annualReviewWindowDays;
  return {
    opens: addDays(anniversary, -setting.value),
    closes: anniversary,
    due: anniversary,
    rule: {
      citation: policyCitation(setting),
      text: `The annual Security Profile review window opens ${setting.value} days before the anniversary date and closes on it; only changes made inside the window count.`,
    },
    provisional: setting.provisional,
    kind: 'deadline',
  };
}

/**
 * Response to a suspension letter: N days after the letter (default 90). CBP policy cited by a
 * secondary source only (ctpat-program.md §3.6), so N is a provisional setting.
 */
export function suspensionResponseDue(
  letterDatedOn: CalendarDate,
  settings: MembershipClockSettings = DEFAULT_MEMBERSHIP_CLOCK_SETTINGS,
): MembershipClock {
  const setting = settings.suspensionResponseDays;
  return {
    due: addDays(letterDatedOn, setting.value),
    rule: {
      citation: policyCitation(setting),
      text: `A suspended member responds within ${setting.value} days of the suspension letter, or CBP may remove it.`,
    },
    provisional: setting.provisional,
    kind: 'deadline',
  };
}

export interface ReapplicationBar extends MembershipClock {
  /** The first day a new application is accepted: the day after `due`. */
  readonly reapplyFrom: CalendarDate;
}

/**
 * The bar on applying again after a removal for an unanswered suspension: N years (default 1)
 * counted like any period (day 1 is the day after the removal), so `due` is the last barred day
 * and `reapplyFrom` the day after. CBP policy cited by a secondary source only
 * (ctpat-program.md §3.6): a provisional setting. Other removals carry no time bar here.
 */
export function reapplicationBar(
  removedOn: CalendarDate,
  settings: MembershipClockSettings = DEFAULT_MEMBERSHIP_CLOCK_SETTINGS,
): ReapplicationBar {
  const setting = settings.reapplicationBarYears;
  const due = addYears(removedOn, setting.value);
  return {
    due,
    reapplyFrom: addDays(due, 1),
    rule: {
      citation: policyCitation(setting),
      text: `A company removed for not answering a suspension may not apply again for ${setting.value} year${setting.value === 1 ? '' : 's'} after the removal.`,
    },
    provisional: setting.provisional,
    kind: 'deadline',
  };
}
