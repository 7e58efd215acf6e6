import { and, asc, desc, eq, gt, gte, inArray, lt, max, or, type SQL, sql } from 'drizzle-orm';
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

/** What the audit viewer filters on; every field narrows the result. */
export interface AuditRowFilter {
  organisationId?: string | undefined;
  action?: string | undefined;
  actorUserId?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  /** Inclusive. */
  from?: Date | undefined;
  /** Exclusive. */
  to?: Date | undefined;
}

export interface AuditRowKey {
  occurredAt: Date;
  id: number;
}

/**
 * `tenant` is the organisation whose trail the caller may read, or null for the whole trail
 * (only for actors with `audit:read:any`: the service decides).
 */
function auditRowConditions(
  tenant: string | null,
  filter: AuditRowFilter,
  before?: AuditRowKey,
): SQL | undefined {
  return and(
    tenant === null ? undefined : eq(auditEvents.organisationId, tenant),
    filter.organisationId === undefined
      ? undefined
      : eq(auditEvents.organisationId, filter.organisationId),
    filter.action === undefined ? undefined : eq(auditEvents.action, filter.action),
    filter.actorUserId === undefined ? undefined : eq(auditEvents.actorUserId, filter.actorUserId),
    filter.targetType === undefined ? undefined : eq(auditEvents.targetType, filter.targetType),
    filter.targetId === undefined ? undefined : eq(auditEvents.targetId, filter.targetId),
    filter.from === undefined ? undefined : gte(auditEvents.occurredAt, filter.from),
    filter.to === undefined ? undefined : lt(auditEvents.occurredAt, filter.to),
    before === undefined
      ? undefined
      : or(
          lt(auditEvents.occurredAt, before.occurredAt),
          and(eq(auditEvents.occurredAt, before.occurredAt), lt(auditEvents.id, before.id)),
        ),
  );
}

/** Audit events newest first, keyset-paged by (occurred_at, id). */
export async function findAuditEvents(
  db: Db,
  tenant: string | null,
  filter: AuditRowFilter,
  options: { before?: AuditRowKey | undefined; limit: number },
): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditEvents)
    .where(auditRowConditions(tenant, filter, options.before))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(options.limit);
}

/** How many events match, counting no further than `cap` (so a huge trail costs no more). */
export async function countAuditEvents(
  db: Db,
  tenant: string | null,
  filter: AuditRowFilter,
  cap: number,
): Promise<number> {
  const capped = db
    .select({ one: sql`1`.as('one') })
    .from(auditEvents)
    .where(auditRowConditions(tenant, filter))
    .limit(cap)
    .as('capped');
  const rows = await db.select({ count: sql<number>`count(*)::int` }).from(capped);
  return rows[0]?.count ?? 0;
}

/**
 * Events of `action` on one target after its latest event of one of `sinceLastOf` (all of them
 * when there is none), from `notBefore` on (the time index keeps the read small).
 */
export async function countTargetEventsSinceLast(
  db: Db,
  query: {
    targetType: string;
    targetId: string;
    action: string;
    sinceLastOf: readonly string[];
    notBefore: Date;
  },
): Promise<number> {
  const ofTarget = and(
    gte(auditEvents.occurredAt, query.notBefore),
    eq(auditEvents.targetType, query.targetType),
    eq(auditEvents.targetId, query.targetId),
  );
  const lastReset = db
    .select({ id: max(auditEvents.id) })
    .from(auditEvents)
    .where(and(ofTarget, inArray(auditEvents.action, [...query.sinceLastOf])));
  const rows = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(
      and(
        ofTarget,
        eq(auditEvents.action, query.action),
        gt(auditEvents.id, sql`coalesce((${lastReset}), 0)`),
      ),
    );
  return rows[0]?.count ?? 0;
}
