import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FindingCounts } from './validation-metrics.schema.ts';
import {
  criterionFindings,
  flagOutliers,
  type GroupAggregate,
  groupMetrics,
  noFindings,
  OUTLIER_RULE,
  quantile,
  share,
  sortCriteria,
  tukeyFences,
  type UnflaggedGroup,
} from './validation-metrics.ts';
import { VALIDATION_ACTIVITIES } from './validation-vocabulary.ts';

const counts = fc.record<FindingCounts>({
  compliant: fc.nat({ max: 500 }),
  required_action: fc.nat({ max: 500 }),
  recommendation: fc.nat({ max: 500 }),
  best_practice: fc.nat({ max: 500 }),
});

const aggregate = fc.record<GroupAggregate>({
  id: fc.option(fc.uuid(), { nil: null }),
  name: fc.string(),
  validations: fc.nat({ max: 200 }),
  byRating: counts,
  durationMeasured: fc.nat({ max: 200 }),
  medianDays: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
  p90Days: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
  minutesByActivity: fc.dictionary(
    fc.constantFrom(...VALIDATION_ACTIVITIES),
    fc.integer({ min: 1, max: 100_000 }),
  ),
});

/** A specialist's line with just the four checked metrics set. */
function peer(
  values: Partial<
    Pick<
      UnflaggedGroup,
      'requiredActionShare' | 'bestPracticeShare' | 'medianDays' | 'hoursPerValidation'
    >
  >,
  id: string = crypto.randomUUID(),
): UnflaggedGroup {
  return {
    ...groupMetrics({
      id,
      name: id,
      validations: 1,
      byRating: noFindings(),
      durationMeasured: 0,
      medianDays: null,
      p90Days: null,
      minutesByActivity: {},
    }),
    hoursPerValidation: null,
    ...values,
  };
}

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });

describe(quantile.name, () => {
  it('interpolates like percentile_cont', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 20, 30, 40, 50], 0.25)).toBe(20);
    expect(quantile([62, 223], 0.9)).toBeCloseTo(206.9, 9);
    expect(quantile([7], 0.9)).toBe(7);
    expect(() => quantile([], 0.5)).toThrow(RangeError);
  });

  it('lies between the smallest and largest value and grows with p', () => {
    fc.assert(
      fc.property(
        fc.array(finite, { minLength: 1, maxLength: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, p, r) => {
          const sorted = [...values].sort((a, b) => a - b);
          const low = Math.min(p, r);
          const high = Math.max(p, r);
          const atLow = quantile(sorted, low);
          expect(atLow).toBeGreaterThanOrEqual(sorted[0] as number);
          expect(atLow).toBeLessThanOrEqual(sorted.at(-1) as number);
          expect(quantile(sorted, high)).toBeGreaterThanOrEqual(atLow - 1e-9);
        },
      ),
    );
  });
});

describe(tukeyFences.name, () => {
  it('needs at least 4 values', () => {
    fc.assert(
      fc.property(fc.array(finite, { maxLength: OUTLIER_RULE.minimumGroups - 1 }), (values) => {
        expect(tukeyFences(values)).toBeNull();
      }),
    );
    expect(tukeyFences([1, 2, 3, 4])).toEqual({ q1: 1.75, q3: 3.25, lower: -0.5, upper: 5.5 });
  });

  it('does not depend on the order of the values, and holds the middle half', () => {
    fc.assert(
      fc.property(fc.array(finite, { minLength: 4, maxLength: 40 }), (values) => {
        const fences = tukeyFences(values);
        const shuffled = tukeyFences([...values].reverse());
        expect(shuffled).toEqual(fences);
        if (!fences) {
          throw new Error('expected fences');
        }
        expect(fences.lower).toBeLessThanOrEqual(fences.q1);
        expect(fences.q1).toBeLessThanOrEqual(fences.q3);
        expect(fences.q3).toBeLessThanOrEqual(fences.upper);
      }),
    );
  });
});

describe(groupMetrics.name, () => {
  it('keeps the counts, and the shares and hours agree with them', () => {
    fc.assert(
      fc.property(aggregate, (input) => {
        const group = groupMetrics(input);
        const findings =
          input.byRating.compliant +
          input.byRating.required_action +
          input.byRating.recommendation +
          input.byRating.best_practice;
        expect(group.findings).toBe(findings);
        expect(group.byRating).toEqual(input.byRating);
        if (findings === 0) {
          expect(group.requiredActionShare).toBeNull();
          expect(group.bestPracticeShare).toBeNull();
        } else {
          expect(group.requiredActionShare).toBeCloseTo(input.byRating.required_action / findings);
          expect((group.requiredActionShare ?? 0) + (group.bestPracticeShare ?? 0)).toBeLessThan(
            1 + 1e-9,
          );
        }
        const minutes = Object.values(input.minutesByActivity).reduce((a, b) => a + b, 0);
        expect(group.hours).toBeCloseTo(minutes / 60, 9);
        const activityTotal = VALIDATION_ACTIVITIES.reduce(
          (sum, activity) => sum + group.hoursByActivity[activity].total,
          0,
        );
        expect(activityTotal).toBeCloseTo(group.hours, 6);
        if (input.validations === 0) {
          expect(group.hoursPerValidation).toBeNull();
        } else {
          expect((group.hoursPerValidation ?? 0) * input.validations).toBeCloseTo(group.hours, 6);
        }
      }),
    );
  });

  it('turns minutes into hours per validation by activity', () => {
    const group = groupMetrics({
      id: null,
      name: 'all',
      validations: 2,
      byRating: { compliant: 6, required_action: 2, recommendation: 1, best_practice: 1 },
      durationMeasured: 2,
      medianDays: 40,
      p90Days: 48,
      minutesByActivity: { site_visit: 600, report_writing: 90 },
    });
    expect(group).toMatchObject({
      findings: 10,
      requiredActionShare: 0.2,
      bestPracticeShare: 0.1,
      hours: 11.5,
      hoursPerValidation: 5.75,
    });
    expect(group.hoursByActivity.site_visit).toEqual({ total: 10, perValidation: 5 });
    expect(group.hoursByActivity.report_writing).toEqual({ total: 1.5, perValidation: 0.75 });
    expect(group.hoursByActivity.travel).toEqual({ total: 0, perValidation: 0 });
  });
});

describe(flagOutliers.name, () => {
  it('flags a specialist far above the others, naming the metric and direction', () => {
    const [a, b, c, d, e] = flagOutliers([
      peer({ requiredActionShare: 0.1, medianDays: 40 }),
      peer({ requiredActionShare: 0.12, medianDays: 42 }),
      peer({ requiredActionShare: 0.11, medianDays: 45 }),
      peer({ requiredActionShare: 0.13, medianDays: 41 }),
      peer({ requiredActionShare: 0.6, medianDays: 5 }),
    ]);
    for (const group of [a, b, c, d]) {
      expect(group?.outliers).toEqual([]);
    }
    expect(e?.outliers.map((outlier) => [outlier.metric, outlier.direction])).toEqual([
      ['requiredActionShare', 'high'],
      ['medianDays', 'low'],
    ]);
    expect(e?.outliers[0]).toMatchObject({ value: 0.6 });
    expect(e?.outliers[0]?.upperFence).toBeCloseTo(0.13 + 1.5 * 0.02, 9);
  });

  it('flags nothing with fewer than 4 peers having a value, whatever the values', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.option(finite, { nil: null }), { maxLength: 12 })
          .filter(
            (values) =>
              values.filter((value) => value !== null).length < OUTLIER_RULE.minimumGroups,
          ),
        (values) => {
          const flagged = flagOutliers(values.map((value) => peer({ medianDays: value })));
          expect(flagged.every((group) => group.outliers.length === 0)).toBe(true);
        },
      ),
    );
  });

  it('never flags a value between the quartiles, nor a peer without a value; keeps the order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(finite, { nil: null }), { minLength: 4, maxLength: 20 }),
        (values) => {
          const groups = values.map((value) => peer({ hoursPerValidation: value }));
          const flagged = flagOutliers(groups);
          expect(flagged.map((group) => group.id)).toEqual(groups.map((group) => group.id));
          const present = values.filter((value): value is number => value !== null);
          const fences = tukeyFences(present);
          for (const group of flagged) {
            const value = group.hoursPerValidation;
            const outlier = group.outliers.find(
              (candidate) => candidate.metric === 'hoursPerValidation',
            );
            if (value === null || !fences) {
              expect(outlier).toBeUndefined();
            } else {
              expect(outlier !== undefined).toBe(value < fences.lower || value > fences.upper);
              if (value >= fences.q1 && value <= fences.q3) {
                expect(outlier).toBeUndefined();
              }
            }
            // Only the metric that varies can be flagged.
            expect(group.outliers.every((o) => o.metric === 'hoursPerValidation')).toBe(true);
          }
        },
      ),
    );
  });

  it('is not changed by scaling every value (shares, days or hours alike)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 4, maxLength: 15 }),
        fc.integer({ min: 2, max: 50 }),
        (values, factor) => {
          const flags = (scale: number) =>
            flagOutliers(
              values.map((value, index) => peer({ medianDays: value * scale }, `${index}`)),
            )
              .filter((group) => group.outliers.length > 0)
              .map((group) => `${group.id}:${group.outliers[0]?.direction}`);
          expect(flags(factor)).toEqual(flags(1));
        },
      ),
    );
  });
});

describe('criteria', () => {
  it('gives each criterion its total and required-action share, in catalog order', () => {
    const lines = sortCriteria([
      criterionFindings('10.2', 1, { ...noFindings(), compliant: 1 }),
      criterionFindings('1.10', 2, { ...noFindings(), required_action: 1, compliant: 3 }),
      criterionFindings('1.2', 1, noFindings()),
    ]);
    expect(lines.map((line) => line.criterionId)).toEqual(['1.2', '1.10', '10.2']);
    expect(lines[1]).toMatchObject({ findings: 4, requiredActionShare: 0.25, validations: 2 });
    expect(lines[0]?.requiredActionShare).toBeNull();
    expect(share(0, 0)).toBeNull();
  });
});
