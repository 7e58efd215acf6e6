import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { NotificationKind } from '../../../domain/notifications/notification-kinds.ts';
import { users } from '../identity/accounts.tables.ts';

export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'captured';

/**
 * In-app notifications. `key` makes sending idempotent: a retried job that produces the same
 * key inserts nothing.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    key: text('key').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id'),
    kind: text('kind').$type<NotificationKind>().notNull(),
    /** Message parameters; the web app renders them in the reader's language. */
    params: jsonb('params').$type<Record<string, string>>().notNull().default({}),
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    uniqueIndex('notifications_key_key').on(table.key),
    index('notifications_user_idx').on(table.userId, table.createdAt),
  ],
);

/**
 * Every e-mail the system sends. With SMTP_URL set a sender delivers pending rows; without it
 * they stay here as `captured` and an administrator reads them in the UI, so the embedded
 * default needs no mail server.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey(),
    key: text('key').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    status: text('status').$type<OutboxStatus>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    uniqueIndex('email_outbox_key_key').on(table.key),
    index('email_outbox_status_idx').on(table.status, table.createdAt),
    check(
      'email_outbox_status_known',
      sql`${table.status} in ('pending', 'sent', 'failed', 'captured')`,
    ),
  ],
);
