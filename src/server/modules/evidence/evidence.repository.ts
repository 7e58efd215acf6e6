import {
  and,
  asc,
  desc,
  eq,
  exists,
  gte,
  ilike,
  inArray,
  isNull,
  lt,
  lte,
  notExists,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { CalendarDate } from '../../../domain/time/calendar-date.ts';
import type { Db } from '../../db/database.ts';
import { evidenceContents, evidenceCriterionLinks, evidenceFiles } from './evidence.tables.ts';

export type EvidenceRow = typeof evidenceFiles.$inferSelect;
export type EvidenceLinkRow = typeof evidenceCriterionLinks.$inferSelect;

/**
 * Serialises uploads to one company's library, so the duplicate check (read, then write) cannot
 * pass for two concurrent uploads of the same content.
 */
export async function lockEvidenceLibrary(tx: Db, organisationId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`evidence:${organisationId}`}))`);
}

/** The company's live (not deleted) document with this content, if any. */
export async function findEvidenceBySha256(
  db: Db,
  organisationId: string,
  sha256: string,
): Promise<EvidenceRow | null> {
  const rows = await db
    .select()
    .from(evidenceFiles)
    .where(
      and(
        eq(evidenceFiles.organisationId, organisationId),
        eq(evidenceFiles.sha256, sha256),
        isNull(evidenceFiles.deletedAt),
      ),
    )
    .limit(1);
  return rows[0] ?? null;
}

export async function insertEvidence(
  tx: Db,
  row: typeof evidenceFiles.$inferInsert,
  content: Buffer,
): Promise<EvidenceRow> {
  const [inserted] = await tx.insert(evidenceFiles).values(row).returning();
  if (!inserted) {
    throw new Error('insert into evidence_files returned no row');
  }
  await tx.insert(evidenceContents).values({ evidenceId: row.id, content });
  return inserted;
}

/** One live document of the company (tenant scope: another company's id finds nothing). */
export async function findEvidence(
  db: Db,
  organisationId: string,
  evidenceId: string,
): Promise<EvidenceRow | null> {
  const rows = await db
    .select()
    .from(evidenceFiles)
    .where(
      and(
        eq(evidenceFiles.id, evidenceId),
        eq(evidenceFiles.organisationId, organisationId),
        isNull(evidenceFiles.deletedAt),
      ),
    )
    .limit(1);
  return rows[0] ?? null;
}

export async function findEvidenceContent(db: Db, evidenceId: string): Promise<Buffer | null> {
  const rows = await db
    .select({ content: evidenceContents.content })
    .from(evidenceContents)
    .where(eq(evidenceContents.evidenceId, evidenceId))
    .limit(1);
  return rows[0]?.content ?? null;
}

export async function updateEvidence(
  tx: Db,
  organisationId: string,
  evidenceId: string,
  changes: Partial<
    Pick<EvidenceRow, 'title' | 'description' | 'expiresOn' | 'updatedAt' | 'deletedAt'>
  >,
): Promise<EvidenceRow | null> {
  const rows = await tx
    .update(evidenceFiles)
    .set(changes)
    .where(
      and(
        eq(evidenceFiles.id, evidenceId),
        eq(evidenceFiles.organisationId, organisationId),
        isNull(evidenceFiles.deletedAt),
      ),
    )
    .returning();
  return rows[0] ?? null;
}

export interface EvidenceListFilter {
  q?: string | undefined;
  criterionId?: string | undefined;
  /** Not expired and expiring on or before this day. */
  expiringBy?: { today: CalendarDate; last: CalendarDate } | undefined;
  /** Expired: the last valid day was before this one. */
  expiredBefore?: CalendarDate | undefined;
  unlinked?: boolean | undefined;
}

/** The links of the row being filtered (to one criterion, when given): for exists(). */
function linkOf(db: Db, criterionId?: string) {
  return db
    .select({ one: sql`1` })
    .from(evidenceCriterionLinks)
    .where(
      and(
        eq(evidenceCriterionLinks.evidenceId, evidenceFiles.id),
        criterionId === undefined ? undefined : eq(evidenceCriterionLinks.criterionId, criterionId),
      ),
    );
}

/** `%`, `_` and `\` match themselves in a title search. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * A page of the company's live documents, newest first; `after` is the last row of the
 * previous page (keyset on uploaded_at, id: the evidence_files_org_idx index).
 */
export async function findEvidencePage(
  db: Db,
  organisationId: string,
  filter: EvidenceListFilter,
  page: { limit: number; after?: { uploadedAt: Date; id: string } | undefined },
): Promise<EvidenceRow[]> {
  const conditions: SQL[] = [
    eq(evidenceFiles.organisationId, organisationId),
    isNull(evidenceFiles.deletedAt),
  ];
  if (filter.q !== undefined) {
    conditions.push(ilike(evidenceFiles.title, likePattern(filter.q)));
  }
  if (filter.criterionId !== undefined) {
    conditions.push(exists(linkOf(db, filter.criterionId)));
  }
  if (filter.unlinked) {
    conditions.push(notExists(linkOf(db)));
  }
  if (filter.expiringBy !== undefined) {
    conditions.push(gte(evidenceFiles.expiresOn, filter.expiringBy.today));
    conditions.push(lte(evidenceFiles.expiresOn, filter.expiringBy.last));
  }
  if (filter.expiredBefore !== undefined) {
    conditions.push(lt(evidenceFiles.expiresOn, filter.expiredBefore));
  }
  const after = page.after;
  if (after !== undefined) {
    const older = or(
      lt(evidenceFiles.uploadedAt, after.uploadedAt),
      and(eq(evidenceFiles.uploadedAt, after.uploadedAt), lt(evidenceFiles.id, after.id)),
    );
    if (older) {
      conditions.push(older);
    }
  }
  return db
    .select()
    .from(evidenceFiles)
    .where(and(...conditions))
    .orderBy(desc(evidenceFiles.uploadedAt), desc(evidenceFiles.id))
    .limit(page.limit);
}

/** The links of these documents, by document, criteria in catalog order. */
export async function findLinksOf(
  db: Db,
  evidenceIds: readonly string[],
): Promise<Map<string, EvidenceLinkRow[]>> {
  const byEvidence = new Map<string, EvidenceLinkRow[]>();
  if (evidenceIds.length === 0) {
    return byEvidence;
  }
  const rows = await db
    .select()
    .from(evidenceCriterionLinks)
    .where(inArray(evidenceCriterionLinks.evidenceId, [...evidenceIds]))
    .orderBy(asc(evidenceCriterionLinks.linkedAt), asc(evidenceCriterionLinks.criterionId));
  for (const row of rows) {
    const list = byEvidence.get(row.evidenceId) ?? [];
    list.push(row);
    byEvidence.set(row.evidenceId, list);
  }
  return byEvidence;
}

/** Links the document to the criterion; false when it already was. */
export async function insertLink(
  tx: Db,
  row: typeof evidenceCriterionLinks.$inferInsert,
): Promise<boolean> {
  const inserted = await tx
    .insert(evidenceCriterionLinks)
    .values(row)
    .onConflictDoNothing()
    .returning({ criterionId: evidenceCriterionLinks.criterionId });
  return inserted.length > 0;
}

/** Unlinks the document from the criterion; false when it was not linked. */
export async function deleteLink(
  tx: Db,
  evidenceId: string,
  criterionId: string,
): Promise<boolean> {
  const deleted = await tx
    .delete(evidenceCriterionLinks)
    .where(
      and(
        eq(evidenceCriterionLinks.evidenceId, evidenceId),
        eq(evidenceCriterionLinks.criterionId, criterionId),
      ),
    )
    .returning({ criterionId: evidenceCriterionLinks.criterionId });
  return deleted.length > 0;
}

/** Removes every link of the document; returns the criteria it was linked to. */
export async function deleteLinksOf(tx: Db, evidenceId: string): Promise<string[]> {
  const deleted = await tx
    .delete(evidenceCriterionLinks)
    .where(eq(evidenceCriterionLinks.evidenceId, evidenceId))
    .returning({ criterionId: evidenceCriterionLinks.criterionId });
  return deleted.map((row) => row.criterionId).sort();
}

export interface LinkedEvidenceRow {
  criterionId: string;
  evidenceId: string;
  title: string;
  expiresOn: string | null;
  mediaType: EvidenceRow['mediaType'];
}

/** Every link of the company's live documents (the Security Profile's view by criterion). */
export async function findLinkedEvidence(
  db: Db,
  organisationId: string,
): Promise<LinkedEvidenceRow[]> {
  return db
    .select({
      criterionId: evidenceCriterionLinks.criterionId,
      evidenceId: evidenceFiles.id,
      title: evidenceFiles.title,
      expiresOn: evidenceFiles.expiresOn,
      mediaType: evidenceFiles.mediaType,
    })
    .from(evidenceCriterionLinks)
    .innerJoin(evidenceFiles, eq(evidenceFiles.id, evidenceCriterionLinks.evidenceId))
    .where(
      and(
        eq(evidenceCriterionLinks.organisationId, organisationId),
        isNull(evidenceFiles.deletedAt),
      ),
    )
    .orderBy(
      asc(evidenceCriterionLinks.criterionId),
      asc(evidenceFiles.title),
      asc(evidenceFiles.id),
    );
}

/** These documents of the company (deleted ones too: a submitted profile version may cite them). */
export async function findEvidenceByIds(
  db: Db,
  organisationId: string,
  evidenceIds: readonly string[],
): Promise<EvidenceRow[]> {
  if (evidenceIds.length === 0) {
    return [];
  }
  return db
    .select()
    .from(evidenceFiles)
    .where(
      and(
        eq(evidenceFiles.organisationId, organisationId),
        inArray(evidenceFiles.id, [...evidenceIds]),
      ),
    );
}

/** Live documents of every company whose expiry date lies from `first` to `last`. */
export async function findEvidenceExpiringBetween(
  db: Db,
  first: CalendarDate,
  last: CalendarDate,
): Promise<EvidenceRow[]> {
  return db
    .select()
    .from(evidenceFiles)
    .where(
      and(
        isNull(evidenceFiles.deletedAt),
        gte(evidenceFiles.expiresOn, first),
        lte(evidenceFiles.expiresOn, last),
      ),
    )
    .orderBy(asc(evidenceFiles.expiresOn), asc(evidenceFiles.id));
}
