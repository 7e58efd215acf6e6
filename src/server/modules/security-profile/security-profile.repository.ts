import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import {
  securityProfileAnswers,
  securityProfileAssignments,
  securityProfileComments,
  securityProfiles,
} from './security-profile.tables.ts';

export type ProfileRow = typeof securityProfiles.$inferSelect;
export type AnswerRow = typeof securityProfileAnswers.$inferSelect;
export type AssignmentRow = typeof securityProfileAssignments.$inferSelect;
export type CommentRow = typeof securityProfileComments.$inferSelect;

const OPEN_STATUSES = ['draft', 'submitted', 'returned'] as const;

/**
 * The company's profile members work on: the open one (draft, submitted or returned; at most
 * one, by a unique index), else the newest approved one. Scoped to the organisation (tenant).
 */
export async function findCurrentProfile(
  db: Db,
  organisationId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ProfileRow | undefined> {
  const query = db
    .select()
    .from(securityProfiles)
    .where(eq(securityProfiles.organisationId, organisationId))
    .orderBy(desc(securityProfiles.createdAt), desc(securityProfiles.id))
    .limit(20);
  const rows = options.forUpdate ? await query.for('update') : await query;
  return (
    rows.find((row) => (OPEN_STATUSES as readonly string[]).includes(row.status)) ??
    rows.find((row) => row.status === 'approved')
  );
}

export async function insertProfile(tx: Db, row: ProfileRow): Promise<void> {
  await tx.insert(securityProfiles).values(row);
}

export async function updateProfile(
  tx: Db,
  profileId: string,
  fields: Partial<Pick<ProfileRow, 'catalogVersionId' | 'updatedAt'>>,
): Promise<void> {
  await tx.update(securityProfiles).set(fields).where(eq(securityProfiles.id, profileId));
}

export async function findAnswers(db: Db, profileId: string): Promise<AnswerRow[]> {
  return db
    .select()
    .from(securityProfileAnswers)
    .where(eq(securityProfileAnswers.profileId, profileId));
}

export async function findAnswer(
  db: Db,
  profileId: string,
  criterionId: string,
): Promise<AnswerRow | undefined> {
  const [row] = await db
    .select()
    .from(securityProfileAnswers)
    .where(
      and(
        eq(securityProfileAnswers.profileId, profileId),
        eq(securityProfileAnswers.criterionId, criterionId),
      ),
    );
  return row;
}

/** Inserts or replaces one answer (the profile row is locked by the caller). */
export async function upsertAnswer(tx: Db, row: AnswerRow): Promise<void> {
  const { profileId: _profileId, criterionId: _criterionId, ...fields } = row;
  await tx
    .insert(securityProfileAnswers)
    .values(row)
    .onConflictDoUpdate({
      target: [securityProfileAnswers.profileId, securityProfileAnswers.criterionId],
      set: fields,
    });
}

export async function deleteAnswers(
  tx: Db,
  profileId: string,
  criterionIds: readonly string[],
): Promise<void> {
  if (criterionIds.length === 0) {
    return;
  }
  await tx
    .delete(securityProfileAnswers)
    .where(
      and(
        eq(securityProfileAnswers.profileId, profileId),
        inArray(securityProfileAnswers.criterionId, [...criterionIds]),
      ),
    );
}

export async function markAnswersToReconfirm(
  tx: Db,
  profileId: string,
  criterionIds: readonly string[],
): Promise<void> {
  if (criterionIds.length === 0) {
    return;
  }
  await tx
    .update(securityProfileAnswers)
    .set({ toReconfirm: true })
    .where(
      and(
        eq(securityProfileAnswers.profileId, profileId),
        inArray(securityProfileAnswers.criterionId, [...criterionIds]),
      ),
    );
}

export async function findAssignments(db: Db, profileId: string): Promise<AssignmentRow[]> {
  return db
    .select()
    .from(securityProfileAssignments)
    .where(eq(securityProfileAssignments.profileId, profileId));
}

export async function findAssignment(
  db: Db,
  profileId: string,
  category: number,
): Promise<AssignmentRow | undefined> {
  const [row] = await db
    .select()
    .from(securityProfileAssignments)
    .where(
      and(
        eq(securityProfileAssignments.profileId, profileId),
        eq(securityProfileAssignments.category, category),
      ),
    );
  return row;
}

export async function upsertAssignment(tx: Db, row: AssignmentRow): Promise<void> {
  await tx
    .insert(securityProfileAssignments)
    .values(row)
    .onConflictDoUpdate({
      target: [securityProfileAssignments.profileId, securityProfileAssignments.category],
      set: {
        userId: row.userId,
        assignedByUserId: row.assignedByUserId,
        assignedAt: row.assignedAt,
      },
    });
}

export async function deleteAssignment(tx: Db, profileId: string, category: number) {
  await tx
    .delete(securityProfileAssignments)
    .where(
      and(
        eq(securityProfileAssignments.profileId, profileId),
        eq(securityProfileAssignments.category, category),
      ),
    );
}

/** The company's own discussion of a criterion (not CBP's review remarks), oldest first. */
export async function findCompanyComments(
  db: Db,
  profileId: string,
  criterionId: string,
): Promise<CommentRow[]> {
  return db
    .select()
    .from(securityProfileComments)
    .where(
      // The company's own discussion and CBP's return remarks (rows with the reviewed version).
      and(
        eq(securityProfileComments.profileId, profileId),
        eq(securityProfileComments.criterionId, criterionId),
      ),
    )
    .orderBy(asc(securityProfileComments.createdAt), asc(securityProfileComments.id));
}

export async function insertComment(tx: Db, row: CommentRow): Promise<void> {
  await tx.insert(securityProfileComments).values(row);
}

/** Serialises starting a profile per company: two first clicks must not both insert one. */
export async function lockProfileCreation(tx: Db, organisationId: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`security-profile:create:${organisationId}`}))`,
  );
}
