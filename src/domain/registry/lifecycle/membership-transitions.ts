import type { Role } from '../../authorization/roles.ts';
import type { ErrorCode } from '../../errors/error-codes.ts';
import { type CalendarDate, isBefore } from '../../time/calendar-date.ts';
import {
  DEFAULT_MEMBERSHIP_CLOCK_SETTINGS,
  type MembershipClockSettings,
  reapplicationBar,
  suspensionResponseDue,
} from './membership-clocks.ts';
import {
  describeState,
  isTierStatus,
  type MembershipState,
  type MembershipStatus,
  type ReviewStep,
} from './membership-states.ts';

/**
 * The transitions of the membership state machine (issue 4, item 5). Each one says who may make
 * it, whether it needs a reason and evidence, what the audit trail records and which
 * notification goes to whom. `applyTransition` is pure: the service loads the state, calls it
 * with the actor's role and the business date (from the service clock), and on success writes
 * the next state, the audit event and the notifications in one transaction.
 *
 * Roles (../shared/design/product.md, "Users and roles"; docs/glossary.md "SCSS"):
 * - company officer: applies, answers a suspension, withdraws, applies again. The officer is the
 *   only member role that signs for the company (ctpat-program.md §3.1), and each of these is
 *   a commitment on the company's behalf.
 * - SCSS and supervisory SCSS: the review steps, certification and rejection.
 * - supervisory SCSS alone: assigning the specialist (it "assigns work") and recording a
 *   validation outcome, which changes the tier (it "approves validation reports").
 * - supervisory SCSS or program manager: suspension, reinstatement and removal, which take
 *   benefits away or give them back and are seen by SVI partners.
 * The service also checks the record: that an SCSS acts on a member assigned to it, and that
 * the officer belongs to the company. Those are not the machine's business.
 *
 * Audit action names (`partner_membership.*`) and notification kinds (`membership_*`) are
 * strings the server registers in AUDIT_ACTIONS and NOTIFICATION_KINDS. (`membership.*` audit
 * actions already mean a user's membership of an organisation.)
 */

export const MEMBERSHIP_TRANSITIONS = [
  'submit_application',
  'assign_specialist',
  'start_profile_review',
  'approve_profile',
  'certify',
  'reject',
  'record_validation_meets',
  'record_validation_exceeds',
  'suspend',
  'record_suspension_response',
  'reinstate',
  'remove',
  'remove_for_unanswered_suspension',
  'withdraw',
  'start_new_application',
] as const;
export type MembershipTransition = (typeof MEMBERSHIP_TRANSITIONS)[number];

/** Who hears of a transition. The server resolves each audience to accounts. */
export type NotificationAudience =
  /** The company's officers and admins. */
  | 'member_company'
  /** The SCSS assigned to the member (none before assignment). */
  | 'assigned_specialist'
  /** Supervisory SCSS of the member's office. */
  | 'cbp_supervisors'
  /** Members connected to this one through SVI (issue 4, item 8): status changes only. */
  | 'svi_connections';

export interface TransitionRule {
  /** What the transition does, for the UI and for error messages. */
  readonly label: string;
  /** The verb phrase in "A removed member cannot be validated". */
  readonly refusal: string;
  /** The statuses it may start from. */
  readonly from: readonly MembershipStatus[];
  /** Within `under_review`, the step it must start from. */
  readonly fromReviewStep?: ReviewStep;
  readonly roles: readonly Role[];
  readonly reasonRequired: boolean;
  /** Evidence: ids of stored documents (validation report, corrective action plan, ...). */
  readonly evidenceRequired: boolean;
  readonly auditAction: `partner_membership.${string}`;
  readonly notification: {
    readonly kind: `membership_${string}`;
    readonly audiences: readonly NotificationAudience[];
  };
}

const COMPANY_OFFICER: readonly Role[] = ['company_officer'];
const SPECIALISTS: readonly Role[] = ['scss', 'supervisory_scss'];
const SUPERVISORS: readonly Role[] = ['supervisory_scss'];
const ENFORCEMENT: readonly Role[] = ['supervisory_scss', 'program_manager'];
const ACTIVE_TIERS = ['certified', 'validated', 'validated_exceeds'] as const;
const STATUS_CHANGE_AUDIENCES: readonly NotificationAudience[] = [
  'member_company',
  'assigned_specialist',
  'svi_connections',
];

export const TRANSITION_RULES = {
  submit_application: {
    label: 'Submit the application',
    refusal: 'submit an application',
    from: ['pre_applicant'],
    roles: COMPANY_OFFICER,
    reasonRequired: false,
    evidenceRequired: false,
    auditAction: 'partner_membership.application_submitted',
    notification: {
      kind: 'membership_application_submitted',
      audiences: ['member_company', 'cbp_supervisors'],
    },
  },
  assign_specialist: {
    label: 'Assign a specialist',
    refusal: 'be assigned a specialist',
    from: ['applicant'],
    roles: SUPERVISORS,
    reasonRequired: false,
    evidenceRequired: false,
    auditAction: 'partner_membership.specialist_assigned',
    notification: {
      kind: 'membership_specialist_assigned',
      audiences: ['member_company', 'assigned_specialist'],
    },
  },
  start_profile_review: {
    label: 'Start the Security Profile review',
    refusal: 'have its Security Profile review started',
    from: ['under_review'],
    fromReviewStep: 'specialist_assigned',
    roles: SPECIALISTS,
    reasonRequired: false,
    evidenceRequired: false,
    auditAction: 'partner_membership.profile_review_started',
    notification: { kind: 'membership_profile_review_started', audiences: ['member_company'] },
  },
  approve_profile: {
    label: 'Approve the Security Profile and start vetting',
    refusal: 'have its Security Profile approved',
    from: ['under_review'],
    fromReviewStep: 'profile_review',
    roles: SPECIALISTS,
    reasonRequired: false,
    evidenceRequired: false,
    auditAction: 'partner_membership.profile_approved',
    notification: { kind: 'membership_profile_approved', audiences: ['member_company'] },
  },
  certify: {
    label: 'Certify (Tier I)',
    refusal: 'be certified',
    from: ['under_review'],
    fromReviewStep: 'vetting',
    roles: SPECIALISTS,
    reasonRequired: false,
    evidenceRequired: false,
    auditAction: 'partner_membership.certified',
    notification: { kind: 'membership_certified', audiences: ['member_company'] },
  },
  reject: {
    label: 'Reject the application',
    refusal: 'be rejected',
    from: ['applicant', 'under_review'],
    roles: SPECIALISTS,
    reasonRequired: true,
    evidenceRequired: false,
    auditAction: 'partner_membership.rejected',
    notification: { kind: 'membership_rejected', audiences: ['member_company'] },
  },
  record_validation_meets: {
    label: 'Record a validation that meets the criteria (Tier II)',
    refusal: 'be validated',
    from: ACTIVE_TIERS,
    roles: SUPERVISORS,
    reasonRequired: false,
    evidenceRequired: true,
    auditAction: 'partner_membership.validated',
    notification: {
      kind: 'membership_validated',
      audiences: ['member_company', 'assigned_specialist'],
    },
  },
  record_validation_exceeds: {
    label: 'Record a validation that exceeds the criteria (Tier III)',
    refusal: 'be validated',
    from: ACTIVE_TIERS,
    roles: SUPERVISORS,
    reasonRequired: false,
    evidenceRequired: true,
    auditAction: 'partner_membership.validated_exceeds',
    notification: {
      kind: 'membership_validated_exceeds',
      audiences: ['member_company', 'assigned_specialist'],
    },
  },
  suspend: {
    label: 'Suspend the member',
    refusal: 'be suspended',
    from: ACTIVE_TIERS,
    roles: ENFORCEMENT,
    reasonRequired: true,
    evidenceRequired: false,
    auditAction: 'partner_membership.suspended',
    notification: { kind: 'membership_suspended', audiences: STATUS_CHANGE_AUDIENCES },
  },
  record_suspension_response: {
    label: 'Record the response to the suspension',
    refusal: 'respond to a suspension',
    from: ['suspended'],
    roles: COMPANY_OFFICER,
    reasonRequired: false,
    evidenceRequired: true,
    auditAction: 'partner_membership.suspension_response_recorded',
    notification: {
      kind: 'membership_suspension_response_received',
      audiences: ['assigned_specialist', 'cbp_supervisors'],
    },
  },
  reinstate: {
    label: 'Reinstate the member to the tier it held',
    refusal: 'be reinstated',
    from: ['suspended'],
    roles: ENFORCEMENT,
    reasonRequired: true,
    evidenceRequired: true,
    auditAction: 'partner_membership.reinstated',
    notification: { kind: 'membership_reinstated', audiences: STATUS_CHANGE_AUDIENCES },
  },
  remove: {
    label: 'Remove the member',
    refusal: 'be removed',
    from: [...ACTIVE_TIERS, 'suspended'],
    roles: ENFORCEMENT,
    reasonRequired: true,
    evidenceRequired: true,
    auditAction: 'partner_membership.removed',
    notification: { kind: 'membership_removed', audiences: STATUS_CHANGE_AUDIENCES },
  },
  remove_for_unanswered_suspension: {
    label: 'Remove the member for an unanswered suspension',
    refusal: 'be removed for an unanswered suspension',
    from: ['suspended'],
    roles: ENFORCEMENT,
    reasonRequired: false,
    evidenceRequired: false,
    auditAction: 'partner_membership.removed_unanswered_suspension',
    notification: {
      kind: 'membership_removed_unanswered_suspension',
      audiences: STATUS_CHANGE_AUDIENCES,
    },
  },
  withdraw: {
    label: 'Withdraw from CTPAT',
    refusal: 'withdraw',
    from: ['pre_applicant', 'applicant', 'under_review', ...ACTIVE_TIERS, 'suspended'],
    roles: COMPANY_OFFICER,
    reasonRequired: true,
    evidenceRequired: false,
    auditAction: 'partner_membership.withdrawn',
    notification: { kind: 'membership_withdrawn', audiences: STATUS_CHANGE_AUDIENCES },
  },
  start_new_application: {
    label: 'Start a new application',
    refusal: 'start a new application',
    from: ['removed', 'withdrawn', 'rejected'],
    roles: COMPANY_OFFICER,
    reasonRequired: false,
    evidenceRequired: false,
    auditAction: 'partner_membership.new_application_started',
    notification: { kind: 'membership_new_application_started', audiences: ['member_company'] },
  },
} as const satisfies Record<MembershipTransition, TransitionRule>;

export type MembershipAuditAction = (typeof TRANSITION_RULES)[MembershipTransition]['auditAction'];
export type MembershipNotificationKind =
  (typeof TRANSITION_RULES)[MembershipTransition]['notification']['kind'];

/** Every audit action the lifecycle writes, for the server to register. */
export const MEMBERSHIP_AUDIT_ACTIONS: readonly MembershipAuditAction[] =
  MEMBERSHIP_TRANSITIONS.map((transition) => TRANSITION_RULES[transition].auditAction);

/** Every notification kind the lifecycle sends, for the server to register. */
export const MEMBERSHIP_NOTIFICATION_KINDS: readonly MembershipNotificationKind[] =
  MEMBERSHIP_TRANSITIONS.map((transition) => TRANSITION_RULES[transition].notification.kind);

export interface TransitionContext {
  readonly actorRole: Role;
  /** The business date of the transition: today's UTC date from the service clock. */
  readonly on: CalendarDate;
  readonly reason?: string | null;
  /** Ids of stored evidence documents. */
  readonly evidenceIds?: readonly string[];
  /** Deployment settings for the provisional periods (suspension response, re-application bar). */
  readonly settings?: MembershipClockSettings;
}

export interface TransitionEffects {
  readonly audit: {
    readonly action: MembershipAuditAction;
    readonly before: MembershipState;
    readonly after: MembershipState;
    readonly reason: string | null;
    readonly evidenceIds: readonly string[];
  };
  readonly notifications: readonly {
    readonly kind: MembershipNotificationKind;
    readonly audience: NotificationAudience;
  }[];
}

export const TRANSITION_ERROR_CODES = [
  'unknown_transition',
  'not_allowed_from_state',
  'role_not_permitted',
  'reason_required',
  'evidence_required',
  'date_before_current_status',
  'suspension_already_answered',
  'suspension_response_pending',
  'reapplication_barred',
] as const;
export type TransitionErrorCode = (typeof TRANSITION_ERROR_CODES)[number];

/** How the API answers each refusal (errors/error-codes.ts). */
export const TRANSITION_ERROR_API_CODE: Record<TransitionErrorCode, ErrorCode> = {
  unknown_transition: 'VALIDATION_FAILED',
  not_allowed_from_state: 'CONFLICT',
  role_not_permitted: 'FORBIDDEN',
  reason_required: 'VALIDATION_FAILED',
  evidence_required: 'VALIDATION_FAILED',
  date_before_current_status: 'CONFLICT',
  suspension_already_answered: 'CONFLICT',
  suspension_response_pending: 'CONFLICT',
  reapplication_barred: 'CONFLICT',
};

export type TransitionResult =
  | { readonly ok: true; readonly next: MembershipState; readonly effects: TransitionEffects }
  | { readonly ok: false; readonly code: TransitionErrorCode; readonly message: string };

function refuse(code: TransitionErrorCode, message: string): TransitionResult {
  return { ok: false, code, message };
}

export function isMembershipTransition(value: string): value is MembershipTransition {
  return (MEMBERSHIP_TRANSITIONS as readonly string[]).includes(value);
}

function rule(transition: MembershipTransition): TransitionRule {
  return TRANSITION_RULES[transition];
}

/** Whether the transition may start from this state (status and review step; no other guard). */
export function startsFrom(transition: MembershipTransition, state: MembershipState): boolean {
  const { from, fromReviewStep } = rule(transition);
  if (!from.includes(state.status)) {
    return false;
  }
  return (
    fromReviewStep === undefined ||
    (state.status === 'under_review' && state.reviewStep === fromReviewStep)
  );
}

/**
 * The transitions this role could make from this state, for the UI's buttons. The date, reason,
 * evidence and time-bar guards are checked by `applyTransition`.
 */
export function availableTransitions(
  state: MembershipState,
  role: Role,
): readonly MembershipTransition[] {
  return MEMBERSHIP_TRANSITIONS.filter(
    (transition) => startsFrom(transition, state) && rule(transition).roles.includes(role),
  );
}

/** The state after the transition. Only called once every guard has passed. */
function nextState(
  transition: MembershipTransition,
  current: MembershipState,
  on: CalendarDate,
): MembershipState {
  switch (transition) {
    case 'submit_application':
      return { status: 'applicant', since: on };
    case 'assign_specialist':
      return { status: 'under_review', reviewStep: 'specialist_assigned', since: on };
    case 'start_profile_review':
      return { status: 'under_review', reviewStep: 'profile_review', since: on };
    case 'approve_profile':
      return { status: 'under_review', reviewStep: 'vetting', since: on };
    case 'certify':
      return { status: 'certified', since: on };
    case 'reject':
      return { status: 'rejected', since: on };
    case 'record_validation_meets':
      return { status: 'validated', since: on };
    case 'record_validation_exceeds':
      return { status: 'validated_exceeds', since: on };
    case 'suspend':
      return {
        status: 'suspended',
        since: on,
        heldStatus: isTierStatus(current.status) ? current.status : 'certified',
        responseReceivedOn: null,
      };
    case 'record_suspension_response':
      return current.status === 'suspended' ? { ...current, responseReceivedOn: on } : current;
    case 'reinstate':
      return {
        status: current.status === 'suspended' ? current.heldStatus : 'certified',
        since: on,
      };
    case 'remove':
      return { status: 'removed', since: on, cause: 'program_violation' };
    case 'remove_for_unanswered_suspension':
      return { status: 'removed', since: on, cause: 'unanswered_suspension' };
    case 'withdraw':
      return { status: 'withdrawn', since: on };
    case 'start_new_application':
      return { status: 'pre_applicant', since: on };
  }
}

/** Guards that depend on dates and on the suspension, after status, role, reason and evidence. */
function timeGuard(
  transition: MembershipTransition,
  current: MembershipState,
  on: CalendarDate,
  settings: MembershipClockSettings,
): TransitionResult | null {
  if (transition === 'record_suspension_response' && current.status === 'suspended') {
    if (current.responseReceivedOn !== null) {
      return refuse(
        'suspension_already_answered',
        `The response to this suspension was already recorded on ${current.responseReceivedOn}.`,
      );
    }
  }
  if (transition === 'remove_for_unanswered_suspension' && current.status === 'suspended') {
    if (current.responseReceivedOn !== null) {
      return refuse(
        'suspension_already_answered',
        `The member answered the suspension on ${current.responseReceivedOn}; remove it for another cause, or reinstate it.`,
      );
    }
    const response = suspensionResponseDue(current.since, settings);
    if (!isBefore(response.due, on)) {
      return refuse(
        'suspension_response_pending',
        `The member has until ${response.due} to answer the suspension (${response.rule.citation}); it cannot be removed as unanswered before then.`,
      );
    }
  }
  if (
    transition === 'start_new_application' &&
    current.status === 'removed' &&
    current.cause === 'unanswered_suspension'
  ) {
    const bar = reapplicationBar(current.since, settings);
    if (isBefore(on, bar.reapplyFrom)) {
      return refuse(
        'reapplication_barred',
        `A company removed for an unanswered suspension may not apply again until ${bar.reapplyFrom} (${bar.rule.citation}).`,
      );
    }
  }
  return null;
}

/**
 * Apply one transition. Checks, in order: the transition is known; it may start from the
 * current status (and review step); the role may make it; the date is not before the current
 * status began; a reason and evidence when required; the suspension and re-application guards.
 * The first failure is the answer, so the message names the most basic problem.
 */
export function applyTransition(
  current: MembershipState,
  transition: MembershipTransition,
  context: TransitionContext,
): TransitionResult {
  if (!isMembershipTransition(transition)) {
    return refuse('unknown_transition', `"${String(transition)}" is not a membership transition.`);
  }
  const spec = rule(transition);
  if (!startsFrom(transition, current)) {
    return refuse('not_allowed_from_state', `${describeState(current)} cannot ${spec.refusal}.`);
  }
  if (!spec.roles.includes(context.actorRole)) {
    return refuse(
      'role_not_permitted',
      `${spec.label}: the ${context.actorRole} role may not do this; allowed: ${spec.roles.join(', ')}.`,
    );
  }
  if (isBefore(context.on, current.since)) {
    return refuse(
      'date_before_current_status',
      `${spec.label}: the date ${context.on} is before the current status began (${current.since}).`,
    );
  }
  const reason = context.reason?.trim() ?? '';
  if (spec.reasonRequired && reason === '') {
    return refuse('reason_required', `${spec.label}: a reason is required.`);
  }
  const evidenceIds = (context.evidenceIds ?? []).filter((id) => id.trim() !== '');
  if (spec.evidenceRequired && evidenceIds.length === 0) {
    return refuse(
      'evidence_required',
      `${spec.label}: at least one evidence document is required.`,
    );
  }
  const settings = context.settings ?? DEFAULT_MEMBERSHIP_CLOCK_SETTINGS;
  const blocked = timeGuard(transition, current, context.on, settings);
  if (blocked !== null) {
    return blocked;
  }
  const next = nextState(transition, current, context.on);
  return {
    ok: true,
    next,
    effects: {
      audit: {
        action: TRANSITION_RULES[transition].auditAction,
        before: current,
        after: next,
        reason: reason === '' ? null : reason,
        evidenceIds,
      },
      notifications: TRANSITION_RULES[transition].notification.audiences.map((audience) => ({
        kind: TRANSITION_RULES[transition].notification.kind,
        audience,
      })),
    },
  };
}
