import { compareCriterionIds } from '../criteria/catalog.schema.ts';
import type {
  CriterionFindings,
  FindingCounts,
  ValidationMetricGroup,
  ValidationOutlier,
  ValidationOutlierMetric,
} from './validation-metrics.schema.ts';
import { VALIDATION_OUTLIER_METRICS } from './validation-metrics.schema.ts';
import {
  FINDING_RATINGS,
  VALIDATION_ACTIVITIES,
  type ValidationActivity,
} from './validation-vocabulary.ts';

/**
 * The rules of the validation consistency metrics (issue 6, item 8). COAC's working group asked
 * CBP to standardise validations (trade-compliance-protests-exams.md §3.4 and §4.1,
 * recommendation 1; ctpat-program.md §6), and 6 U.S.C. 971 asks for "a standardized work
 * program" with records of staff hours. The same rating scale for every specialist
 * (validation-vocabulary.ts `FINDING_RATINGS`) only helps if CBP can see where specialists or
 * offices apply it differently: these functions turn the SQL aggregates into shares, hours and
 * outlier flags.
 *
 * Which validations count: those whose report was issued in the period, or, for one closed
 * without a recorded report day, whose closing day is in it (validation-metrics.repository.ts).
 * Each validation belongs to exactly one period that way, so adjacent periods add up.
 *
 * The outlier rule (`OUTLIER_RULE`): a group (a specialist among the specialists, an office
 * among the offices, of the same period and office filter) is an outlier on a metric when its
 * value lies outside Tukey's fences of its peers' values, Q1 − 1.5·IQR or Q3 + 1.5·IQR
 * (quartiles by linear interpolation, as PostgreSQL's percentile_cont), and only when at least
 * 4 groups have a value for that metric. Why this rule:
 * - CBP publishes no expected share of required actions, of best practices, or duration (the
 *   domain references give none), so the yardstick is the peers in the same period;
 * - quartiles are robust: one extreme specialist does not widen the band that judges them, as it
 *   would with a mean ± 2 standard deviations, and no normal distribution is assumed;
 * - with fewer than 4 values the quartiles are interpolations between one or two points and the
 *   band is meaningless (with 3 specialists one always looks different), so nothing is flagged;
 * - a flag invites a look (small numbers of validations, a hard member), it is not a judgement:
 *   the tables show how many validations each value rests on.
 * The metrics checked: the required-action share and best-practice share of findings (how the
 * rating scale is applied), the median days from notice to report (pace), and staff hours per
 * validation (effort). A group without a value on a metric (no findings, no measured duration)
 * is neither a peer nor flagged on it.
 */
export const OUTLIER_RULE = { k: 1.5, minimumGroups: 4 } as const;

/**
 * The p-quantile (0 ≤ p ≤ 1) of ascending `sorted` values by linear interpolation between the
 * closest ranks (Hyndman–Fan type 7, PostgreSQL percentile_cont). Undefined for no values.
 */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) {
    throw new RangeError('quantile of no values');
  }
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return low + (high - low) * (position - lower);
}

export interface Fences {
  q1: number;
  q3: number;
  lower: number;
  upper: number;
}

/** Tukey's fences of `values`, or null with fewer than `OUTLIER_RULE.minimumGroups` values. */
export function tukeyFences(values: readonly number[]): Fences | null {
  if (values.length < OUTLIER_RULE.minimumGroups) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  const spread = OUTLIER_RULE.k * (q3 - q1);
  return { q1, q3, lower: q1 - spread, upper: q3 + spread };
}

/** part / whole, or null when there is no whole. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** What the repository aggregates for one group (the overall line, an office, a specialist). */
export interface GroupAggregate {
  id: string | null;
  name: string;
  validations: number;
  byRating: FindingCounts;
  durationMeasured: number;
  medianDays: number | null;
  p90Days: number | null;
  minutesByActivity: Partial<Record<ValidationActivity, number>>;
}

export type UnflaggedGroup = Omit<ValidationMetricGroup, 'outliers'>;

/** The shares and hours of a group from its counts and minutes (hours = minutes / 60). */
export function groupMetrics(aggregate: GroupAggregate): UnflaggedGroup {
  const findings = FINDING_RATINGS.reduce((sum, rating) => sum + aggregate.byRating[rating], 0);
  const perValidation = (minutes: number) =>
    aggregate.validations === 0 ? null : minutes / 60 / aggregate.validations;
  const hoursByActivity = Object.fromEntries(
    VALIDATION_ACTIVITIES.map((activity) => {
      const minutes = aggregate.minutesByActivity[activity] ?? 0;
      return [activity, { total: minutes / 60, perValidation: perValidation(minutes) }];
    }),
  ) as UnflaggedGroup['hoursByActivity'];
  const minutes = VALIDATION_ACTIVITIES.reduce(
    (sum, activity) => sum + (aggregate.minutesByActivity[activity] ?? 0),
    0,
  );
  return {
    id: aggregate.id,
    name: aggregate.name,
    validations: aggregate.validations,
    findings,
    byRating: { ...aggregate.byRating },
    requiredActionShare: share(aggregate.byRating.required_action, findings),
    bestPracticeShare: share(aggregate.byRating.best_practice, findings),
    durationMeasured: aggregate.durationMeasured,
    medianDays: aggregate.medianDays,
    p90Days: aggregate.p90Days,
    hours: minutes / 60,
    hoursPerValidation: perValidation(minutes),
    hoursByActivity,
  };
}

function metricValue(group: UnflaggedGroup, metric: ValidationOutlierMetric): number | null {
  return group[metric];
}

/**
 * Flags each group's outlying metrics among `groups` (peers of one kind: specialists, or
 * offices), by `OUTLIER_RULE`. Keeps the order of `groups`.
 */
export function flagOutliers(groups: readonly UnflaggedGroup[]): ValidationMetricGroup[] {
  const fences = new Map<ValidationOutlierMetric, Fences | null>(
    VALIDATION_OUTLIER_METRICS.map((metric) => [
      metric,
      tukeyFences(
        groups.flatMap((group) => {
          const value = metricValue(group, metric);
          return value === null ? [] : [value];
        }),
      ),
    ]),
  );
  return groups.map((group) => {
    const outliers: ValidationOutlier[] = [];
    for (const metric of VALIDATION_OUTLIER_METRICS) {
      const band = fences.get(metric);
      const value = metricValue(group, metric);
      if (!band || value === null) {
        continue;
      }
      if (value < band.lower || value > band.upper) {
        outliers.push({
          metric,
          direction: value > band.upper ? 'high' : 'low',
          value,
          lowerFence: band.lower,
          upperFence: band.upper,
        });
      }
    }
    return { ...group, outliers };
  });
}

/** A criterion's line of the findings table. */
export function criterionFindings(
  criterionId: string,
  validations: number,
  byRating: FindingCounts,
): CriterionFindings {
  const findings = FINDING_RATINGS.reduce((sum, rating) => sum + byRating[rating], 0);
  return {
    criterionId,
    validations,
    findings,
    byRating: { ...byRating },
    requiredActionShare: share(byRating.required_action, findings),
  };
}

/** Criterion lines in catalog order. */
export function sortCriteria(lines: readonly CriterionFindings[]): CriterionFindings[] {
  return [...lines].sort(
    (a, b) =>
      compareCriterionIds(a.criterionId, b.criterionId) ||
      (a.criterionId < b.criterionId ? -1 : a.criterionId > b.criterionId ? 1 : 0),
  );
}

/** Counts with every rating at zero. */
export function noFindings(): FindingCounts {
  return { compliant: 0, required_action: 0, recommendation: 0, best_practice: 0 };
}
