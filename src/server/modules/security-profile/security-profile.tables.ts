import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
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
  ANSWER_STATUSES,
  type AnswerStatus,
  CRITERION_REVIEW_DECISIONS,
  type CriterionReviewDecision,
  PROFILE_CYCLES,
  PROFILE_STATUSES,
  type ProfileCycle,
  type ProfileStatus,
} from '../../../domain/security-profile/profile-vocabulary.ts';
import { oneOf } from '../../db/sql-checks.ts';
import { criteriaCatalogVersions } from '../criteria/criteria.tables.ts';
import { users } from '../identity/accounts.tables.ts';
import { organisations } from '../organisations/organisations.tables.ts';

/**
 * A company's working Security Profile (issue 5, item 3), answered against one catalog version.
 * One open profile per company (draft, submitted or returned); an approved one stays as the base
 * of the next annual review cycle.
 */
export const securityProfiles = pgTable(
  'security_profiles',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    catalogVersionId: uuid('catalog_version_id')
      .notNull()
      .references(() => criteriaCatalogVersions.id),
    cycle: text('cycle').$type<ProfileCycle>().notNull(),
    status: text('status').$type<ProfileStatus>().notNull(),
    /** The approved version an annual review cycle started from (issue 5, item 6). */
    basedOnVersionId: uuid('based_on_version_id'),
    /** Annual review: the anniversary the cycle is for; its window closes on this day. */
    reviewAnniversary: date('review_anniversary', { mode: 'string' }),
    /** Annual review: the first day of the window (the window length is a setting). */
    reviewWindowOpens: date('review_window_opens', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    index('security_profiles_org_idx').on(table.organisationId, table.createdAt),
    uniqueIndex('security_profiles_one_open')
      .on(table.organisationId)
      .where(sql`${table.status} in ('draft', 'submitted', 'returned')`),
    // One annual review cycle per anniversary.
    uniqueIndex('security_profiles_one_per_anniversary')
      .on(table.organisationId, table.reviewAnniversary)
      .where(sql`${table.reviewAnniversary} is not null`),
    check('security_profiles_cycle_known', oneOf(table.cycle, PROFILE_CYCLES)),
    check(
      'security_profiles_annual_review_window',
      sql`(${table.cycle} = 'annual_review') = (${table.reviewAnniversary} is not null and ${table.reviewWindowOpens} is not null)`,
    ),
    check('security_profiles_status_known', oneOf(table.status, PROFILE_STATUSES)),
  ],
);

/** The member's answer to one criterion of the working profile (saved as typed: autosave). */
export const securityProfileAnswers = pgTable(
  'security_profile_answers',
  {
    profileId: uuid('profile_id')
      .notNull()
      .references(() => securityProfiles.id),
    criterionId: text('criterion_id').notNull(),
    status: text('status').$type<AnswerStatus>(),
    /** How the company meets the criterion; for not applicable, why it does not apply. */
    narrative: text('narrative').notNull(),
    responsibleUserId: uuid('responsible_user_id').references(() => users.id),
    /** Annual review: carried over from last year and not yet confirmed in this window. */
    toReconfirm: boolean('to_reconfirm').notNull().default(false),
    updatedByUserId: uuid('updated_by_user_id').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.profileId, table.criterionId] }),
    check(
      'security_profile_answers_status_known',
      sql`${table.status} is null or ${oneOf(table.status, ANSWER_STATUSES)}`,
    ),
    check(
      'security_profile_answers_not_applicable_justified',
      sql`${table.status} is distinct from 'not_applicable' or length(trim(${table.narrative})) > 0`,
    ),
  ],
);

/** Sections (MSC categories) assigned to contributors. */
export const securityProfileAssignments = pgTable(
  'security_profile_assignments',
  {
    profileId: uuid('profile_id')
      .notNull()
      .references(() => securityProfiles.id),
    category: integer('category').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    assignedByUserId: uuid('assigned_by_user_id').references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.profileId, table.category] }),
    check('security_profile_assignments_category', sql`${table.category} between 1 and 12`),
  ],
);

/** Comments on a criterion: the company's own discussion and CBP's review remarks. */
export const securityProfileComments = pgTable(
  'security_profile_comments',
  {
    id: uuid('id').primaryKey(),
    profileId: uuid('profile_id')
      .notNull()
      .references(() => securityProfiles.id),
    criterionId: text('criterion_id').notNull(),
    authorUserId: uuid('author_user_id').references(() => users.id),
    /** The submitted version a CBP review comment belongs to; null for the company's own. */
    versionId: uuid('version_id'),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    index('security_profile_comments_idx').on(table.profileId, table.criterionId, table.createdAt),
    check('security_profile_comments_body', sql`length(trim(${table.body})) > 0`),
  ],
);

/**
 * A submitted profile version (issue 5, item 5): the officer signs, the answers and the linked
 * evidence are frozen in `snapshot`, and CBP reviews it per criterion. Numbered per profile.
 */
export const securityProfileVersions = pgTable(
  'security_profile_versions',
  {
    id: uuid('id').primaryKey(),
    profileId: uuid('profile_id')
      .notNull()
      .references(() => securityProfiles.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    number: integer('number').notNull(),
    catalogVersionId: uuid('catalog_version_id')
      .notNull()
      .references(() => criteriaCatalogVersions.id),
    /** Answers, evidence references and readiness at submission (immutable). */
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    submittedByUserId: uuid('submitted_by_user_id').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** What the officer attested to, word for word, in the language shown. */
    attestation: text('attestation').notNull(),
    /** submitted (in review), returned (answers needed) or approved. */
    status: text('status').$type<'submitted' | 'returned' | 'approved'>().notNull(),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    uniqueIndex('security_profile_versions_number').on(table.profileId, table.number),
    index('security_profile_versions_review_queue_idx').on(table.status, table.submittedAt),
    index('security_profile_versions_org_idx').on(table.organisationId, table.submittedAt),
    check(
      'security_profile_versions_status_known',
      sql`${table.status} in ('submitted', 'returned', 'approved')`,
    ),
  ],
);

/** A specialist's decision on one criterion of a submitted version, with the comment. */
export const securityProfileCriterionReviews = pgTable(
  'security_profile_criterion_reviews',
  {
    versionId: uuid('version_id')
      .notNull()
      .references(() => securityProfileVersions.id),
    criterionId: text('criterion_id').notNull(),
    decision: text('decision').$type<CriterionReviewDecision>().notNull(),
    comment: text('comment'),
    reviewerUserId: uuid('reviewer_user_id').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.versionId, table.criterionId] }),
    check(
      'security_profile_criterion_reviews_decision_known',
      oneOf(table.decision, CRITERION_REVIEW_DECISIONS),
    ),
    check(
      'security_profile_criterion_reviews_return_explained',
      sql`${table.decision} <> 'returned' or length(trim(coalesce(${table.comment}, ''))) > 0`,
    ),
  ],
);
