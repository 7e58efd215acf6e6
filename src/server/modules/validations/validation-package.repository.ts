import { and, asc, desc, eq, isNotNull, ne, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import {
  validationFindings,
  validationParticipants,
  validationResponses,
  validationSites,
  validations,
} from './validations.tables.ts';

/**
 * What the preparation package reads of a validation (issue 6, item 3): the validation, its
 * sites and participants, and the findings and responses of the member's previous closed
 * validation. Tenant explicit: a member's read names its organisation; CBP reads
 * (validation:read:any) pass null.
 */

export type PackageValidationRow = typeof validations.$inferSelect;
export type PackageSiteRow = typeof validationSites.$inferSelect;
export type PackageParticipantRow = typeof validationParticipants.$inferSelect;

/** The validation, within the member's organisation when one is given; else null. */
export async function findValidationForPackage(
  db: Db,
  validationId: string,
  organisationId: string | null,
): Promise<PackageValidationRow | null> {
  const conditions: SQL[] = [eq(validations.id, validationId)];
  if (organisationId !== null) conditions.push(eq(validations.organisationId, organisationId));
  const rows = await db
    .select()
    .from(validations)
    .where(and(...conditions))
    .limit(1);
  return rows[0] ?? null;
}

export async function findPackageSites(db: Db, validationId: string): Promise<PackageSiteRow[]> {
  return db
    .select()
    .from(validationSites)
    .where(eq(validationSites.validationId, validationId))
    .orderBy(asc(validationSites.position));
}

export async function findPackageParticipants(
  db: Db,
  validationId: string,
): Promise<PackageParticipantRow[]> {
  return db
    .select()
    .from(validationParticipants)
    .where(eq(validationParticipants.validationId, validationId))
    .orderBy(asc(validationParticipants.position));
}

/**
 * The member's most recently closed validation other than `exceptId` (the one the package is
 * for), or null.
 */
export async function findPreviousClosedValidation(
  db: Db,
  organisationId: string,
  exceptId: string | null,
): Promise<PackageValidationRow | null> {
  const conditions: SQL[] = [
    eq(validations.organisationId, organisationId),
    eq(validations.status, 'closed'),
    isNotNull(validations.closedOn),
  ];
  if (exceptId !== null) conditions.push(ne(validations.id, exceptId));
  const rows = await db
    .select()
    .from(validations)
    .where(and(...conditions))
    .orderBy(desc(validations.closedOn), desc(validations.updatedAt), desc(validations.id))
    .limit(1);
  return rows[0] ?? null;
}

/** A validation's findings with the name of their site (null: the whole validation). */
export async function findFindingsWithSites(db: Db, validationId: string) {
  return db
    .select({
      id: validationFindings.id,
      criterionId: validationFindings.criterionId,
      rating: validationFindings.rating,
      notes: validationFindings.notes,
      version: validationFindings.version,
      siteName: validationSites.name,
    })
    .from(validationFindings)
    .leftJoin(validationSites, eq(validationSites.id, validationFindings.siteId))
    .where(eq(validationFindings.validationId, validationId))
    .orderBy(asc(validationFindings.criterionId), asc(validationFindings.id));
}

/** Every response to a validation's findings (the latest per finding is the current one). */
export async function findResponsesOf(db: Db, validationId: string) {
  return db
    .select({
      findingId: validationResponses.findingId,
      submittedAt: validationResponses.submittedAt,
      decision: validationResponses.decision,
    })
    .from(validationResponses)
    .where(eq(validationResponses.validationId, validationId))
    .orderBy(asc(validationResponses.submittedAt), asc(validationResponses.id));
}
