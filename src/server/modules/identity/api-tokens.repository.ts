import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
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
