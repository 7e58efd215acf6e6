import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REVALIDATION_PERIOD_YEARS } from '../registry/lifecycle/membership-clocks.ts';
import {
  addDays,
  addYears,
  type CalendarDate,
  calendarDate,
  calendarDateFromInstant,
  isAfter,
} from '../time/calendar-date.ts';
import {
  checkDecision,
  checkNewResponse,
  needsMemberResponse,
  nextRevalidationDue,
  overdueRequiredActions,
  REQUIRED_ACTION_STATES,
  type RequiredActionState,
  requiredActionState,
  validationClosing,
} from './validation-outcome.ts';
import { VALIDATION_OUTCOMES, VALIDATION_STATUSES } from './validation-vocabulary.ts';

const anyDate: fc.Arbitrary<CalendarDate> = fc
  .date({
    min: new Date('2001-01-01T00:00:00Z'),
    max: new Date('2100-12-31T23:59:59Z'),
    noInvalidDate: true,
  })
  .map(calendarDateFromInstant);
const anyState = fc.constantFrom(...REQUIRED_ACTION_STATES);
const anyDecision = fc.constantFrom('accepted' as const, 'returned' as const, null);
const d = calendarDate;

describe('a required action’s state', () => {
  it('follows its latest response', () => {
    expect(requiredActionState([])).toBe('awaiting_response');
    expect(requiredActionState([{ decision: null }])).toBe('awaiting_decision');
    expect(requiredActionState([{ decision: 'returned' }])).toBe('returned');
    expect(requiredActionState([{ decision: 'returned' }, { decision: null }])).toBe(
      'awaiting_decision',
    );
    expect(requiredActionState([{ decision: 'returned' }, { decision: 'accepted' }])).toBe(
      'accepted',
    );
  });

  it('depends on the latest response only, whatever came before', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ decision: anyDecision })), anyDecision, (earlier, last) => {
        const state = requiredActionState([...earlier, { decision: last }]);
        expect(state).toBe(last === null ? 'awaiting_decision' : last);
      }),
    );
  });
});

describe('a new response', () => {
  it('is refused after closure, before the report is issued, while one waits, once accepted', () => {
    expect(checkNewResponse('closed', 'returned')).toMatchObject({ ok: false, code: 'closed' });
    expect(checkNewResponse('cancelled', 'awaiting_response')).toMatchObject({ code: 'closed' });
    expect(checkNewResponse('report_submitted', 'awaiting_response')).toMatchObject({
      code: 'not_issued',
    });
    expect(checkNewResponse('report_issued', 'awaiting_decision')).toMatchObject({
      code: 'awaiting_decision',
    });
    expect(checkNewResponse('report_issued', 'accepted')).toMatchObject({ code: 'accepted' });
    expect(checkNewResponse('report_issued', 'awaiting_response')).toEqual({ ok: true });
    expect(checkNewResponse('report_issued', 'returned')).toEqual({ ok: true });
  });

  it('is allowed exactly when the report is issued and the member has to answer', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VALIDATION_STATUSES), anyState, (status, state) => {
        expect(checkNewResponse(status, state).ok).toBe(
          status === 'report_issued' && needsMemberResponse(state),
        );
      }),
    );
  });
});

describe('a decision on a response', () => {
  const base = {
    status: 'report_issued' as const,
    response: { decision: null },
    isLatest: true,
    decision: 'accepted' as const,
    note: null,
  };

  it('needs a note to return, an undecided latest response and an issued, open validation', () => {
    expect(checkDecision(base)).toEqual({ ok: true });
    expect(checkDecision({ ...base, decision: 'returned', note: '  ' })).toMatchObject({
      code: 'note_required',
    });
    expect(checkDecision({ ...base, decision: 'returned', note: 'Add the seal log' })).toEqual({
      ok: true,
    });
    expect(checkDecision({ ...base, response: { decision: 'accepted' } })).toMatchObject({
      code: 'already_decided',
    });
    expect(checkDecision({ ...base, isLatest: false })).toMatchObject({ code: 'not_latest' });
    expect(checkDecision({ ...base, status: 'closed' })).toMatchObject({ code: 'closed' });
    expect(checkDecision({ ...base, status: 'fieldwork' })).toMatchObject({ code: 'not_issued' });
  });
});

describe('closing a validation', () => {
  const issued = {
    status: 'report_issued' as const,
    recommendedOutcome: 'meets' as const,
    responsesDueOn: d('2026-04-10'),
    today: d('2026-03-01'),
  };

  it('closes with the recommended outcome once every required action is accepted, or with none', () => {
    expect(validationClosing({ ...issued, requiredActions: [] })).toEqual({
      ready: true,
      outcome: 'meets',
      registryTransition: 'record_validation_meets',
      supervisoryDecision: null,
    });
    expect(
      validationClosing({
        ...issued,
        recommendedOutcome: 'exceeds',
        requiredActions: ['accepted', 'accepted'],
      }),
    ).toMatchObject({
      ready: true,
      outcome: 'exceeds',
      registryTransition: 'record_validation_exceeds',
    });
  });

  it('closes a recommended suspension on the suspension path, leaving the suspension to supervisors', () => {
    expect(
      validationClosing({ ...issued, recommendedOutcome: 'suspension', requiredActions: [] }),
    ).toEqual({
      ready: true,
      outcome: 'suspension',
      registryTransition: null,
      supervisoryDecision: 'suspend',
    });
  });

  it('waits for open required actions and flags the unanswered ones past the deadline', () => {
    const actions: RequiredActionState[] = ['accepted', 'awaiting_decision', 'returned'];
    expect(validationClosing({ ...issued, requiredActions: actions })).toEqual({
      ready: false,
      reason: 'open_required_actions',
      open: 2,
      overdue: 0,
      suspensionRisk: false,
    });
    // The day after the deadline: the returned one is overdue; the one waiting for CBP is not.
    expect(
      validationClosing({ ...issued, requiredActions: actions, today: d('2026-04-11') }),
    ).toMatchObject({ ready: false, open: 2, overdue: 1, suspensionRisk: true });
  });

  it('is never ready before the report is issued, after closing, or without a recommendation', () => {
    expect(
      validationClosing({ ...issued, status: 'fieldwork', requiredActions: [] }),
    ).toMatchObject({
      ready: false,
      reason: 'not_issued',
    });
    expect(validationClosing({ ...issued, status: 'closed', requiredActions: [] })).toMatchObject({
      reason: 'closed',
    });
    expect(
      validationClosing({ ...issued, recommendedOutcome: null, requiredActions: [] }),
    ).toMatchObject({ reason: 'no_recommended_outcome' });
  });

  it('for any actions: ready exactly when issued with a recommendation and all accepted', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...VALIDATION_STATUSES),
        fc.option(fc.constantFrom(...VALIDATION_OUTCOMES), { nil: null }),
        fc.array(anyState, { maxLength: 8 }),
        anyDate,
        fc.integer({ min: -200, max: 200 }),
        (status, recommendedOutcome, requiredActions, dueOn, offset) => {
          const today = addDays(dueOn, offset);
          const closing = validationClosing({
            status,
            recommendedOutcome,
            requiredActions,
            responsesDueOn: dueOn,
            today,
          });
          const allAccepted = requiredActions.every((state) => state === 'accepted');
          expect(closing.ready).toBe(
            status === 'report_issued' && recommendedOutcome !== null && allAccepted,
          );
          if (closing.ready) {
            expect(closing.outcome).toBe(recommendedOutcome);
            expect(closing.registryTransition === null).toBe(closing.outcome === 'suspension');
          } else {
            const overdue = overdueRequiredActions(requiredActions, dueOn, today);
            expect(closing.overdue).toBe(overdue);
            expect(closing.suspensionRisk).toBe(overdue > 0);
            // Never overdue on or before the due day; only unanswered actions count.
            if (!isAfter(today, dueOn)) expect(closing.overdue).toBe(0);
            expect(closing.overdue).toBeLessThanOrEqual(closing.open);
          }
        },
      ),
    );
  });
});

describe('the next revalidation', () => {
  it('is 4 years after a first validation, or after this revalidation', () => {
    expect(
      nextRevalidationDue({
        outcome: 'meets',
        closedOn: d('2026-06-30'),
        validatedOn: null,
        lastValidatedOn: null,
      }),
    ).toBe('2030-06-30');
    expect(
      nextRevalidationDue({
        outcome: 'exceeds',
        closedOn: d('2026-06-30'),
        validatedOn: d('2022-08-01'),
        lastValidatedOn: d('2022-08-01'),
      }),
    ).toBe('2030-06-30');
  });

  it('keeps running from earlier validations on the suspension path; none if never validated', () => {
    expect(
      nextRevalidationDue({
        outcome: 'suspension',
        closedOn: d('2026-06-30'),
        validatedOn: d('2022-08-01'),
        lastValidatedOn: d('2022-08-01'),
      }),
    ).toBe('2026-08-01');
    expect(
      nextRevalidationDue({
        outcome: 'suspension',
        closedOn: d('2026-06-30'),
        validatedOn: null,
        lastValidatedOn: null,
      }),
    ).toBeNull();
  });

  it('is 4 years after the closing for any tier outcome that follows earlier validations', () => {
    fc.assert(
      fc.property(
        anyDate,
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 1400 }),
        fc.constantFrom('meets' as const, 'exceeds' as const),
        (validatedOn, toLast, toClose, outcome) => {
          const lastValidatedOn = addDays(validatedOn, toLast);
          const closedOn = addDays(lastValidatedOn, toClose);
          expect(nextRevalidationDue({ outcome, closedOn, validatedOn, lastValidatedOn })).toBe(
            addYears(closedOn, REVALIDATION_PERIOD_YEARS),
          );
        },
      ),
    );
  });
});
