import { z } from 'zod';

/**
 * Protest review metrics (issue 7, item 7): time from filing to decision, by CTPAT Trade
 * Compliance membership (the indicator at filing), by Center and by category of merchandise,
 * with the share decided within CBP's two-year review target (19 U.S.C. 1515(a); a target, not
 * a deemed outcome: protest-clocks.ts `reviewTarget`). Deemed denials count as decisions on
 * their deemed-denial day and are also counted apart: each one is a protest CBP did not decide.
 */

export const PROTEST_METRIC_DIMENSIONS = ['trade_compliance', 'center', 'category'] as const;
export type ProtestMetricDimension = (typeof PROTEST_METRIC_DIMENSIONS)[number];

export const ProtestMetricsQuerySchema = z.object({
  decidedFrom: z.iso.date().optional().describe('Decisions on or after this day'),
  decidedTo: z.iso.date().optional().describe('Decisions on or before this day'),
});
export type ProtestMetricsQuery = z.infer<typeof ProtestMetricsQuerySchema>;

export const ProtestMetricsExportQuerySchema = ProtestMetricsQuerySchema.extend({
  format: z.enum(['csv', 'xlsx']).default('csv'),
});
export type ProtestMetricsExportQuery = z.infer<typeof ProtestMetricsExportQuerySchema>;

export const ProtestMetricRowSchema = z.object({
  dimension: z.enum(PROTEST_METRIC_DIMENSIONS),
  /** trade_compliance: "member" or "non_member"; center: its code; category: as filed. */
  group: z.string(),
  decided: z.number().int().describe('Protests decided (deemed denials included)'),
  medianDays: z.number().nullable().describe('Median days from filing to decision'),
  p90Days: z.number().nullable().describe('90th percentile of days from filing to decision'),
  withinTarget: z.number().int().describe('Decided within two years of filing'),
  withinTargetShare: z.number().nullable().describe('withinTarget / decided, 0 to 1'),
  deemedDenied: z.number().int(),
});
export type ProtestMetricRow = z.infer<typeof ProtestMetricRowSchema>;

export const ProtestMetricsSchema = z
  .object({
    decidedFrom: z.iso.date().nullable(),
    decidedTo: z.iso.date().nullable(),
    overall: ProtestMetricRowSchema.omit({ dimension: true, group: true }),
    rows: z.array(ProtestMetricRowSchema),
  })
  .meta({ id: 'ProtestMetrics' });
export type ProtestMetrics = z.infer<typeof ProtestMetricsSchema>;
