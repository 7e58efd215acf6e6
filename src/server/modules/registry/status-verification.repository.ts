import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { OPEN_SVI_CONNECTION_STATUSES } from '../../../domain/registry/status-verification/svi-vocabulary.ts';
import type { Db } from '../../db/database.ts';
import {
  sviConnections,
  sviParticipants,
  sviStatusConfirmations,
} from './status-verification.tables.ts';

export type SviParticipantRow = typeof sviParticipants.$inferSelect;
export type SviConnectionRow = typeof sviConnections.$inferSelect;
export type SviStatusConfirmationRow = typeof sviStatusConfirmations.$inferSelect;

export async function findParticipant(
  db: Db,
  organisationId: string,
): Promise<SviParticipantRow | null> {
  const rows = await db
    .select()
    .from(sviParticipants)
    .where(eq(sviParticipants.organisationId, organisationId))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * Locks the participant rows of these organisations (those that exist) until the transaction
 * ends, in id order so two transactions locking the same pair cannot deadlock: joining,
 * leaving and every connection change between two companies then happen one at a time.
 */
export async function lockParticipants(
  tx: Db,
  organisationIds: readonly string[],
): Promise<Map<string, SviParticipantRow>> {
  const rows = await tx
    .select()
    .from(sviParticipants)
    .where(inArray(sviParticipants.organisationId, [...organisationIds]))
    .orderBy(asc(sviParticipants.organisationId))
    .for('update');
  return new Map(rows.map((row) => [row.organisationId, row]));
}

/** The participant holding this SVI number now (not one that has left), or null. */
export async function findActiveParticipantByNumber(
  db: Db,
  sviNumber: string,
): Promise<SviParticipantRow | null> {
  const rows = await db
    .select()
    .from(sviParticipants)
    .where(and(eq(sviParticipants.sviNumber, sviNumber), isNull(sviParticipants.leftAt)))
    .limit(1);
  return rows[0] ?? null;
}

/** Whether any row, present or past, holds this number (numbers are never reused). */
export async function sviNumberTaken(db: Db, sviNumber: string): Promise<boolean> {
  const rows = await db
    .select({ organisationId: sviParticipants.organisationId })
    .from(sviParticipants)
    .where(eq(sviParticipants.sviNumber, sviNumber))
    .limit(1);
  return rows.length > 0;
}

export async function findParticipantsByIds(
  db: Db,
  organisationIds: readonly string[],
): Promise<SviParticipantRow[]> {
  if (organisationIds.length === 0) {
    return [];
  }
  return db
    .select()
    .from(sviParticipants)
    .where(inArray(sviParticipants.organisationId, [...organisationIds]));
}

/** Starts (or, for a company that left, restarts) a participation. */
export async function saveParticipantJoined(
  tx: Db,
  row: { organisationId: string; sviNumber: string; joinedAt: Date; joinedByUserId: string | null },
): Promise<void> {
  const joined = { ...row, leftAt: null, leftByUserId: null };
  await tx
    .insert(sviParticipants)
    .values(joined)
    .onConflictDoUpdate({ target: sviParticipants.organisationId, set: joined });
}

export async function markParticipantLeft(
  tx: Db,
  organisationId: string,
  at: Date,
  userId: string | null,
): Promise<void> {
  await tx
    .update(sviParticipants)
    .set({ leftAt: at, leftByUserId: userId })
    .where(eq(sviParticipants.organisationId, organisationId));
}

export async function findConnectionOf(
  db: Db,
  organisationId: string,
  connectionId: string,
): Promise<SviConnectionRow | null> {
  const rows = await db
    .select()
    .from(sviConnections)
    .where(
      and(
        eq(sviConnections.id, connectionId),
        or(
          eq(sviConnections.requesterOrganisationId, organisationId),
          eq(sviConnections.recipientOrganisationId, organisationId),
        ),
      ),
    )
    .limit(1);
  return rows[0] ?? null;
}

const OPEN = sql`${sviConnections.status} in ('pending', 'accepted')`;

/** The pending or accepted connection between two companies, whichever side asked. */
export async function findOpenConnectionBetween(
  db: Db,
  organisationA: string,
  organisationB: string,
): Promise<SviConnectionRow | null> {
  const rows = await db
    .select()
    .from(sviConnections)
    .where(
      and(
        OPEN,
        or(
          and(
            eq(sviConnections.requesterOrganisationId, organisationA),
            eq(sviConnections.recipientOrganisationId, organisationB),
          ),
          and(
            eq(sviConnections.requesterOrganisationId, organisationB),
            eq(sviConnections.recipientOrganisationId, organisationA),
          ),
        ),
      ),
    )
    .limit(1);
  return rows[0] ?? null;
}

/** The company's pending and accepted connections, newest request first. */
export async function findOpenConnectionsOf(
  db: Db,
  organisationId: string,
): Promise<SviConnectionRow[]> {
  return db
    .select()
    .from(sviConnections)
    .where(
      and(
        inArray(sviConnections.status, [...OPEN_SVI_CONNECTION_STATUSES]),
        or(
          eq(sviConnections.requesterOrganisationId, organisationId),
          eq(sviConnections.recipientOrganisationId, organisationId),
        ),
      ),
    )
    .orderBy(desc(sviConnections.requestedAt), asc(sviConnections.id));
}

export async function insertConnection(
  tx: Db,
  row: typeof sviConnections.$inferInsert,
): Promise<void> {
  await tx.insert(sviConnections).values(row);
}

export async function updateConnection(
  tx: Db,
  id: string,
  changes: Partial<Omit<typeof sviConnections.$inferInsert, 'id'>>,
): Promise<void> {
  await tx.update(sviConnections).set(changes).where(eq(sviConnections.id, id));
}

export async function insertStatusConfirmation(
  tx: Db,
  row: typeof sviStatusConfirmations.$inferInsert,
): Promise<void> {
  await tx.insert(sviStatusConfirmations).values(row);
}

/** The company's status confirmations, newest first. */
export async function findStatusConfirmationsOf(
  db: Db,
  organisationId: string,
  limit: number,
): Promise<SviStatusConfirmationRow[]> {
  return db
    .select()
    .from(sviStatusConfirmations)
    .where(eq(sviStatusConfirmations.organisationId, organisationId))
    .orderBy(desc(sviStatusConfirmations.sentAt), desc(sviStatusConfirmations.id))
    .limit(limit);
}
