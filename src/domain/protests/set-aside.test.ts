import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, type CalendarDate, calendarDate, daysBetween } from '../time/calendar-date.ts';
import { PROTEST_DECISION_KINDS, PROTEST_STATUSES } from './protest-vocabulary.ts';
import {
  SET_ASIDE_OUTCOMES,
  type SetAsideFacts,
  type SetAsideRequestInput,
  setAsideDecisionAllowed,
  setAsideDeemedDenialDue,
  setAsideRequestAllowed,
} from './set-aside.ts';

const d = calendarDate;

function input(overrides: Partial<SetAsideRequestInput> = {}): SetAsideRequestInput {
  return {
    furtherReviewDeniedOn: d('2026-03-20'),
    setAside: null,
    status: 'filed',
    decision: null,
    requestOn: d('2026-04-01'),
    ...overrides,
  };
}

const pending = (requestedOn: string): SetAsideFacts => ({
  requestedOn: d(requestedOn),
  outcome: null,
  decidedOn: null,
});

/** Any day from 2000 to 2049. */
const day = fc
  .integer({ min: 0, max: 365 * 50 })
  .map((offset) => addDays(d('2000-01-01'), offset) as CalendarDate);

describe('setAsideRequestAllowed (19 U.S.C. 1515(c))', () => {
  it('allows a request within 60 days after the denial notice, the 60th day included', () => {
    expect(setAsideRequestAllowed(input())).toEqual({
      allowed: true,
      lastDay: '2026-05-19',
      deemedDeniedOn: '2026-05-31',
    });
    expect(setAsideRequestAllowed(input({ requestOn: d('2026-05-19') }))).toMatchObject({
      allowed: true,
      deemedDeniedOn: '2026-07-18',
    });
  });

  it('refuses the 61st day: the statute says the request must be filed within 60 days', () => {
    const late = setAsideRequestAllowed(input({ requestOn: d('2026-05-20') }));
    expect(late).toMatchObject({ allowed: false, code: 'window_closed' });
    expect(late.allowed ? '' : late.reason).toContain('2026-05-19');
  });

  it('refuses without a denial of further review, twice, withdrawn, or allowed in full', () => {
    const code = (overrides: Partial<SetAsideRequestInput>) => {
      const decision = setAsideRequestAllowed(input(overrides));
      return decision.allowed ? 'allowed' : decision.code;
    };
    expect(code({ furtherReviewDeniedOn: null })).toBe('further_review_not_denied');
    expect(code({ setAside: pending('2026-03-25') })).toBe('already_requested');
    expect(code({ status: 'withdrawn' })).toBe('protest_withdrawn');
    expect(code({ status: 'decided', decision: 'allowed' })).toBe('protest_allowed');
    expect(code({ requestOn: d('2026-03-19') })).toBe('before_denial');
    // A protest denied (even deemed) can still ask: the Commissioner may void the denial.
    expect(code({ status: 'decided', decision: 'denied' })).toBe('allowed');
    expect(code({ status: 'decided', decision: 'deemed_denied' })).toBe('allowed');
  });

  it('property: allowed exactly on the denial day and the 60 days after, never twice', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: -30, max: 200 }),
        fc.constantFrom(...PROTEST_STATUSES),
        fc.constantFrom(null, ...PROTEST_DECISION_KINDS),
        fc.boolean(),
        (deniedOn, offset, status, decision, requested) => {
          const requestOn = addDays(deniedOn, offset);
          const result = setAsideRequestAllowed({
            furtherReviewDeniedOn: deniedOn,
            setAside: requested ? pending(deniedOn) : null,
            status,
            decision,
            requestOn,
          });
          const expected =
            !requested &&
            status !== 'withdrawn' &&
            decision !== 'allowed' &&
            offset >= 0 &&
            offset <= 60;
          expect(result.allowed).toBe(expected);
          if (result.allowed) {
            expect(daysBetween(deniedOn, result.lastDay)).toBe(60);
            expect(daysBetween(requestOn, result.deemedDeniedOn)).toBe(60);
          }
        },
      ),
    );
  });
});

describe('setAsideDecisionAllowed and setAsideDeemedDenialDue', () => {
  it('lets the Commissioner act until the 60th day after the request, then it is deemed denied', () => {
    const request = pending('2026-04-01');
    expect(setAsideDecisionAllowed(request, d('2026-05-31'))).toEqual({ allowed: true });
    expect(setAsideDeemedDenialDue(request, d('2026-05-31'))).toBeNull();
    expect(setAsideDecisionAllowed(request, d('2026-06-01'))).toMatchObject({
      allowed: false,
      code: 'deemed_denied',
    });
    expect(setAsideDeemedDenialDue(request, d('2026-06-01'))).toBe('2026-05-31');
  });

  it('refuses without a request and after an outcome', () => {
    expect(setAsideDecisionAllowed(null, d('2026-04-02'))).toMatchObject({ code: 'no_request' });
    for (const outcome of SET_ASIDE_OUTCOMES) {
      const decided = { requestedOn: d('2026-04-01'), outcome, decidedOn: d('2026-04-10') };
      expect(setAsideDecisionAllowed(decided, d('2026-04-11'))).toMatchObject({
        code: 'already_decided',
      });
      expect(setAsideDeemedDenialDue(decided, d('2027-01-01'))).toBeNull();
    }
  });

  it('property: a pending request is either decidable or due for its deemed denial, never both', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), (requestedOn, offset) => {
        const today = addDays(requestedOn, offset);
        const request = pending(requestedOn);
        const decidable = setAsideDecisionAllowed(request, today).allowed;
        const due = setAsideDeemedDenialDue(request, today);
        expect(decidable).toBe(due === null);
        expect(decidable).toBe(offset <= 60);
        if (due !== null) {
          expect(due).toBe(addDays(requestedOn, 60));
        }
      }),
    );
  });
});
