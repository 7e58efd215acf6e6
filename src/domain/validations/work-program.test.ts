import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DESIGNATIONS, type Designation } from '../criteria/catalog.schema.ts';
import { criterionIdArbitrary } from '../criteria/criteria-arbitraries.test-support.ts';
import { FINDING_RATINGS, VALIDATION_OUTCOMES } from './validation-vocabulary.ts';
import {
  checkFinding,
  checkOutcome,
  checkRating,
  closesOnApproval,
  outcomeOptions,
  RATINGS_BY_DESIGNATION,
  type RatedFinding,
  reportReadiness,
} from './work-program.ts';

const designationArbitrary = fc.constantFrom(...DESIGNATIONS);
const ratingArbitrary = fc.constantFrom(...FINDING_RATINGS);
const SITES = ['site-a', 'site-b'];
const siteArbitrary = fc.constantFrom<string | null>(null, ...SITES);

const criteriaArbitrary = fc.uniqueArray(
  fc.record({ id: criterionIdArbitrary, designation: designationArbitrary }),
  { selector: (criterion) => criterion.id, maxLength: 30 },
);

const findingsArbitrary = fc.array(
  fc.record({ criterionId: criterionIdArbitrary, siteId: siteArbitrary, rating: ratingArbitrary }),
  { maxLength: 60 },
);

const countsArbitrary = fc.record({
  compliant: fc.nat(20),
  required_action: fc.nat(5),
  recommendation: fc.nat(5),
  best_practice: fc.nat(5),
});

describe('checkRating', () => {
  it('accepts compliant and best practice whatever the designation', () => {
    fc.assert(
      fc.property(designationArbitrary, (designation) => {
        expect(checkRating(designation, 'compliant').ok).toBe(true);
        expect(checkRating(designation, 'best_practice').ok).toBe(true);
      }),
    );
  });

  it('gives a required action only to a must, a recommendation only to a should, with a reason', () => {
    fc.assert(
      fc.property(designationArbitrary, ratingArbitrary, (designation, rating) => {
        const check = checkRating(designation, rating);
        const expected =
          !(rating === 'required_action' && designation === 'should') &&
          !(rating === 'recommendation' && designation === 'must');
        expect(check.ok).toBe(expected);
        expect(check.ok).toBe(RATINGS_BY_DESIGNATION[designation].includes(rating));
        if (!check.ok) {
          expect(check.reason).toContain(
            designation === 'must' ? 'required action' : 'recommendation',
          );
        }
      }),
    );
  });
});

describe('checkFinding', () => {
  it('refuses a criterion that does not apply to the member, naming it', () => {
    fc.assert(
      fc.property(
        criteriaArbitrary,
        criterionIdArbitrary,
        ratingArbitrary,
        (criteria, id, rating) => {
          const applicable = new Map<string, Designation>(
            criteria.map((criterion) => [criterion.id, criterion.designation]),
          );
          const issues = checkFinding(
            { criterionId: id, siteId: null, rating },
            applicable,
            new Set(SITES),
          );
          const notApplicable = issues.some((issue) => issue.field === 'criterionId');
          expect(notApplicable).toBe(!applicable.has(id));
          if (notApplicable) {
            expect(issues.find((issue) => issue.field === 'criterionId')?.message).toContain(id);
            // No rating issue on a criterion that is not there to rate.
            expect(issues.some((issue) => issue.field === 'rating')).toBe(false);
          }
        },
      ),
    );
  });

  it('accepts exactly the findings whose rating fits and whose site is the validation’s', () => {
    fc.assert(
      fc.property(
        designationArbitrary,
        ratingArbitrary,
        fc.constantFrom<string | null>(null, 'site-a', 'elsewhere'),
        (designation, rating, siteId) => {
          const issues = checkFinding(
            { criterionId: '1.1', siteId, rating },
            new Map([['1.1', designation]]),
            new Set(SITES),
          );
          expect(issues.some((issue) => issue.field === 'rating')).toBe(
            !checkRating(designation, rating).ok,
          );
          expect(issues.some((issue) => issue.field === 'siteId')).toBe(siteId === 'elsewhere');
        },
      ),
    );
  });
});

describe('reportReadiness', () => {
  it('lists as missing exactly the applicable criteria without a finding, in the given order', () => {
    fc.assert(
      fc.property(criteriaArbitrary, findingsArbitrary, (criteria, findings) => {
        const readiness = reportReadiness(criteria, findings);
        const rated = new Set(findings.map((finding) => finding.criterionId));
        expect(readiness.missing).toEqual(
          criteria.map((criterion) => criterion.id).filter((id) => !rated.has(id)),
        );
        expect(readiness.ready).toBe(readiness.missing.length === 0);
        expect(readiness.rated + readiness.missing.length).toBe(criteria.length);
        expect(readiness.applicable).toBe(criteria.length);
      }),
    );
  });

  it('counts a criterion rated at one site only as rated; ignores findings on other criteria', () => {
    fc.assert(
      fc.property(criteriaArbitrary, siteArbitrary, (criteria, siteId) => {
        const findings: RatedFinding[] = criteria.map((criterion) => ({
          criterionId: criterion.id,
          siteId,
          rating: 'compliant',
        }));
        const stray: RatedFinding = { criterionId: '12.999', siteId: null, rating: 'compliant' };
        const readiness = reportReadiness(criteria, [...findings, stray]);
        expect(readiness.ready).toBe(true);
        expect(readiness.counts.compliant).toBe(criteria.length);
      }),
    );
  });

  it('adding a finding never makes a ready report unready', () => {
    fc.assert(
      fc.property(criteriaArbitrary, findingsArbitrary, findingsArbitrary, (criteria, a, b) => {
        const before = reportReadiness(criteria, a);
        const after = reportReadiness(criteria, [...a, ...b]);
        expect(after.missing.length).toBeLessThanOrEqual(before.missing.length);
        if (before.ready) expect(after.ready).toBe(true);
      }),
    );
  });
});

describe('checkOutcome', () => {
  it('allows exceeds only with a best practice and no required action', () => {
    fc.assert(
      fc.property(countsArbitrary, fc.string(), (counts, summary) => {
        expect(checkOutcome('exceeds', counts, summary).ok).toBe(
          counts.best_practice > 0 && counts.required_action === 0,
        );
      }),
    );
  });

  it('allows suspension whatever the findings, with a summary', () => {
    fc.assert(
      fc.property(countsArbitrary, fc.string(), (counts, summary) => {
        expect(checkOutcome('suspension', counts, summary).ok).toBe(summary.trim() !== '');
      }),
    );
  });

  it('always allows meets; the options say the same as the checks', () => {
    fc.assert(
      fc.property(countsArbitrary, fc.string(), (counts, summary) => {
        expect(checkOutcome('meets', counts, summary).ok).toBe(true);
        const options = outcomeOptions(counts, summary);
        expect(options.map((option) => option.outcome)).toEqual([...VALIDATION_OUTCOMES]);
        for (const option of options) {
          const check = checkOutcome(option.outcome, counts, summary);
          expect(option.allowed).toBe(check.ok);
          expect(option.reason === null).toBe(check.ok);
        }
      }),
    );
  });
});

describe('closesOnApproval', () => {
  it('closes exactly when there is no required action', () => {
    fc.assert(
      fc.property(countsArbitrary, (counts) => {
        expect(closesOnApproval(counts)).toBe(counts.required_action === 0);
      }),
    );
  });
});
