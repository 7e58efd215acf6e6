import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { validationDocuments } from './validations.tables.ts';

/**
 * The report's generated documents (validation-report.service.ts): storing each generation and
 * reading them back. The validation rows themselves are validations.repository.ts.
 */

export type ValidationDocumentRow = typeof validationDocuments.$inferSelect;

export async function insertValidationDocument(
  tx: Db,
  row: typeof validationDocuments.$inferInsert,
): Promise<void> {
  await tx.insert(validationDocuments).values(row);
}

/** The report documents of a validation, newest first, without their bytes. */
export async function findReportDocuments(db: Db, validationId: string) {
  return db
    .select({
      id: validationDocuments.id,
      language: validationDocuments.language,
      generatedAt: validationDocuments.generatedAt,
      inputs: validationDocuments.inputs,
    })
    .from(validationDocuments)
    .where(
      and(
        eq(validationDocuments.validationId, validationId),
        eq(validationDocuments.kind, 'report'),
      ),
    )
    .orderBy(desc(validationDocuments.generatedAt), desc(validationDocuments.id));
}

/** The newest report document of a validation in one language, with its bytes. */
export async function findReportDocument(
  db: Db,
  validationId: string,
  language: 'en' | 'es',
): Promise<ValidationDocumentRow | null> {
  const rows = await db
    .select()
    .from(validationDocuments)
    .where(
      and(
        eq(validationDocuments.validationId, validationId),
        eq(validationDocuments.kind, 'report'),
        eq(validationDocuments.language, language),
      ),
    )
    .orderBy(desc(validationDocuments.generatedAt), desc(validationDocuments.id))
    .limit(1);
  return rows[0] ?? null;
}
