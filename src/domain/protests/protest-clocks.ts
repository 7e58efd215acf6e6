import { addDays, addYears, type CalendarDate } from '../time/calendar-date.ts';
import {
  DEFAULT_PROTEST_CLOCK_SETTINGS,
  type ProtestClock,
  type ProtestClockSettings,
  protestClock,
} from './protest-clock.ts';

/**
 * The protest clocks after filing (issue 7, item 2), each a pure function with its rule cited
 * (../shared/domain/identifiers-and-clocks.md "Protest clocks"; trade-compliance-protests-
 * exams.md §0 and §2.3; ADR 0024). The filing window and amendments are in filing-window.ts.
 *
 * Day 1 is the day after the trigger. Three families:
 * - deemed denials (accelerated disposition, exclusion protest, set-aside request): the denial
 *   happens by operation of law on the day, weekend or not, so they NEVER roll;
 * - CBP's own clocks (30 days to decide an application for further review, the two-year review
 *   target): shown as computed, never rolled, and no deemed outcome when they pass (Hitachi
 *   Home Electronics (America) v. United States, CIT Slip Op. 10-46, 2010);
 * - the protestant's court deadline: rolls to the next open day (USCIT Rule 6(a)).
 */

/** 19 U.S.C. 1515(b). */
export const ACCELERATED_DISPOSITION_DAYS = 30;
/** 19 CFR 174.21(b). */
export const EXCLUSION_PROTEST_DAYS = 30;
/** 19 U.S.C. 1515(a). */
export const FURTHER_REVIEW_DECISION_DAYS = 30;
/** 19 U.S.C. 1515(a). */
export const REVIEW_TARGET_YEARS = 2;
/** 28 U.S.C. 2636(a); 19 CFR 174.31. */
export const COURT_OF_INTERNATIONAL_TRADE_DAYS = 180;
/** 19 U.S.C. 1515(c): request to set aside the denial of further review. */
export const SET_ASIDE_REQUEST_DAYS = 60;
/** 19 U.S.C. 1515(c): the Commissioner's time to act on that request. */
export const SET_ASIDE_DECISION_DAYS = 60;
/** 19 U.S.C. 1515(d): request to void a denial contrary to proper instructions. */
export const VOID_DENIAL_REQUEST_DAYS = 90;

/**
 * Accelerated disposition: deemed denied on the 30th day after the request was mailed.
 * 19 U.S.C. 1515(b): a protest "not allowed or denied in whole or in part within thirty days
 * following the date of mailing by certified or registered mail of a request for accelerated
 * disposition shall be deemed denied on the thirtieth day following mailing". 19 CFR 174.22 is
 * older wording (a 90-day wait); the statute governs (domain doc §0.2). Never rolled.
 */
export function acceleratedDispositionDeemedDenial(requestMailedOn: CalendarDate): ProtestClock {
  return protestClock({
    nominal: addDays(requestMailedOn, ACCELERATED_DISPOSITION_DAYS),
    roll: 'none',
    kind: 'deemed_denial',
    party: 'cbp',
    rule: {
      code: 'accelerated_disposition_deemed_denial',
      params: {},
      citation: '19 U.S.C. 1515(b); 19 CFR 174.22',
      text: 'If CBP has not allowed or denied the protest within 30 days after the request for accelerated disposition was mailed, the protest is deemed denied on the 30th day, even a Saturday, Sunday or holiday.',
    },
  });
}

/**
 * Exclusion protest (19 U.S.C. 1514(a)(4)): deemed denied on the 30th day after filing.
 * 19 CFR 174.21(b): a protest of an exclusion not allowed or denied within 30 days of filing is
 * treated as denied on the 30th day. Never rolled.
 */
export function exclusionProtestDeemedDenial(protestFiledOn: CalendarDate): ProtestClock {
  return protestClock({
    nominal: addDays(protestFiledOn, EXCLUSION_PROTEST_DAYS),
    roll: 'none',
    kind: 'deemed_denial',
    party: 'cbp',
    rule: {
      code: 'exclusion_deemed_denial',
      params: {},
      citation: '19 CFR 174.21(b)',
      text: 'A protest of an exclusion not allowed or denied within 30 days of filing is deemed denied on the 30th day, even a Saturday, Sunday or holiday.',
    },
  });
}

/**
 * CBP's decision on an application for further review: 30 days after it is filed.
 * 19 U.S.C. 1515(a): "Within 30 days from the date an application for further review is
 * filed, the appropriate customs officer shall allow or deny the application". CBP's own
 * clock: never rolled, no deemed outcome (the statute gives none).
 */
export function furtherReviewDecisionTarget(applicationFiledOn: CalendarDate): ProtestClock {
  return protestClock({
    nominal: addDays(applicationFiledOn, FURTHER_REVIEW_DECISION_DAYS),
    roll: 'none',
    kind: 'target',
    party: 'cbp',
    rule: {
      code: 'further_review_decision',
      params: {},
      citation: '19 U.S.C. 1515(a); 19 CFR 174.26',
      text: 'CBP allows or denies an application for further review within 30 days of its filing. Nothing happens to the application when the date passes.',
    },
  });
}

/**
 * CBP's two-year review period, a target: 2 years after filing (for protests treated as one,
 * after the last of them: 19 CFR 174.21(a)). 19 U.S.C. 1515(a) says CBP "shall" decide within
 * two years, but silence is never a deemed allowance (Hitachi, CIT Slip Op. 10-46); the way to
 * force a decision is accelerated disposition. 29 February + 2 years = 28 February (ADR 0014).
 */
export function reviewTarget(filedOn: CalendarDate): ProtestClock {
  return protestClock({
    nominal: addYears(filedOn, REVIEW_TARGET_YEARS),
    roll: 'none',
    kind: 'target',
    party: 'cbp',
    rule: {
      code: 'review_target',
      params: {},
      citation: '19 U.S.C. 1515(a); 19 CFR 174.21(a); Hitachi, CIT Slip Op. 10-46',
      text: 'CBP reviews and decides a protest within 2 years of its filing. A target: the protest is not allowed or denied when the date passes.',
    },
  });
}

/** What the 180 days to the Court of International Trade run from (28 U.S.C. 2636(a)). */
export type DenialEvent = 'denial_notice_mailed' | 'deemed_denial';

/**
 * The last day to begin a civil action in the Court of International Trade.
 * 28 U.S.C. 2636(a); 19 CFR 174.31: within 180 days after the mailing of the notice of denial,
 * or after the date of a deemed denial. A last day on a Saturday, Sunday or legal holiday
 * moves to the next open day (USCIT Rule 6(a)(1)(C)); that is the court's rule, so it rolls
 * whatever `rollWeekendsAndHolidays` says, with the deployment's additional closed days.
 * A request to set aside the denial of further review does not move it: "All denials of
 * protests are effective from the date of original denial" (19 U.S.C. 1515(c)).
 */
export function courtOfInternationalTradeDeadline(
  from: DenialEvent,
  date: CalendarDate,
  settings: ProtestClockSettings = DEFAULT_PROTEST_CLOCK_SETTINGS,
): ProtestClock {
  return protestClock({
    nominal: addDays(date, COURT_OF_INTERNATIONAL_TRADE_DAYS),
    roll: 'next_open_day',
    kind: 'deadline',
    party: 'protestant',
    rule: {
      code:
        from === 'denial_notice_mailed' ? 'court_after_denial_notice' : 'court_after_deemed_denial',
      params: {},
      citation:
        from === 'denial_notice_mailed'
          ? '28 U.S.C. 2636(a)(1); 19 CFR 174.31; USCIT Rule 6(a)'
          : '28 U.S.C. 2636(a)(2); 19 CFR 174.31; USCIT Rule 6(a)',
      text:
        from === 'denial_notice_mailed'
          ? 'A civil action in the Court of International Trade is begun within 180 days after the notice of denial was mailed. A last day on a Saturday, Sunday or legal holiday moves to the next open day.'
          : 'A civil action in the Court of International Trade is begun within 180 days after the protest was deemed denied. A last day on a Saturday, Sunday or legal holiday moves to the next open day.',
    },
    settings,
  });
}

/**
 * The last day to ask the Commissioner to set aside the denial of an application for further
 * review: 60 days after the notice of that denial. 19 U.S.C. 1515(c) ("Such request must be
 * filed within 60 days after the date of the notice of the denial"), quoted in HQ 225232
 * (domain doc §2.3). Not rolled: no source says it rolls, and not rolling never shows the
 * protestant a later date than the law allows.
 */
export function setAsideRequestDeadline(furtherReviewDenialNoticeOn: CalendarDate): ProtestClock {
  return protestClock({
    nominal: addDays(furtherReviewDenialNoticeOn, SET_ASIDE_REQUEST_DAYS),
    roll: 'none',
    kind: 'deadline',
    party: 'protestant',
    rule: {
      code: 'set_aside_request',
      params: {},
      citation: '19 U.S.C. 1515(c)',
      text: 'A request to set aside the denial of further review is filed with the Commissioner within 60 days after the notice of that denial.',
    },
  });
}

/**
 * The set-aside request is deemed denied if the Commissioner does not act within 60 days after
 * it. 19 U.S.C. 1515(c): "If the Commissioner ... fails to act within 60 days after the date of
 * the request, the request shall be considered denied." Never rolled.
 */
export function setAsideRequestDeemedDenial(requestFiledOn: CalendarDate): ProtestClock {
  return protestClock({
    nominal: addDays(requestFiledOn, SET_ASIDE_DECISION_DAYS),
    roll: 'none',
    kind: 'deemed_denial',
    party: 'cbp',
    rule: {
      code: 'set_aside_deemed_denial',
      params: {},
      citation: '19 U.S.C. 1515(c)',
      text: 'If the Commissioner has not acted within 60 days after the set-aside request, the request is considered denied.',
    },
  });
}

/**
 * The last day to ask CBP to void a protest denial made contrary to proper instructions:
 * 90 days after the denial. 19 U.S.C. 1515(d), read in a U.S. Code text copy
 * (github.com/codexstanford/markdonw-chunck-of-the-usa-code, title 19 chunk 531); the shared
 * domain doc names 1515(d) but not its period, so the clock is marked provisional until the
 * doc confirms it. Not rolled, for the same reason as the set-aside request.
 */
export function voidDenialRequestDeadline(protestDeniedOn: CalendarDate): ProtestClock {
  return protestClock({
    nominal: addDays(protestDeniedOn, VOID_DENIAL_REQUEST_DAYS),
    roll: 'none',
    kind: 'deadline',
    party: 'protestant',
    rule: {
      code: 'void_denial_request',
      params: {},
      citation: '19 U.S.C. 1515(d) (period not yet confirmed in the domain reference)',
      text: 'A request to void a protest denial made contrary to proper instructions is filed with the port director within 90 days after the denial.',
    },
    provisional: true,
  });
}
