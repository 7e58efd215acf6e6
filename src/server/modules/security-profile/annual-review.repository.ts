import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import type { VersionRow } from './profile-review.repository.ts';
import type { AnswerRow, AssignmentRow, ProfileRow } from './security-profile.repository.ts';
import {
  securityProfileAnswers,
  securityProfileAssignments,
  securityProfiles,
  securityProfileVersions,
} from './security-profile.tables.ts';

/** A company's annual review cycles, the latest anniversary first (tenant explicit). */
export async function findAnnualCycles(db: Db, organisationId: string): Promise<ProfileRow[]> {
  return db
    .select()
    .from(securityProfiles)
    .where(
      and(
        eq(securityProfiles.organisationId, organisationId),
        isNotNull(securityProfiles.reviewAnniversary),
      ),
    )
    .orderBy(desc(securityProfiles.reviewAnniversary));
}

/** The annual cycles of many companies for one anniversary each (reminders). */
export async function findAnnualCyclesOf(
  db: Db,
  organisationIds: readonly string[],
): Promise<Pick<ProfileRow, 'organisationId' | 'reviewAnniversary' | 'status'>[]> {
  if (organisationIds.length === 0) return [];
  return db
    .select({
      organisationId: securityProfiles.organisationId,
      reviewAnniversary: securityProfiles.reviewAnniversary,
      status: securityProfiles.status,
    })
    .from(securityProfiles)
    .where(
      and(
        inArray(securityProfiles.organisationId, [...organisationIds]),
        isNotNull(securityProfiles.reviewAnniversary),
      ),
    );
}

/** The company's most recently approved version: the base of its next annual review. */
export async function findLatestApprovedVersion(
  db: Db,
  organisationId: string,
): Promise<VersionRow | null> {
  const rows = await db
    .select()
    .from(securityProfileVersions)
    .where(
      and(
        eq(securityProfileVersions.organisationId, organisationId),
        eq(securityProfileVersions.status, 'approved'),
      ),
    )
    .orderBy(desc(securityProfileVersions.decidedAt), desc(securityProfileVersions.id))
    .limit(1);
  return rows[0] ?? null;
}

/** The first version submitted in a profile (an annual cycle's on-time check uses it). */
export async function findFirstVersionOf(db: Db, profileId: string): Promise<VersionRow | null> {
  const rows = await db
    .select()
    .from(securityProfileVersions)
    .where(
      and(eq(securityProfileVersions.profileId, profileId), eq(securityProfileVersions.number, 1)),
    );
  return rows[0] ?? null;
}

export async function insertAnswers(tx: Db, rows: readonly AnswerRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(securityProfileAnswers).values([...rows]);
}

export async function insertAssignments(tx: Db, rows: readonly AssignmentRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(securityProfileAssignments).values([...rows]);
}
