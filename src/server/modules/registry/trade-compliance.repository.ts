import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { tradeComplianceHistory, tradeComplianceStatuses } from './trade-compliance.tables.ts';

export type TradeComplianceStatusRow = typeof tradeComplianceStatuses.$inferSelect;
export type TradeComplianceHistoryRow = typeof tradeComplianceHistory.$inferSelect;

export async function findTradeComplianceStatus(
  db: Db,
  organisationId: string,
): Promise<TradeComplianceStatusRow | null> {
  const rows = await db
    .select()
    .from(tradeComplianceStatuses)
    .where(eq(tradeComplianceStatuses.organisationId, organisationId))
    .limit(1);
  return rows[0] ?? null;
}

/** Every change of the member's status, newest first. */
export async function findTradeComplianceHistory(
  db: Db,
  organisationId: string,
): Promise<TradeComplianceHistoryRow[]> {
  return db
    .select()
    .from(tradeComplianceHistory)
    .where(eq(tradeComplianceHistory.organisationId, organisationId))
    .orderBy(desc(tradeComplianceHistory.seq));
}

/** Writes the current status (insert or replace); call with the membership row locked. */
export async function upsertTradeComplianceStatus(
  tx: Db,
  row: typeof tradeComplianceStatuses.$inferInsert,
): Promise<void> {
  await tx
    .insert(tradeComplianceStatuses)
    .values(row)
    .onConflictDoUpdate({
      target: tradeComplianceStatuses.organisationId,
      set: {
        status: row.status,
        since: row.since,
        updatedByUserId: row.updatedByUserId,
        updatedAt: row.updatedAt,
      },
    });
}

/** Appends a history row with the next `seq`; call with the membership row locked. */
export async function appendTradeComplianceHistory(
  tx: Db,
  row: Omit<typeof tradeComplianceHistory.$inferInsert, 'seq'>,
): Promise<number> {
  const last = await tx
    .select({ seq: tradeComplianceHistory.seq })
    .from(tradeComplianceHistory)
    .where(eq(tradeComplianceHistory.organisationId, row.organisationId))
    .orderBy(desc(tradeComplianceHistory.seq))
    .limit(1);
  const seq = (last[0]?.seq ?? 0) + 1;
  await tx.insert(tradeComplianceHistory).values({ ...row, seq });
  return seq;
}
