import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  TRADE_COMPLIANCE_STATUSES,
  type TradeComplianceStatus,
} from '../../../domain/registry/trade-compliance/trade-compliance-vocabulary.ts';
import { oneOf } from '../../db/sql-checks.ts';
import { users } from '../identity/accounts.tables.ts';
import { partnerMemberships } from './registry.tables.ts';

/**
 * A member's CTPAT Trade Compliance status (issue 7 reads it for the protest indicator). Set by
 * a CBP program manager until a Trade Compliance module exists. A member without a row has
 * never held Trade Compliance status.
 */
export const tradeComplianceStatuses = pgTable(
  'trade_compliance_statuses',
  {
    organisationId: uuid('organisation_id')
      .primaryKey()
      .references(() => partnerMemberships.organisationId),
    status: text('status').$type<TradeComplianceStatus>().notNull(),
    since: date('since', { mode: 'string' }).notNull(),
    updatedByUserId: uuid('updated_by_user_id').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    index('trade_compliance_statuses_status_idx').on(table.status, table.organisationId),
    check('trade_compliance_statuses_status_known', oneOf(table.status, TRADE_COMPLIANCE_STATUSES)),
  ],
);

/** Every change of a member's Trade Compliance status, with the reason (`seq` per company). */
export const tradeComplianceHistory = pgTable(
  'trade_compliance_history',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => partnerMemberships.organisationId),
    seq: integer('seq').notNull(),
    status: text('status').$type<TradeComplianceStatus>().notNull(),
    since: date('since', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    changedByUserId: uuid('changed_by_user_id').references(() => users.id),
    changedAt: timestamp('changed_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.organisationId, table.seq] }),
    check('trade_compliance_history_status_known', oneOf(table.status, TRADE_COMPLIANCE_STATUSES)),
    check('trade_compliance_history_reason', sql`length(${table.reason}) > 0`),
  ],
);
