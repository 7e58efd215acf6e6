import { AppError } from '../../../domain/errors/error-codes.ts';
import type {
  ProtestMetricDimension,
  ProtestMetricRow,
  ProtestMetrics,
  ProtestMetricsExportQuery,
  ProtestMetricsQuery,
} from '../../../domain/protests/protest-metrics.schema.ts';
import { type TableDownload, tableDownload } from '../../documents/table-export.ts';
import type { ServiceContext } from '../../service-context.ts';
import {
  type MetricAggregate,
  type MetricsPeriod,
  metricsByCategory,
  metricsByCenter,
  metricsByTradeCompliance,
  overallMetrics,
} from './protest-metrics.repository.ts';

/**
 * Protest review metrics (issue 7, item 7; `protest:metrics:any`): time from filing to decision
 * by Trade Compliance membership, Center and category of merchandise, with the share decided
 * within the two-year target, as JSON, CSV or XLSX. Aggregates over every decided protest of
 * the period (agency-wide: no tenant). Reading only: not audited, like the other exports.
 *
 * Formula injection: CSV cells a spreadsheet would run as a formula (= + - @, tab, carriage
 * return: a category is free text the filer typed) are prefixed with a single quote
 * (csv-stringify's escape_formulas), as in the member export; XLSX cells are typed text or
 * numbers, never formulas.
 */

function period(query: ProtestMetricsQuery): MetricsPeriod {
  if (query.decidedFrom && query.decidedTo && query.decidedFrom > query.decidedTo) {
    throw new AppError('VALIDATION_FAILED', 'The request is not valid', {
      issues: [{ path: 'querystring.decidedTo', message: 'is before decidedFrom' }],
    });
  }
  return { decidedFrom: query.decidedFrom ?? null, decidedTo: query.decidedTo ?? null };
}

function share(aggregate: MetricAggregate): number | null {
  return aggregate.decided === 0 ? null : aggregate.withinTarget / aggregate.decided;
}

function row(dimension: ProtestMetricDimension, aggregate: MetricAggregate): ProtestMetricRow {
  return {
    dimension,
    group: aggregate.group,
    decided: aggregate.decided,
    medianDays: aggregate.medianDays,
    p90Days: aggregate.p90Days,
    withinTarget: aggregate.withinTarget,
    withinTargetShare: share(aggregate),
    deemedDenied: aggregate.deemedDenied,
  };
}

export async function protestMetrics(
  ctx: ServiceContext,
  query: ProtestMetricsQuery,
): Promise<ProtestMetrics> {
  const range = period(query);
  // One at a time: PGlite has a single connection.
  const overall = await overallMetrics(ctx.db, range);
  const byTradeCompliance = await metricsByTradeCompliance(ctx.db, range);
  const byCenter = await metricsByCenter(ctx.db, range);
  const byCategory = await metricsByCategory(ctx.db, range);
  const { dimension: _dimension, group: _group, ...overallRow } = row('trade_compliance', overall);
  return {
    decidedFrom: range.decidedFrom,
    decidedTo: range.decidedTo,
    overall: overallRow,
    rows: [
      ...byTradeCompliance.map((aggregate) => row('trade_compliance', aggregate)),
      ...byCenter.map((aggregate) => row('center', aggregate)),
      ...byCategory.map((aggregate) => row('category', aggregate)),
    ],
  };
}

const COLUMNS = [
  ['dimension', 'Dimension'],
  ['group', 'Group'],
  ['decided', 'Protests decided'],
  ['medianDays', 'Median days to decision'],
  ['p90Days', '90th percentile days'],
  ['withinTarget', 'Decided within 2 years'],
  ['withinTargetShare', 'Share within 2 years'],
  ['deemedDenied', 'Deemed denied'],
] as const satisfies readonly (readonly [keyof ProtestMetricRow, string])[];

/** An export line: a group's row, or the overall line (dimension "overall"). */
type ExportRow = Omit<ProtestMetricRow, 'dimension'> & { dimension: string };

/** The overall line first, then every group. */
function exportRows(metrics: ProtestMetrics): ExportRow[] {
  return [{ dimension: 'overall', group: 'all', ...metrics.overall }, ...metrics.rows];
}

export type MetricsExport = TableDownload;

export async function exportProtestMetrics(
  ctx: ServiceContext,
  query: ProtestMetricsExportQuery,
): Promise<MetricsExport> {
  const metrics = await protestMetrics(ctx, query);
  const stamp = ctx.clock.now().toISOString().slice(0, 10);
  return tableDownload({
    basename: `protest-metrics-${stamp}`,
    format: query.format,
    sheet: 'Protest metrics',
    columns: COLUMNS.map(([key, header]) => [key, header, key === 'group' ? 40 : 18] as const),
    rows: exportRows(metrics),
  });
}
