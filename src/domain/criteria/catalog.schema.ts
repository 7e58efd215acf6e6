import { z } from 'zod';
import { ENTITY_TYPES } from '../organisations/entity-types.ts';
import { CATEGORY_NUMBERS } from './msc-categories.ts';

/**
 * The criteria catalog as versioned data (issue 5, item 1). A catalog version is a whole list of
 * criteria; a published version never changes (a new version replaces it). The shape is ours;
 * the seed (../shared/domain/msc-catalog.json, copied into ./seed) is converted by msc-seed.ts.
 */

/** "1.1", "7.37": category number, a dot, the criterion's number (not sequential in 2019). */
export const CRITERION_ID = /^(?:[1-9]|1[0-2])\.[1-9]\d{0,2}$/;

export const DESIGNATIONS = ['must', 'should'] as const;
export type Designation = (typeof DESIGNATIONS)[number];

/**
 * How sure we are that a criterion applies to an entity type: `confirmed` by a source, or
 * `likely` (an inference, shown as provisional: ctpat-program.md §4.1).
 */
export const APPLICABILITY_LEVELS = ['confirmed', 'likely'] as const;
export type ApplicabilityLevel = (typeof APPLICABILITY_LEVELS)[number];

/** Strongest first: a CBP document, a third party quoting one, an unofficial copy, memory. */
export const VERIFICATION_LEVELS = [
  'cbp-doc',
  'third-party-quote',
  'unofficial-portal-code',
  'memory-unverified',
] as const;
export type VerificationLevel = (typeof VERIFICATION_LEVELS)[number];

const KNOWN_ENTITY_TYPES: ReadonlySet<string> = new Set(ENTITY_TYPES);

/**
 * An object keyed by entity type. A plain record with a key check (rather than z.partialRecord
 * over the enum) so that an unknown key is reported at its own path, naming the key. No
 * transform: the same schema serialises API responses, which a one-way transform cannot.
 */
function byEntityType<Value extends z.ZodType>(value: Value) {
  return z.record(z.string(), value).superRefine((record, ctx) => {
    for (const key of Object.keys(record)) {
      if (!KNOWN_ENTITY_TYPES.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `is not a CTPAT entity type: ${key}`,
        });
      }
    }
  });
}

export const CatalogCriterionSchema = z
  .object({
    id: z
      .string()
      .regex(CRITERION_ID, 'must be a category number 1–12, a dot and a number, e.g. 3.4'),
    category: z
      .number()
      .int()
      .refine(
        (value) => CATEGORY_NUMBERS.includes(value),
        'must be a category number from 1 to 12',
      ),
    designation: z.enum(DESIGNATIONS, { error: 'must be "must" or "should"' }),
    /** Entity types whose designation differs from `designation`. */
    designationByEntityType: byEntityType(
      z.enum(DESIGNATIONS, { error: 'must be "must" or "should"' }),
    ).default({}),
    text: z.string().trim().min(1, 'is required').max(4000),
    guidance: z.string().trim().max(8000).nullable().default(null),
    /** The entity types the criterion applies to; absent types: not applicable. */
    applicability: byEntityType(
      z.enum(APPLICABILITY_LEVELS, { error: 'must be "confirmed" or "likely"' }),
    ).refine((value) => Object.keys(value).length > 0, 'must name at least one entity type'),
    verification: z.enum(VERIFICATION_LEVELS),
    /** Where the criterion comes from: URLs or citations such as "github:owner/repo path". */
    sources: z.array(z.string().trim().min(1, 'is empty').max(1000)).max(20).default([]),
    notes: z.string().trim().max(4000).nullable().default(null),
  })
  .strict()
  .superRefine((criterion, ctx) => {
    const categoryOfId = Number(criterion.id.split('.')[0]);
    if (categoryOfId !== criterion.category) {
      ctx.addIssue({
        code: 'custom',
        path: ['category'],
        message: `must be ${categoryOfId}, the category in id ${criterion.id}`,
      });
    }
    for (const entityType of Object.keys(criterion.designationByEntityType)) {
      if (!(entityType in criterion.applicability)) {
        ctx.addIssue({
          code: 'custom',
          path: ['designationByEntityType', entityType],
          message: `gives a designation for ${entityType}, to which the criterion does not apply`,
        });
      }
    }
  })
  .meta({ id: 'CatalogCriterion' });
export type CatalogCriterion = z.infer<typeof CatalogCriterionSchema>;

export const CATALOG_VERSION = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const CatalogSchema = z
  .object({
    version: z
      .string()
      .regex(CATALOG_VERSION, 'must be letters, digits, dots, hyphens or underscores (max 64)'),
    description: z.string().trim().max(4000).default(''),
    criteria: z.array(CatalogCriterionSchema).min(1, 'must hold at least one criterion').max(2000),
  })
  .strict()
  .superRefine(
    (catalog, ctx) => {
      // Runs even when some criteria are invalid (`when` below), so a file with a duplicate id
      // and a bad designation reports both at once; hence the defensive reads.
      const criteria: unknown[] = Array.isArray(catalog.criteria) ? catalog.criteria : [];
      const seen = new Map<string, number>();
      criteria.forEach((criterion, index) => {
        const id = (criterion as { id?: unknown } | null)?.id;
        if (typeof id !== 'string' || !CRITERION_ID.test(id)) {
          return;
        }
        const first = seen.get(id);
        if (first !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['criteria', index, 'id'],
            message: `duplicate id ${id} (first at criteria.${first})`,
          });
        } else {
          seen.set(id, index);
        }
      });
    },
    { when: () => true },
  )
  .meta({ id: 'Catalog' });
export type Catalog = z.infer<typeof CatalogSchema>;
/** What an import file holds before defaults are applied. */
export type CatalogInput = z.input<typeof CatalogSchema>;

/** Orders criterion ids as CBP numbers them: by category, then by number ("7.4" before "7.37"). */
export function compareCriterionIds(a: string, b: string): number {
  const [categoryA = 0, numberA = 0] = a.split('.').map(Number);
  const [categoryB = 0, numberB = 0] = b.split('.').map(Number);
  return categoryA - categoryB || numberA - numberB;
}

/** The designation a criterion has for one entity type (its default unless overridden). */
export function designationFor(
  criterion: Pick<CatalogCriterion, 'designation' | 'designationByEntityType'>,
  entityType: keyof CatalogCriterion['designationByEntityType'],
): Designation {
  return criterion.designationByEntityType[entityType] ?? criterion.designation;
}
