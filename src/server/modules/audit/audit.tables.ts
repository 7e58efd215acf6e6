import {
  bigint,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The audit trail: append-only and hash-chained. Each organisation has its own chain (`chain` =
 * the organisation id, or `system` for events outside any organisation), so writers in different
 * tenants never wait for each other. `hash` = SHA-256 over the previous hash and this event's
 * canonical content; editing or deleting any row breaks the chain (`ctpat audit verify`).
 * On PostgreSQL and PGlite a trigger rejects UPDATE and DELETE.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    chain: text('chain').notNull(),
    /** Position in the chain, from 1. */
    seq: bigint('seq', { mode: 'number' }).notNull(),
    organisationId: uuid('organisation_id'),
    actorUserId: uuid('actor_user_id'),
    actorApiTokenId: uuid('actor_api_token_id'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    /** Changed fields before and after, secrets redacted. */
    before: jsonb('before'),
    after: jsonb('after'),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    requestId: text('request_id'),
    clientAddress: text('client_address'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (table) => [
    uniqueIndex('audit_events_chain_seq_key').on(table.chain, table.seq),
    index('audit_events_org_time_idx').on(table.organisationId, table.occurredAt),
    index('audit_events_time_idx').on(table.occurredAt),
  ],
);
