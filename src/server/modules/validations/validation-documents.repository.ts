import { and, desc, eq, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { PackageFormat } from '../../../domain/validations/preparation-package.schema.ts';
import type { ValidationDocumentKind } from '../../../domain/validations/validation-vocabulary.ts';
import type { Db } from '../../db/database.ts';
import { validationDocuments } from './validations.tables.ts';

/**
 * Generated validation documents (issue 6, items 3 and 5): one row per generation with both
 * formats and the versions of the inputs. Lists never read the bytes. Tenant explicit: a member's
 * reads name its organisation; CBP reads pass null and only reach documents of a validation.
 */

export type NewValidationDocumentRow = typeof validationDocuments.$inferInsert;

export async function insertValidationDocument(
  tx: Db,
  row: NewValidationDocumentRow,
): Promise<void> {
  await tx.insert(validationDocuments).values(row);
}

const summaryColumns = {
  id: validationDocuments.id,
  organisationId: validationDocuments.organisationId,
  validationId: validationDocuments.validationId,
  kind: validationDocuments.kind,
  language: validationDocuments.language,
  pdfSha256: validationDocuments.pdfSha256,
  docxSha256: validationDocuments.docxSha256,
  pdfSize: sql<number>`octet_length(${validationDocuments.pdfContent})`.mapWith(Number),
  docxSize: sql<number>`octet_length(${validationDocuments.docxContent})`.mapWith(Number),
  inputs: validationDocuments.inputs,
  generatedByUserId: validationDocuments.generatedByUserId,
  generatedAt: validationDocuments.generatedAt,
};

export interface DocumentFilter {
  kind: ValidationDocumentKind;
  /** The member's organisation; null for CBP (then only documents of a validation). */
  organisationId: string | null;
  validationId?: string | undefined;
}

function filterConditions(filter: DocumentFilter): SQL[] {
  const conditions: SQL[] = [eq(validationDocuments.kind, filter.kind)];
  if (filter.organisationId !== null) {
    conditions.push(eq(validationDocuments.organisationId, filter.organisationId));
  } else {
    conditions.push(isNotNull(validationDocuments.validationId));
  }
  if (filter.validationId !== undefined) {
    conditions.push(eq(validationDocuments.validationId, filter.validationId));
  }
  return conditions;
}

/** Generated documents, newest first, without their bytes. */
export async function findDocumentSummaries(db: Db, filter: DocumentFilter) {
  return db
    .select(summaryColumns)
    .from(validationDocuments)
    .where(and(...filterConditions(filter)))
    .orderBy(desc(validationDocuments.generatedAt), desc(validationDocuments.id))
    .limit(200);
}

export type DocumentSummaryRow = Awaited<ReturnType<typeof findDocumentSummaries>>[number];

/** One document's summary, within the filter; null when it is not there. */
export async function findDocumentSummary(
  db: Db,
  documentId: string,
  filter: DocumentFilter,
): Promise<DocumentSummaryRow | null> {
  const rows = await db
    .select(summaryColumns)
    .from(validationDocuments)
    .where(and(eq(validationDocuments.id, documentId), ...filterConditions(filter)))
    .limit(1);
  return rows[0] ?? null;
}

/** One format's bytes of a document within the filter, or null. */
export async function findDocumentFile(
  db: Db,
  documentId: string,
  format: PackageFormat,
  filter: DocumentFilter,
): Promise<{
  organisationId: string;
  validationId: string | null;
  language: string;
  generatedAt: Date;
  content: Buffer;
} | null> {
  const rows = await db
    .select({
      organisationId: validationDocuments.organisationId,
      validationId: validationDocuments.validationId,
      language: validationDocuments.language,
      generatedAt: validationDocuments.generatedAt,
      content: format === 'pdf' ? validationDocuments.pdfContent : validationDocuments.docxContent,
    })
    .from(validationDocuments)
    .where(and(eq(validationDocuments.id, documentId), ...filterConditions(filter)))
    .limit(1);
  return rows[0] ?? null;
}
