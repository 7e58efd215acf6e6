import type { CalendarDate } from '../../../domain/time/calendar-date.ts';
import type { Db } from '../../db/database.ts';
import {
  countOverdueRequiredActions,
  findMembersWithOverdueRequiredActions,
} from './validation-responses.repository.ts';

/**
 * The suspension risk of members (issue 6, item 6: "overdue required actions raise the member's
 * suspension risk on the CBP dashboard"): required actions of an issued validation report that
 * the member has not answered (or answered again after a return) by the deadline
 * (validation-outcome.ts `overdueRequiredActions`). For the registry's CBP work queue; not an
 * entry point for requests: the caller holds `registry:read:any`.
 */

/** Overdue required actions per member, for these members (absent: none). */
export function overdueRequiredActionsOf(
  db: Db,
  organisationIds: readonly string[],
  today: CalendarDate,
): Promise<Map<string, number>> {
  return countOverdueRequiredActions(db, organisationIds, today);
}

/** The most members the queue's suspension-risk filter narrows to. */
export const SUSPENSION_RISK_MAX_MEMBERS = 10_000;

/** The members with at least one overdue required action, at most SUSPENSION_RISK_MAX_MEMBERS. */
export function membersAtSuspensionRisk(db: Db, today: CalendarDate): Promise<string[]> {
  return findMembersWithOverdueRequiredActions(db, today, SUSPENSION_RISK_MAX_MEMBERS);
}
