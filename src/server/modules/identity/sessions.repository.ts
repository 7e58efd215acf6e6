import { and, desc, eq, gt, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { PreparedQueries } from '../../db/prepared-queries.ts';
import { memberships, users } from './accounts.tables.ts';
import { totpAuthenticators } from './mfa.tables.ts';
import { authThrottle, sessions } from './sessions.tables.ts';

export type SessionRow = typeof sessions.$inferSelect;

/** A session still in force: not revoked, within its absolute limit, not idle since `idleSince`. */
function live(now: Date, idleSince: Date): SQL | undefined {
  return and(
    isNull(sessions.revokedAt),
    gt(sessions.expiresAt, now),
    gt(sessions.lastSeenAt, idleSince),
  );
}

export async function insertSession(db: Db, session: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(session);
}

/**
 * Everything needed to build the actor of a request, in one query: the live session (not
 * revoked, within its absolute and idle limits), its user, the role in the session's
 * organisation and whether the user has a confirmed authenticator.
 */
function prepareSessionLookup(db: Db) {
  return db
    .select({
      session: sessions,
      userStatus: users.status,
      role: memberships.role,
      hasAuthenticator: sql<boolean>`${totpAuthenticators.confirmedAt} is not null`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(
      memberships,
      and(
        eq(memberships.userId, sessions.userId),
        eq(memberships.organisationId, sessions.organisationId),
      ),
    )
    .leftJoin(totpAuthenticators, eq(totpAuthenticators.userId, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql.placeholder('now')),
        gt(sessions.lastSeenAt, sql.placeholder('idleSince')),
      ),
    )
    .limit(1)
    .prepare('session_lookup');
}

/** Runs on every signed-in request, so it is prepared once per database handle. */
const sessionLookup = new PreparedQueries<ReturnType<typeof prepareSessionLookup>>();

/**
 * Everything needed to build the actor of a request, in one query: the live session (not
 * revoked, within its absolute and idle limits), its user, the role in the session's
 * organisation and whether the user has a confirmed authenticator.
 */
export async function findLiveSessionByTokenHash(
  db: Db,
  tokenHash: string,
  now: Date,
  idleSince: Date,
) {
  const query = sessionLookup.get(db, 'default', () => prepareSessionLookup(db));
  const rows = await query.execute({
    tokenHash,
    now: now.toISOString(),
    idleSince: idleSince.toISOString(),
  });
  return rows[0] ?? null;
}

export async function touchSession(db: Db, id: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
}

export async function updateSession(
  db: Db,
  id: string,
  changes: Partial<Pick<SessionRow, 'organisationId' | 'mfaVerifiedAt' | 'revokedAt'>>,
): Promise<void> {
  await db.update(sessions).set(changes).where(eq(sessions.id, id));
}

export async function findActiveSessionsOfUser(db: Db, userId: string, now: Date, idleSince: Date) {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), live(now, idleSince)))
    .orderBy(desc(sessions.lastSeenAt));
}

export async function findSessionOfUser(db: Db, userId: string, sessionId: string) {
  const rows = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.id, sessionId)))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * Revokes the user's live sessions and returns how many: every one, or only those acting for
 * `organisationId`, or only those that have not verified a second factor; `keepSessionId`
 * (the caller's own session, usually) is spared.
 */
export async function revokeSessionsOfUser(
  db: Db,
  userId: string,
  at: Date,
  scope: { keepSessionId?: string; organisationId?: string; mfaUnverifiedOnly?: boolean } = {},
): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: at })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        scope.keepSessionId === undefined ? undefined : ne(sessions.id, scope.keepSessionId),
        scope.organisationId === undefined
          ? undefined
          : eq(sessions.organisationId, scope.organisationId),
        scope.mfaUnverifiedOnly ? isNull(sessions.mfaVerifiedAt) : undefined,
      ),
    )
    .returning({ id: sessions.id });
  return rows.length;
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

export async function findThrottle(db: Db, key: string) {
  const rows = await db.select().from(authThrottle).where(eq(authThrottle.key, key)).limit(1);
  return rows[0] ?? null;
}

export async function recordThrottleFailure(
  db: Db,
  key: string,
  at: Date,
  lockedUntil: (failures: number) => Date | null,
): Promise<number> {
  const rows = await db
    .insert(authThrottle)
    .values({ key, failures: 1, updatedAt: at })
    .onConflictDoUpdate({
      target: authThrottle.key,
      set: { failures: sql`${authThrottle.failures} + 1`, updatedAt: at },
    })
    .returning({ failures: authThrottle.failures });
  const failures = rows[0]?.failures ?? 1;
  const until = lockedUntil(failures);
  if (until) {
    await db.update(authThrottle).set({ lockedUntil: until }).where(eq(authThrottle.key, key));
  }
  return failures;
}

export async function clearThrottle(db: Db, key: string): Promise<void> {
  await db.delete(authThrottle).where(eq(authThrottle.key, key));
}

/** Whether the user has signed in before from this address with this browser. */
export async function hasSessionFrom(
  db: Db,
  userId: string,
  clientAddress: string | null,
  userAgent: string | null,
): Promise<boolean> {
  const rows = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        clientAddress === null
          ? isNull(sessions.clientAddress)
          : eq(sessions.clientAddress, clientAddress),
        userAgent === null ? isNull(sessions.userAgent) : eq(sessions.userAgent, userAgent),
      ),
    )
    .limit(1);
  return rows.length > 0;
}
