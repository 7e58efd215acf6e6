import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Role } from '../../../domain/authorization/roles.ts';
import { ENTITY_TYPES, type EntityType } from '../../../domain/organisations/entity-types.ts';
import {
  MEMBERSHIP_STATUSES,
  type MembershipStatus,
  REMOVAL_CAUSES,
  REVIEW_STEPS,
  type RemovalCause,
  type ReviewStep,
  TIER_STATUSES,
  type TierStatus,
} from '../../../domain/registry/lifecycle/membership-states.ts';
import {
  MEMBERSHIP_TRANSITIONS,
  type MembershipTransition,
} from '../../../domain/registry/lifecycle/membership-transitions.ts';
import type { StoredIdentifier } from '../../../domain/registry/registry.schema.ts';
import { oneOf } from '../../db/sql-checks.ts';
import { users } from '../identity/accounts.tables.ts';
import { organisations } from '../organisations/organisations.tables.ts';

/**
 * A member company's CTPAT membership: one row per company (`organisation_id` is the
 * `partner_id`), holding the current state of the lifecycle state machine
 * (src/domain/registry/lifecycle) and the dates the clocks run from.
 */
export const partnerMemberships = pgTable(
  'partner_memberships',
  {
    organisationId: uuid('organisation_id')
      .primaryKey()
      .references(() => organisations.id),
    status: text('status').$type<MembershipStatus>().notNull(),
    reviewStep: text('review_step').$type<ReviewStep>(),
    /** The date the current status (or review step) began. */
    statusSince: date('status_since', { mode: 'string' }).notNull(),
    /** Suspended: the tier status reinstatement returns to. */
    heldStatus: text('held_status').$type<TierStatus>(),
    suspensionResponseReceivedOn: date('suspension_response_received_on', { mode: 'string' }),
    removalCause: text('removal_cause').$type<RemovalCause>(),
    /** 'I', 'II' or 'III' while the member holds a tier; kept with the status for search. */
    tier: text('tier').$type<'I' | 'II' | 'III'>(),
    assignedSpecialistUserId: uuid('assigned_specialist_user_id').references(() => users.id),
    /** The CBP office of the assigned specialist. */
    cbpOfficeId: uuid('cbp_office_id').references(() => organisations.id),
    applicationSubmittedOn: date('application_submitted_on', { mode: 'string' }),
    agreementSignedByUserId: uuid('agreement_signed_by_user_id').references(() => users.id),
    agreementSignedAt: timestamp('agreement_signed_at', { withTimezone: true, mode: 'date' }),
    certifiedOn: date('certified_on', { mode: 'string' }),
    /** The initial validation (Tier II or III): revalidation periods run from it. */
    validatedOn: date('validated_on', { mode: 'string' }),
    lastValidatedOn: date('last_validated_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    index('partner_memberships_status_idx').on(table.status, table.organisationId),
    index('partner_memberships_specialist_idx').on(
      table.assignedSpecialistUserId,
      table.organisationId,
    ),
    // The CBP queue sorts by application date (oldest first) and by how long a member has been
    // in its state; keyset pages on (date, id) need these at 100,000 members.
    index('partner_memberships_submitted_idx').on(
      table.applicationSubmittedOn,
      table.organisationId,
    ),
    index('partner_memberships_status_since_idx').on(table.statusSince, table.organisationId),
    check('partner_memberships_status_known', oneOf(table.status, MEMBERSHIP_STATUSES)),
    check(
      'partner_memberships_review_step',
      sql`(${table.status} = 'under_review') = (${table.reviewStep} is not null) and (${table.reviewStep} is null or ${oneOf(table.reviewStep, REVIEW_STEPS)})`,
    ),
    check(
      'partner_memberships_held_status',
      sql`(${table.status} = 'suspended') = (${table.heldStatus} is not null) and (${table.heldStatus} is null or ${oneOf(table.heldStatus, TIER_STATUSES)})`,
    ),
    check(
      'partner_memberships_suspension_response',
      sql`${table.suspensionResponseReceivedOn} is null or ${table.status} = 'suspended'`,
    ),
    check(
      'partner_memberships_removal_cause',
      sql`(${table.status} = 'removed') = (${table.removalCause} is not null) and (${table.removalCause} is null or ${oneOf(table.removalCause, REMOVAL_CAUSES)})`,
    ),
    check(
      'partner_memberships_tier',
      sql`${table.tier} is null or ${table.tier} in ('I', 'II', 'III')`,
    ),
  ],
);

/**
 * The business entities a company applies as (one account, several entity types), each with
 * its identifiers (canonical values and warnings, as validateEntityIdentifiers returns them)
 * and its eligibility answers.
 */
export const partnerEntityTypes = pgTable(
  'partner_entity_types',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => partnerMemberships.organisationId),
    entityType: text('entity_type').$type<EntityType>().notNull(),
    identifiers: jsonb('identifiers').$type<StoredIdentifier[]>().notNull(),
    eligibility: jsonb('eligibility').$type<Record<string, boolean>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.organisationId, table.entityType] }),
    // Serves "is this identifier already in another company's active application" (containment).
    index('partner_entity_types_identifiers_idx').using(
      'gin',
      sql`${table.identifiers} jsonb_path_ops`,
    ),
    index('partner_entity_types_entity_type_idx').on(table.entityType, table.organisationId),
    check('partner_entity_types_entity_type_known', oneOf(table.entityType, ENTITY_TYPES)),
    check(
      'partner_entity_types_identifiers_array',
      sql`jsonb_typeof(${table.identifiers}) = 'array'`,
    ),
    check(
      'partner_entity_types_eligibility_object',
      sql`jsonb_typeof(${table.eligibility}) = 'object'`,
    ),
  ],
);

/** Every transition a membership went through, in order (`seq` per company). */
export const partnerStatusHistory = pgTable(
  'partner_status_history',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => partnerMemberships.organisationId),
    seq: integer('seq').notNull(),
    transition: text('transition').$type<MembershipTransition>().notNull(),
    fromState: text('from_state').$type<MembershipStatus>().notNull(),
    toState: text('to_state').$type<MembershipStatus>().notNull(),
    toReviewStep: text('to_review_step').$type<ReviewStep>(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    actorRole: text('actor_role').$type<Role>(),
    reason: text('reason'),
    evidenceIds: jsonb('evidence_ids').$type<string[]>().notNull(),
    /** The business date of the transition. */
    on: date('on', { mode: 'string' }).notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.organisationId, table.seq] }),
    check(
      'partner_status_history_transition_known',
      oneOf(table.transition, MEMBERSHIP_TRANSITIONS),
    ),
    check('partner_status_history_from_known', oneOf(table.fromState, MEMBERSHIP_STATUSES)),
    check('partner_status_history_to_known', oneOf(table.toState, MEMBERSHIP_STATUSES)),
    check(
      'partner_status_history_review_step_known',
      sql`${table.toReviewStep} is null or ${oneOf(table.toReviewStep, REVIEW_STEPS)}`,
    ),
  ],
);
