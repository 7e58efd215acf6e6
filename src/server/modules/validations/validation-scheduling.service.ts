import { randomUUID } from 'node:crypto';
import { hasPermission } from '../../../domain/authorization/permissions.ts';
import { AppError, type FieldIssue, notFound } from '../../../domain/errors/error-codes.ts';
import {
  type CalendarDate,
  calendarDate,
  isAfter,
  todayFromClock,
} from '../../../domain/time/calendar-date.ts';
import type {
  ScheduleValidationBody,
  ValidationView,
} from '../../../domain/validations/validation-api.schema.ts';
import {
  cbpVisitsSite,
  checkSchedule,
  siteLocation,
} from '../../../domain/validations/validation-notice.ts';
import type { CancelValidationBody } from '../../../domain/validations/validation-planning.schema.ts';
import type { Db } from '../../db/database.ts';
import { auditOrigin, type ServiceContext } from '../../service-context.ts';
import { appendAuditEvent } from '../audit/audit.service.ts';
import { listMraPrograms } from '../registry/mutual-recognition.service.ts';
import { notifyCancelled, notifyScheduled } from './validation-notifications.ts';
import { actorUserIdOf, versionConflict } from './validation-planning.service.ts';
import { validationView } from './validation-view.service.ts';
import {
  findSitesOf,
  findValidation,
  insertEvent,
  type NewSiteRow,
  replaceSitesAndParticipants,
  siteFindingsExist,
  updateValidationAtVersion,
  type ValidationRow,
} from './validations.repository.ts';

/**
 * Scheduling (issue 6, item 2): type, mode, sites (a foreign site in an MRA partner program is
 * flagged as needing no CBP foreign visit), dates, participants, and the written notice to the
 * member, at least the minimum days ahead (validation-notice.ts) or with an override reason.
 * Also cancellation, and the start of fieldwork when the first day has come.
 *
 * Who (check 2): the route requires `validation:conduct:any`; a specialist schedules only the
 * validations assigned to them, while those who assign the work (`validation:plan:any`: the
 * supervisory specialists) schedule any. A specialist acting on another's validation gets 403,
 * not 404: they may read every validation (`validation:read:any`), so hiding it would be
 * pointless, and the refusal says who can act.
 */

function invalid(issues: FieldIssue[]): AppError {
  return new AppError('VALIDATION_FAILED', 'The request is not valid', { issues });
}

/** The actor conducts this validation: assigned to it, or one who assigns the work. */
function assertMaySchedule(ctx: ServiceContext, row: ValidationRow): void {
  if (hasPermission(ctx.actor, 'validation:plan:any')) return;
  const userId = actorUserIdOf(ctx);
  if (userId !== null && row.specialistUserId === userId) return;
  throw new AppError(
    'FORBIDDEN',
    row.specialistUserId === null
      ? 'The validation is not assigned to you: a supervisory specialist assigns it first'
      : 'The validation is assigned to another specialist: only they or a supervisory specialist schedule it',
  );
}

const SCHEDULABLE: readonly string[] = ['planned', 'scheduled'];

/** The MRA program ids of the body that exist, or 400 naming each site whose id does not. */
async function checkSites(
  ctx: ServiceContext,
  tx: Db,
  body: ScheduleValidationBody,
): Promise<FieldIssue[]> {
  const named = body.sites.filter((site) => site.mraProgramId !== null);
  const issues: FieldIssue[] = [];
  if (named.length === 0) return issues;
  const programs = new Set((await listMraPrograms({ ...ctx, db: tx })).items.map((p) => p.id));
  body.sites.forEach((site, index) => {
    if (site.mraProgramId === null) return;
    if (siteLocation(site.countryCode) === 'domestic') {
      issues.push({
        path: `body.sites.${index}.mraProgramId`,
        message: 'applies only to a foreign site (MRA partner programs are abroad)',
      });
    } else if (!programs.has(site.mraProgramId)) {
      issues.push({
        path: `body.sites.${index}.mraProgramId`,
        message: 'is not an MRA partner program',
      });
    }
  });
  return issues;
}

/**
 * Schedules a planned validation, or re-schedules a scheduled one (its sites and participants
 * are replaced and a new written notice goes out). Refused: an unknown id (404); another
 * specialist's validation (403); any other status or a stale version (409); a start in the
 * past, an end before the start, a visit outside the dates, a notice inside the minimum without
 * an override reason, an unknown MRA program or one on a domestic site (400 naming each field).
 */
export async function scheduleValidation(
  ctx: ServiceContext,
  validationId: string,
  body: ScheduleValidationBody,
): Promise<ValidationView> {
  const today = todayFromClock(ctx.clock);
  return ctx.db.transaction(async (tx) => {
    const row = await findValidation(tx, validationId, null, { forUpdate: true });
    if (!row) throw notFound('Validation');
    assertMaySchedule(ctx, row);
    if (!SCHEDULABLE.includes(row.status)) {
      throw new AppError(
        'CONFLICT',
        `The validation is ${row.status.replaceAll('_', ' ')}: only a planned or scheduled validation can be scheduled.`,
        { status: row.status },
      );
    }
    if (row.version !== body.expectedVersion) throw versionConflict(row);
    const noticeSentOn = body.noticeSentOn ? calendarDate(body.noticeSentOn) : today;
    const check = checkSchedule(
      {
        today,
        noticeSentOn,
        startsOn: calendarDate(body.startsOn),
        endsOn: calendarDate(body.endsOn),
        sites: body.sites.map((site) => ({
          countryCode: site.countryCode,
          mraProgramId: site.mraProgramId,
          visitOn: site.visitOn === null ? null : calendarDate(site.visitOn),
        })),
        overrideReason: body.noticeOverrideReason ?? null,
      },
      ctx.runtime.validationNotice,
    );
    const issues = [
      ...(check.ok
        ? []
        : check.problems.map((problem) => ({
            path: `body.${problem.field}`,
            message: problem.message,
          }))),
      ...(await checkSites(ctx, tx, body)),
    ];
    if (issues.length > 0 || !check.ok) {
      throw invalid(issues);
    }
    if (row.status === 'scheduled' && (await siteFindingsExist(tx, row.id))) {
      throw new AppError(
        'CONFLICT',
        'Findings were recorded against the sites of this validation: its sites can no longer be replaced.',
      );
    }
    const rescheduled = row.status === 'scheduled';
    const now = ctx.clock.now();
    const updated = await updateValidationAtVersion(tx, row.id, body.expectedVersion, {
      status: 'scheduled',
      mode: body.mode,
      startsOn: body.startsOn,
      endsOn: body.endsOn,
      noticeSentOn,
      noticeOverrideReason: check.overrideReason,
      updatedAt: now,
    });
    if (!updated) throw versionConflict(row);
    const sites: NewSiteRow[] = body.sites.map((site, position) => {
      const location = siteLocation(site.countryCode);
      return {
        id: randomUUID(),
        validationId: row.id,
        position,
        name: site.name,
        address: site.address,
        countryCode: site.countryCode,
        location,
        mraProgramId: site.mraProgramId,
        cbpVisitRequired: cbpVisitsSite(site),
        visitOn: site.visitOn,
        agenda: site.agenda,
      };
    });
    await replaceSitesAndParticipants(
      tx,
      row.id,
      sites,
      body.participants.map((participant, position) => ({
        id: randomUUID(),
        validationId: row.id,
        position,
        side: participant.side,
        name: participant.name,
        title: participant.title,
        email: participant.email,
        phone: participant.phone,
      })),
    );
    const details = {
      mode: body.mode,
      startsOn: body.startsOn,
      endsOn: body.endsOn,
      noticeSentOn,
      minimumNoticeDays: check.notice.days,
      noticeGivenDays: check.noticeGivenDays,
      noticeOverrideReason: check.overrideReason,
      sites: sites.map((site) => ({
        name: site.name,
        countryCode: site.countryCode,
        cbpVisitRequired: site.cbpVisitRequired,
        visitOn: site.visitOn ?? null,
      })),
    };
    await insertEvent(tx, {
      id: randomUUID(),
      validationId: row.id,
      kind: rescheduled ? 'rescheduled' : 'scheduled',
      at: now,
      actorUserId: actorUserIdOf(ctx),
      details,
    });
    const audit = await appendAuditEvent(tx, auditOrigin(ctx), {
      action: rescheduled ? 'validation.rescheduled' : 'validation.scheduled',
      targetType: 'validation',
      targetId: row.id,
      organisationId: row.organisationId,
      before: {
        status: row.status,
        startsOn: row.startsOn,
        endsOn: row.endsOn,
        noticeSentOn: row.noticeSentOn,
      },
      after: { status: 'scheduled', ...details },
    });
    const stored = (await findSitesOf(tx, [row.id])).get(row.id) ?? [];
    await notifyScheduled(ctx, tx, updated, stored, { eventId: audit.id, rescheduled });
    return validationView(ctx, tx, updated);
  });
}

const CANCELLABLE: readonly string[] = ['planned', 'scheduled', 'fieldwork', 'report_submitted'];

/**
 * Cancels a validation before its report is issued, with a reason (`validation:plan:any`). The
 * member is told when it had been given notice; the assigned specialist is told unless they
 * cancelled it. Refused: unknown id (404); issued report, closed or already cancelled, or a
 * stale version (409).
 */
export async function cancelValidation(
  ctx: ServiceContext,
  validationId: string,
  body: CancelValidationBody,
): Promise<ValidationView> {
  return ctx.db.transaction(async (tx) => {
    const row = await findValidation(tx, validationId, null, { forUpdate: true });
    if (!row) throw notFound('Validation');
    if (!CANCELLABLE.includes(row.status)) {
      throw new AppError(
        'CONFLICT',
        row.status === 'report_issued'
          ? 'The report of this validation was issued: it can no longer be cancelled.'
          : `The validation is ${row.status}: it can no longer be cancelled.`,
        { status: row.status },
      );
    }
    if (row.version !== body.expectedVersion) throw versionConflict(row);
    const now = ctx.clock.now();
    const updated = await updateValidationAtVersion(tx, row.id, body.expectedVersion, {
      status: 'cancelled',
      reason: body.reason,
      updatedAt: now,
    });
    if (!updated) throw versionConflict(row);
    await insertEvent(tx, {
      id: randomUUID(),
      validationId: row.id,
      kind: 'cancelled',
      at: now,
      actorUserId: actorUserIdOf(ctx),
      details: { reason: body.reason, from: row.status },
    });
    const audit = await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'validation.cancelled',
      targetType: 'validation',
      targetId: row.id,
      organisationId: row.organisationId,
      before: { status: row.status, reason: row.reason },
      after: { status: 'cancelled', reason: body.reason },
    });
    await notifyCancelled(ctx, tx, updated, {
      eventId: audit.id,
      memberWasNotified: row.noticeSentOn !== null,
      actorUserId: actorUserIdOf(ctx),
    });
    return validationView(ctx, tx, updated);
  });
}

/**
 * The start of fieldwork: a scheduled validation whose first day has come (`today` on or after
 * `startsOn`) becomes `fieldwork`, with its event and audit event, in the caller's transaction
 * on the locked row. Any other validation comes back unchanged. For the work program (owner W):
 * the first step of fieldwork calls it; there is no job.
 */
export async function startFieldworkIfDue(
  ctx: ServiceContext,
  tx: Db,
  row: ValidationRow,
  today: CalendarDate = todayFromClock(ctx.clock),
): Promise<ValidationRow> {
  if (
    row.status !== 'scheduled' ||
    row.startsOn === null ||
    isAfter(calendarDate(row.startsOn), today)
  ) {
    return row;
  }
  const now = ctx.clock.now();
  const updated = await updateValidationAtVersion(tx, row.id, row.version, {
    status: 'fieldwork',
    updatedAt: now,
  });
  if (!updated) throw versionConflict(row);
  await insertEvent(tx, {
    id: randomUUID(),
    validationId: row.id,
    kind: 'fieldwork_started',
    at: now,
    actorUserId: actorUserIdOf(ctx),
    details: { on: today, startsOn: row.startsOn },
  });
  await appendAuditEvent(tx, auditOrigin(ctx), {
    action: 'validation.fieldwork_started',
    targetType: 'validation',
    targetId: row.id,
    organisationId: row.organisationId,
    before: { status: row.status, version: row.version },
    after: { status: 'fieldwork', version: updated.version },
  });
  return updated;
}
