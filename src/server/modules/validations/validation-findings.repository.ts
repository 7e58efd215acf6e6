import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { validationFindings } from './validations.tables.ts';

/**
 * The findings of the standard work program (validation-findings.service.ts). Findings belong to
 * a validation; the caller has found the validation in its tenant (or as CBP) first.
 */

export type FindingRow = typeof validationFindings.$inferSelect;
export type NewFindingRow = typeof validationFindings.$inferInsert;

/** Every finding of a validation, by criterion then site (validation-wide first). */
export async function findFindings(db: Db, validationId: string): Promise<FindingRow[]> {
  return db
    .select()
    .from(validationFindings)
    .where(eq(validationFindings.validationId, validationId))
    .orderBy(
      asc(validationFindings.criterionId),
      sql`${validationFindings.siteId} nulls first`,
      asc(validationFindings.id),
    );
}

/** The finding for one criterion at one place (a site, or null for the whole validation). */
export async function findFindingAt(
  db: Db,
  validationId: string,
  criterionId: string,
  siteId: string | null,
  options: { forUpdate?: boolean } = {},
): Promise<FindingRow | null> {
  const query = db
    .select()
    .from(validationFindings)
    .where(
      and(
        eq(validationFindings.validationId, validationId),
        eq(validationFindings.criterionId, criterionId),
        siteId === null ? isNull(validationFindings.siteId) : eq(validationFindings.siteId, siteId),
      ),
    )
    .limit(1);
  const rows = options.forUpdate ? await query.for('update') : await query;
  return rows[0] ?? null;
}

export async function findFinding(
  db: Db,
  validationId: string,
  findingId: string,
  options: { forUpdate?: boolean } = {},
): Promise<FindingRow | null> {
  const query = db
    .select()
    .from(validationFindings)
    .where(
      and(eq(validationFindings.validationId, validationId), eq(validationFindings.id, findingId)),
    )
    .limit(1);
  const rows = options.forUpdate ? await query.for('update') : await query;
  return rows[0] ?? null;
}

export async function insertFinding(tx: Db, row: NewFindingRow): Promise<FindingRow> {
  const rows = await tx.insert(validationFindings).values(row).returning();
  const inserted = rows[0];
  if (!inserted) throw new Error('finding not inserted');
  return inserted;
}

/** Applies the changes at `expectedVersion` and bumps the version; null when it moved on. */
export async function updateFindingAtVersion(
  tx: Db,
  findingId: string,
  expectedVersion: number,
  changes: Pick<
    NewFindingRow,
    'rating' | 'notes' | 'evidenceSeen' | 'evidenceIds' | 'recordedByUserId' | 'updatedAt'
  >,
): Promise<FindingRow | null> {
  const rows = await tx
    .update(validationFindings)
    .set({ ...changes, version: sql`${validationFindings.version} + 1` })
    .where(
      and(eq(validationFindings.id, findingId), eq(validationFindings.version, expectedVersion)),
    )
    .returning();
  return rows[0] ?? null;
}

export async function deleteFinding(tx: Db, findingId: string): Promise<void> {
  await tx.delete(validationFindings).where(eq(validationFindings.id, findingId));
}
