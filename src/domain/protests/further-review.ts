import { type CalendarDate, isAfter, isBefore } from '../time/calendar-date.ts';
import type { FilingWindow } from './filing-window.ts';

/**
 * Application for further review (AFR): the criteria of 19 CFR 174.24, the routing of 174.26,
 * and when an application may be filed (19 U.S.C. 1515(a)). CBP's 30-day decision clock is
 * `furtherReviewDecisionTarget` in protest-clocks.ts. Source:
 * ../shared/domain/trade-compliance-protests-exams.md §2.3 and §2.5 (texts paraphrased there
 * from 174.24 and 174.26; the product shows them as paraphrases with the citation).
 */

export const FURTHER_REVIEW_CRITERIA = ['a', 'b', 'c', 'd'] as const;
export type FurtherReviewCriterion = (typeof FURTHER_REVIEW_CRITERIA)[number];

export interface FurtherReviewCriterionText {
  readonly criterion: FurtherReviewCriterion;
  readonly citation: string;
  /** The ground the protestant alleges, paraphrased from the regulation. */
  readonly text: string;
}

/** 19 CFR 174.24: further review is granted when the decision protested is alleged to … */
export const FURTHER_REVIEW_CRITERIA_TEXTS: Readonly<
  Record<FurtherReviewCriterion, FurtherReviewCriterionText>
> = {
  a: {
    criterion: 'a',
    citation: '19 CFR 174.24(a)',
    text: 'conflict with a CBP Headquarters ruling, or with a CBP decision on the same or substantially similar merchandise.',
  },
  b: {
    criterion: 'b',
    citation: '19 CFR 174.24(b)',
    text: 'raise questions of law or fact not yet ruled on by CBP Headquarters or by the courts.',
  },
  c: {
    criterion: 'c',
    citation: '19 CFR 174.24(c)',
    text: 'involve matters already ruled on, but with facts or legal arguments that were not considered then.',
  },
  d: {
    criterion: 'd',
    citation: '19 CFR 174.24(d)',
    text: 'involve questions CBP Headquarters refused to take as a request for internal advice under 19 CFR 177.11(b)(5).',
  },
};

/** 19 CFR 174.26: who reviews an application once made, in the order the regulation gives. */
export const FURTHER_REVIEW_ROUTING = [
  {
    step: 'center_allows',
    citation: '19 CFR 174.26',
    text: 'If the Center director would allow the protest, the director allows it.',
  },
  {
    step: 'headquarters',
    citation: '19 CFR 174.26',
    text: 'Otherwise, CBP Headquarters (Regulations and Rulings) reviews protests that raise questions of uniformity, established practice, the interpretation of rulings or court decisions, or new questions.',
  },
  {
    step: 'center_designee',
    citation: '19 CFR 174.26',
    text: 'Other protests are reviewed by a designee of the Center director who took no part in the original decision.',
  },
] as const;
export type FurtherReviewRoute = (typeof FURTHER_REVIEW_ROUTING)[number]['step'];

export type FurtherReviewRequestDecision =
  | { readonly allowed: true; readonly lastDay: CalendarDate }
  | {
      readonly allowed: false;
      readonly code: 'before_window' | 'window_closed';
      readonly reason: string;
    };

/**
 * Whether an application for further review may be filed on `requestedOn`: 19 U.S.C. 1515(a)
 * allows it on a request "filed within the time allowed for the filing of a protest". Pass the
 * windows of the protest's entries (at least one); the application must fall inside all of
 * them, with the same roll as the filing window.
 */
export function furtherReviewRequestAllowed(
  requestedOn: CalendarDate,
  windows: readonly [FilingWindow, ...FilingWindow[]],
): FurtherReviewRequestDecision {
  const [first, ...rest] = windows;
  const closing = rest.reduce(
    (earliest, window) => (isBefore(window.effective, earliest.effective) ? window : earliest),
    first,
  );
  const opening = rest.reduce(
    (latest, window) => (isAfter(window.opens, latest.opens) ? window : latest),
    first,
  );
  if (isBefore(requestedOn, opening.opens)) {
    return {
      allowed: false,
      code: 'before_window',
      reason: `Further review cannot be requested before the protest can be filed (from ${opening.opens}).`,
    };
  }
  if (isAfter(requestedOn, closing.effective)) {
    return {
      allowed: false,
      code: 'window_closed',
      reason: `Further review had to be requested by ${closing.effective}, the last day to file the protest (19 U.S.C. 1515(a)).`,
    };
  }
  return { allowed: true, lastDay: closing.effective };
}
