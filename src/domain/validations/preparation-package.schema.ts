import { z } from 'zod';
import { DOCUMENT_LANGUAGES, VALIDATION_DOCUMENT_KINDS } from './validation-vocabulary.ts';

/**
 * The preparation package's API (issue 6, item 3): generate one (for a validation, or as a
 * member's readiness check with no validation), list what was generated, download a PDF or DOCX.
 * Every generation is stored with its inputs' versions; regenerating adds a row.
 */

export const PACKAGE_FORMATS = ['pdf', 'docx'] as const;
export type PackageFormat = (typeof PACKAGE_FORMATS)[number];

export const PACKAGE_CONTENT_TYPES: Readonly<Record<PackageFormat, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export const GeneratePackageBodySchema = z
  .object({
    language: z
      .enum(DOCUMENT_LANGUAGES, { error: 'must be en or es' })
      .describe('The language of the package’s own words (the answers stay as written)'),
  })
  .meta({ id: 'GeneratePackageBody' });
export type GeneratePackageBody = z.infer<typeof GeneratePackageBodySchema>;

/** The inputs a document was generated from, summarised (the stored list is longer). */
export const DocumentInputsSummarySchema = z.object({
  validationVersion: z.number().int().nullable(),
  catalogVersionId: z.uuid().nullable(),
  /** The catalog version's label, e.g. "2019-MSC", when it is still known. */
  catalogVersion: z.string().nullable(),
  profile: z
    .object({
      id: z.uuid(),
      version: z.number().int(),
      approvedVersionId: z.uuid().nullable(),
    })
    .nullable(),
  evidenceCount: z.number().int(),
  findingsCount: z.number().int(),
});

const FileFactsSchema = z.object({ sizeBytes: z.number().int(), sha256: z.string() });

export const ValidationDocumentSchema = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    /** Null for a member's readiness check. */
    validationId: z.uuid().nullable(),
    kind: z.enum(VALIDATION_DOCUMENT_KINDS),
    language: z.enum(DOCUMENT_LANGUAGES),
    generatedAt: z.iso.datetime({ offset: true }),
    generatedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    pdf: FileFactsSchema,
    docx: FileFactsSchema,
    inputs: DocumentInputsSummarySchema,
  })
  .meta({ id: 'ValidationDocument' });
export type ValidationDocument = z.infer<typeof ValidationDocumentSchema>;

export const ValidationDocumentListSchema = z
  .object({ items: z.array(ValidationDocumentSchema) })
  .meta({ id: 'ValidationDocumentList' });
export type ValidationDocumentList = z.infer<typeof ValidationDocumentListSchema>;

export const ValidationDocumentsQuerySchema = z.object({
  validationId: z
    .uuid()
    .optional()
    .describe('One validation’s packages; without it, every package of the company'),
});

export const ValidationIdParamsSchema = z.object({ id: z.uuid() });

export const DocumentFileParamsSchema = z.object({
  documentId: z.uuid(),
  format: z.enum(PACKAGE_FORMATS, { error: 'must be pdf or docx' }),
});
