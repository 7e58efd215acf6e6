import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../src/server/db/database.ts';
import { RowsSchema } from '../setup/sql-rows.ts';

const OutboxRowsSchema = RowsSchema(z.object({ subject: z.string(), text_body: z.string() }));

/** The e-mails queued for `address` whose subject starts with `subjectStart`, oldest first. */
export async function emailsTo(db: Db, address: string, subjectStart: string) {
  const result = await db.execute(
    sql`select subject, text_body from email_outbox
         where to_address = ${address} and subject like ${`${subjectStart}%`}
         order by created_at, id`,
  );
  return OutboxRowsSchema.parse(result).rows;
}

/**
 * The token of the link to `path` in the newest e-mail to `address` whose subject starts with
 * `subjectStart`: what the recipient would click.
 */
export async function tokenFromEmail(
  db: Db,
  address: string,
  subjectStart: string,
  path: string,
): Promise<string> {
  const text = (await emailsTo(db, address, subjectStart)).at(-1)?.text_body ?? '';
  const match = new RegExp(`http://localhost:3000${path}\\?token=([\\w-]+)`).exec(text);
  if (!match?.[1]) {
    throw new Error(`no e-mail "${subjectStart}" with a ${path} link to ${address}`);
  }
  return match[1];
}
