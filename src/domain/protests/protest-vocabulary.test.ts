import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DECISIONS_OPENING_COURT_CLOCK,
  DECISIONS_REQUIRING_REASONS,
  DRAWBACK_DECLARATIONS,
  decisionOpensCourtClock,
  decisionRequiresReasons,
  isExclusionDecision,
  PROTEST_DECISION_KINDS,
  PROTEST_FILER_CAPACITIES,
  PROTEST_STATUSES,
  PROTESTABLE_DECISIONS,
  PROTESTANT_TYPES,
} from './protest-vocabulary.ts';

describe('protest vocabulary', () => {
  it('lists the protestants of 19 U.S.C. 1514(c)(2)(A)–(E), agents being filers', () => {
    expect(PROTESTANT_TYPES).toEqual([
      'importer',
      'consignee',
      'surety',
      'charge_payer',
      'entry_or_delivery_seeker',
      'drawback_claimant',
      'usmca_exporter_or_producer',
    ]);
    expect(PROTEST_FILER_CAPACITIES).toContain('authorized_agent');
    expect(PROTESTANT_TYPES).not.toContain('authorized_agent' as never);
  });

  it('lists the seven protestable decisions of 1514(a) and the five outcomes', () => {
    expect(PROTESTABLE_DECISIONS).toHaveLength(7);
    expect(PROTESTABLE_DECISIONS.filter(isExclusionDecision)).toEqual(['exclusion_or_redelivery']);
    expect(PROTEST_DECISION_KINDS).toEqual([
      'allowed',
      'allowed_in_part',
      'denied',
      'denied_in_part',
      'deemed_denied',
    ]);
  });

  it('requires reasons for every decision that denies something, except a deemed denial', () => {
    expect(decisionRequiresReasons('allowed')).toBe(false);
    expect(decisionRequiresReasons('denied')).toBe(true);
    expect(decisionRequiresReasons('allowed_in_part')).toBe(true);
    expect(decisionRequiresReasons('deemed_denied')).toBe(false);
    expect(decisionOpensCourtClock('deemed_denied')).toBe(true);
    expect(decisionOpensCourtClock('allowed')).toBe(false);
  });

  it('opens the court clock for every decision that needs reasons', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROTEST_DECISION_KINDS), (kind) => {
        if (decisionRequiresReasons(kind)) expect(decisionOpensCourtClock(kind)).toBe(true);
        expect(decisionOpensCourtClock(kind)).toBe(kind !== 'allowed');
      }),
    );
    expect(DECISIONS_REQUIRING_REASONS.every((k) => PROTEST_DECISION_KINDS.includes(k))).toBe(true);
    expect(DECISIONS_OPENING_COURT_CLOCK.every((k) => PROTEST_DECISION_KINDS.includes(k))).toBe(
      true,
    );
  });

  it('has no duplicate in any list', () => {
    for (const list of [
      PROTESTANT_TYPES,
      PROTEST_FILER_CAPACITIES,
      PROTESTABLE_DECISIONS,
      PROTEST_DECISION_KINDS,
      PROTEST_STATUSES,
      DRAWBACK_DECLARATIONS,
    ]) {
      expect(new Set(list).size).toBe(list.length);
    }
  });
});
