import { type CalendarDate, calendarDate } from '../../../domain/time/calendar-date.ts';
import type { Db } from '../../db/database.ts';
import { findMembership } from './registry.repository.ts';

/**
 * A member's validation dates and who at CBP works its file, for the validations module: the
 * next revalidation after a validation closes runs from them (membership-clocks.ts
 * `revalidationDue`). Not an entry point for requests: the caller has already decided that its
 * actor may act on this member. Usable inside the caller's transaction (`db` may be a `tx`).
 */
export interface MemberValidationDates {
  validatedOn: CalendarDate | null;
  lastValidatedOn: CalendarDate | null;
  assignedSpecialistUserId: string | null;
  cbpOfficeId: string | null;
}

export async function memberValidationDates(
  db: Db,
  organisationId: string,
): Promise<MemberValidationDates | null> {
  const row = await findMembership(db, organisationId);
  if (!row) return null;
  return {
    validatedOn: row.validatedOn === null ? null : calendarDate(row.validatedOn),
    lastValidatedOn: row.lastValidatedOn === null ? null : calendarDate(row.lastValidatedOn),
    assignedSpecialistUserId: row.assignedSpecialistUserId,
    cbpOfficeId: row.cbpOfficeId,
  };
}
