import { z } from 'zod';
import { FINDING_RATINGS, VALIDATION_ACTIVITIES } from './validation-vocabulary.ts';

/**
 * Consistency metrics of validations (issue 6, item 8): per CBP office and per specialist, the
 * validations of a period, their findings per criterion and rating, the share of required actions
 * and of best practices, the days from written notice to report issued, and staff hours per
 * validation by activity, with outliers flagged (validation-metrics.ts explains the rule).
 * The COAC working group's focus is standardising validations (ctpat-program.md §6;
 * trade-compliance-protests-exams.md §3.4 and §4.1, recommendation 1), and 6 U.S.C. 971 asks for
 * a standard work program and records of staff hours: these numbers show where practice differs.
 */

/** The metrics that can be flagged as outliers (validation-metrics.ts `OUTLIER_METRICS`). */
export const VALIDATION_OUTLIER_METRICS = [
  'requiredActionShare',
  'bestPracticeShare',
  'medianDays',
  'hoursPerValidation',
] as const;
export type ValidationOutlierMetric = (typeof VALIDATION_OUTLIER_METRICS)[number];

export const ValidationMetricsQuerySchema = z.object({
  from: z.iso
    .date()
    .optional()
    .describe('Validations whose report was issued (or, without one, closed) on or after this day'),
  to: z.iso.date().optional().describe('… on or before this day'),
  officeId: z.uuid().optional().describe('Only the validations of this CBP office'),
});
export type ValidationMetricsQuery = z.infer<typeof ValidationMetricsQuerySchema>;

const count = z.number().int().nonnegative();
const ratio = z.number().min(0).max(1).nullable();

export const FindingCountsSchema = z.object(
  Object.fromEntries(FINDING_RATINGS.map((rating) => [rating, count])) as Record<
    (typeof FINDING_RATINGS)[number],
    typeof count
  >,
);
export type FindingCounts = z.infer<typeof FindingCountsSchema>;

export const ActivityHoursSchema = z.object({
  total: z.number().nonnegative().describe('Staff hours on this activity'),
  perValidation: z.number().nonnegative().nullable().describe('total / validations'),
});

export const ValidationOutlierSchema = z.object({
  metric: z.enum(VALIDATION_OUTLIER_METRICS),
  direction: z.enum(['high', 'low']),
  value: z.number(),
  lowerFence: z.number(),
  upperFence: z.number(),
});
export type ValidationOutlier = z.infer<typeof ValidationOutlierSchema>;

export const ValidationMetricGroupSchema = z.object({
  /** The office's organisation id or the specialist's user id; null for the overall line. */
  id: z.uuid().nullable(),
  name: z.string(),
  validations: count,
  findings: count,
  byRating: FindingCountsSchema,
  requiredActionShare: ratio.describe('Required actions / findings'),
  bestPracticeShare: ratio.describe('Best practices / findings'),
  /** Validations with both a notice day and a report day: the ones the days are measured on. */
  durationMeasured: count,
  medianDays: z.number().nullable().describe('Median days from written notice to report issued'),
  p90Days: z.number().nullable().describe('90th percentile of the same days'),
  hours: z.number().nonnegative().describe('Staff hours recorded on these validations'),
  hoursPerValidation: z.number().nonnegative().nullable(),
  hoursByActivity: z.object(
    Object.fromEntries(
      VALIDATION_ACTIVITIES.map((activity) => [activity, ActivityHoursSchema]),
    ) as Record<(typeof VALIDATION_ACTIVITIES)[number], typeof ActivityHoursSchema>,
  ),
  outliers: z.array(ValidationOutlierSchema),
});
export type ValidationMetricGroup = z.infer<typeof ValidationMetricGroupSchema>;

export const CriterionFindingsSchema = z.object({
  criterionId: z.string(),
  /** Validations with at least one finding on the criterion. */
  validations: count,
  findings: count,
  byRating: FindingCountsSchema,
  requiredActionShare: ratio,
});
export type CriterionFindings = z.infer<typeof CriterionFindingsSchema>;

export const ValidationMetricsSchema = z
  .object({
    from: z.iso.date().nullable(),
    to: z.iso.date().nullable(),
    officeId: z.uuid().nullable(),
    /** The outlier rule's parameters (validation-metrics.ts): Tukey's k and the peers needed. */
    outlierRule: z.object({ k: z.number(), minimumGroups: z.number().int() }),
    overall: ValidationMetricGroupSchema,
    offices: z.array(ValidationMetricGroupSchema),
    specialists: z.array(ValidationMetricGroupSchema),
    criteria: z.array(CriterionFindingsSchema),
  })
  .meta({ id: 'ValidationMetrics' });
export type ValidationMetrics = z.infer<typeof ValidationMetricsSchema>;
