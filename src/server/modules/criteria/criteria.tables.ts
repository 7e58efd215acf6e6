import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  type ApplicabilityLevel,
  DESIGNATIONS,
  type Designation,
  VERIFICATION_LEVELS,
  type VerificationLevel,
} from '../../../domain/criteria/catalog.schema.ts';
import {
  CATALOG_SOURCES,
  CATALOG_VERSION_STATUSES,
  type CatalogSource,
  type CatalogVersionStatus,
} from '../../../domain/criteria/catalog-versions.ts';
import type { EntityType } from '../../../domain/organisations/entity-types.ts';
import { oneOf } from '../../db/sql-checks.ts';
import { users } from '../identity/accounts.tables.ts';

/**
 * Versions of the criteria catalog (issue 5, item 1). Once published a version and its criteria
 * never change (triggers in migration 0007 refuse it, whoever asks); the newest published
 * version is the current one, and publishing supersedes the previous one.
 */
export const criteriaCatalogVersions = pgTable(
  'criteria_catalog_versions',
  {
    id: uuid('id').primaryKey(),
    /** The version label from the file, e.g. "2019-11-seed"; unique. */
    version: text('version').notNull(),
    description: text('description').notNull(),
    status: text('status').$type<CatalogVersionStatus>().notNull(),
    source: text('source').$type<CatalogSource>().notNull(),
    criteriaCount: integer('criteria_count').notNull(),
    /** SHA-256 of the canonical JSON of the criteria: the same content imports as the same hash. */
    contentSha256: text('content_sha256').notNull(),
    importedByUserId: uuid('imported_by_user_id').references(() => users.id),
    importedAt: timestamp('imported_at', { withTimezone: true, mode: 'date' }).notNull(),
    publishedByUserId: uuid('published_by_user_id').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    supersededAt: timestamp('superseded_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    uniqueIndex('criteria_catalog_versions_version').on(table.version),
    // At most one current (published, not superseded) version.
    uniqueIndex('criteria_catalog_versions_one_current')
      .on(table.status)
      .where(sql`${table.status} = 'published'`),
    index('criteria_catalog_versions_published_idx').on(table.publishedAt),
    check('criteria_catalog_versions_status_known', oneOf(table.status, CATALOG_VERSION_STATUSES)),
    check('criteria_catalog_versions_source_known', oneOf(table.source, CATALOG_SOURCES)),
    check(
      'criteria_catalog_versions_published_fields',
      sql`(${table.status} = 'draft') = (${table.publishedAt} is null)`,
    ),
  ],
);

/** The criteria of one catalog version, as CatalogCriterionSchema describes them. */
export const catalogCriteria = pgTable(
  'catalog_criteria',
  {
    versionId: uuid('version_id')
      .notNull()
      .references(() => criteriaCatalogVersions.id, { onDelete: 'cascade' }),
    criterionId: text('criterion_id').notNull(),
    category: integer('category').notNull(),
    designation: text('designation').$type<Designation>().notNull(),
    designationByEntityType: jsonb('designation_by_entity_type')
      .$type<Partial<Record<EntityType, Designation>>>()
      .notNull(),
    text: text('text').notNull(),
    guidance: text('guidance'),
    applicability: jsonb('applicability')
      .$type<Partial<Record<EntityType, ApplicabilityLevel>>>()
      .notNull(),
    verification: text('verification').$type<VerificationLevel>().notNull(),
    sources: jsonb('sources').$type<string[]>().notNull(),
    notes: text('notes'),
  },
  (table) => [
    primaryKey({ columns: [table.versionId, table.criterionId] }),
    check('catalog_criteria_category_range', sql`${table.category} between 1 and 12`),
    check('catalog_criteria_designation_known', oneOf(table.designation, DESIGNATIONS)),
    check('catalog_criteria_verification_known', oneOf(table.verification, VERIFICATION_LEVELS)),
    check(
      'catalog_criteria_applicability_object',
      sql`jsonb_typeof(${table.applicability}) = 'object'`,
    ),
  ],
);
