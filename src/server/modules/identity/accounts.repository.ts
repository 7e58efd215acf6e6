import { and, asc, eq, sql } from 'drizzle-orm';
import type { Role } from '../../../domain/authorization/roles.ts';
import type { Db } from '../../db/database.ts';
import { memberships, users } from './accounts.tables.ts';
import { totpAuthenticators } from './mfa.tables.ts';

export type UserRow = typeof users.$inferSelect;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
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
