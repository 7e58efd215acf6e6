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
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { FurtherReviewCriterion } from '../../../domain/protests/further-review.ts';
import {
  DRAWBACK_DECLARATIONS,
  type DrawbackDeclaration,
  PROTEST_DECISION_KINDS,
  PROTEST_FILER_CAPACITIES,
  PROTEST_STATUSES,
  PROTESTANT_TYPES,
  type ProtestableDecision,
  type ProtestantType,
  type ProtestDecisionKind,
  type ProtestFilerCapacity,
  type ProtestStatus,
} from '../../../domain/protests/protest-vocabulary.ts';
import { bytea } from '../../db/bytea.ts';
import { oneOf } from '../../db/sql-checks.ts';
import { users } from '../identity/accounts.tables.ts';
import { organisations } from '../organisations/organisations.tables.ts';

/** A category of merchandise with its objections, as filed (protest.schema.ts). */
export interface StoredCategory {
  category: string;
  description: string;
  objections: { decision: ProtestableDecision; objection: string; justification: string }[];
}

/**
 * A protest (issue 7; 19 U.S.C. 1514–1515, 19 CFR Part 174). Owned by the organisation whose
 * people filed it (the tenant: the filer's company); the protestant may be another party.
 *
 * The queue's order is stored, not computed per request, so the first page at a million rows is
 * one index range (`protests_queue_idx`): `priority_rank` 0 while a deemed-denial clock runs
 * (accelerated disposition or exclusion), 1 for a verified CTPAT Trade Compliance protestant, 2
 * otherwise; `priority_date` the deemed-denial day for rank 0, else the filing day.
 */
export const protests = pgTable(
  'protests',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** Canonical form (ACE `PPPP-YYYY-NNNNNN` when assigned here; any historical form recorded). */
    protestNumber: text('protest_number').notNull(),
    /** True for a protest filed elsewhere and recorded here with its existing number. */
    recorded: boolean('recorded').notNull().default(false),
    portCode: text('port_code').notNull(),
    /** The CBP Center (of Excellence and Expertise) or review team the protest goes to. */
    center: text('center').notNull(),
    protestantName: text('protestant_name').notNull(),
    protestantAddress: text('protestant_address').notNull(),
    protestantType: text('protestant_type').$type<ProtestantType>().notNull(),
    /** Canonical importer number (importer-of-record-number.ts): the indicator's key. */
    importerNumber: text('importer_number').notNull(),
    filerName: text('filer_name').notNull(),
    filerAddress: text('filer_address').notNull(),
    filerCapacity: text('filer_capacity').$type<ProtestFilerCapacity>().notNull(),
    filerImporterNumber: text('filer_importer_number'),
    decisionsProtested: jsonb('decisions_protested').$type<ProtestableDecision[]>().notNull(),
    categories: jsonb('categories').$type<StoredCategory[]>().notNull(),
    relatedProtestNumber: text('related_protest_number'),
    relatedProtestReceivedOn: date('related_protest_received_on', { mode: 'string' }),
    suretyNonCollusionStatement: text('surety_non_collusion_statement'),
    drawbackDeclaration: text('drawback_declaration').$type<DrawbackDeclaration>().notNull(),
    /** Application for further review filed with the protest (19 CFR 174.24–174.25). */
    furtherReviewCriterion: text('further_review_criterion').$type<FurtherReviewCriterion>(),
    furtherReviewReason: text('further_review_reason'),
    filedOn: date('filed_on', { mode: 'string' }).notNull(),
    filedAt: timestamp('filed_at', { withTimezone: true, mode: 'date' }).notNull(),
    filedByUserId: uuid('filed_by_user_id').references(() => users.id),
    /**
     * Timeliness at filing (filing-window.ts), with the settings used: an untimely protest is
     * filed and flagged, never refused. `{ timely, reason, entries: [{ entryNumber, nominal,
     * effective, code }] }`.
     */
    timeliness: jsonb('timeliness').$type<Record<string, unknown>>().notNull(),
    timely: boolean('timely').notNull(),
    /**
     * The CTPAT Trade Compliance indicator at filing (COAC benefit 3), derived from the registry
     * by the importer number, never typed: the member found (or null), its status, when read.
     */
    tcMemberOrganisationId: uuid('tc_member_organisation_id').references(() => organisations.id),
    tcStatus: text('tc_status'),
    tcVerified: boolean('tc_verified').notNull(),
    tcCheckedAt: timestamp('tc_checked_at', { withTimezone: true, mode: 'date' }).notNull(),
    status: text('status').$type<ProtestStatus>().notNull(),
    priorityRank: smallint('priority_rank').notNull(),
    priorityDate: date('priority_date', { mode: 'string' }).notNull(),
    assignedReviewerUserId: uuid('assigned_reviewer_user_id').references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true, mode: 'date' }),
    /** Accelerated disposition (19 U.S.C. 1515(b)): the day the request was mailed. */
    acceleratedDispositionMailedOn: date('accelerated_disposition_mailed_on', { mode: 'string' }),
    decision: text('decision').$type<ProtestDecisionKind>(),
    decisionReasons: text('decision_reasons'),
    decidedOn: date('decided_on', { mode: 'string' }),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id),
    /** The day the denial notice was mailed (the court's 180 days run from it). */
    denialNoticeMailedOn: date('denial_notice_mailed_on', { mode: 'string' }),
    refundDue: boolean('refund_due'),
    publishDecision: boolean('publish_decision'),
    /** Optimistic concurrency for reviewers' edits. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    uniqueIndex('protests_number_unique').on(table.protestNumber),
    index('protests_org_idx').on(table.organisationId, table.filedAt, table.id),
    // The CBP queue: open protests by priority, per center, and per reviewer.
    index('protests_queue_idx')
      .on(table.priorityRank, table.priorityDate, table.id)
      .where(sql`${table.status} in ('filed', 'under_review', 'under_further_review')`),
    index('protests_center_queue_idx')
      .on(table.center, table.priorityRank, table.priorityDate, table.id)
      .where(sql`${table.status} in ('filed', 'under_review', 'under_further_review')`),
    index('protests_reviewer_queue_idx')
      .on(table.assignedReviewerUserId, table.priorityRank, table.priorityDate, table.id)
      .where(sql`${table.status} in ('filed', 'under_review', 'under_further_review')`),
    index('protests_importer_idx').on(table.importerNumber),
    index('protests_decided_idx').on(table.decidedOn),
    check('protests_status_known', oneOf(table.status, PROTEST_STATUSES)),
    check('protests_protestant_type_known', oneOf(table.protestantType, PROTESTANT_TYPES)),
    check('protests_filer_capacity_known', oneOf(table.filerCapacity, PROTEST_FILER_CAPACITIES)),
    check(
      'protests_drawback_declaration_known',
      oneOf(table.drawbackDeclaration, DRAWBACK_DECLARATIONS),
    ),
    check(
      'protests_decision_known',
      sql`${table.decision} is null or ${oneOf(table.decision, PROTEST_DECISION_KINDS)}`,
    ),
    check('protests_priority_rank', sql`${table.priorityRank} between 0 and 2`),
    check(
      'protests_decided_has_decision',
      sql`(${table.status} = 'decided') = (${table.decision} is not null)`,
    ),
    check(
      'protests_denial_reasons',
      sql`${table.decision} is null or ${table.decision} not in ('denied', 'denied_in_part', 'allowed_in_part') or length(trim(coalesce(${table.decisionReasons}, ''))) > 0`,
    ),
  ],
);

/** The entries a protest covers (one lead entry, by the filing schema). */
export const protestEntries = pgTable(
  'protest_entries',
  {
    protestId: uuid('protest_id')
      .notNull()
      .references(() => protests.id),
    entryNumber: text('entry_number').notNull(),
    position: integer('position').notNull(),
    entryDate: date('entry_date', { mode: 'string' }).notNull(),
    /** liquidation, reliquidation, decision or (surety) demand: filing-window.ts FILING_TRIGGERS. */
    dateKind: text('date_kind').notNull(),
    liquidationOrDecisionDate: date('liquidation_or_decision_date', { mode: 'string' }).notNull(),
    lead: boolean('lead').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.protestId, table.entryNumber] }),
    index('protest_entries_entry_idx').on(table.entryNumber),
  ],
);

/** Files attached to a protest: the protest details spreadsheet and supporting documents. */
export const protestAttachments = pgTable(
  'protest_attachments',
  {
    id: uuid('id').primaryKey(),
    protestId: uuid('protest_id')
      .notNull()
      .references(() => protests.id),
    kind: text('kind').$type<'details_spreadsheet' | 'supporting_document'>().notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedByUserId: uuid('uploaded_by_user_id').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    index('protest_attachments_protest_idx').on(table.protestId, table.uploadedAt),
    check(
      'protest_attachments_kind_known',
      sql`${table.kind} in ('details_spreadsheet', 'supporting_document')`,
    ),
  ],
);

/** The rows of an accepted protest details spreadsheet (all-or-nothing import). */
export const protestDetailRows = pgTable(
  'protest_detail_rows',
  {
    attachmentId: uuid('attachment_id')
      .notNull()
      .references(() => protestAttachments.id),
    line: integer('line').notNull(),
    entryNumber: text('entry_number').notNull(),
    entryLineNumber: integer('entry_line_number').notNull(),
    changeFrom: text('change_from').notNull(),
    changeTo: text('change_to').notNull(),
    /** Extra columns, kept as given (header → value). */
    extra: jsonb('extra').$type<Record<string, string>>().notNull(),
  },
  (table) => [primaryKey({ columns: [table.attachmentId, table.line] })],
);

/** What happened to a protest, in order: the member-visible history and notification source. */
export const protestEvents = pgTable(
  'protest_events',
  {
    id: uuid('id').primaryKey(),
    protestId: uuid('protest_id')
      .notNull()
      .references(() => protests.id),
    kind: text('kind').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
  },
  (table) => [
    index('protest_events_protest_idx').on(table.protestId, table.at),
    // The hourly job's pending set-aside requests (findProtestsWithOpenEvent): events by kind.
    index('protest_events_kind_idx').on(table.kind, table.protestId),
  ],
);

/** The last serial used per port and year: new protests get the next (ACE number form). */
export const protestNumberSerials = pgTable(
  'protest_number_serials',
  {
    portCode: text('port_code').notNull(),
    year: integer('year').notNull(),
    lastSerial: integer('last_serial').notNull(),
  },
  (table) => [primaryKey({ columns: [table.portCode, table.year] })],
);
