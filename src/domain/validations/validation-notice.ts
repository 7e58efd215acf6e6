import type { FieldIssue } from '../errors/error-codes.ts';
import type { PeriodSetting, RuleCitation } from '../registry/lifecycle/membership-clocks.ts';
import {
  addDays,
  type CalendarDate,
  daysBetween,
  isAfter,
  isBefore,
  isWithinInclusive,
} from '../time/calendar-date.ts';
import { resolvePeriodSetting } from '../time/period-setting.ts';
import type { SiteLocation } from './validation-vocabulary.ts';

/**
 * The written notice before a validation's first visit (issue 6, item 2).
 *
 * Rule (ctpat-program.md §6): CBP gives the member "at least 30 days written notice (about 60
 * days for foreign visits)"; for importers "the foreign visit is skipped when the supplier is in
 * an MRA partner program" (securetradeadvisors.com, chrobinson.com: secondary sources). Both
 * periods are therefore settings (`VALIDATION_NOTICE_DAYS`, `VALIDATION_FOREIGN_NOTICE_DAYS`),
 * provisional until a deployment names a primary source, like the membership periods
 * (membership-clocks.ts).
 *
 * Conventions (calendar-date.ts): the notice runs from the day it is sent; "N days of notice"
 * means the first visit is on or after `noticeSentOn + N` (day 1 is the day after the notice).
 * A shorter notice is allowed only with an override reason, which the validation records.
 */

export interface ValidationNoticeSettings {
  /** Minimum days of written notice before the first visit. */
  readonly noticeDays: PeriodSetting;
  /** Minimum days when any site needs a CBP foreign visit. */
  readonly foreignNoticeDays: PeriodSetting;
}

export type ValidationNoticeSettingName = keyof ValidationNoticeSettings;

const NOTICE_SOURCE =
  'CBP practice as described by securetradeadvisors.com and chrobinson.com "CTPAT validation meetings best practices" (secondary; ctpat-program.md §6).';

export const DEFAULT_VALIDATION_NOTICE_SETTINGS: ValidationNoticeSettings = Object.freeze({
  noticeDays: Object.freeze({ value: 30, provisional: true, source: NOTICE_SOURCE }),
  foreignNoticeDays: Object.freeze({ value: 60, provisional: true, source: NOTICE_SOURCE }),
});

const SETTING_BOUNDS: Record<ValidationNoticeSettingName, { min: number; max: number }> = {
  noticeDays: { min: 1, max: 365 },
  foreignNoticeDays: { min: 1, max: 365 },
};

export type ValidationNoticeSettingsOverrides = {
  readonly [K in ValidationNoticeSettingName]?: Partial<PeriodSetting>;
};

export type ResolveNoticeSettingsResult =
  | { readonly ok: true; readonly settings: ValidationNoticeSettings }
  | { readonly ok: false; readonly issues: readonly FieldIssue[] };

/**
 * The defaults with a deployment's overrides, checked: whole days within bounds, a source, and
 * a foreign notice never shorter than the domestic one (a foreign visit needs more preparation,
 * never less). A changed value stays provisional unless marked otherwise.
 */
export function resolveValidationNoticeSettings(
  overrides: ValidationNoticeSettingsOverrides = {},
  defaults: ValidationNoticeSettings = DEFAULT_VALIDATION_NOTICE_SETTINGS,
): ResolveNoticeSettingsResult {
  const issues: FieldIssue[] = [];
  const resolve = (name: ValidationNoticeSettingName): PeriodSetting =>
    resolvePeriodSetting(defaults[name], overrides[name], SETTING_BOUNDS[name], name, issues);
  const settings: ValidationNoticeSettings = Object.freeze({
    noticeDays: resolve('noticeDays'),
    foreignNoticeDays: resolve('foreignNoticeDays'),
  });
  if (issues.length === 0 && settings.foreignNoticeDays.value < settings.noticeDays.value) {
    issues.push({
      path: 'foreignNoticeDays.value',
      message: `must not be shorter than the domestic notice (${settings.noticeDays.value} days)`,
    });
  }
  return issues.length === 0 ? { ok: true, settings } : { ok: false, issues };
}

// ---------------------------------------------------------------------------------------------
// Sites

/**
 * Country codes visited without leaving the United States: the states and the territories
 * where CBP's specialists work from domestic offices (a product choice).
 */
export const DOMESTIC_COUNTRY_CODES: readonly string[] = ['US', 'PR', 'GU', 'VI', 'AS', 'MP', 'UM'];

export function siteLocation(countryCode: string): SiteLocation {
  return DOMESTIC_COUNTRY_CODES.includes(countryCode.trim().toUpperCase()) ? 'domestic' : 'foreign';
}

export interface NoticeSite {
  readonly countryCode: string;
  /** The MRA partner program the foreign site's operator is certified in, if any. */
  readonly mraProgramId: string | null;
}

/**
 * Whether CBP visits the site: every domestic site, and a foreign one unless its operator is in
 * an MRA partner program (ctpat-program.md §3.8 and §6: no CBP foreign validation is needed
 * then). Scheduling stores it as `validation_sites.cbp_visit_required`.
 */
export function cbpVisitsSite(site: NoticeSite): boolean {
  return siteLocation(site.countryCode) === 'domestic' || site.mraProgramId === null;
}

/** Whether CBP must visit the site abroad (the longer notice applies). */
export function needsCbpForeignVisit(site: NoticeSite): boolean {
  return siteLocation(site.countryCode) === 'foreign' && cbpVisitsSite(site);
}

export interface MinimumNotice {
  readonly days: number;
  /** True when a site needs a CBP foreign visit (the longer notice applies). */
  readonly foreignVisit: boolean;
  readonly provisional: boolean;
  readonly rule: RuleCitation;
}

/** The minimum written notice for these sites: the foreign one when any needs a CBP visit. */
export function minimumNotice(
  sites: readonly NoticeSite[],
  settings: ValidationNoticeSettings = DEFAULT_VALIDATION_NOTICE_SETTINGS,
): MinimumNotice {
  const foreignVisit = sites.some(needsCbpForeignVisit);
  const setting = foreignVisit ? settings.foreignNoticeDays : settings.noticeDays;
  return {
    days: setting.value,
    foreignVisit,
    provisional: setting.provisional,
    rule: {
      citation: setting.provisional
        ? `${setting.source} Provisional: configurable.`
        : setting.source,
      text: foreignVisit
        ? `CBP gives at least ${setting.value} days of written notice before a validation with a CBP foreign site visit.`
        : `CBP gives at least ${setting.value} days of written notice before a validation's first visit.`,
    },
  };
}

/** The first day a validation may start after a notice sent on `noticeSentOn`. */
export function earliestCompliantStart(noticeSentOn: CalendarDate, days: number): CalendarDate {
  return addDays(noticeSentOn, days);
}

// ---------------------------------------------------------------------------------------------
// Checking a schedule

export interface ScheduleProposal {
  readonly today: CalendarDate;
  /** The day the written notice goes out (today unless recorded as sent earlier). */
  readonly noticeSentOn: CalendarDate;
  readonly startsOn: CalendarDate;
  readonly endsOn: CalendarDate;
  readonly sites: readonly (NoticeSite & { readonly visitOn: CalendarDate | null })[];
  /** Why a shorter notice is acceptable; blank counts as none. */
  readonly overrideReason: string | null;
}

export type ScheduleProblemCode =
  | 'start_in_past'
  | 'end_before_start'
  | 'notice_in_future'
  | 'visit_outside_dates'
  | 'notice_too_short';

export interface ScheduleProblem {
  readonly code: ScheduleProblemCode;
  /** The proposal's field, as the request body names it (`sites.1.visitOn`). */
  readonly field: string;
  readonly message: string;
  /** For `notice_too_short`: the earliest start that gives the full notice. */
  readonly earliestStart?: CalendarDate;
}

export type ScheduleCheck =
  | {
      readonly ok: true;
      readonly notice: MinimumNotice;
      /** Days from the notice to the start. */
      readonly noticeGivenDays: number;
      /** The reason kept when the notice is short; null when the full notice is given. */
      readonly overrideReason: string | null;
    }
  | { readonly ok: false; readonly notice: MinimumNotice; readonly problems: ScheduleProblem[] };

/**
 * Checks a proposed schedule: the start is not in the past; the end is not before the start;
 * the notice is not dated in the future; every site visit falls inside start..end; and the
 * notice gives the minimum days, or an override reason says why it does not (the problem names
 * the earliest start with full notice). Every problem is reported, not just the first; a start in
 * the past is not also reported as short notice.
 */
export function checkSchedule(
  proposal: ScheduleProposal,
  settings: ValidationNoticeSettings = DEFAULT_VALIDATION_NOTICE_SETTINGS,
): ScheduleCheck {
  const notice = minimumNotice(proposal.sites, settings);
  const problems: ScheduleProblem[] = [];
  const { today, noticeSentOn, startsOn, endsOn } = proposal;
  const startInPast = isBefore(startsOn, today);
  if (startInPast) {
    problems.push({
      code: 'start_in_past',
      field: 'startsOn',
      message: `is in the past (today is ${today})`,
    });
  }
  const ordered = !isBefore(endsOn, startsOn);
  if (!ordered) {
    problems.push({
      code: 'end_before_start',
      field: 'endsOn',
      message: `is before the start (${startsOn})`,
    });
  }
  if (isAfter(noticeSentOn, today)) {
    problems.push({
      code: 'notice_in_future',
      field: 'noticeSentOn',
      message: `is in the future (today is ${today}): record a notice when it is sent`,
    });
  }
  if (ordered) {
    proposal.sites.forEach((site, index) => {
      if (site.visitOn !== null && !isWithinInclusive(site.visitOn, startsOn, endsOn)) {
        problems.push({
          code: 'visit_outside_dates',
          field: `sites.${index}.visitOn`,
          message: `must be from ${startsOn} to ${endsOn}, the validation's dates`,
        });
      }
    });
  }
  const noticeGivenDays = daysBetween(noticeSentOn, startsOn);
  const reason = proposal.overrideReason?.trim() ?? '';
  const short = noticeGivenDays < notice.days;
  // A start in the past is refused as such; its (negative) notice says nothing more.
  if (short && reason === '' && !startInPast) {
    const earliestStart = earliestCompliantStart(noticeSentOn, notice.days);
    problems.push({
      code: 'notice_too_short',
      field: 'startsOn',
      message: `gives ${Math.max(noticeGivenDays, 0)} days of written notice, less than the minimum ${notice.days}${notice.foreignVisit ? ' for a CBP foreign visit' : ''}: start on or after ${earliestStart}, or give an override reason`,
      earliestStart,
    });
  }
  if (problems.length > 0) {
    return { ok: false, notice, problems };
  }
  return { ok: true, notice, noticeGivenDays, overrideReason: short ? reason : null };
}
