import { z } from 'zod';

/**
 * Exports of the Security Profile (issue 5, item 7): the working profile or a submitted version
 * as PDF, Word (DOCX) or Excel (XLSX).
 */

export const PROFILE_EXPORT_FORMATS = ['pdf', 'docx', 'xlsx'] as const;
export type ProfileExportFormat = (typeof PROFILE_EXPORT_FORMATS)[number];

export const PROFILE_EXPORT_LANGUAGES = ['en', 'es'] as const;
export type ProfileExportLanguage = (typeof PROFILE_EXPORT_LANGUAGES)[number];

export const PROFILE_EXPORT_CONTENT_TYPES: Readonly<Record<ProfileExportFormat, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const ProfileExportQuerySchema = z.object({
  format: z
    .enum(PROFILE_EXPORT_FORMATS, { error: 'must be pdf, docx or xlsx' })
    .describe('pdf, docx (Word) or xlsx (Excel: one row per criterion, and an Evidence sheet)'),
  lang: z
    .enum(PROFILE_EXPORT_LANGUAGES, { error: 'must be en or es' })
    .optional()
    .describe(
      'The language of the document’s own headings and labels (the answers stay as written); default: your preferred language',
    ),
});
export type ProfileExportQuery = z.infer<typeof ProfileExportQuerySchema>;
