import { randomUUID } from 'node:crypto';
import { AppError, notFound } from '../../../domain/errors/error-codes.ts';
import { type CalendarDate, isAfter, todayFromClock } from '../../../domain/time/calendar-date.ts';
import type {
  HoursSummary,
  RecordHoursBody,
} from '../../../domain/validations/work-program.schema.ts';
import { auditOrigin, type ServiceContext } from '../../service-context.ts';
import { appendAuditEvent } from '../audit/audit.service.ts';
import { displayNames } from '../identity/users.service.ts';
import {
  deleteHours,
  findHours,
  findHoursEntry,
  type HoursRow,
  insertHours,
} from './validation-hours.repository.ts';
import { hoursSummary } from './validation-hours-view.ts';
import {
  assertMayConduct,
  bodyIssue,
  refuseStatus,
  requireValidation,
  userIdOf,
} from './validation-work-access.ts';
import type { ValidationRow } from './validations.repository.ts';

/**
 * Staff hours per validation and activity (6 U.S.C. 971 asks CBP to keep records of the staff
 * hours spent on each certification, validation and revalidation; issue 6, item 4). Whoever
 * conducts the validation (the assigned specialist, a supervisory specialist) records their own
 * time, from planning to follow-up, and may delete their own entries, until the validation is
 * closed or cancelled. Returns the validation's hours summary after the change.
 */

function refuseClosed(row: ValidationRow, what: string): void {
  if (row.status === 'closed' || row.status === 'cancelled') {
    throw refuseStatus(row, `${what} no longer`);
  }
}

async function summaryOf(ctx: ServiceContext, validationId: string): Promise<HoursSummary> {
  const rows = await findHours(ctx.db, validationId);
  return hoursSummary(
    rows,
    await displayNames(
      ctx.db,
      rows.map((row) => row.userId),
    ),
  );
}

function auditView(row: HoursRow) {
  return {
    validationId: row.validationId,
    activity: row.activity,
    workedOn: row.workedOn,
    minutes: row.minutes,
    note: row.note,
  };
}

export async function recordHours(
  ctx: ServiceContext,
  validationId: string,
  body: RecordHoursBody,
): Promise<HoursSummary> {
  const userId = userIdOf(ctx);
  if (userId === null) {
    throw new AppError('FORBIDDEN', 'Staff hours are recorded by a person, not an API token');
  }
  const today = todayFromClock(ctx.clock);
  if (isAfter(body.workedOn as CalendarDate, today)) {
    throw bodyIssue('workedOn', `cannot be after today (${today}): record hours once worked`);
  }
  await ctx.db.transaction(async (tx) => {
    const row = await requireValidation(tx, validationId, { forUpdate: true });
    assertMayConduct(ctx, row);
    refuseClosed(row, 'staff hours are recorded');
    const entry: HoursRow = {
      id: randomUUID(),
      validationId: row.id,
      userId,
      activity: body.activity,
      workedOn: body.workedOn,
      minutes: body.minutes,
      note: body.note,
      recordedAt: ctx.clock.now(),
    };
    await insertHours(tx, entry);
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'validation.hours_recorded',
      targetType: 'validation_hours',
      targetId: entry.id,
      organisationId: row.organisationId,
      before: null,
      after: auditView(entry),
    });
  });
  return summaryOf(ctx, validationId);
}

/** Deletes one of the caller's own entries; another person's is refused (403). */
export async function removeHours(
  ctx: ServiceContext,
  validationId: string,
  hoursId: string,
): Promise<HoursSummary> {
  await ctx.db.transaction(async (tx) => {
    const row = await requireValidation(tx, validationId, { forUpdate: true });
    const entry = await findHoursEntry(tx, row.id, hoursId);
    if (!entry) {
      throw notFound('Hours entry');
    }
    assertMayConduct(ctx, row);
    if (entry.userId !== userIdOf(ctx)) {
      throw new AppError('FORBIDDEN', 'Only the person who recorded the hours can delete them');
    }
    refuseClosed(row, 'staff hours are deleted');
    await deleteHours(tx, entry.id);
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'validation.hours_deleted',
      targetType: 'validation_hours',
      targetId: entry.id,
      organisationId: row.organisationId,
      before: auditView(entry),
      after: null,
    });
  });
  return summaryOf(ctx, validationId);
}
