import { and, asc, desc, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { ProtestStatus } from '../../../domain/protests/protest-vocabulary.ts';
import type { Db } from '../../db/database.ts';
import {
  protestAttachments,
  protestDetailRows,
  protestEntries,
  protestEvents,
  protestNumberSerials,
  protests,
} from './protests.tables.ts';

/**
 * The protests module's own reads and writes for the member (filing) side and the shared views
 * (issue 7). Tenant explicit: a member's reads take the organisation; CBP reads (protest:read:any)
 * take none.
 */

export type ProtestRow = typeof protests.$inferSelect;
export type NewProtestRow = typeof protests.$inferInsert;
export type ProtestEntryRow = typeof protestEntries.$inferSelect;
export type ProtestEventRow = typeof protestEvents.$inferSelect;
export type NewProtestEventRow = typeof protestEvents.$inferInsert;
export type ProtestAttachmentRow = Omit<typeof protestAttachments.$inferSelect, 'content'>;
export type NewProtestDetailRow = typeof protestDetailRows.$inferInsert;

/** The largest serial a protest number holds (6 digits). */
export const MAX_PROTEST_SERIAL = 999_999;

/**
 * The next serial for a port and year: one upsert, so the row is created or locked and
 * incremented in one statement; two filings at the same port in the same year wait for each
 * other's transaction and never get the same serial.
 */
export async function nextProtestSerial(tx: Db, portCode: string, year: number): Promise<number> {
  const rows = await tx
    .insert(protestNumberSerials)
    .values({ portCode, year, lastSerial: 1 })
    .onConflictDoUpdate({
      target: [protestNumberSerials.portCode, protestNumberSerials.year],
      set: { lastSerial: sql`${protestNumberSerials.lastSerial} + 1` },
    })
    .returning({ lastSerial: protestNumberSerials.lastSerial });
  const serial = rows[0]?.lastSerial;
  if (serial === undefined) {
    throw new Error('the protest serial upsert returned no row');
  }
  return serial;
}

/** Whether a protest already has this (canonical) number. */
export async function protestNumberExists(db: Db, protestNumber: string): Promise<boolean> {
  const rows = await db
    .select({ id: protests.id })
    .from(protests)
    .where(eq(protests.protestNumber, protestNumber))
    .limit(1);
  return rows.length > 0;
}

export async function insertProtest(
  tx: Db,
  row: NewProtestRow,
  entries: readonly (typeof protestEntries.$inferInsert)[],
): Promise<ProtestRow> {
  const [inserted] = await tx.insert(protests).values(row).returning();
  if (!inserted) {
    throw new Error('insert into protests returned no row');
  }
  if (entries.length > 0) {
    await tx.insert(protestEntries).values([...entries]);
  }
  return inserted;
}

/**
 * One protest: of `organisationId` when given (a member's read: another company's protest finds
 * nothing), or any (CBP). `forUpdate` locks the row for a change.
 */
export async function findProtest(
  db: Db,
  protestId: string,
  organisationId: string | null,
  options: { forUpdate?: boolean } = {},
): Promise<ProtestRow | null> {
  const query = db
    .select()
    .from(protests)
    .where(
      and(
        eq(protests.id, protestId),
        organisationId === null ? undefined : eq(protests.organisationId, organisationId),
      ),
    )
    .limit(1);
  const rows = options.forUpdate ? await query.for('update') : await query;
  return rows[0] ?? null;
}

/** Applies `changes` and bumps the version. */
export async function updateProtest(
  tx: Db,
  protestId: string,
  changes: Partial<Omit<NewProtestRow, 'id' | 'organisationId' | 'version'>>,
): Promise<ProtestRow> {
  const [row] = await tx
    .update(protests)
    .set({ ...changes, version: sql`${protests.version} + 1` })
    .where(eq(protests.id, protestId))
    .returning();
  if (!row) {
    throw new Error(`protest ${protestId} vanished during an update`);
  }
  return row;
}

/** The entries of these protests, by protest, in filing order. */
export async function findEntriesOf(
  db: Db,
  protestIds: readonly string[],
): Promise<Map<string, ProtestEntryRow[]>> {
  const byProtest = new Map<string, ProtestEntryRow[]>();
  if (protestIds.length === 0) {
    return byProtest;
  }
  const rows = await db
    .select()
    .from(protestEntries)
    .where(inArray(protestEntries.protestId, [...new Set(protestIds)]))
    .orderBy(asc(protestEntries.protestId), asc(protestEntries.position));
  for (const row of rows) {
    const list = byProtest.get(row.protestId) ?? [];
    list.push(row);
    byProtest.set(row.protestId, list);
  }
  return byProtest;
}

export async function insertProtestEvent(tx: Db, row: NewProtestEventRow): Promise<void> {
  await tx.insert(protestEvents).values(row);
}

/** The protest's events, oldest first. */
export async function findProtestEvents(db: Db, protestId: string): Promise<ProtestEventRow[]> {
  return db
    .select()
    .from(protestEvents)
    .where(eq(protestEvents.protestId, protestId))
    .orderBy(asc(protestEvents.at), asc(protestEvents.id));
}

const ATTACHMENT_COLUMNS = {
  id: protestAttachments.id,
  protestId: protestAttachments.protestId,
  kind: protestAttachments.kind,
  filename: protestAttachments.filename,
  contentType: protestAttachments.contentType,
  sizeBytes: protestAttachments.sizeBytes,
  sha256: protestAttachments.sha256,
  uploadedByUserId: protestAttachments.uploadedByUserId,
  uploadedAt: protestAttachments.uploadedAt,
};

/** The protest's attachments without their bytes, with the detail rows each spreadsheet holds. */
export async function findAttachmentsOf(
  db: Db,
  protestId: string,
): Promise<(ProtestAttachmentRow & { rows: number })[]> {
  return db
    .select({
      ...ATTACHMENT_COLUMNS,
      rows: sql<number>`(select count(*)::int from ${protestDetailRows} where ${protestDetailRows.attachmentId} = ${protestAttachments.id})`,
    })
    .from(protestAttachments)
    .where(eq(protestAttachments.protestId, protestId))
    .orderBy(asc(protestAttachments.uploadedAt), asc(protestAttachments.id));
}

export async function insertAttachment(
  tx: Db,
  row: typeof protestAttachments.$inferInsert,
  detailRows: readonly NewProtestDetailRow[],
): Promise<void> {
  await tx.insert(protestAttachments).values(row);
  // Large spreadsheets go in chunks: one statement has at most 65,535 parameters.
  for (let start = 0; start < detailRows.length; start += 5000) {
    await tx.insert(protestDetailRows).values(detailRows.slice(start, start + 5000));
  }
}

/** One attachment with its bytes, of this protest only. */
export async function findAttachmentContent(
  db: Db,
  protestId: string,
  attachmentId: string,
): Promise<(ProtestAttachmentRow & { content: Buffer }) | null> {
  const rows = await db
    .select({ ...ATTACHMENT_COLUMNS, content: protestAttachments.content })
    .from(protestAttachments)
    .where(
      and(eq(protestAttachments.id, attachmentId), eq(protestAttachments.protestId, protestId)),
    )
    .limit(1);
  return rows[0] ?? null;
}

export interface OwnProtestFilter {
  status?: ProtestStatus | undefined;
  /** Canonical spellings to look for as protest, importer or entry number (any of them). */
  numbers?: readonly string[] | undefined;
}

/**
 * A page of the company's protests, newest filing first; `after` is the last row of the
 * previous page (keyset on filed_at, id: the protests_org_idx index).
 */
export async function findOwnProtestPage(
  db: Db,
  organisationId: string,
  filter: OwnProtestFilter,
  page: { limit: number; after?: { filedAt: Date; id: string } | undefined },
): Promise<ProtestRow[]> {
  const conditions: (SQL | undefined)[] = [eq(protests.organisationId, organisationId)];
  if (filter.status !== undefined) {
    conditions.push(eq(protests.status, filter.status));
  }
  if (filter.numbers !== undefined) {
    const values = [...filter.numbers];
    conditions.push(
      values.length === 0
        ? sql`false`
        : or(
            inArray(protests.protestNumber, values),
            inArray(protests.importerNumber, values),
            sql`${protests.id} in (select ${protestEntries.protestId} from ${protestEntries} where ${inArray(protestEntries.entryNumber, values)})`,
          ),
    );
  }
  const after = page.after;
  if (after !== undefined) {
    conditions.push(
      or(
        lt(protests.filedAt, after.filedAt),
        and(eq(protests.filedAt, after.filedAt), lt(protests.id, after.id)),
      ),
    );
  }
  return db
    .select()
    .from(protests)
    .where(and(...conditions))
    .orderBy(desc(protests.filedAt), desc(protests.id))
    .limit(page.limit);
}
