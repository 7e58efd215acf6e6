import { AppError } from '../../../domain/errors/error-codes.ts';
import type {
  FindingCounts,
  ValidationMetricGroup,
  ValidationMetrics,
  ValidationMetricsQuery,
} from '../../../domain/validations/validation-metrics.schema.ts';
import {
  criterionFindings,
  flagOutliers,
  type GroupAggregate,
  groupMetrics,
  noFindings,
  OUTLIER_RULE,
  sortCriteria,
  type UnflaggedGroup,
} from '../../../domain/validations/validation-metrics.ts';
import {
  FINDING_RATINGS,
  VALIDATION_ACTIVITIES,
  type ValidationActivity,
} from '../../../domain/validations/validation-vocabulary.ts';
import { type TableDownload, tableDownload } from '../../documents/table-export.ts';
import type { ServiceContext } from '../../service-context.ts';
import { displayNames } from '../identity/users.service.ts';
import { organisationSummaries } from '../organisations/organisations.service.ts';
import {
  activityMinutes,
  criterionCounts,
  findingCounts,
  type GroupKey,
  type MetricsFilter,
  validationCounts,
} from './validation-metrics.repository.ts';

/**
 * Validation consistency metrics (issue 6, item 8; `validation:metrics:any`): per CBP office and
 * per specialist, the validations of a period, findings by rating and per criterion, the shares
 * of required actions and best practices, days from notice to report, and staff hours per
 * validation by activity, with outliers flagged among peers (validation-metrics.ts); as JSON,
 * CSV or XLSX. Agency-wide unless narrowed to an office. Reading only: not audited, like the
 * other metrics exports.
 *
 * Specialists are the validation's assigned specialist; validations without an office or a
 * specialist count in the overall line only. Specialists are compared with the specialists of
 * the same period and office filter, offices with the offices.
 *
 * Formula injection: names are typed by people (office and user names), so CSV cells a
 * spreadsheet would run as a formula are prefixed with a single quote (csv-stringify's
 * escape_formulas); XLSX cells are typed text or numbers, never formulas.
 */

function filterOf(query: ValidationMetricsQuery): MetricsFilter {
  if (query.from && query.to && query.from > query.to) {
    throw new AppError('VALIDATION_FAILED', 'The request is not valid', {
      issues: [{ path: 'querystring.to', message: 'is before from' }],
    });
  }
  return { from: query.from ?? null, to: query.to ?? null, officeId: query.officeId ?? null };
}

async function checkOffice(ctx: ServiceContext, officeId: string | null): Promise<void> {
  if (officeId === null) {
    return;
  }
  const office = (await organisationSummaries(ctx.db, [officeId])).get(officeId);
  if (office?.kind !== 'cbp_office') {
    throw new AppError('VALIDATION_FAILED', 'The request is not valid', {
      issues: [{ path: 'querystring.officeId', message: 'is not a CBP office' }],
    });
  }
}

interface Draft {
  key: GroupKey;
  validations: number;
  durationMeasured: number;
  medianDays: number | null;
  p90Days: number | null;
  byRating: FindingCounts;
  minutesByActivity: Partial<Record<ValidationActivity, number>>;
}

const keyString = (key: GroupKey) => `${key.scope}:${key.id ?? ''}`;

function byName(a: UnflaggedGroup, b: UnflaggedGroup): number {
  return a.name.localeCompare(b.name, 'en') || (a.id ?? '').localeCompare(b.id ?? '');
}

export async function validationMetrics(
  ctx: ServiceContext,
  query: ValidationMetricsQuery,
): Promise<ValidationMetrics> {
  const filter = filterOf(query);
  await checkOffice(ctx, filter.officeId);
  // One at a time: PGlite has a single connection.
  const counts = await validationCounts(ctx.db, filter);
  const findings = await findingCounts(ctx.db, filter);
  const minutes = await activityMinutes(ctx.db, filter);
  const criteria = await criterionCounts(ctx.db, filter);

  const drafts = new Map<string, Draft>();
  const draftOf = (key: GroupKey): Draft => {
    const existing = drafts.get(keyString(key));
    if (existing) {
      return existing;
    }
    const created: Draft = {
      key,
      validations: 0,
      durationMeasured: 0,
      medianDays: null,
      p90Days: null,
      byRating: noFindings(),
      minutesByActivity: {},
    };
    drafts.set(keyString(key), created);
    return created;
  };
  draftOf({ scope: 'overall', id: null });
  for (const row of counts) {
    Object.assign(draftOf(row), {
      validations: row.validations,
      durationMeasured: row.durationMeasured,
      medianDays: row.medianDays,
      p90Days: row.p90Days,
    });
  }
  for (const row of findings) {
    draftOf(row).byRating[row.rating] = row.findings;
  }
  for (const row of minutes) {
    draftOf(row).minutesByActivity[row.activity] = row.minutes;
  }

  const all = [...drafts.values()];
  const officeIds = all.flatMap((d) => (d.key.scope === 'office' && d.key.id ? [d.key.id] : []));
  const specialistIds = all.flatMap((d) =>
    d.key.scope === 'specialist' && d.key.id ? [d.key.id] : [],
  );
  const offices = await organisationSummaries(ctx.db, officeIds);
  const people = await displayNames(ctx.db, specialistIds);
  const nameOf = (key: GroupKey): string => {
    if (key.id === null) {
      return '';
    }
    return (key.scope === 'office' ? offices.get(key.id)?.legalName : people.get(key.id)) ?? key.id;
  };
  const metricsOf = (draft: Draft): UnflaggedGroup => {
    const aggregate: GroupAggregate = {
      id: draft.key.id,
      name: nameOf(draft.key),
      validations: draft.validations,
      byRating: draft.byRating,
      durationMeasured: draft.durationMeasured,
      medianDays: draft.medianDays,
      p90Days: draft.p90Days,
      minutesByActivity: draft.minutesByActivity,
    };
    return groupMetrics(aggregate);
  };
  const linesOf = (scope: 'office' | 'specialist') =>
    flagOutliers(
      all
        .filter((draft) => draft.key.scope === scope && draft.key.id !== null)
        .map(metricsOf)
        .sort(byName),
    );
  const overallDraft = all.find((draft) => draft.key.scope === 'overall') as Draft;

  return {
    from: filter.from,
    to: filter.to,
    officeId: filter.officeId,
    outlierRule: { ...OUTLIER_RULE },
    overall: { ...metricsOf(overallDraft), name: 'all', outliers: [] },
    offices: linesOf('office'),
    specialists: linesOf('specialist'),
    criteria: sortCriteria(
      criteria.map((line) => criterionFindings(line.criterionId, line.validations, line.byRating)),
    ),
  };
}

/** One line of the export: a group (overall, office, specialist) or a criterion. */
type ExportCell = string | number | null;
type ExportLine = Record<string, ExportCell>;

const COLUMNS: readonly (readonly [string, string])[] = [
  ['section', 'Section'],
  ['id', 'Id'],
  ['name', 'Name'],
  ['validations', 'Validations'],
  ['findings', 'Findings'],
  ...FINDING_RATINGS.map((rating) => [rating, `Findings: ${rating}`] as const),
  ['requiredActionShare', 'Required-action share'],
  ['bestPracticeShare', 'Best-practice share'],
  ['durationMeasured', 'Validations with notice and report days'],
  ['medianDays', 'Median days notice to report'],
  ['p90Days', '90th percentile days notice to report'],
  ['hours', 'Staff hours'],
  ['hoursPerValidation', 'Staff hours per validation'],
  ...VALIDATION_ACTIVITIES.map(
    (activity) => [`hours_${activity}`, `Hours per validation: ${activity}`] as const,
  ),
  ['outliers', 'Outliers'],
];

function groupLine(section: string, group: ValidationMetricGroup): ExportLine {
  return {
    section,
    id: group.id ?? '',
    name: group.name,
    validations: group.validations,
    findings: group.findings,
    ...group.byRating,
    requiredActionShare: group.requiredActionShare,
    bestPracticeShare: group.bestPracticeShare,
    durationMeasured: group.durationMeasured,
    medianDays: group.medianDays,
    p90Days: group.p90Days,
    hours: group.hours,
    hoursPerValidation: group.hoursPerValidation,
    ...Object.fromEntries(
      VALIDATION_ACTIVITIES.map((activity) => [
        `hours_${activity}`,
        group.hoursByActivity[activity].perValidation,
      ]),
    ),
    outliers: group.outliers.map((outlier) => `${outlier.metric} ${outlier.direction}`).join('; '),
  };
}

/** The overall line, the offices, the specialists, then one line per criterion. */
function exportLines(metrics: ValidationMetrics): ExportLine[] {
  return [
    groupLine('overall', metrics.overall),
    ...metrics.offices.map((group) => groupLine('office', group)),
    ...metrics.specialists.map((group) => groupLine('specialist', group)),
    ...metrics.criteria.map(
      (line): ExportLine => ({
        section: 'criterion',
        id: line.criterionId,
        name: '',
        validations: line.validations,
        findings: line.findings,
        ...line.byRating,
        requiredActionShare: line.requiredActionShare,
      }),
    ),
  ];
}

export type MetricsExport = TableDownload;

export async function exportValidationMetrics(
  ctx: ServiceContext,
  query: ValidationMetricsQuery,
  format: 'csv' | 'xlsx',
): Promise<MetricsExport> {
  const metrics = await validationMetrics(ctx, query);
  const stamp = ctx.clock.now().toISOString().slice(0, 10);
  return tableDownload({
    basename: `validation-metrics-${stamp}`,
    format,
    sheet: 'Validation metrics',
    columns: COLUMNS.map(
      ([key, header]) => [key, header, key === 'name' || key === 'id' ? 36 : 16] as const,
    ),
    rows: exportLines(metrics),
  });
}
