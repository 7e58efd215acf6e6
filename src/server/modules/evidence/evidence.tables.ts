import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  EVIDENCE_MEDIA_TYPES,
  type EvidenceMediaType,
} from '../../../domain/evidence/evidence-vocabulary.ts';
import { bytea } from '../../db/bytea.ts';
import { oneOf } from '../../db/sql-checks.ts';
import { users } from '../identity/accounts.tables.ts';
import { organisations } from '../organisations/organisations.tables.ts';

/**
 * A member's evidence document (issue 5, item 4). Uploaded once per company: the same content
 * (SHA-256) twice is a duplicate, refused with a pointer to the first. Deleting keeps the row
 * (profile versions may cite it) and sets `deleted_at`.
 */
export const evidenceFiles = pgTable(
  'evidence_files',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    title: text('title').notNull(),
    description: text('description'),
    originalFilename: text('original_filename').notNull(),
    /** Sniffed from the content (evidence-types.ts), never from the name or the client. */
    mediaType: text('media_type').$type<EvidenceMediaType>().notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    /** The last day the document is valid (a certificate, a training record); null: no expiry. */
    expiresOn: date('expires_on', { mode: 'string' }),
    uploadedByUserId: uuid('uploaded_by_user_id').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    index('evidence_files_org_idx').on(table.organisationId, table.uploadedAt, table.id),
    index('evidence_files_expiry_idx').on(table.expiresOn),
    uniqueIndex('evidence_files_one_per_content')
      .on(table.organisationId, table.sha256)
      .where(sql`${table.deletedAt} is null`),
    check('evidence_files_media_type_known', oneOf(table.mediaType, EVIDENCE_MEDIA_TYPES)),
    check('evidence_files_size_positive', sql`${table.sizeBytes} > 0`),
    check('evidence_files_sha256_format', sql`${table.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);

/** The bytes of an evidence file, apart so lists never read them. */
export const evidenceContents = pgTable('evidence_contents', {
  evidenceId: uuid('evidence_id')
    .primaryKey()
    .references(() => evidenceFiles.id),
  content: bytea('content').notNull(),
});

/**
 * Which criteria a document supports, for the company's working Security Profile. A profile
 * version, when submitted, freezes the links it had (security-profile tables).
 */
export const evidenceCriterionLinks = pgTable(
  'evidence_criterion_links',
  {
    evidenceId: uuid('evidence_id')
      .notNull()
      .references(() => evidenceFiles.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    criterionId: text('criterion_id').notNull(),
    linkedByUserId: uuid('linked_by_user_id').references(() => users.id),
    linkedAt: timestamp('linked_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.evidenceId, table.criterionId] }),
    index('evidence_criterion_links_org_criterion_idx').on(table.organisationId, table.criterionId),
  ],
);
