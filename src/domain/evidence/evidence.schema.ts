import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../api/pagination.schema.ts';
import { CRITERION_ID } from '../criteria/catalog.schema.ts';
import { parseCalendarDate } from '../time/calendar-date.ts';
import { EVIDENCE_WARNINGS, EXPIRY_STATES } from './evidence-expiry.ts';
import { EVIDENCE_MEDIA_TYPES } from './evidence-vocabulary.ts';

/**
 * The evidence library's API shapes (issue 5, item 4): the upload's form fields, a library
 * item with its expiry state and warnings, the list's filters, edits and links.
 */

export const EVIDENCE_TITLE_MAX = 200;
export const EVIDENCE_DESCRIPTION_MAX = 4000;
/** A document supports a handful of criteria; a hundred is already the whole of a category. */
export const EVIDENCE_LINKS_MAX = 100;

export const CriterionIdSchema = z
  .string()
  .trim()
  .regex(CRITERION_ID, 'must be a criterion id: a category number 1–12, a dot and a number');

/** Optional text: absent, null or blank all mean "not given" (stored as null). */
function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((value) => (value ? value : null));
}

const TitleSchema = z
  .string({ error: 'is required' })
  .trim()
  .min(1, 'is required')
  .max(EVIDENCE_TITLE_MAX, `must be at most ${EVIDENCE_TITLE_MAX} characters`);

/** A calendar date written YYYY-MM-DD (a real day: no 30 February). */
const DateTextSchema = z
  .string()
  .trim()
  .refine((value) => parseCalendarDate(value) !== null, 'must be a date written YYYY-MM-DD');

/** Blank means "no expiry date". */
const ExpiresOnSchema = z
  .union([z.literal(''), DateTextSchema])
  .nullish()
  .transform((value) => (value ? value : null))
  .describe('The last day the document is valid (YYYY-MM-DD); not in the past; none: no expiry');

/**
 * The text fields of an upload (multipart/form-data, alongside the one `file` part).
 * `criterionIds` may repeat or be comma-separated: `criterionIds=1.1&criterionIds=3.4` or
 * `criterionIds=1.1,3.4`.
 */
export const EvidenceUploadFieldsSchema = z.object({
  title: TitleSchema,
  description: optionalText(EVIDENCE_DESCRIPTION_MAX),
  expiresOn: ExpiresOnSchema,
  criterionIds: z
    .array(CriterionIdSchema)
    .max(EVIDENCE_LINKS_MAX, `must name at most ${EVIDENCE_LINKS_MAX} criteria`)
    .default([])
    .transform((ids) => [...new Set(ids)]),
});
export type EvidenceUploadFields = z.infer<typeof EvidenceUploadFieldsSchema>;

/** Changes to an item's description; absent fields stay as they are, null clears. */
export const EvidenceUpdateBodySchema = z
  .object({
    title: TitleSchema.optional(),
    description: optionalText(EVIDENCE_DESCRIPTION_MAX).optional(),
    expiresOn: ExpiresOnSchema.optional(),
  })
  .meta({ id: 'EvidenceUpdateBody' });
export type EvidenceUpdateBody = z.infer<typeof EvidenceUpdateBodySchema>;

export const EvidenceSchema = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    title: z.string(),
    description: z.string().nullable(),
    originalFilename: z.string(),
    mediaType: z.enum(EVIDENCE_MEDIA_TYPES).describe('Sniffed from the content, not the name'),
    sizeBytes: z.number().int(),
    sha256: z.string().describe('SHA-256 of the content, hexadecimal'),
    expiresOn: z.iso.date().nullable(),
    expiry: z
      .enum(EXPIRY_STATES)
      .describe('none; valid; expiring (within 30 days); expired (after expiresOn)'),
    daysUntilExpiry: z.number().int().nullable().describe('Negative once expired'),
    warnings: z
      .array(z.enum(EVIDENCE_WARNINGS))
      .describe('Reasons the document is commonly not accepted: expired, linked to no criterion'),
    criterionIds: z.array(z.string()).describe('The criteria the document supports'),
    previewable: z.boolean().describe('A PDF or an image: the content route shows it inline'),
    uploadedAt: z.iso.datetime(),
    uploadedByUserId: z.uuid().nullable(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Evidence' });
export type Evidence = z.infer<typeof EvidenceSchema>;

export const EvidencePageSchema = pageOf(EvidenceSchema).meta({ id: 'EvidencePage' });
export type EvidencePage = z.infer<typeof EvidencePageSchema>;

/** `true`/`false` in a query string (a shortcut flag). */
const QueryFlag = z.enum(['true', 'false']);

export const EvidenceListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().min(1).max(200).optional().describe('Part of the title'),
  criterionId: CriterionIdSchema.optional().describe('Only documents linked to this criterion'),
  expiring: z.coerce
    .number()
    .int()
    .min(0)
    .max(366)
    .optional()
    .describe('Only documents whose expiry date is within this many days (not yet expired)'),
  expired: QueryFlag.optional().describe('true: only expired documents'),
  unlinked: QueryFlag.optional().describe('true: only documents linked to no criterion'),
});
export type EvidenceListQuery = z.infer<typeof EvidenceListQuerySchema>;

export const EvidenceIdParamsSchema = z.object({ evidenceId: z.uuid() });

export const EvidenceLinkParamsSchema = z.object({
  evidenceId: z.uuid(),
  criterionId: CriterionIdSchema,
});

export const MemberEvidenceParamsSchema = z.object({ organisationId: z.uuid() });
export const MemberEvidenceItemParamsSchema = z.object({
  organisationId: z.uuid(),
  evidenceId: z.uuid(),
});

export const EvidenceContentQuerySchema = z.object({
  inline: z
    .enum(['1', '0', 'true', 'false'])
    .optional()
    .describe('1: show in the browser (PDF and images only) instead of downloading'),
});

/** An item's links, as the Security Profile shows them next to a criterion. */
export const LinkedEvidenceSchema = z.object({
  evidenceId: z.uuid(),
  title: z.string(),
  expiresOn: z.iso.date().nullable(),
  mediaType: z.enum(EVIDENCE_MEDIA_TYPES),
});
export type LinkedEvidence = z.infer<typeof LinkedEvidenceSchema>;
