import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DESIGNATIONS } from '../criteria/catalog.schema.ts';
import { ANSWER_STATUSES } from './profile-vocabulary.ts';
import {
  type AnswerForReadiness,
  addReadiness,
  type CriterionForReadiness,
  isMet,
  readinessOf,
} from './readiness.ts';

const answerArbitrary: fc.Arbitrary<AnswerForReadiness | null> = fc.option(
  fc.record({
    status: fc.option(fc.constantFrom(...ANSWER_STATUSES), { nil: null }),
    narrative: fc.constantFrom('', '   ', 'Written procedure', 'We never handle cargo'),
    toReconfirm: fc.boolean(),
  }),
  { nil: null },
);

const criterionArbitrary: fc.Arbitrary<CriterionForReadiness> = fc.record({
  designation: fc.constantFrom(...DESIGNATIONS),
  answer: answerArbitrary,
});

const criteriaArbitrary = fc.array(criterionArbitrary, { maxLength: 40 });

describe('isMet', () => {
  it('counts implemented, and not applicable with a justification', () => {
    const answer = (status: AnswerForReadiness['status'], narrative = 'Why') => ({
      status,
      narrative,
      toReconfirm: false,
    });
    expect(isMet(answer('implemented', ''))).toBe(true);
    expect(isMet(answer('not_applicable', 'The company never takes custody of cargo'))).toBe(true);
    expect(isMet(answer('not_applicable', '  '))).toBe(false);
    expect(isMet(answer('partially_implemented'))).toBe(false);
    expect(isMet(answer('not_implemented'))).toBe(false);
    expect(isMet(answer(null))).toBe(false);
    expect(isMet(null)).toBe(false);
  });

  it('does not count an answer waiting to be re-confirmed', () => {
    expect(isMet({ status: 'implemented', narrative: 'x', toReconfirm: true })).toBe(false);
  });
});

describe('readinessOf', () => {
  it('never counts more met than applicable, nor more answered than applicable', () => {
    fc.assert(
      fc.property(criteriaArbitrary, (criteria) => {
        const readiness = readinessOf(criteria);
        expect(readiness.mustsMet).toBeLessThanOrEqual(readiness.mustsApplicable);
        expect(readiness.shouldsMet).toBeLessThanOrEqual(readiness.shouldsApplicable);
        expect(readiness.answered).toBeLessThanOrEqual(readiness.applicable);
        expect(readiness.mustsApplicable + readiness.shouldsApplicable).toBe(criteria.length);
        // Met implies answered.
        expect(readiness.mustsMet + readiness.shouldsMet).toBeLessThanOrEqual(readiness.answered);
      }),
    );
  });

  it('adds up: the whole is the sum of any split into categories', () => {
    fc.assert(
      fc.property(criteriaArbitrary, fc.nat({ max: 40 }), (criteria, cut) => {
        const parts = [readinessOf(criteria.slice(0, cut)), readinessOf(criteria.slice(cut))];
        expect(addReadiness(parts)).toEqual(readinessOf(criteria));
      }),
    );
  });

  it('implementing a criterion never lowers readiness', () => {
    fc.assert(
      fc.property(criteriaArbitrary, fc.nat(), (criteria, pick) => {
        fc.pre(criteria.length > 0);
        const index = pick % criteria.length;
        const improved = criteria.map((criterion, position) =>
          position === index
            ? {
                ...criterion,
                answer: { status: 'implemented' as const, narrative: 'Done', toReconfirm: false },
              }
            : criterion,
        );
        const before = readinessOf(criteria);
        const after = readinessOf(improved);
        expect(after.mustsMet).toBeGreaterThanOrEqual(before.mustsMet);
        expect(after.shouldsMet).toBeGreaterThanOrEqual(before.shouldsMet);
        expect(after.answered).toBeGreaterThanOrEqual(before.answered);
      }),
    );
  });

  it('counts an example profile', () => {
    expect(
      readinessOf([
        {
          designation: 'must',
          answer: { status: 'implemented', narrative: '', toReconfirm: false },
        },
        {
          designation: 'must',
          answer: { status: 'partially_implemented', narrative: 'x', toReconfirm: false },
        },
        { designation: 'must', answer: null },
        {
          designation: 'should',
          answer: { status: 'not_applicable', narrative: 'No cargo', toReconfirm: false },
        },
        {
          designation: 'should',
          answer: { status: 'implemented', narrative: '', toReconfirm: true },
        },
      ]),
    ).toEqual({
      answered: 3,
      applicable: 5,
      mustsMet: 1,
      mustsApplicable: 3,
      shouldsMet: 1,
      shouldsApplicable: 2,
    });
  });
});
