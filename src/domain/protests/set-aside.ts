import { type CalendarDate, isAfter, isBefore } from '../time/calendar-date.ts';
import { setAsideRequestDeadline, setAsideRequestDeemedDenial } from './protest-clocks.ts';
import type { ProtestTextParams } from './protest-texts.ts';
import type { ProtestDecisionKind, ProtestStatus } from './protest-vocabulary.ts';

/**
 * A request to the Commissioner to set aside the denial of an application for further review,
 * 19 U.S.C. 1515(c): "If a protesting party believes that an application for further review was
 * erroneously or improperly denied or was denied without authority for such action, it may file
 * with the Commissioner ... a written request that the denial of the application for further
 * review be set aside. Such request must be filed within 60 days after the date of the notice of
 * the denial. The Commissioner ... may review such request and, based on the review, may set
 * aside the denial of the application for further review and void the denial of protest, if
 * appropriate. If the Commissioner ... fails to act within 60 days after the date of the request,
 * the request shall be considered denied. All denials of protests are effective from the date of
 * original denial for purposes of section 2636 of title 28." Quoted in HQ 225232 (domain doc
 * §2.3). The clocks are `setAsideRequestDeadline` and `setAsideRequestDeemedDenial`
 * (protest-clocks.ts, never rolled).
 *
 * Product readings, each stated where it is applied:
 * - a request after the 60 days is refused, not filed and flagged: the statute says it "must be
 *   filed" within them (unlike a protest, which 19 U.S.C. 1514 lets be filed late and denied);
 * - one request per denial of further review;
 * - a protest CBP allowed in full has nothing left to set aside;
 * - a protest denied (in whole or part, or deemed) can still be the subject of a request: the
 *   statute lets the Commissioner "void the denial of protest". A request does not move the
 *   court deadline ("effective from the date of original denial").
 */

export const SET_ASIDE_OUTCOMES = ['granted', 'denied', 'deemed_denied'] as const;
export type SetAsideOutcome = (typeof SET_ASIDE_OUTCOMES)[number];

/** A set-aside request as stored (protest events), with the Commissioner's outcome if any. */
export interface SetAsideFacts {
  readonly requestedOn: CalendarDate;
  readonly outcome: SetAsideOutcome | null;
  /** The day of the outcome (for a deemed denial, the day it happened by law). */
  readonly decidedOn: CalendarDate | null;
}

export type SetAsideRequestRefusal =
  | 'further_review_not_denied'
  | 'before_denial'
  | 'already_requested'
  | 'window_closed'
  | 'protest_withdrawn'
  | 'protest_allowed';

export type SetAsideRequestDecision =
  | {
      readonly allowed: true;
      /** The last day the request could be filed (60 days after the denial notice). */
      readonly lastDay: CalendarDate;
      /** The day the request is considered denied if the Commissioner has not acted. */
      readonly deemedDeniedOn: CalendarDate;
    }
  | {
      readonly allowed: false;
      readonly code: SetAsideRequestRefusal;
      /** English; `code` with `params` is the same, coded for translation (protest-texts.ts). */
      readonly reason: string;
      readonly params: ProtestTextParams;
    };

export interface SetAsideRequestInput {
  /** The day of the notice denying further review, or null when it was not denied. */
  readonly furtherReviewDeniedOn: CalendarDate | null;
  readonly setAside: SetAsideFacts | null;
  readonly status: ProtestStatus;
  readonly decision: ProtestDecisionKind | null;
  readonly requestOn: CalendarDate;
}

/** Whether the protestant may ask the Commissioner to set the denial aside on `requestOn`. */
export function setAsideRequestAllowed(input: SetAsideRequestInput): SetAsideRequestDecision {
  const deniedOn = input.furtherReviewDeniedOn;
  if (deniedOn === null) {
    return {
      allowed: false,
      code: 'further_review_not_denied',
      reason:
        'Only a denial of an application for further review can be set aside (19 U.S.C. 1515(c)): CBP has not denied further review of this protest.',
      params: {},
    };
  }
  if (input.setAside !== null) {
    return {
      allowed: false,
      code: 'already_requested',
      reason: `The set-aside was already requested on ${input.setAside.requestedOn}: one request per denial of further review.`,
      params: { requestedOn: input.setAside.requestedOn },
    };
  }
  if (input.status === 'withdrawn') {
    return {
      allowed: false,
      code: 'protest_withdrawn',
      reason: 'The protest was withdrawn: there is no denial left to set aside.',
      params: {},
    };
  }
  if (input.decision === 'allowed') {
    return {
      allowed: false,
      code: 'protest_allowed',
      reason: 'CBP allowed the protest in full: there is nothing left to set aside.',
      params: {},
    };
  }
  if (isBefore(input.requestOn, deniedOn)) {
    return {
      allowed: false,
      code: 'before_denial',
      reason: `Further review was denied on ${deniedOn}: a set-aside cannot be requested before that day.`,
      params: { deniedOn },
    };
  }
  const lastDay = setAsideRequestDeadline(deniedOn).effective;
  if (isAfter(input.requestOn, lastDay)) {
    return {
      allowed: false,
      code: 'window_closed',
      reason: `The request had to be filed by ${lastDay}, 60 days after the notice denying further review (19 U.S.C. 1515(c)).`,
      params: { lastDay },
    };
  }
  return {
    allowed: true,
    lastDay,
    deemedDeniedOn: setAsideRequestDeemedDenial(input.requestOn).effective,
  };
}

export type SetAsideDecisionRefusal = 'no_request' | 'already_decided' | 'deemed_denied';

export type SetAsideDecisionCheck =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly code: SetAsideDecisionRefusal; readonly reason: string };

/**
 * Whether the Commissioner can still act on `today`: a request is pending and its 60 days have
 * not passed. The 60th day is the last day to act; from the next day the request is considered
 * denied by law (the hourly job records it), so no one can decide it then.
 */
export function setAsideDecisionAllowed(
  setAside: SetAsideFacts | null,
  today: CalendarDate,
): SetAsideDecisionCheck {
  if (setAside === null) {
    return {
      allowed: false,
      code: 'no_request',
      reason: 'The protestant has not asked for the denial of further review to be set aside.',
    };
  }
  if (setAside.outcome !== null) {
    return {
      allowed: false,
      code: 'already_decided',
      reason: `The set-aside request was already ${setAside.outcome === 'granted' ? 'granted' : 'denied'}${setAside.decidedOn === null ? '' : ` on ${setAside.decidedOn}`}.`,
    };
  }
  const deemed = setAsideRequestDeemedDenial(setAside.requestedOn).effective;
  if (isAfter(today, deemed)) {
    return {
      allowed: false,
      code: 'deemed_denied',
      reason: `The request was considered denied on ${deemed}: the Commissioner did not act within 60 days (19 U.S.C. 1515(c)).`,
    };
  }
  return { allowed: true };
}

/** The day a pending request was considered denied, when that day has passed by `today`; else null. */
export function setAsideDeemedDenialDue(
  setAside: SetAsideFacts | null,
  today: CalendarDate,
): CalendarDate | null {
  if (setAside === null || setAside.outcome !== null) {
    return null;
  }
  const deemed = setAsideRequestDeemedDenial(setAside.requestedOn).effective;
  return isAfter(today, deemed) ? deemed : null;
}
