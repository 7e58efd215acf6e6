import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  PILOT_CATEGORIES,
  PILOT_REQUEST_STATUSES,
  type PilotCategory,
  type PilotRequestStatus,
} from '../../../domain/registry/lifecycle/third-party-logistics-pilot.ts';
import { oneOf } from '../../db/sql-checks.ts';
import { users } from '../identity/accounts.tables.ts';
import { partnerMemberships } from './registry.tables.ts';

/**
 * Requests to join the 3PL pilot (issue 4, item 6; P.L. 118-98, 90 FR 52690), with the time of
 * the request that orders them first come, first served. A company has at most one open
 * (waiting or accepted) request; accepted requests count towards the category's cap, which the
 * service enforces under a lock (third-party-logistics-pilot.ts decides).
 */
export const pilotRequests = pgTable(
  'pilot_requests',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => partnerMemberships.organisationId),
    category: text('category').$type<PilotCategory>().notNull(),
    status: text('status').$type<PilotRequestStatus>().notNull(),
    requestedByUserId: uuid('requested_by_user_id').references(() => users.id),
    /** When the request reached CBP: the first-come-first-served order. */
    requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'date' }).notNull(),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    /** Why a request was refused or withdrawn, in words. */
    reason: text('reason'),
  },
  (table) => [
    index('pilot_requests_order_idx').on(table.category, table.status, table.requestedAt, table.id),
    uniqueIndex('pilot_requests_one_open_per_company')
      .on(table.organisationId)
      .where(sql`${table.status} in ('waiting', 'accepted')`),
    check('pilot_requests_category_known', oneOf(table.category, PILOT_CATEGORIES)),
    check('pilot_requests_status_known', oneOf(table.status, PILOT_REQUEST_STATUSES)),
  ],
);
