import { and, asc, count, desc, eq, gt, inArray, or, type SQL } from 'drizzle-orm';
import type { ProfileStatus } from '../../../domain/security-profile/profile-vocabulary.ts';
import type { Db } from '../../db/database.ts';
// The CBP review queue filters submitted versions by the member's assigned specialist and office
// (registry columns) in SQL, so a page is one keyset scan (docs/decisions/0018). A read-only
// join; memberships stay written by the registry.
// biome-ignore lint/style/noRestrictedImports: read-only join for the review queue, see above.
import { partnerMemberships } from '../registry/registry.tables.ts';
import {
  type securityProfileAnswers,
  securityProfileComments,
  securityProfileCriterionReviews,
  securityProfiles,
  securityProfileVersions,
} from './security-profile.tables.ts';

export type ProfileRow = typeof securityProfiles.$inferSelect;
export type AnswerRow = typeof securityProfileAnswers.$inferSelect;
export type VersionRow = typeof securityProfileVersions.$inferSelect;
export type NewVersionRow = typeof securityProfileVersions.$inferInsert;
export type ReviewRow = typeof securityProfileCriterionReviews.$inferSelect;
export type NewCommentRow = typeof securityProfileComments.$inferInsert;

/** The company's newest profile (the open one when there is one: one open per company). */
export async function findLatestProfileOf(
  db: Db,
  organisationId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ProfileRow | null> {
  const query = db
    .select()
    .from(securityProfiles)
    .where(eq(securityProfiles.organisationId, organisationId))
    .orderBy(desc(securityProfiles.createdAt), desc(securityProfiles.id))
    .limit(1);
  const rows = options.forUpdate ? await query.for('update') : await query;
  return rows[0] ?? null;
}

export async function findProfile(
  db: Db,
  profileId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ProfileRow | null> {
  const query = db.select().from(securityProfiles).where(eq(securityProfiles.id, profileId));
  const rows = options.forUpdate ? await query.for('update') : await query;
  return rows[0] ?? null;
}

export async function updateProfileStatus(
  tx: Db,
  profileId: string,
  status: ProfileStatus,
  at: Date,
): Promise<void> {
  await tx
    .update(securityProfiles)
    .set({ status, updatedAt: at })
    .where(eq(securityProfiles.id, profileId));
}

export async function findVersion(
  db: Db,
  versionId: string,
  options: { forUpdate?: boolean } = {},
): Promise<VersionRow | null> {
  const query = db
    .select()
    .from(securityProfileVersions)
    .where(eq(securityProfileVersions.id, versionId));
  const rows = options.forUpdate ? await query.for('update') : await query;
  return rows[0] ?? null;
}

/** The round before `number` of the same profile, if any. */
export async function findPreviousVersion(
  db: Db,
  profileId: string,
  number: number,
): Promise<VersionRow | null> {
  const rows = await db
    .select()
    .from(securityProfileVersions)
    .where(
      and(
        eq(securityProfileVersions.profileId, profileId),
        eq(securityProfileVersions.number, number - 1),
      ),
    );
  return rows[0] ?? null;
}

export async function findLastVersionNumber(db: Db, profileId: string): Promise<number> {
  const rows = await db
    .select({ number: securityProfileVersions.number })
    .from(securityProfileVersions)
    .where(eq(securityProfileVersions.profileId, profileId))
    .orderBy(desc(securityProfileVersions.number))
    .limit(1);
  return rows[0]?.number ?? 0;
}

/** Every round of a company's profiles, newest first (without the snapshots). */
export async function findVersionsOfOrganisation(db: Db, organisationId: string) {
  return db
    .select({
      id: securityProfileVersions.id,
      profileId: securityProfileVersions.profileId,
      number: securityProfileVersions.number,
      status: securityProfileVersions.status,
      submittedAt: securityProfileVersions.submittedAt,
      decidedAt: securityProfileVersions.decidedAt,
    })
    .from(securityProfileVersions)
    .where(eq(securityProfileVersions.organisationId, organisationId))
    .orderBy(desc(securityProfileVersions.submittedAt), desc(securityProfileVersions.id));
}

export async function insertVersion(tx: Db, row: NewVersionRow): Promise<void> {
  await tx.insert(securityProfileVersions).values(row);
}

/** Sets the outcome of a round (the trigger allows submitted → returned | approved, once). */
export async function updateVersionOutcome(
  tx: Db,
  versionId: string,
  outcome: { status: 'returned' | 'approved'; decidedByUserId: string; decidedAt: Date },
): Promise<void> {
  await tx
    .update(securityProfileVersions)
    .set(outcome)
    .where(eq(securityProfileVersions.id, versionId));
}

export async function findReviews(db: Db, versionIds: readonly string[]): Promise<ReviewRow[]> {
  if (versionIds.length === 0) return [];
  return db
    .select()
    .from(securityProfileCriterionReviews)
    .where(inArray(securityProfileCriterionReviews.versionId, [...versionIds]));
}

export async function findReview(
  db: Db,
  versionId: string,
  criterionId: string,
): Promise<ReviewRow | null> {
  const rows = await db
    .select()
    .from(securityProfileCriterionReviews)
    .where(
      and(
        eq(securityProfileCriterionReviews.versionId, versionId),
        eq(securityProfileCriterionReviews.criterionId, criterionId),
      ),
    );
  return rows[0] ?? null;
}

/** Records (or replaces) a specialist's decision on one criterion of a version in review. */
export async function upsertReview(tx: Db, row: ReviewRow): Promise<void> {
  await tx
    .insert(securityProfileCriterionReviews)
    .values(row)
    .onConflictDoUpdate({
      target: [
        securityProfileCriterionReviews.versionId,
        securityProfileCriterionReviews.criterionId,
      ],
      set: {
        decision: row.decision,
        comment: row.comment,
        reviewerUserId: row.reviewerUserId,
        reviewedAt: row.reviewedAt,
      },
    });
}

export async function countReviews(
  db: Db,
  versionIds: readonly string[],
): Promise<Map<string, number>> {
  if (versionIds.length === 0) return new Map();
  const rows = await db
    .select({ versionId: securityProfileCriterionReviews.versionId, reviewed: count() })
    .from(securityProfileCriterionReviews)
    .where(inArray(securityProfileCriterionReviews.versionId, [...versionIds]))
    .groupBy(securityProfileCriterionReviews.versionId);
  return new Map(rows.map((row) => [row.versionId, Number(row.reviewed)]));
}

export async function insertComments(tx: Db, rows: readonly NewCommentRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(securityProfileComments).values([...rows]);
}

export interface ReviewQueueFilter {
  limit: number;
  after: { submittedAt: Date; id: string } | undefined;
  assignedSpecialistUserId: string | undefined;
  cbpOfficeId: string | undefined;
}

/**
 * Versions waiting for CBP (status submitted), oldest first: the order they are worked in. The
 * keyset (submitted_at, id) follows security_profile_versions_review_queue_idx.
 */
export async function findReviewQueue(db: Db, filter: ReviewQueueFilter) {
  const conditions: SQL[] = [eq(securityProfileVersions.status, 'submitted')];
  if (filter.after) {
    const after = or(
      gt(securityProfileVersions.submittedAt, filter.after.submittedAt),
      and(
        eq(securityProfileVersions.submittedAt, filter.after.submittedAt),
        gt(securityProfileVersions.id, filter.after.id),
      ),
    );
    if (after) conditions.push(after);
  }
  if (filter.assignedSpecialistUserId) {
    conditions.push(
      eq(partnerMemberships.assignedSpecialistUserId, filter.assignedSpecialistUserId),
    );
  }
  if (filter.cbpOfficeId) {
    conditions.push(eq(partnerMemberships.cbpOfficeId, filter.cbpOfficeId));
  }
  return db
    .select({
      id: securityProfileVersions.id,
      number: securityProfileVersions.number,
      organisationId: securityProfileVersions.organisationId,
      submittedAt: securityProfileVersions.submittedAt,
      assignedSpecialistUserId: partnerMemberships.assignedSpecialistUserId,
      cbpOfficeId: partnerMemberships.cbpOfficeId,
    })
    .from(securityProfileVersions)
    .leftJoin(
      partnerMemberships,
      eq(partnerMemberships.organisationId, securityProfileVersions.organisationId),
    )
    .where(and(...conditions))
    .orderBy(asc(securityProfileVersions.submittedAt), asc(securityProfileVersions.id))
    .limit(filter.limit);
}
