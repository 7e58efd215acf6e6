import {
  TIER_STATUSES,
  type TierStatus,
} from '../../../domain/registry/lifecycle/membership-states.ts';
import { type CalendarDate, calendarDate } from '../../../domain/time/calendar-date.ts';
import type { Db } from '../../db/database.ts';
import { findMembership, findTierMembershipAnniversaries } from './registry.repository.ts';

/**
 * The date a member's anniversary counts from: its Tier I certification date (an assumption
 * documented with `anniversaryOnOrAfter` in membership-clocks.ts). The annual Security Profile
 * review (issue 5, item 6) runs for members holding a tier; not an entry point for requests:
 * the caller has already decided that its actor may see this member.
 */
export interface MemberAnniversaryBasis {
  organisationId: string;
  certifiedOn: CalendarDate;
}

function holdsTier(status: string): status is TierStatus {
  return (TIER_STATUSES as readonly string[]).includes(status);
}

/**
 * The member's certification date while it holds a tier (`certifiedOn` null otherwise); null
 * when the company has no CTPAT membership record at all.
 */
export async function memberAnniversaryBasis(
  db: Db,
  organisationId: string,
): Promise<{ organisationId: string; certifiedOn: CalendarDate | null } | null> {
  const membership = await findMembership(db, organisationId);
  if (!membership) {
    return null;
  }
  const certifiedOn =
    holdsTier(membership.status) && membership.certifiedOn !== null
      ? calendarDate(membership.certifiedOn)
      : null;
  return { organisationId, certifiedOn };
}

/** Every member holding a tier, for the annual review reminders. */
export async function tierMemberAnniversaryBases(db: Db): Promise<MemberAnniversaryBasis[]> {
  const rows = await findTierMembershipAnniversaries(db, TIER_STATUSES);
  return rows.map((row) => ({
    organisationId: row.organisationId,
    certifiedOn: calendarDate(row.certifiedOn),
  }));
}
