import { and, desc, eq, ne, sql } from 'drizzle-orm';
import {
  type CatalogCriterion,
  compareCriterionIds,
} from '../../../domain/criteria/catalog.schema.ts';
import type { Db } from '../../db/database.ts';
import { catalogCriteria, criteriaCatalogVersions } from './criteria.tables.ts';

export type CatalogVersionRow = typeof criteriaCatalogVersions.$inferSelect;
export type NewCatalogVersionRow = typeof criteriaCatalogVersions.$inferInsert;

export async function findCatalogVersions(
  db: Db,
  options: { includeDrafts: boolean },
): Promise<CatalogVersionRow[]> {
  return db
    .select()
    .from(criteriaCatalogVersions)
    .where(options.includeDrafts ? undefined : ne(criteriaCatalogVersions.status, 'draft'))
    .orderBy(desc(criteriaCatalogVersions.importedAt), desc(criteriaCatalogVersions.id));
}

export async function findCatalogVersion(
  db: Db,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<CatalogVersionRow | undefined> {
  const query = db.select().from(criteriaCatalogVersions).where(eq(criteriaCatalogVersions.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function findCatalogVersionByLabel(
  db: Db,
  version: string,
): Promise<CatalogVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(criteriaCatalogVersions)
    .where(eq(criteriaCatalogVersions.version, version));
  return row;
}

/** The current version: the one published and not yet superseded. */
export async function findCurrentCatalogVersion(
  db: Db,
  options: { forUpdate?: boolean } = {},
): Promise<CatalogVersionRow | undefined> {
  const query = db
    .select()
    .from(criteriaCatalogVersions)
    .where(eq(criteriaCatalogVersions.status, 'published'));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function countCatalogVersions(db: Db): Promise<number> {
  const rows = await db.select({ id: criteriaCatalogVersions.id }).from(criteriaCatalogVersions);
  return rows.length;
}

export async function findCatalogCriteria(db: Db, versionId: string): Promise<CatalogCriterion[]> {
  const rows = await db
    .select()
    .from(catalogCriteria)
    .where(eq(catalogCriteria.versionId, versionId));
  const criteria = rows.map((row) => ({
    id: row.criterionId,
    category: row.category,
    designation: row.designation,
    designationByEntityType: row.designationByEntityType,
    text: row.text,
    guidance: row.guidance,
    applicability: row.applicability,
    verification: row.verification,
    sources: row.sources,
    notes: row.notes,
  }));
  // Text order would put 7.37 before 7.4; CBP's order compares the numbers.
  return criteria.sort((a, b) => compareCriterionIds(a.id, b.id));
}

export async function insertCatalogVersion(
  tx: Db,
  version: NewCatalogVersionRow,
  criteria: readonly CatalogCriterion[],
): Promise<void> {
  await tx.insert(criteriaCatalogVersions).values(version);
  // 500 rows per statement keeps each insert well under PostgreSQL's 65,535 parameters.
  for (let start = 0; start < criteria.length; start += 500) {
    await tx.insert(catalogCriteria).values(
      criteria.slice(start, start + 500).map((criterion) => ({
        versionId: version.id,
        criterionId: criterion.id,
        category: criterion.category,
        designation: criterion.designation,
        designationByEntityType: criterion.designationByEntityType,
        text: criterion.text,
        guidance: criterion.guidance,
        applicability: criterion.applicability,
        verification: criterion.verification,
        sources: criterion.sources,
        notes: criterion.notes,
      })),
    );
  }
}

export async function markCatalogVersionPublished(
  tx: Db,
  id: string,
  fields: { publishedByUserId: string | null; publishedAt: Date },
): Promise<void> {
  await tx
    .update(criteriaCatalogVersions)
    .set({ status: 'published', ...fields })
    .where(and(eq(criteriaCatalogVersions.id, id), eq(criteriaCatalogVersions.status, 'draft')));
}

export async function markCatalogVersionSuperseded(tx: Db, id: string, at: Date): Promise<void> {
  await tx
    .update(criteriaCatalogVersions)
    .set({ status: 'superseded', supersededAt: at })
    .where(
      and(eq(criteriaCatalogVersions.id, id), eq(criteriaCatalogVersions.status, 'published')),
    );
}

export async function deleteCatalogDraft(tx: Db, id: string): Promise<void> {
  await tx
    .delete(criteriaCatalogVersions)
    .where(and(eq(criteriaCatalogVersions.id, id), eq(criteriaCatalogVersions.status, 'draft')));
}

/** Arbitrary constant key: serialises seeding the catalog between servers starting together. */
const CATALOG_SEED_LOCK_KEY = 7_224_002;

export async function lockCatalogSeeding(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CATALOG_SEED_LOCK_KEY})`);
}
