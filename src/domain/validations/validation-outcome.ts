import { revalidationDue } from '../registry/lifecycle/membership-clocks.ts';
import type { MembershipTransition } from '../registry/lifecycle/membership-transitions.ts';
import type { CalendarDate } from '../time/calendar-date.ts';
import { isPastResponseDeadline } from './response-deadline.ts';
import type {
  ResponseDecision,
  ValidationOutcome,
  ValidationStatus,
} from './validation-vocabulary.ts';

/**
 * How a validation ends (issue 6, items 6 and 7): the state of each required action from the
 * member's responses and the specialist's decisions, whether a new response or a decision may
 * be made, when the validation can close and with which outcome, the suspension risk of
 * required actions left unanswered past the deadline, and the next revalidation date. Pure
 * functions, no I/O.
 *
 * Sources: ctpat-program.md §6 (the report carries required actions; the member's written
 * response; the specialist's reply; outcomes Tier II, Tier III or the suspension/removal path),
 * §3.4 (Tier II meets, Tier III exceeds the MSC), §3.6 (suspension is a separate decision that
 * takes benefits away: "poor validation" is one of its grounds), 6 U.S.C. 969(2) (revalidation
 * at least once in each 4-year period; membership-clocks.ts `revalidationDue`).
 */

// ---------------------------------------------------------------------------------------------
// A required action and its responses

/**
 * Where a required action stands, from its latest response (a returned response is kept and
 * the member answers again with a new one):
 * - awaiting_response: never answered;
 * - awaiting_decision: the latest response waits for the specialist;
 * - returned: the specialist returned the latest response with a note; the member answers again;
 * - accepted: the specialist accepted the latest response; nothing more to do.
 */
export const REQUIRED_ACTION_STATES = [
  'awaiting_response',
  'awaiting_decision',
  'returned',
  'accepted',
] as const;
export type RequiredActionState = (typeof REQUIRED_ACTION_STATES)[number];

/** The state from the action's responses, oldest first. */
export function requiredActionState(
  responses: readonly { readonly decision: ResponseDecision | null }[],
): RequiredActionState {
  const latest = responses.at(-1);
  if (latest === undefined) return 'awaiting_response';
  return latest.decision === null ? 'awaiting_decision' : latest.decision;
}

/** Whether the member has to answer (again): the only states that can become overdue. */
export function needsMemberResponse(state: RequiredActionState): boolean {
  return state === 'awaiting_response' || state === 'returned';
}

export type ResponseCheck =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly code: 'not_issued' | 'closed' | 'awaiting_decision' | 'accepted';
      readonly message: string;
    };

/**
 * Whether the member may answer a required action now: only once the report is issued and until
 * the validation closes ("responses after closure" are refused: issue 6, bad input), one
 * response at a time (the specialist decides the previous one first), and never an accepted
 * one. Late responses (after the deadline) are taken: answering late is better than not at all.
 */
export function checkNewResponse(
  status: ValidationStatus,
  state: RequiredActionState,
): ResponseCheck {
  if (status === 'closed' || status === 'cancelled') {
    return {
      ok: false,
      code: 'closed',
      message: `The validation is ${status}: its required actions take no more responses.`,
    };
  }
  if (status !== 'report_issued') {
    return {
      ok: false,
      code: 'not_issued',
      message: 'The validation report has not been issued yet: there is nothing to answer.',
    };
  }
  if (state === 'awaiting_decision') {
    return {
      ok: false,
      code: 'awaiting_decision',
      message:
        'The previous response to this required action waits for the specialist’s decision: answer again only if it is returned.',
    };
  }
  if (state === 'accepted') {
    return {
      ok: false,
      code: 'accepted',
      message: 'The specialist accepted a response to this required action: it is done.',
    };
  }
  return { ok: true };
}

export type DecisionCheck =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly code: 'not_issued' | 'closed' | 'already_decided' | 'not_latest' | 'note_required';
      readonly message: string;
    };

/**
 * Whether the specialist may decide a response: on an issued, open validation, the latest
 * response of its required action, once (a decision is final; the member answers a returned one
 * with a new response), and a return says why (the member needs to know what to fix).
 */
export function checkDecision(input: {
  readonly status: ValidationStatus;
  readonly response: { readonly decision: ResponseDecision | null };
  readonly isLatest: boolean;
  readonly decision: ResponseDecision;
  readonly note: string | null;
}): DecisionCheck {
  if (input.status === 'closed' || input.status === 'cancelled') {
    return {
      ok: false,
      code: 'closed',
      message: `The validation is ${input.status}: its responses can no longer be decided.`,
    };
  }
  if (input.status !== 'report_issued') {
    return { ok: false, code: 'not_issued', message: 'The validation report is not issued.' };
  }
  if (input.response.decision !== null) {
    return {
      ok: false,
      code: 'already_decided',
      message: `This response was already ${input.response.decision}.`,
    };
  }
  if (!input.isLatest) {
    return {
      ok: false,
      code: 'not_latest',
      message: 'A later response to this required action replaced this one.',
    };
  }
  if (input.decision === 'returned' && (input.note ?? '').trim() === '') {
    return {
      ok: false,
      code: 'note_required',
      message: 'is required when a response is returned: say what the member has to change',
    };
  }
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Closing and the outcome

/** The registry transition that records each tier outcome (membership-transitions.ts). */
export const OUTCOME_TRANSITION: Readonly<
  Record<ValidationOutcome, Extract<MembershipTransition, `record_validation_${string}`> | null>
> = {
  meets: 'record_validation_meets',
  exceeds: 'record_validation_exceeds',
  // The suspension is the supervisors' separate decision (the registry's `suspend`).
  suspension: null,
};

export interface ClosingInput {
  readonly status: ValidationStatus;
  readonly recommendedOutcome: ValidationOutcome | null;
  /** The state of every required action of the report (empty when it has none). */
  readonly requiredActions: readonly RequiredActionState[];
  readonly responsesDueOn: CalendarDate | null;
  readonly today: CalendarDate;
}

export type Closing =
  | {
      readonly ready: true;
      readonly outcome: ValidationOutcome;
      /** The registry transition written with the closing, or null on the suspension path. */
      readonly registryTransition: Extract<
        MembershipTransition,
        `record_validation_${string}`
      > | null;
      /** The registry transition left to the supervisors (the suspension path), or null. */
      readonly supervisoryDecision: Extract<MembershipTransition, 'suspend'> | null;
    }
  | {
      readonly ready: false;
      readonly reason: 'not_issued' | 'closed' | 'no_recommended_outcome' | 'open_required_actions';
      /** Required actions not accepted yet. */
      readonly open: number;
      /** Of those, the ones the member has not answered after the deadline. */
      readonly overdue: number;
      /** Open required actions left unanswered past the deadline (ctpat-program.md §3.6). */
      readonly suspensionRisk: boolean;
    };

/** Required actions the member has not answered (or answered again) after the deadline. */
export function overdueRequiredActions(
  requiredActions: readonly RequiredActionState[],
  responsesDueOn: CalendarDate | null,
  today: CalendarDate,
): number {
  if (responsesDueOn === null || !isPastResponseDeadline(responsesDueOn, today)) return 0;
  return requiredActions.filter(needsMemberResponse).length;
}

/**
 * Whether an issued validation can close, and with which outcome. It closes when every required
 * action's latest response is accepted, or when the report had none: the outcome is then the
 * one the approved report recommends. `meets` records Tier II and `exceeds` Tier III through
 * the registry (ctpat-program.md §3.4, §6); `suspension` closes the validation on the
 * suspension path, and the suspension itself stays the supervisors' decision (§3.6: it takes
 * benefits away and is made in the registry). Until then, required actions unanswered past the
 * deadline put the member at risk of suspension.
 */
export function validationClosing(input: ClosingInput): Closing {
  const open = input.requiredActions.filter((state) => state !== 'accepted').length;
  const overdue = overdueRequiredActions(input.requiredActions, input.responsesDueOn, input.today);
  const notReady = (reason: Extract<Closing, { ready: false }>['reason']): Closing => ({
    ready: false,
    reason,
    open,
    overdue,
    suspensionRisk: overdue > 0,
  });
  if (input.status === 'closed' || input.status === 'cancelled') return notReady('closed');
  if (input.status !== 'report_issued') return notReady('not_issued');
  if (input.recommendedOutcome === null) return notReady('no_recommended_outcome');
  if (open > 0) return notReady('open_required_actions');
  const outcome = input.recommendedOutcome;
  return {
    ready: true,
    outcome,
    registryTransition: OUTCOME_TRANSITION[outcome],
    supervisoryDecision: outcome === 'suspension' ? 'suspend' : null,
  };
}

/**
 * The next revalidation after a validation closes (6 U.S.C. 969(2), through the registry's
 * `revalidationDue`: the planning date, 4 years after the latest validation, never later than
 * the statutory period). A tier outcome is a validation on `closedOn`: the member's first one
 * when it had none, a revalidation otherwise. On the suspension path the member was not
 * validated now: the clock keeps running from its earlier validations, and a member never
 * validated has no revalidation date.
 */
export function nextRevalidationDue(input: {
  readonly outcome: ValidationOutcome;
  readonly closedOn: CalendarDate;
  /** The member's first validation, before this one (partner_memberships.validated_on). */
  readonly validatedOn: CalendarDate | null;
  /** The member's latest validation, before this one (last_validated_on). */
  readonly lastValidatedOn: CalendarDate | null;
}): CalendarDate | null {
  const { validatedOn, lastValidatedOn } = input;
  const earlier =
    lastValidatedOn !== null && lastValidatedOn !== validatedOn ? [lastValidatedOn] : [];
  if (input.outcome === 'suspension') {
    return validatedOn === null
      ? null
      : revalidationDue({ initialValidatedOn: validatedOn, revalidatedOn: earlier }).planning.due;
  }
  return validatedOn === null
    ? revalidationDue({ initialValidatedOn: input.closedOn }).planning.due
    : revalidationDue({
        initialValidatedOn: validatedOn,
        revalidatedOn: [...earlier, input.closedOn],
      }).planning.due;
}
