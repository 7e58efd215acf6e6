import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../authorization/roles.ts';
import { addDays, type CalendarDate, calendarDate } from '../../time/calendar-date.ts';
import { resolveMembershipClockSettings } from './membership-clocks.ts';
import {
  initialMembershipState,
  isMembershipState,
  isTerminalStatus,
  MEMBERSHIP_STATUSES,
  type MembershipState,
  type TierStatus,
} from './membership-states.ts';
import {
  applyTransition,
  availableTransitions,
  MEMBERSHIP_AUDIT_ACTIONS,
  MEMBERSHIP_NOTIFICATION_KINDS,
  MEMBERSHIP_TRANSITIONS,
  type MembershipTransition,
  TRANSITION_ERROR_API_CODE,
  TRANSITION_ERROR_CODES,
  TRANSITION_RULES,
  type TransitionContext,
  type TransitionResult,
} from './membership-transitions.ts';

const start = calendarDate('2026-01-05');

/** A context that satisfies every reason and evidence requirement. */
function full(actorRole: Role, on: CalendarDate): TransitionContext {
  return { actorRole, on, reason: 'Recorded in the file', evidenceIds: ['doc-1'] };
}

function mustApply(
  state: MembershipState,
  transition: MembershipTransition,
  context: TransitionContext,
): MembershipState {
  const result = applyTransition(state, transition, context);
  if (!result.ok) {
    throw new Error(`${transition}: ${result.code}: ${result.message}`);
  }
  return result.next;
}

function refusal(result: TransitionResult): { code: string; message: string } | null {
  return result.ok ? null : { code: result.code, message: result.message };
}

/** Pre-applicant to Tier I, one day per step. */
function certifiedMember(): MembershipState {
  let state = initialMembershipState(start);
  const steps: Array<[MembershipTransition, Role]> = [
    ['submit_application', 'company_officer'],
    ['assign_specialist', 'supervisory_scss'],
    ['start_profile_review', 'scss'],
    ['approve_profile', 'scss'],
    ['certify', 'scss'],
  ];
  steps.forEach(([transition, role], index) => {
    state = mustApply(state, transition, full(role, addDays(start, index + 1)));
  });
  return state;
}

describe('the transition table', () => {
  it('gives every transition roles, an audit action and a notification', () => {
    for (const transition of MEMBERSHIP_TRANSITIONS) {
      const rule = TRANSITION_RULES[transition];
      expect(rule.roles.length).toBeGreaterThan(0);
      for (const role of rule.roles) {
        expect(ROLES).toContain(role);
      }
      expect(rule.auditAction).toMatch(/^partner_membership\.[a-z_]+$/);
      expect(rule.notification.kind).toMatch(/^membership_[a-z_]+$/);
      expect(rule.notification.audiences.length).toBeGreaterThan(0);
      expect(rule.from.length).toBeGreaterThan(0);
      for (const status of rule.from) {
        expect(MEMBERSHIP_STATUSES).toContain(status);
      }
    }
    expect(new Set(MEMBERSHIP_AUDIT_ACTIONS).size).toBe(MEMBERSHIP_TRANSITIONS.length);
    expect(new Set(MEMBERSHIP_NOTIFICATION_KINDS).size).toBe(MEMBERSHIP_TRANSITIONS.length);
    expect(Object.keys(TRANSITION_ERROR_API_CODE).sort()).toEqual(
      [...TRANSITION_ERROR_CODES].sort(),
    );
  });

  it('leaves the terminal states only by a new application', () => {
    for (const transition of MEMBERSHIP_TRANSITIONS) {
      const fromTerminal = TRANSITION_RULES[transition].from.some((status) =>
        isTerminalStatus(status),
      );
      expect(fromTerminal).toBe(transition === 'start_new_application');
    }
  });

  it('tells SVI partners about suspension, reinstatement, removal and withdrawal', () => {
    const told = MEMBERSHIP_TRANSITIONS.filter((transition) =>
      (TRANSITION_RULES[transition].notification.audiences as readonly string[]).includes(
        'svi_connections',
      ),
    );
    expect(told).toEqual([
      'suspend',
      'reinstate',
      'remove',
      'remove_for_unanswered_suspension',
      'withdraw',
    ]);
  });
});

describe(applyTransition.name, () => {
  it('walks an importer from pre-applicant to Tier III with audit and notifications', () => {
    const certified = certifiedMember();
    expect(certified).toEqual({ status: 'certified', since: '2026-01-10' });

    const result = applyTransition(certified, 'record_validation_exceeds', {
      actorRole: 'supervisory_scss',
      on: calendarDate('2026-09-01'),
      evidenceIds: ['validation-report-7'],
    });
    expect(result).toEqual({
      ok: true,
      next: { status: 'validated_exceeds', since: '2026-09-01' },
      effects: {
        audit: {
          action: 'partner_membership.validated_exceeds',
          before: certified,
          after: { status: 'validated_exceeds', since: '2026-09-01' },
          reason: null,
          evidenceIds: ['validation-report-7'],
        },
        notifications: [
          { kind: 'membership_validated_exceeds', audience: 'member_company' },
          { kind: 'membership_validated_exceeds', audience: 'assigned_specialist' },
        ],
      },
    });
  });

  it('refuses to validate a removed member, in plain words', () => {
    const removed: MembershipState = {
      status: 'removed',
      since: calendarDate('2026-03-01'),
      cause: 'program_violation',
    };
    expect(
      refusal(applyTransition(removed, 'record_validation_meets', full('supervisory_scss', start))),
    ).toEqual({
      code: 'not_allowed_from_state',
      message: 'A removed member cannot be validated.',
    });
  });

  it('keeps the review steps in order', () => {
    const assigned = mustApply(
      mustApply(
        initialMembershipState(start),
        'submit_application',
        full('company_officer', start),
      ),
      'assign_specialist',
      full('supervisory_scss', start),
    );
    expect(refusal(applyTransition(assigned, 'certify', full('scss', start)))).toEqual({
      code: 'not_allowed_from_state',
      message: 'An application under review (specialist assigned step) cannot be certified.',
    });
  });

  it('checks the role, the reason and the evidence', () => {
    const certified = certifiedMember();
    const on = calendarDate('2026-06-01');
    expect(refusal(applyTransition(certified, 'suspend', full('scss', on)))?.code).toBe(
      'role_not_permitted',
    );
    expect(
      refusal(applyTransition(certified, 'suspend', full('company_officer', on)))?.message,
    ).toBe(
      'Suspend the member: the company_officer role may not do this; allowed: supervisory_scss, program_manager.',
    );
    expect(
      refusal(
        applyTransition(certified, 'suspend', { actorRole: 'program_manager', on, reason: '  ' }),
      ),
    ).toEqual({ code: 'reason_required', message: 'Suspend the member: a reason is required.' });
    expect(
      refusal(
        applyTransition(certified, 'record_validation_meets', {
          actorRole: 'supervisory_scss',
          on,
          evidenceIds: [''],
        }),
      )?.code,
    ).toBe('evidence_required');
  });

  it('refuses a date before the current status began', () => {
    const certified = certifiedMember();
    expect(
      refusal(applyTransition(certified, 'suspend', full('program_manager', start)))?.code,
    ).toBe('date_before_current_status');
  });

  it.each<TierStatus>(['certified', 'validated', 'validated_exceeds'])(
    'reinstates a suspended %s member to the tier it held',
    (held) => {
      const member: MembershipState = { status: held, since: start };
      const suspended = mustApply(member, 'suspend', full('supervisory_scss', addDays(start, 10)));
      expect(suspended).toEqual({
        status: 'suspended',
        since: addDays(start, 10),
        heldStatus: held,
        responseReceivedOn: null,
      });
      const answered = mustApply(
        suspended,
        'record_suspension_response',
        full('company_officer', addDays(start, 40)),
      );
      const reinstated = mustApply(
        answered,
        'reinstate',
        full('program_manager', addDays(start, 60)),
      );
      expect(reinstated).toEqual({ status: held, since: addDays(start, 60) });
    },
  );

  it('removes for an unanswered suspension only after the response window, then bars re-applying', () => {
    const letter = calendarDate('2026-05-01');
    const suspended = mustApply(certifiedMember(), 'suspend', full('supervisory_scss', letter));
    // Day 90 is still inside the window (provisional 90 days).
    expect(
      refusal(
        applyTransition(
          suspended,
          'remove_for_unanswered_suspension',
          full('supervisory_scss', calendarDate('2026-07-30')),
        ),
      ),
    ).toEqual({
      code: 'suspension_response_pending',
      message: expect.stringContaining('has until 2026-07-30 to answer'),
    });
    const removed = mustApply(
      suspended,
      'remove_for_unanswered_suspension',
      full('supervisory_scss', calendarDate('2026-07-31')),
    );
    expect(removed).toEqual({
      status: 'removed',
      since: '2026-07-31',
      cause: 'unanswered_suspension',
    });

    const early = applyTransition(
      removed,
      'start_new_application',
      full('company_officer', calendarDate('2027-07-31')),
    );
    expect(refusal(early)).toEqual({
      code: 'reapplication_barred',
      message: expect.stringContaining('may not apply again until 2027-08-01'),
    });
    expect(
      mustApply(
        removed,
        'start_new_application',
        full('company_officer', calendarDate('2027-08-01')),
      ),
    ).toEqual({ status: 'pre_applicant', since: '2027-08-01' });
  });

  it('follows configured periods for the suspension and the bar', () => {
    const resolved = resolveMembershipClockSettings({
      suspensionResponseDays: { value: 30 },
      reapplicationBarYears: { value: 2 },
    });
    if (!resolved.ok) throw new Error('settings refused');
    const settings = resolved.settings;
    const suspended: MembershipState = {
      status: 'suspended',
      since: calendarDate('2026-05-01'),
      heldStatus: 'validated',
      responseReceivedOn: null,
    };
    const removed = mustApply(suspended, 'remove_for_unanswered_suspension', {
      ...full('program_manager', calendarDate('2026-06-01')),
      settings,
    });
    const barred = applyTransition(removed, 'start_new_application', {
      ...full('company_officer', calendarDate('2028-06-01')),
      settings,
    });
    expect(refusal(barred)?.code).toBe('reapplication_barred');
  });

  it('does not remove as unanswered a suspension the member answered', () => {
    const answered: MembershipState = {
      status: 'suspended',
      since: calendarDate('2026-01-01'),
      heldStatus: 'certified',
      responseReceivedOn: calendarDate('2026-02-01'),
    };
    expect(
      refusal(
        applyTransition(
          answered,
          'remove_for_unanswered_suspension',
          full('supervisory_scss', calendarDate('2026-12-01')),
        ),
      )?.code,
    ).toBe('suspension_already_answered');
    expect(
      refusal(
        applyTransition(
          answered,
          'record_suspension_response',
          full('company_officer', calendarDate('2026-03-01')),
        ),
      )?.code,
    ).toBe('suspension_already_answered');
  });

  it('lets a withdrawn or rejected company apply again at once, and a removed one for cause too', () => {
    for (const state of [
      { status: 'withdrawn', since: start },
      { status: 'rejected', since: start },
      { status: 'removed', since: start, cause: 'program_violation' },
    ] as const) {
      expect(mustApply(state, 'start_new_application', full('company_officer', start))).toEqual({
        status: 'pre_applicant',
        since: start,
      });
    }
  });

  it('refuses an unknown transition', () => {
    expect(
      refusal(
        applyTransition(
          initialMembershipState(start),
          'promote' as MembershipTransition,
          full('administrator', start),
        ),
      )?.code,
    ).toBe('unknown_transition');
  });
});

describe(availableTransitions.name, () => {
  it('offers each role only what it may do from the state', () => {
    const certified = certifiedMember();
    expect(availableTransitions(certified, 'company_officer')).toEqual(['withdraw']);
    expect(availableTransitions(certified, 'supervisory_scss')).toEqual([
      'record_validation_meets',
      'record_validation_exceeds',
      'suspend',
      'remove',
    ]);
    expect(availableTransitions(certified, 'metrics_viewer')).toEqual([]);
  });
});

describe('random walks through the machine', () => {
  type Step =
    | { kind: 'any'; transition: MembershipTransition; role: Role; days: number; complete: boolean }
    | { kind: 'allowed'; pick: number; days: number };

  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({
      kind: fc.constant('any' as const),
      transition: fc.constantFrom(...MEMBERSHIP_TRANSITIONS),
      role: fc.constantFrom(...ROLES),
      days: fc.integer({ min: -30, max: 500 }),
      complete: fc.boolean(),
    }),
    fc.record({
      kind: fc.constant('allowed' as const),
      pick: fc.nat(),
      days: fc.integer({ min: 0, max: 500 }),
    }),
  );

  it('stays inside the listed states and keeps every promise of the table', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let state = initialMembershipState(start);
        for (const s of steps) {
          const on = addDays(state.since, s.days);
          let transition: MembershipTransition;
          let context: TransitionContext;
          if (s.kind === 'any') {
            transition = s.transition;
            context = s.complete ? full(s.role, on) : { actorRole: s.role, on };
          } else {
            const options = ROLES.flatMap((role) =>
              availableTransitions(state, role).map((t) => [t, role] as const),
            );
            const option = options[s.pick % Math.max(options.length, 1)];
            if (option === undefined) {
              continue;
            }
            transition = option[0];
            context = full(option[1], on);
          }
          const result = applyTransition(state, transition, context);
          if (!result.ok) {
            expect(TRANSITION_ERROR_CODES).toContain(result.code);
            expect(result.message.length).toBeGreaterThan(0);
            continue;
          }
          const rule = TRANSITION_RULES[transition];
          expect(isMembershipState(result.next)).toBe(true);
          expect(rule.roles).toContain(context.actorRole);
          expect(result.effects.audit.action).toBe(rule.auditAction);
          expect(result.effects.audit.before).toBe(state);
          expect(result.effects.audit.after).toBe(result.next);
          expect(result.effects.notifications.length).toBe(rule.notification.audiences.length);
          if (isTerminalStatus(state.status)) {
            expect(transition).toBe('start_new_application');
          }
          if (transition === 'reinstate' && state.status === 'suspended') {
            expect(result.next.status).toBe(state.heldStatus);
          }
          if (rule.reasonRequired) {
            expect(result.effects.audit.reason).not.toBeNull();
          }
          if (rule.evidenceRequired) {
            expect(result.effects.audit.evidenceIds.length).toBeGreaterThan(0);
          }
          state = result.next;
        }
        expect(isMembershipState(state)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never changes anything when it refuses', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MEMBERSHIP_TRANSITIONS),
        fc.constantFrom(...ROLES),
        (transition, role) => {
          const state = certifiedMember();
          const snapshot = structuredClone(state);
          const result = applyTransition(state, transition, { actorRole: role, on: start });
          expect(result.ok).toBe(false);
          expect(state).toEqual(snapshot);
        },
      ),
    );
  });
});

describe(isMembershipState.name, () => {
  it('refuses unknown statuses and stray or missing fields', () => {
    expect(isMembershipState({ status: 'certified', since: '2026-01-01' })).toBe(true);
    expect(isMembershipState({ status: 'tier_iv', since: '2026-01-01' })).toBe(false);
    expect(isMembershipState({ status: 'certified', since: '2026-02-30' })).toBe(false);
    expect(isMembershipState({ status: 'certified', since: '2026-01-01', extra: 1 })).toBe(false);
    expect(isMembershipState({ status: 'under_review', since: '2026-01-01' })).toBe(false);
    expect(
      isMembershipState({
        status: 'suspended',
        since: '2026-01-01',
        heldStatus: 'suspended',
        responseReceivedOn: null,
      }),
    ).toBe(false);
    expect(isMembershipState(null)).toBe(false);
  });
});
