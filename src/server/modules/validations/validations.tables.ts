import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  DOCUMENT_LANGUAGES,
  type DocumentLanguage,
  FINDING_RATINGS,
  type FindingRating,
  PARTICIPANT_SIDES,
  type ParticipantSide,
  RESPONSE_DECISIONS,
  type ResponseDecision,
  SITE_LOCATIONS,
  type SiteLocation,
  VALIDATION_ACTIVITIES,
  VALIDATION_DOCUMENT_KINDS,
  VALIDATION_KINDS,
  VALIDATION_MODES,
  VALIDATION_OUTCOMES,
  VALIDATION_STATUSES,
  type ValidationActivity,
  type ValidationDocumentKind,
  type ValidationKind,
  type ValidationMode,
  type ValidationOutcome,
  type ValidationStatus,
} from '../../../domain/validations/validation-vocabulary.ts';
import { bytea } from '../../db/bytea.ts';
import { oneOf } from '../../db/sql-checks.ts';
import { users } from '../identity/accounts.tables.ts';
import { organisations } from '../organisations/organisations.tables.ts';
import { mraPrograms } from '../registry/mutual-recognition.tables.ts';

/** One agenda line of a site visit, in the preparation package. */
export interface AgendaItem {
  /** "09:00" local time at the site. */
  time: string;
  topic: string;
}

/**
 * A validation or revalidation of one member (issue 6; ctpat-program.md §3.5, §6). The member
 * company is the tenant (`organisation_id`); CBP works it from `office_id` with the assigned
 * specialist. One open validation per member (`validations_one_open`). Dates are business dates
 * (`date`), instants are `timestamptz`.
 */
export const validations = pgTable(
  'validations',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind').$type<ValidationKind>().notNull(),
    mode: text('mode').$type<ValidationMode>().notNull().default('in_person'),
    status: text('status').$type<ValidationStatus>().notNull(),
    /** The CBP office (a cbp_office organisation) that works the validation. */
    officeId: uuid('office_id').references(() => organisations.id),
    specialistUserId: uuid('specialist_user_id').references(() => users.id),
    /** The year of the revalidation plan it belongs to. */
    planYear: smallint('plan_year').notNull(),
    /** When it is due by the membership clocks (membership-clocks.ts) at planning time. */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** Why CBP opened a for-cause validation, or cancelled one. */
    reason: text('reason'),
    noticeSentOn: date('notice_sent_on', { mode: 'string' }),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    /** Required when the notice is shorter than the minimum (validation-notice.ts). */
    noticeOverrideReason: text('notice_override_reason'),
    /** The report: the specialist's summary and recommended outcome, then the approval. */
    reportSummary: text('report_summary'),
    recommendedOutcome: text('recommended_outcome').$type<ValidationOutcome>(),
    reportAuthorUserId: uuid('report_author_user_id').references(() => users.id),
    reportSubmittedAt: timestamp('report_submitted_at', { withTimezone: true, mode: 'date' }),
    reportApprovedByUserId: uuid('report_approved_by_user_id').references(() => users.id),
    reportIssuedOn: date('report_issued_on', { mode: 'string' }),
    /** Responses to required actions are due by this day (configurable period, provisional). */
    responsesDueOn: date('responses_due_on', { mode: 'string' }),
    outcome: text('outcome').$type<ValidationOutcome>(),
    closedOn: date('closed_on', { mode: 'string' }),
    nextRevalidationDueOn: date('next_revalidation_due_on', { mode: 'string' }),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    uniqueIndex('validations_one_open')
      .on(table.organisationId)
      .where(
        sql`${table.status} in ('planned', 'scheduled', 'fieldwork', 'report_submitted', 'report_issued')`,
      ),
    index('validations_org_idx').on(table.organisationId, table.createdAt, table.id),
    // The planning view: open validations per office by due date; per specialist.
    index('validations_office_plan_idx').on(table.officeId, table.planYear, table.dueOn, table.id),
    index('validations_specialist_idx').on(table.specialistUserId, table.status, table.dueOn),
    // The CBP list's first pages (bench row 10): by year (the screen's default), unfiltered and
    // open only, each in due-date order without a sort.
    index('validations_year_due_idx').on(table.planYear, table.dueOn, table.id),
    index('validations_due_idx').on(table.dueOn, table.id),
    index('validations_open_due_idx')
      .on(table.dueOn, table.id)
      .where(
        sql`${table.status} in ('planned', 'scheduled', 'fieldwork', 'report_submitted', 'report_issued')`,
      ),
    // Suspension risk: issued reports whose responses are past due.
    index('validations_responses_due_idx')
      .on(table.responsesDueOn)
      .where(sql`${table.status} = 'report_issued'`),
    // The metrics period: the report day, or the closing day without a report.
    index('validations_metrics_period_idx')
      .on(sql`(coalesce(${table.reportIssuedOn}, ${table.closedOn}))`)
      .where(sql`${table.status} in ('report_issued', 'closed')`),
    check('validations_kind_known', oneOf(table.kind, VALIDATION_KINDS)),
    check('validations_mode_known', oneOf(table.mode, VALIDATION_MODES)),
    check('validations_status_known', oneOf(table.status, VALIDATION_STATUSES)),
    check(
      'validations_recommended_outcome_known',
      sql`${table.recommendedOutcome} is null or ${oneOf(table.recommendedOutcome, VALIDATION_OUTCOMES)}`,
    ),
    check(
      'validations_outcome_known',
      sql`${table.outcome} is null or ${oneOf(table.outcome, VALIDATION_OUTCOMES)}`,
    ),
    check(
      'validations_closed_has_outcome',
      sql`(${table.status} = 'closed') = (${table.outcome} is not null)`,
    ),
    check(
      'validations_dates_ordered',
      sql`${table.startsOn} is null or ${table.endsOn} is null or ${table.startsOn} <= ${table.endsOn}`,
    ),
    check(
      'validations_report_not_self_approved',
      sql`${table.reportApprovedByUserId} is null or ${table.reportApprovedByUserId} is distinct from ${table.reportAuthorUserId}`,
    ),
  ],
);

/** The sites a validation visits (domestic and foreign), each with its visit day and agenda. */
export const validationSites = pgTable(
  'validation_sites',
  {
    id: uuid('id').primaryKey(),
    validationId: uuid('validation_id')
      .notNull()
      .references(() => validations.id),
    position: smallint('position').notNull(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    /** ISO 3166-1 alpha-2. */
    countryCode: text('country_code').notNull(),
    location: text('location').$type<SiteLocation>().notNull(),
    /**
     * A foreign site whose operator is certified in an MRA partner program: no CBP foreign visit
     * is needed (ctpat-program.md §6). The program's id in mra_programs, when known.
     */
    mraProgramId: text('mra_program_id').references(() => mraPrograms.id),
    cbpVisitRequired: boolean('cbp_visit_required').notNull().default(true),
    visitOn: date('visit_on', { mode: 'string' }),
    agenda: jsonb('agenda').$type<AgendaItem[]>().notNull().default([]),
  },
  (table) => [
    uniqueIndex('validation_sites_position').on(table.validationId, table.position),
    check('validation_sites_location_known', oneOf(table.location, SITE_LOCATIONS)),
    check(
      'validation_sites_mra_only_foreign',
      sql`${table.mraProgramId} is null or ${table.location} = 'foreign'`,
    ),
  ],
);

/** People taking part, on CBP's side and the member's (contacts in the cover letter). */
export const validationParticipants = pgTable(
  'validation_participants',
  {
    id: uuid('id').primaryKey(),
    validationId: uuid('validation_id')
      .notNull()
      .references(() => validations.id),
    position: smallint('position').notNull(),
    side: text('side').$type<ParticipantSide>().notNull(),
    name: text('name').notNull(),
    title: text('title').notNull(),
    email: text('email'),
    phone: text('phone'),
    userId: uuid('user_id').references(() => users.id),
  },
  (table) => [
    uniqueIndex('validation_participants_position').on(table.validationId, table.position),
    check('validation_participants_side_known', oneOf(table.side, PARTICIPANT_SIDES)),
  ],
);

/**
 * A finding of the standard work program: one rating per criterion, per site or for the whole
 * validation (`site_id` null). Evidence seen: free text and ids of the member's evidence files.
 */
export const validationFindings = pgTable(
  'validation_findings',
  {
    id: uuid('id').primaryKey(),
    validationId: uuid('validation_id')
      .notNull()
      .references(() => validations.id),
    criterionId: text('criterion_id').notNull(),
    siteId: uuid('site_id').references(() => validationSites.id),
    rating: text('rating').$type<FindingRating>().notNull(),
    notes: text('notes').notNull().default(''),
    evidenceSeen: text('evidence_seen').notNull().default(''),
    evidenceIds: jsonb('evidence_ids').$type<string[]>().notNull().default([]),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    unique('validation_findings_one_per_place')
      .on(table.validationId, table.criterionId, table.siteId)
      .nullsNotDistinct(),
    index('validation_findings_criterion_idx').on(table.criterionId, table.rating),
    // Required actions of a validation (responses, overdue counts on the member queue).
    index('validation_findings_required_idx')
      .on(table.validationId)
      .where(sql`${table.rating} = 'required_action'`),
    check('validation_findings_rating_known', oneOf(table.rating, FINDING_RATINGS)),
  ],
);

/**
 * The member's answer to a required action: corrective plan, evidence and a date. A returned
 * response is kept; the member answers again with a new row (the latest is current).
 */
export const validationResponses = pgTable(
  'validation_responses',
  {
    id: uuid('id').primaryKey(),
    findingId: uuid('finding_id')
      .notNull()
      .references(() => validationFindings.id),
    validationId: uuid('validation_id')
      .notNull()
      .references(() => validations.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    correctivePlan: text('corrective_plan').notNull(),
    /** The day the member commits to have the action done. */
    targetOn: date('target_on', { mode: 'string' }).notNull(),
    evidenceIds: jsonb('evidence_ids').$type<string[]>().notNull().default([]),
    submittedByUserId: uuid('submitted_by_user_id').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }).notNull(),
    decision: text('decision').$type<ResponseDecision>(),
    decisionNote: text('decision_note'),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    index('validation_responses_finding_idx').on(table.findingId, table.submittedAt),
    index('validation_responses_validation_idx').on(table.validationId),
    check(
      'validation_responses_decision_known',
      sql`${table.decision} is null or ${oneOf(table.decision, RESPONSE_DECISIONS)}`,
    ),
    check(
      'validation_responses_returned_has_note',
      sql`${table.decision} is distinct from 'returned' or length(trim(coalesce(${table.decisionNote}, ''))) > 0`,
    ),
  ],
);

/** Staff hours per validation and activity (6 U.S.C. 971), in minutes to stay exact. */
export const validationHours = pgTable(
  'validation_hours',
  {
    id: uuid('id').primaryKey(),
    validationId: uuid('validation_id')
      .notNull()
      .references(() => validations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    activity: text('activity').$type<ValidationActivity>().notNull(),
    workedOn: date('worked_on', { mode: 'string' }).notNull(),
    minutes: integer('minutes').notNull(),
    note: text('note').notNull().default(''),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    index('validation_hours_validation_idx').on(table.validationId, table.workedOn),
    index('validation_hours_user_idx').on(table.userId, table.workedOn),
    check('validation_hours_activity_known', oneOf(table.activity, VALIDATION_ACTIVITIES)),
    check('validation_hours_minutes', sql`${table.minutes} > 0 and ${table.minutes} <= 1440`),
  ],
);

/** The versions of what a generated document was made from, so it can be explained later. */
export interface DocumentInputs {
  /** The validation's row version, when generated for a validation. */
  validationVersion: number | null;
  catalogVersionId: string | null;
  /** The Security Profile the answers came from: its id and row version, or an approved version. */
  profile: { id: string; version: number; approvedVersionId: string | null } | null;
  evidence: { id: string; sha256: string }[];
  findingsVersion: { id: string; version: number }[];
}

/**
 * Generated preparation packages and reports (items 3 and 5): each generation stores both
 * formats and the versions of its inputs. A member's readiness check has no validation.
 */
export const validationDocuments = pgTable(
  'validation_documents',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    validationId: uuid('validation_id').references(() => validations.id),
    kind: text('kind').$type<ValidationDocumentKind>().notNull(),
    language: text('language').$type<DocumentLanguage>().notNull(),
    pdfContent: bytea('pdf_content').notNull(),
    pdfSha256: text('pdf_sha256').notNull(),
    docxContent: bytea('docx_content').notNull(),
    docxSha256: text('docx_sha256').notNull(),
    inputs: jsonb('inputs').$type<DocumentInputs>().notNull(),
    generatedByUserId: uuid('generated_by_user_id').references(() => users.id),
    generatedAt: timestamp('generated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    index('validation_documents_validation_idx').on(
      table.validationId,
      table.kind,
      table.generatedAt,
    ),
    index('validation_documents_org_idx').on(table.organisationId, table.kind, table.generatedAt),
    check('validation_documents_kind_known', oneOf(table.kind, VALIDATION_DOCUMENT_KINDS)),
    check('validation_documents_language_known', oneOf(table.language, DOCUMENT_LANGUAGES)),
    check(
      'validation_documents_report_has_validation',
      sql`${table.kind} <> 'report' or ${table.validationId} is not null`,
    ),
  ],
);

/**
 * What happened to a validation, in order: scheduling, notice, report submitted / returned /
 * approved / issued, responses decided, closing. Feeds the member's timeline and the
 * consistency metrics (notice to report).
 */
export const validationEvents = pgTable(
  'validation_events',
  {
    id: uuid('id').primaryKey(),
    validationId: uuid('validation_id')
      .notNull()
      .references(() => validations.id),
    kind: text('kind').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (table) => [index('validation_events_validation_idx').on(table.validationId, table.at)],
);
