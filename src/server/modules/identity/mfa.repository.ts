import { and, eq, isNotNull, isNull, lt, ne, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AuditAction } from '../../../domain/audit/audit-events.ts';
import type { Db } from '../../db/database.ts';
import { recoveryCodes, totpAuthenticators } from './mfa.tables.ts';
import { sessions } from './sessions.tables.ts';

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

/**
 * Locks the session row until the transaction ends, so concurrent wrong codes in one session
 * are counted one after another. Null when the session does not exist.
 */
export async function lockSession(db: Db, sessionId: string): Promise<{ createdAt: Date } | null> {
  const rows = await db
    .select({ createdAt: sessions.createdAt })
    .from(sessions)
    .where(eq(sessions.id, sessionId))
    .for('update');
  return rows[0] ?? null;
}

/**
 * Revokes the user's other live sessions that have not verified a second factor: once MFA is
 * off they would otherwise pass without one.
 */
export async function revokeUnverifiedSessionsOfUser(
  db: Db,
  userId: string,
  keepSessionId: string,
  at: Date,
): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: at })
    .where(
      and(
        eq(sessions.userId, userId),
        ne(sessions.id, keepSessionId),
        isNull(sessions.revokedAt),
        isNull(sessions.mfaVerifiedAt),
      ),
    )
    .returning({ id: sessions.id });
  return rows.length;
}

const FAILED: AuditAction = 'mfa.verification_failed';
const SUCCEEDED: readonly AuditAction[] = ['mfa.verified', 'mfa.recovery_code_used'];

const CountResultSchema = z.object({
  rows: z.array(z.object({ failures: z.coerce.number() })),
});

/**
 * Wrong codes entered in a session since a code last verified it, counted from the audit trail
 * (each wrong code writes `mfa.verification_failed` targeting the session), so no counter
 * column is needed. Read-only SQL on audit_events: the audit module offers no query for it, and
 * a module may not import another's tables. Bounded by the session's start so the time index
 * keeps it small however large the trail grows.
 */
export async function countWrongCodesSinceLastSuccess(
  db: Db,
  sessionId: string,
  sessionCreatedAt: Date,
): Promise<number> {
  const since = sessionCreatedAt.toISOString();
  const succeeded = sql.join(
    SUCCEEDED.map((action) => sql`${action}`),
    sql`, `,
  );
  const result = await db.execute(sql`
    select count(*)::int as failures
    from audit_events
    where occurred_at >= ${since}::timestamptz
      and target_type = 'session'
      and target_id = ${sessionId}
      and action = ${FAILED}
      and id > coalesce((
        select max(id) from audit_events
        where occurred_at >= ${since}::timestamptz
          and target_type = 'session'
          and target_id = ${sessionId}
          and action in (${succeeded})
      ), 0)
  `);
  return CountResultSchema.parse(result).rows[0]?.failures ?? 0;
}
