import { type CalendarDate, isCalendarDate } from '../../time/calendar-date.ts';

/**
 * The states of a company's CTPAT membership (issue 4, item 5; ../shared/domain/ctpat-program.md
 * §3.2–3.6). The legacy Security Link Portal flow is the model: pre-applicant after the company
 * profile → applicant (application submitted) → under review (specialist assigned, Security
 * Profile review, vetting) → certified (Tier I) or rejected; validated (Tier II) or validated
 * and exceeding the criteria (Tier III); suspended, from which the member is reinstated to the
 * tier it held or removed; withdrawn at the member's request.
 *
 * `removed`, `withdrawn` and `rejected` are terminal: the only way out is a new application
 * (`start_new_application` in membership-transitions.ts), which a removal for an unanswered
 * suspension bars for a time.
 */
export const MEMBERSHIP_STATUSES = [
  'pre_applicant',
  'applicant',
  'under_review',
  'certified',
  'validated',
  'validated_exceeds',
  'suspended',
  'removed',
  'withdrawn',
  'rejected',
] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/** The steps inside `under_review`, in order. */
export const REVIEW_STEPS = ['specialist_assigned', 'profile_review', 'vetting'] as const;
export type ReviewStep = (typeof REVIEW_STEPS)[number];

/** The statuses that hold a tier, and which tier (6 U.S.C. 964–966). */
export const TIER_OF_STATUS = {
  certified: 'I',
  validated: 'II',
  validated_exceeds: 'III',
} as const;
export type TierStatus = keyof typeof TIER_OF_STATUS;
export type Tier = (typeof TIER_OF_STATUS)[TierStatus];
export const TIER_STATUSES = Object.keys(TIER_OF_STATUS) as readonly TierStatus[];

export const TERMINAL_STATUSES = ['removed', 'withdrawn', 'rejected'] as const;
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];

/**
 * Why a member was removed. Only a removal for an unanswered suspension bars a new application
 * for a time (ctpat-program.md §3.6); `program_violation` covers the aggravated cases CBP
 * removes at once (seizures, security incidents, falsified information).
 */
export const REMOVAL_CAUSES = ['unanswered_suspension', 'program_violation'] as const;
export type RemovalCause = (typeof REMOVAL_CAUSES)[number];

interface StateBase {
  /**
   * The UTC date the current status (or review step) began. For `suspended` it is the date of
   * the suspension letter, from which the response period runs; for `removed`, the removal date,
   * from which the re-application bar runs.
   */
  readonly since: CalendarDate;
}

export type MembershipState =
  | (StateBase & { readonly status: 'pre_applicant' })
  | (StateBase & { readonly status: 'applicant' })
  | (StateBase & { readonly status: 'under_review'; readonly reviewStep: ReviewStep })
  | (StateBase & { readonly status: TierStatus })
  | (StateBase & {
      readonly status: 'suspended';
      /** The tier status held before the suspension: reinstatement returns to it. */
      readonly heldStatus: TierStatus;
      /** When the member's response was recorded; null while unanswered. */
      readonly responseReceivedOn: CalendarDate | null;
    })
  | (StateBase & { readonly status: 'removed'; readonly cause: RemovalCause })
  | (StateBase & { readonly status: 'withdrawn' })
  | (StateBase & { readonly status: 'rejected' });

/** A company that has created its profile but not yet submitted an application. */
export function initialMembershipState(on: CalendarDate): MembershipState {
  return { status: 'pre_applicant', since: on };
}

export function isTierStatus(status: string): status is TierStatus {
  return Object.hasOwn(TIER_OF_STATUS, status);
}

export function isTerminalStatus(status: MembershipStatus): status is TerminalStatus {
  return (TERMINAL_STATUSES as readonly string[]).includes(status);
}

/** The tier whose benefits the member has now: none while suspended or outside membership. */
export function currentTier(state: MembershipState): Tier | null {
  return isTierStatus(state.status) ? TIER_OF_STATUS[state.status] : null;
}

function hasExactly(value: object, keys: readonly string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((key) => Object.hasOwn(value, key));
}

/**
 * Whether `value` is a membership state exactly as this module defines it: a known status, the
 * fields that status carries and no others. Used to check stored rows and in property tests.
 */
export function isMembershipState(value: unknown): value is MembershipState {
  if (value === null || typeof value !== 'object') {
    return false;
  }
  const record = value as Record<string, unknown>;
  if (!isCalendarDate(record.since) || typeof record.status !== 'string') {
    return false;
  }
  const status = record.status;
  switch (status) {
    case 'pre_applicant':
    case 'applicant':
    case 'certified':
    case 'validated':
    case 'validated_exceeds':
    case 'withdrawn':
    case 'rejected':
      return hasExactly(record, ['status', 'since']);
    case 'under_review':
      return (
        hasExactly(record, ['status', 'since', 'reviewStep']) &&
        (REVIEW_STEPS as readonly unknown[]).includes(record.reviewStep)
      );
    case 'suspended':
      return (
        hasExactly(record, ['status', 'since', 'heldStatus', 'responseReceivedOn']) &&
        typeof record.heldStatus === 'string' &&
        isTierStatus(record.heldStatus) &&
        (record.responseReceivedOn === null || isCalendarDate(record.responseReceivedOn))
      );
    case 'removed':
      return (
        hasExactly(record, ['status', 'since', 'cause']) &&
        (REMOVAL_CAUSES as readonly unknown[]).includes(record.cause)
      );
    default:
      return false;
  }
}

const REVIEW_STEP_NAMES: Record<ReviewStep, string> = {
  specialist_assigned: 'specialist assigned',
  profile_review: 'profile review',
  vetting: 'vetting',
};

/** How messages name a company in each state ("A removed member cannot be validated."). */
export function describeState(state: MembershipState): string {
  switch (state.status) {
    case 'pre_applicant':
      return 'A pre-applicant';
    case 'applicant':
      return 'An applicant';
    case 'under_review':
      return `An application under review (${REVIEW_STEP_NAMES[state.reviewStep]} step)`;
    case 'certified':
      return 'A certified (Tier I) member';
    case 'validated':
      return 'A validated (Tier II) member';
    case 'validated_exceeds':
      return 'A validated, exceeds (Tier III) member';
    case 'suspended':
      return 'A suspended member';
    case 'removed':
      return 'A removed member';
    case 'withdrawn':
      return 'A withdrawn member';
    case 'rejected':
      return 'A rejected applicant';
  }
}
