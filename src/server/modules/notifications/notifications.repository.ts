import { and, desc, eq, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { emailOutbox, notifications } from './notifications.tables.ts';

export type NotificationRow = typeof notifications.$inferSelect;
export type OutboxRow = typeof emailOutbox.$inferSelect;

/** Where a newest-first page by (created_at, id) stopped: its last row. */
export interface TimeKey {
  createdAt: Date;
  id: string;
}

/** The rows after `key` in newest-first (created_at, id) order: the next page, keyset-paged. */
function createdBefore(
  table: typeof notifications | typeof emailOutbox,
  key: TimeKey | undefined,
): SQL | undefined {
  return key
    ? or(
        lt(table.createdAt, key.createdAt),
        and(eq(table.createdAt, key.createdAt), lt(table.id, key.id)),
      )
    : undefined;
}

/** Inserts unless the key exists; true when it was new. */
export async function insertNotification(
  db: Db,
  row: typeof notifications.$inferInsert,
): Promise<boolean> {
  const inserted = await db
    .insert(notifications)
    .values(row)
    .onConflictDoNothing({ target: notifications.key })
    .returning({ id: notifications.id });
  return inserted.length > 0;
}

export async function insertOutboxEmail(
  db: Db,
  row: typeof emailOutbox.$inferInsert,
): Promise<boolean> {
  const inserted = await db
    .insert(emailOutbox)
    .values(row)
    .onConflictDoNothing({ target: emailOutbox.key })
    .returning({ id: emailOutbox.id });
  return inserted.length > 0;
}

/** A user's notifications, newest first, keyset-paged by (created_at, id). */
export async function findNotificationsOfUser(
  db: Db,
  userId: string,
  options: {
    limit: number;
    before?: TimeKey | undefined;
    unreadOnly: boolean;
  },
): Promise<NotificationRow[]> {
  return db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        options.unreadOnly ? isNull(notifications.readAt) : undefined,
        createdBefore(notifications, options.before),
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit);
}

export async function countUnreadOfUser(db: Db, userId: string): Promise<number> {
  const rows = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return rows[0]?.count ?? 0;
}

/** Marks read; only the user's own notification is touched. Returns false when none matched. */
export async function markNotificationRead(
  db: Db,
  userId: string,
  id: string,
  at: Date,
): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(
      and(eq(notifications.userId, userId), eq(notifications.id, id), isNull(notifications.readAt)),
    )
    .returning({ id: notifications.id });
  if (rows.length > 0) {
    return true;
  }
  const exists = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.id, id)))
    .limit(1);
  return exists.length > 0;
}

export async function markAllRead(db: Db, userId: string, at: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

export async function findOutbox(
  db: Db,
  options: { limit: number; before?: TimeKey | undefined },
): Promise<OutboxRow[]> {
  return db
    .select()
    .from(emailOutbox)
    .where(createdBefore(emailOutbox, options.before))
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(options.limit);
}

/**
 * Claims up to `limit` pending e-mails for delivery. FOR UPDATE SKIP LOCKED lets several app
 * instances deliver in parallel without ever picking the same row.
 */
export async function claimPendingEmails(
  db: Db,
  limit: number,
  maxAttempts: number,
): Promise<OutboxRow[]> {
  return db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.status, 'pending'), lt(emailOutbox.attempts, maxAttempts)))
    .orderBy(emailOutbox.createdAt)
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function markEmailSent(db: Db, id: string, at: Date): Promise<void> {
  await db
    .update(emailOutbox)
    .set({
      status: 'sent',
      sentAt: at,
      attempts: sql`${emailOutbox.attempts} + 1`,
      lastError: null,
    })
    .where(eq(emailOutbox.id, id));
}

export async function markEmailFailed(
  db: Db,
  id: string,
  error: string,
  giveUp: boolean,
): Promise<void> {
  await db
    .update(emailOutbox)
    .set({
      status: giveUp ? 'failed' : 'pending',
      attempts: sql`${emailOutbox.attempts} + 1`,
      lastError: error.slice(0, 500),
    })
    .where(eq(emailOutbox.id, id));
}
