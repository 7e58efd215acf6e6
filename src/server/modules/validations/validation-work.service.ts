import { hasPermission } from '../../../domain/authorization/permissions.ts';
import type { PeriodSetting } from '../../../domain/registry/lifecycle/membership-clocks.ts';
import { type CalendarDate, isAfter, todayFromClock } from '../../../domain/time/calendar-date.ts';
import type { WorkProgram } from '../../../domain/validations/work-program.schema.ts';
import {
  RATINGS_BY_DESIGNATION,
  reportReadiness,
  WORK_PROGRAM_STEPS,
} from '../../../domain/validations/work-program.ts';
import type { ServiceContext } from '../../service-context.ts';
import { displayNames } from '../identity/users.service.ts';
import { organisationSummaries } from '../organisations/organisations.service.ts';
import { findFindings } from './validation-findings.repository.ts';
import { findingView } from './validation-findings-view.ts';
import { findHours } from './validation-hours.repository.ts';
import { hoursSummary } from './validation-hours-view.ts';
import { findReportDocuments } from './validation-report.repository.ts';
import { reportState } from './validation-report-view.ts';
import { mayConduct, requireValidation, userIdOf } from './validation-work-access.ts';
import { reviewedCriteria } from './validation-work-criteria.ts';
import { findSites, type ValidationRow } from './validations.repository.ts';

/**
 * The standard work program of one validation, as CBP works it (issue 6, item 4; 6 U.S.C. 971:
 * "a standardized work program" and records of staff hours for each validation): every
 * applicable criterion in catalog order with its designation, the member's current answer, the
 * linked evidence, the same review steps and the ratings that fit it, and the findings recorded
 * so far; the staff hours; the report's draft and state. Findings, hours and the report are
 * changed by their own services (validation-findings.service.ts, validation-hours.service.ts,
 * validation-report.service.ts).
 */

/** The period members have to answer required actions (VALIDATION_RESPONSE_DAYS; provisional). */
export function responsePeriod(ctx: ServiceContext): PeriodSetting {
  return ctx.runtime.validationResponseDays;
}

/** Whether a scheduled validation's fieldwork may start: its first day has come. */
export function fieldworkDue(row: ValidationRow, today: CalendarDate): boolean {
  return (
    row.status === 'scheduled' &&
    row.startsOn !== null &&
    !isAfter(row.startsOn as CalendarDate, today)
  );
}

/** Whether findings can be recorded now: in fieldwork, or scheduled and its start has come. */
export function findingsOpen(row: ValidationRow, today: CalendarDate): boolean {
  return row.status === 'fieldwork' || fieldworkDue(row, today);
}

/** The work program of a validation (`validation:read:any`). */
export async function getWorkProgram(
  ctx: ServiceContext,
  validationId: string,
): Promise<WorkProgram> {
  const row = await requireValidation(ctx.db, validationId);
  const today = todayFromClock(ctx.clock);
  const [reviewed, sites, findings, hours, documents, organisations] = await Promise.all([
    reviewedCriteria(ctx, row.organisationId),
    findSites(ctx.db, row.id),
    findFindings(ctx.db, row.id),
    findHours(ctx.db, row.id),
    findReportDocuments(ctx.db, row.id),
    organisationSummaries(ctx.db, [row.organisationId]),
  ]);
  const names = await displayNames(ctx.db, [
    ...findings.flatMap((finding) => (finding.recordedByUserId ? [finding.recordedByUserId] : [])),
    ...hours.map((entry) => entry.userId),
    ...[row.specialistUserId, row.reportAuthorUserId, row.reportApprovedByUserId].filter(
      (id): id is string => id !== null,
    ),
  ]);
  const applicable = new Set(reviewed.criteria.map((criterion) => criterion.id));
  const readiness = reportReadiness(reviewed.criteria, findings);
  const conducts = mayConduct(ctx, row);
  const userId = userIdOf(ctx);
  return {
    validationId: row.id,
    organisationId: row.organisationId,
    memberName: organisations.get(row.organisationId)?.legalName ?? '',
    status: row.status,
    version: row.version,
    specialist: row.specialistUserId
      ? { id: row.specialistUserId, name: names.get(row.specialistUserId) ?? '' }
      : null,
    catalogVersion: reviewed.catalogVersion,
    canRecordFindings: conducts && findingsOpen(row, today),
    canRecordHours: conducts && row.status !== 'closed' && row.status !== 'cancelled',
    canDecideReport:
      hasPermission(ctx.actor, 'validation:approve:any') &&
      row.status === 'report_submitted' &&
      userId !== null &&
      userId !== row.reportAuthorUserId,
    steps: [...WORK_PROGRAM_STEPS],
    sites: sites.map((site) => ({
      id: site.id,
      name: site.name,
      countryCode: site.countryCode,
      location: site.location,
      cbpVisitRequired: site.cbpVisitRequired,
      visitOn: site.visitOn,
    })),
    criteria: reviewed.criteria.map((criterion) => ({
      ...criterion,
      ratings: [...RATINGS_BY_DESIGNATION[criterion.designation]],
      findings: findings
        .filter((finding) => finding.criterionId === criterion.id)
        .map((finding) => findingView(finding, names)),
    })),
    otherFindings: findings
      .filter((finding) => !applicable.has(finding.criterionId))
      .map((finding) => findingView(finding, names)),
    readiness,
    hours: hoursSummary(hours, names),
    report: reportState(row, readiness.counts, documents, names, responsePeriod(ctx)),
  };
}
