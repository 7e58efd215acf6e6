import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Role } from '../../../domain/authorization/roles.ts';
import type { Db } from '../../db/database.ts';
import { accountTokens, memberships, userIdentities, users } from './accounts.tables.ts';
import { totpAuthenticators } from './mfa.tables.ts';

export type UserRow = typeof users.$inferSelect;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Whether a failed statement broke a unique constraint (SQLSTATE 23505), e.g. two requests
 * racing to claim the same e-mail address. Drivers and Drizzle may wrap the database error.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let current = error, depth = 0; depth < 5; depth += 1) {
    if (typeof current !== 'object' || current === null) {
      return false;
    }
    if ('code' in current && current.code === '23505') {
      return true;
    }
    current = 'cause' in current ? current.cause : null;
  }
  return false;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  const rows = await db
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
    .limit(1);
  return rows[0] ?? null;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | null> {
  const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function insertUser(
  db: Db,
  user: {
    id: string;
    email: string;
    displayName: string;
    passwordHash: string | null;
    preferredLanguage?: 'en' | 'es';
  },
  at: Date,
): Promise<UserRow> {
  const rows = await db
    .insert(users)
    .values({
      ...user,
      email: normaliseEmail(user.email),
      createdAt: at,
      updatedAt: at,
      emailVerifiedAt: at,
    })
    .returning();
  const row = rows[0];
  if (!row) {
    throw new Error('user insert returned no row');
  }
  return row;
}

export async function updateUser(
  db: Db,
  id: string,
  changes: Partial<
    Pick<
      UserRow,
      | 'displayName'
      | 'passwordHash'
      | 'preferredLanguage'
      | 'email'
      | 'failedSignIns'
      | 'lockedUntil'
      | 'status'
    >
  >,
  at: Date,
): Promise<void> {
  await db
    .update(users)
    .set({ ...changes, updatedAt: at })
    .where(eq(users.id, id));
}

/** Adds one to the failed sign-in count and returns the new count. */
export async function incrementFailedSignIns(db: Db, id: string, at: Date): Promise<number> {
  const rows = await db
    .update(users)
    .set({ failedSignIns: sql`${users.failedSignIns} + 1`, updatedAt: at })
    .where(eq(users.id, id))
    .returning({ failedSignIns: users.failedSignIns });
  return rows[0]?.failedSignIns ?? 0;
}

/** The user a provider identity (issuer + subject) is linked to, or null. */
export async function findUserIdOfIdentity(
  db: Db,
  identity: { issuer: string; subject: string },
): Promise<string | null> {
  const rows = await db
    .select({ userId: userIdentities.userId })
    .from(userIdentities)
    .where(
      and(eq(userIdentities.issuer, identity.issuer), eq(userIdentities.subject, identity.subject)),
    )
    .limit(1);
  return rows[0]?.userId ?? null;
}

/** Whether the user is linked to any subject at this issuer. */
export async function hasIdentityAtIssuer(
  db: Db,
  userId: string,
  issuer: string,
): Promise<boolean> {
  const rows = await db
    .select({ subject: userIdentities.subject })
    .from(userIdentities)
    .where(and(eq(userIdentities.issuer, issuer), eq(userIdentities.userId, userId)))
    .limit(1);
  return rows.length > 0;
}

/** Links a provider identity to the user; false when a concurrent sign-in linked it first. */
export async function insertUserIdentity(
  db: Db,
  identity: { issuer: string; subject: string },
  userId: string,
  at: Date,
): Promise<boolean> {
  const inserted = await db
    .insert(userIdentities)
    .values({ issuer: identity.issuer, subject: identity.subject, userId, createdAt: at })
    .onConflictDoNothing()
    .returning({ subject: userIdentities.subject });
  return inserted.length > 0;
}

export interface MembershipRow {
  organisationId: string;
  role: Role;
}

export async function findMembershipsOfUser(db: Db, userId: string): Promise<MembershipRow[]> {
  return db
    .select({ organisationId: memberships.organisationId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt), asc(memberships.organisationId));
}

export async function findMembership(
  db: Db,
  organisationId: string,
  userId: string,
): Promise<{ role: Role } | null> {
  const rows = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertMembership(
  db: Db,
  membership: { organisationId: string; userId: string; role: Role },
  at: Date,
): Promise<void> {
  await db.insert(memberships).values({ ...membership, createdAt: at });
}

export async function hasConfirmedAuthenticator(db: Db, userId: string): Promise<boolean> {
  const rows = await db
    .select({ userId: totpAuthenticators.userId })
    .from(totpAuthenticators)
    .where(
      and(
        eq(totpAuthenticators.userId, userId),
        sql`${totpAuthenticators.confirmedAt} is not null`,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export type AccountTokenPurpose = 'password_reset' | 'email_change';
export type AccountTokenRow = typeof accountTokens.$inferSelect;

export async function insertAccountToken(
  db: Db,
  token: {
    id: string;
    userId: string;
    purpose: AccountTokenPurpose;
    tokenHash: string;
    newEmail: string | null;
    expiresAt: Date;
  },
  at: Date,
): Promise<void> {
  await db.insert(accountTokens).values({ ...token, createdAt: at });
}

/** An unused, unexpired token of this purpose with its (active or not) user, or null. */
export async function findUsableAccountToken(
  db: Db,
  tokenHash: string,
  purpose: AccountTokenPurpose,
  now: Date,
): Promise<{ token: AccountTokenRow; user: UserRow } | null> {
  const rows = await db
    .select({ token: accountTokens, user: users })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(
      and(
        eq(accountTokens.tokenHash, tokenHash),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now),
      ),
    )
    .limit(1);
  return rows[0] ?? null;
}

/** Marks a token used unless it already was; true when this call used it (single use). */
export async function markAccountTokenUsed(db: Db, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(accountTokens)
    .set({ usedAt: at })
    .where(and(eq(accountTokens.id, id), isNull(accountTokens.usedAt)))
    .returning({ id: accountTokens.id });
  return rows.length > 0;
}

/** Retires every unused token of the user (of one purpose, or all when null). */
export async function retireAccountTokensOfUser(
  db: Db,
  userId: string,
  purpose: AccountTokenPurpose | null,
  at: Date,
): Promise<void> {
  await db
    .update(accountTokens)
    .set({ usedAt: at })
    .where(
      and(
        eq(accountTokens.userId, userId),
        isNull(accountTokens.usedAt),
        purpose ? eq(accountTokens.purpose, purpose) : undefined,
      ),
    );
}

/** Sets a confirmed new e-mail address (the confirmation link proved it). */
export async function changeUserEmail(db: Db, id: string, email: string, at: Date): Promise<void> {
  await db
    .update(users)
    .set({ email: normaliseEmail(email), emailVerifiedAt: at, updatedAt: at })
    .where(eq(users.id, id));
}

export interface MemberRow {
  userId: string;
  displayName: string;
  email: string;
  preferredLanguage: string;
  role: Role;
  joinedAt: Date;
  mfaEnrolled: boolean;
}

function memberColumns() {
  return {
    userId: memberships.userId,
    displayName: users.displayName,
    email: users.email,
    preferredLanguage: users.preferredLanguage,
    role: memberships.role,
    joinedAt: memberships.createdAt,
    mfaEnrolled: sql<boolean>`${totpAuthenticators.confirmedAt} is not null`,
  };
}

/** The members of one organisation (tenant scope), by name. */
export async function findMembersOfOrganisation(
  db: Db,
  organisationId: string,
): Promise<MemberRow[]> {
  return db
    .select(memberColumns())
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(totpAuthenticators, eq(totpAuthenticators.userId, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(users.displayName), asc(users.id));
}

/** One member of one organisation (tenant scope), or null. */
export async function findMemberOfOrganisation(
  db: Db,
  organisationId: string,
  userId: string,
): Promise<MemberRow | null> {
  const rows = await db
    .select(memberColumns())
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(totpAuthenticators, eq(totpAuthenticators.userId, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * The ids of the organisation's members holding `role`, locking their membership rows until
 * the transaction ends, so two concurrent demotions cannot both see "another officer remains".
 */
export async function lockMembersWithRole(
  db: Db,
  organisationId: string,
  role: Role,
): Promise<string[]> {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, role)))
    .for('update');
  return rows.map((row) => row.userId);
}

export async function updateMembershipRole(
  db: Db,
  organisationId: string,
  userId: string,
  role: Role,
): Promise<void> {
  await db
    .update(memberships)
    .set({ role })
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
}

export async function deleteMembership(
  db: Db,
  organisationId: string,
  userId: string,
): Promise<boolean> {
  const rows = await db
    .delete(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
    .returning({ userId: memberships.userId });
  return rows.length > 0;
}

/** Display names of users by id (ids another module already holds, e.g. an assignment). */
export async function findDisplayNames(
  db: Db,
  userIds: readonly string[],
): Promise<{ userId: string; displayName: string }[]> {
  if (userIds.length === 0) {
    return [];
  }
  return db
    .select({ userId: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, [...userIds]));
}

/** Every active user holding one of `roles` in any organisation, by name. */
export async function findUsersWithRoles(
  db: Db,
  roles: readonly Role[],
): Promise<{ userId: string; displayName: string; organisationId: string; role: Role }[]> {
  return db
    .select({
      userId: users.id,
      displayName: users.displayName,
      organisationId: memberships.organisationId,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(inArray(memberships.role, [...roles]), eq(users.status, 'active')))
    .orderBy(asc(users.displayName), asc(users.id), asc(memberships.organisationId));
}
