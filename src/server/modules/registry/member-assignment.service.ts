import type { Db } from '../../db/database.ts';
import { findMembership } from './registry.repository.ts';

/**
 * Who at CBP works a member's case: the assigned specialist and their office (the Security
 * Profile review tells the specialist of a submission and lets an SCSS review only the members
 * assigned to them). Not an entry point for requests: the caller has already decided that its
 * actor may act on this member.
 */
export interface MemberAssignment {
  assignedSpecialistUserId: string | null;
  cbpOfficeId: string | null;
}

/** The member's assignment; both null before CBP assigns a specialist or without a membership. */
export async function memberAssignment(db: Db, organisationId: string): Promise<MemberAssignment> {
  const membership = await findMembership(db, organisationId);
  return {
    assignedSpecialistUserId: membership?.assignedSpecialistUserId ?? null,
    cbpOfficeId: membership?.cbpOfficeId ?? null,
  };
}
