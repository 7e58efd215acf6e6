import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../src/server/db/database.ts';
import { RowsSchema } from '../setup/sql-rows.ts';

/** The actions of the audit events about `targetId`, in the order they were written. */
export async function auditActionsOn(db: Db, targetId: string): Promise<string[]> {
  const result = await db.execute(
    sql`select action from audit_events where target_id = ${targetId} order by id`,
  );
  return RowsSchema(z.object({ action: z.string() }))
    .parse(result)
    .rows.map((row) => row.action);
}

/**
 * Every before and after of the whole audit trail as one string: to prove a secret (a password,
 * a token) was never written to it.
 */
export async function auditTrailText(db: Db): Promise<string> {
  const result = await db.execute(
    sql`select coalesce(before::text, '') || coalesce(after::text, '') as data from audit_events`,
  );
  return JSON.stringify(RowsSchema(z.object({ data: z.string() })).parse(result).rows);
}
