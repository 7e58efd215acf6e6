import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { auditEvents } from './audit.tables.ts';

export type AuditRow = typeof auditEvents.$inferSelect;
export type NewAuditRow = typeof auditEvents.$inferInsert;

/**
 * Serialises writers of one chain until the transaction ends (transaction-scoped advisory
 * lock), so two concurrent changes in one organisation cannot both take the same seq.
 */
export async function lockChain(tx: Db, chain: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`audit:${chain}`}))`);
}

export async function findChainHead(
  tx: Db,
  chain: string,
): Promise<{ seq: number; hash: string } | null> {
  const rows = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .where(eq(auditEvents.chain, chain))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertAuditRow(tx: Db, row: NewAuditRow): Promise<AuditRow> {
  const inserted = await tx.insert(auditEvents).values(row).returning();
  const first = inserted[0];
  if (!first) {
    throw new Error('audit insert returned no row');
  }
  return first;
}

export async function findChains(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ chain: auditEvents.chain })
    .from(auditEvents)
    .orderBy(asc(auditEvents.chain));
  return rows.map((row) => row.chain);
}

/** One batch of a chain in order, after `afterSeq`: keyset reads keep memory flat. */
export async function findChainBatch(
  db: Db,
  chain: string,
  afterSeq: number,
  limit: number,
): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.chain, chain), gt(auditEvents.seq, afterSeq)))
    .orderBy(asc(auditEvents.seq))
    .limit(limit);
}
