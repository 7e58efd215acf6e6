import { z } from 'zod';
import { ENTITY_TYPES } from '../organisations/entity-types.ts';
import { CATALOG_VERSION, CatalogCriterionSchema } from './catalog.schema.ts';
import { CATALOG_SOURCES, CATALOG_VERSION_STATUSES } from './catalog-versions.ts';

/** Import files up to 5 MB: the 2019 catalog is 60 KB, a full per-entity one a few hundred. */
export const CATALOG_IMPORT_MAX_CHARS = 5_000_000;

export const CatalogImportBodySchema = z
  .object({
    format: z.enum(['json', 'csv']),
    content: z.string().min(1, 'is empty').max(CATALOG_IMPORT_MAX_CHARS, 'is larger than 5 MB'),
    /** Required for CSV (the file holds only criteria); for JSON it overrides the file's. */
    version: z
      .string()
      .regex(CATALOG_VERSION, 'must be letters, digits, dots, hyphens or underscores (max 64)')
      .optional(),
    description: z.string().trim().max(4000).optional(),
  })
  .strict();
export type CatalogImportBody = z.infer<typeof CatalogImportBodySchema>;

export const CatalogVersionSummarySchema = z
  .object({
    id: z.uuid(),
    version: z.string(),
    description: z.string(),
    status: z.enum(CATALOG_VERSION_STATUSES),
    source: z.enum(CATALOG_SOURCES),
    criteriaCount: z.number().int(),
    contentSha256: z.string(),
    importedAt: z.iso.datetime(),
    publishedAt: z.iso.datetime().nullable(),
    /** Who published it (display name); null for a draft and for the seed (`db migrate`). */
    publishedBy: z.string().nullable(),
    supersededAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'CatalogVersionSummary' });
export type CatalogVersionSummary = z.infer<typeof CatalogVersionSummarySchema>;

export const CatalogVersionListSchema = z.object({ items: z.array(CatalogVersionSummarySchema) });

export const CatalogVersionSchema = CatalogVersionSummarySchema.extend({
  criteria: z.array(CatalogCriterionSchema),
}).meta({ id: 'CatalogVersion' });
export type CatalogVersion = z.infer<typeof CatalogVersionSchema>;

export const CatalogVersionParamsSchema = z.object({ versionId: z.uuid() });

export const CatalogCriteriaQuerySchema = z.object({
  entityType: z.enum(ENTITY_TYPES).optional(),
});

export const CatalogDiffQuerySchema = z.object({
  /** The version to compare with; the current published version when absent. */
  against: z.uuid().optional(),
});

const DesignationChangeSchema = z.object({
  entityType: z.enum(ENTITY_TYPES),
  from: z.enum(['must', 'should']).nullable(),
  to: z.enum(['must', 'should']).nullable(),
});

export const CatalogDiffSchema = z
  .object({
    from: CatalogVersionSummarySchema.nullable(),
    to: CatalogVersionSummarySchema,
    added: z.array(CatalogCriterionSchema),
    removed: z.array(CatalogCriterionSchema),
    changed: z.array(
      z.object({
        id: z.string(),
        designationChanges: z.array(DesignationChangeSchema),
        textChanged: z.boolean(),
        guidanceChanged: z.boolean(),
        applicabilityLevelChanged: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'CatalogDiff' });
export type CatalogDiffView = z.infer<typeof CatalogDiffSchema>;

export const CatalogExportQuerySchema = z.object({
  format: z.enum(['json', 'csv']).default('json'),
});
