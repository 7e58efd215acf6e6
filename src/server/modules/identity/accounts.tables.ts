import { type SQL, sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ROLES, type Role } from '../../../domain/authorization/roles.ts';
import { organisations } from '../organisations/organisations.tables.ts';

const roleList = sql.raw(ROLES.map((role) => `'${role}'`).join(', '));

/** The CHECK condition that keeps a role column to the roles the product knows. */
export function isKnownRole(column: AnyPgColumn): SQL {
  return sql`${column} in (${roleList})`;
}

/**
 * People who sign in. A user is not tenant-owned: one person may belong to several
 * organisations (a consultant serving two members), with a role in each (memberships).
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    /** Stored lower-cased; unique. */
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    /** argon2id PHC string; null for an account that signs in only through single sign-on. */
    passwordHash: text('password_hash'),
    preferredLanguage: text('preferred_language').notNull().default('en'),
    status: text('status').notNull().default('active'),
    /** Consecutive failed sign-ins; reset on success. Drives the progressive lockout. */
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    uniqueIndex('users_email_key').on(table.email),
    check('users_email_lower_case', sql`${table.email} = lower(${table.email})`),
    check('users_status_known', sql`${table.status} in ('active', 'disabled')`),
    check('users_language_known', sql`${table.preferredLanguage} in ('en', 'es')`),
  ],
);

/** A user's role in one organisation (the tenant leads the key). */
export const memberships = pgTable(
  'memberships',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').$type<Role>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.organisationId, table.userId] }),
    index('memberships_user_idx').on(table.userId),
    // CBP's people by role (specialists and supervisors of the validation workload, issue 6).
    index('memberships_role_user_idx').on(table.role, table.userId),
    check('memberships_role_known', isKnownRole(table.role)),
  ],
);

/** A link to an external identity (OpenID Connect issuer + subject). */
export const userIdentities = pgTable(
  'user_identities',
  {
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.issuer, table.subject] }),
    index('user_identities_user_idx').on(table.userId),
  ],
);

/**
 * Single-use, expiring links sent by e-mail: password reset and change-of-e-mail confirmation.
 * Only the SHA-256 of the token is stored.
 */
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    purpose: text('purpose').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** The address being confirmed, for purpose = email_change. */
    newEmail: text('new_email'),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    uniqueIndex('account_tokens_hash_key').on(table.tokenHash),
    index('account_tokens_user_idx').on(table.userId, table.purpose),
    check(
      'account_tokens_purpose_known',
      sql`${table.purpose} in ('password_reset', 'email_change')`,
    ),
  ],
);
