import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  SVI_CONNECTION_STATUSES,
  type SviConnectionStatus,
} from '../../../domain/registry/status-verification/svi-vocabulary.ts';
import { oneOf } from '../../db/sql-checks.ts';
import { users } from '../identity/accounts.tables.ts';
import { organisations } from '../organisations/organisations.tables.ts';
import { partnerMemberships } from './registry.tables.ts';

/**
 * Members that consent to SVI (issue 4, item 8). A row with `left_at` null is a participant;
 * leaving keeps the row (history) and ends every connection. The SVI number is what a member
 * gives a partner so the partner can send a connection request; it reveals nothing by itself.
 */
export const sviParticipants = pgTable(
  'svi_participants',
  {
    organisationId: uuid('organisation_id')
      .primaryKey()
      .references(() => partnerMemberships.organisationId),
    sviNumber: text('svi_number').notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true, mode: 'date' }).notNull(),
    joinedByUserId: uuid('joined_by_user_id').references(() => users.id),
    leftAt: timestamp('left_at', { withTimezone: true, mode: 'date' }),
    leftByUserId: uuid('left_by_user_id').references(() => users.id),
  },
  (table) => [uniqueIndex('svi_participants_svi_number').on(table.sviNumber)],
);

/**
 * A connection between two SVI participants: requested by one, accepted or declined by the
 * other, ended by either. At most one open (pending or accepted) connection per pair, whichever
 * side asked.
 */
export const sviConnections = pgTable(
  'svi_connections',
  {
    id: uuid('id').primaryKey(),
    requesterOrganisationId: uuid('requester_organisation_id')
      .notNull()
      .references(() => organisations.id),
    recipientOrganisationId: uuid('recipient_organisation_id')
      .notNull()
      .references(() => organisations.id),
    status: text('status').$type<SviConnectionStatus>().notNull(),
    requestedByUserId: uuid('requested_by_user_id').references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'date' }).notNull(),
    respondedByUserId: uuid('responded_by_user_id').references(() => users.id),
    respondedAt: timestamp('responded_at', { withTimezone: true, mode: 'date' }),
    endedByUserId: uuid('ended_by_user_id').references(() => users.id),
    endedAt: timestamp('ended_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    index('svi_connections_requester_idx').on(table.requesterOrganisationId, table.status),
    index('svi_connections_recipient_idx').on(table.recipientOrganisationId, table.status),
    uniqueIndex('svi_connections_one_open_per_pair')
      .on(
        sql`least(${table.requesterOrganisationId}, ${table.recipientOrganisationId})`,
        sql`greatest(${table.requesterOrganisationId}, ${table.recipientOrganisationId})`,
      )
      .where(sql`${table.status} in ('pending', 'accepted')`),
    check('svi_connections_status_known', oneOf(table.status, SVI_CONNECTION_STATUSES)),
    check(
      'svi_connections_not_self',
      sql`${table.requesterOrganisationId} <> ${table.recipientOrganisationId}`,
    ),
  ],
);

/** Official status confirmations a member sent to a non-member by e-mail (the record of it). */
export const sviStatusConfirmations = pgTable(
  'svi_status_confirmations',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    recipientEmail: text('recipient_email').notNull(),
    recipientName: text('recipient_name'),
    sentByUserId: uuid('sent_by_user_id').references(() => users.id),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [index('svi_status_confirmations_org_idx').on(table.organisationId, table.sentAt)],
);
