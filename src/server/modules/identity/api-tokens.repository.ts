import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { users } from './accounts.tables.ts';
import { apiTokens } from './api-tokens.tables.ts';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

/** A token that is known, not revoked and not expired; null otherwise. */
export async function findUsableApiToken(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<ApiTokenRow | null> {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.tokenHash, tokenHash),
        isNull(apiTokens.revokedAt),
        gt(apiTokens.expiresAt, now),
      ),
    )
    .limit(1);
  return rows[0] ?? null;
}

export async function markApiTokenUsed(
  db: Db,
  organisationId: string,
  id: string,
  at: Date,
): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: at })
    .where(and(eq(apiTokens.organisationId, organisationId), eq(apiTokens.id, id)));
}

export async function insertApiToken(db: Db, row: typeof apiTokens.$inferInsert): Promise<void> {
  await db.insert(apiTokens).values(row);
}

/** One organisation's tokens, newest first, with who created each. */
export async function findApiTokensOfOrganisation(db: Db, organisationId: string) {
  return db
    .select({
      token: apiTokens,
      creatorEmail: users.email,
      creatorDisplayName: users.displayName,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.createdByUserId))
    .where(eq(apiTokens.organisationId, organisationId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

export async function findApiToken(
  db: Db,
  organisationId: string,
  id: string,
): Promise<ApiTokenRow | null> {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.organisationId, organisationId), eq(apiTokens.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

/** Revokes a token of the organisation that is not revoked yet; false when none matched. */
export async function revokeApiToken(
  db: Db,
  organisationId: string,
  id: string,
  at: Date,
): Promise<boolean> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(
      and(
        eq(apiTokens.organisationId, organisationId),
        eq(apiTokens.id, id),
        isNull(apiTokens.revokedAt),
      ),
    )
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}
