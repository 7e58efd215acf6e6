import { and, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { recoveryCodes, totpAuthenticators } from './mfa.tables.ts';

export type TotpAuthenticatorRow = typeof totpAuthenticators.$inferSelect;

export async function findAuthenticator(
  db: Db,
  userId: string,
): Promise<TotpAuthenticatorRow | null> {
  const rows = await db
    .select()
    .from(totpAuthenticators)
    .where(eq(totpAuthenticators.userId, userId))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * Starts enrolment, or restarts it with a new secret while it is unconfirmed. Returns false,
 * changing nothing, when a confirmed authenticator exists (checked in the same statement, so a
 * concurrent confirmation cannot be overwritten).
 */
export async function upsertPendingAuthenticator(
  db: Db,
  userId: string,
  secretEncrypted: string,
  at: Date,
): Promise<boolean> {
  const rows = await db
    .insert(totpAuthenticators)
    .values({ userId, secretEncrypted, confirmedAt: null, lastUsedStep: null, createdAt: at })
    .onConflictDoUpdate({
      target: totpAuthenticators.userId,
      set: { secretEncrypted, lastUsedStep: null, createdAt: at },
      setWhere: isNull(totpAuthenticators.confirmedAt),
    })
    .returning({ userId: totpAuthenticators.userId });
  return rows.length > 0;
}

/** Confirms a pending authenticator; false when it was confirmed (or removed) meanwhile. */
export async function confirmAuthenticator(
  db: Db,
  userId: string,
  step: number,
  at: Date,
): Promise<boolean> {
  const rows = await db
    .update(totpAuthenticators)
    .set({ confirmedAt: at, lastUsedStep: step })
    .where(and(eq(totpAuthenticators.userId, userId), isNull(totpAuthenticators.confirmedAt)))
    .returning({ userId: totpAuthenticators.userId });
  return rows.length > 0;
}

/**
 * Records `step` as used, only if it is later than the last used one: the conditional update
 * makes replay protection hold even when two requests race with the same code.
 */
export async function consumeTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(totpAuthenticators)
    .set({ lastUsedStep: step })
    .where(
      and(
        eq(totpAuthenticators.userId, userId),
        isNotNull(totpAuthenticators.confirmedAt),
        or(isNull(totpAuthenticators.lastUsedStep), lt(totpAuthenticators.lastUsedStep, step)),
      ),
    )
    .returning({ userId: totpAuthenticators.userId });
  return rows.length > 0;
}

export async function deleteAuthenticator(db: Db, userId: string): Promise<void> {
  await db.delete(totpAuthenticators).where(eq(totpAuthenticators.userId, userId));
}

/** Replaces every recovery code of the user with the given hashes. */
export async function replaceRecoveryCodes(
  db: Db,
  userId: string,
  codeHashes: readonly string[],
  at: Date,
): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  if (codeHashes.length > 0) {
    await db
      .insert(recoveryCodes)
      .values(codeHashes.map((codeHash) => ({ userId, codeHash, createdAt: at })));
  }
}

export async function deleteRecoveryCodes(db: Db, userId: string): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}

/** Marks an unused recovery code used; false when there is no such unused code (single use). */
export async function consumeRecoveryCode(
  db: Db,
  userId: string,
  codeHash: string,
  at: Date,
): Promise<boolean> {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: at })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, codeHash),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ userId: recoveryCodes.userId });
  return rows.length > 0;
}

export async function countUnusedRecoveryCodes(db: Db, userId: string): Promise<number> {
  const rows = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return Number(rows[0]?.count ?? 0);
}
