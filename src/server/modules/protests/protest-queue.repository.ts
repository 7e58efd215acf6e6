import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { ProtestStatus } from '../../../domain/protests/protest-vocabulary.ts';
import type { Db } from '../../db/database.ts';
import type { ProtestRow } from './protests.repository.ts';
import { protestEntries, protests } from './protests.tables.ts';

/**
 * CBP's protest review queue (issue 7, item 4; ADR 0027): open protests in the stored priority
 * order `(priority_rank, priority_date, id)`, keyset-paged (ADR 0006). Every page is one range
 * of a partial index on the open statuses, never a sort of the table:
 *
 * - no filter: `protests_queue_idx (priority_rank, priority_date, id)`;
 * - a Center: `protests_center_queue_idx (center, …)`;
 * - a reviewer or "unassigned": `protests_reviewer_queue_idx (assigned_reviewer_user_id, …)`.
 *
 * The status list is written into the SQL as constants, not parameters, so the planner can
 * prove the partial indexes' predicate from the query itself.
 *
 * The Trade Compliance filter is read rank by rank: rank 1 holds only verified members and
 * rank 2 only the others (the rank is derived from the indicator at filing), so
 * `tradeCompliance=true` is rank 0 (checked row by row: the few protests whose deemed-denial
 * clock runs) followed by rank 1, and `false` is rank 0 followed by rank 2. Each part is an
 * index range; filtering row by row instead would walk every open protest of the other kind.
 */

export const OPEN_PROTEST_STATUSES = [
  'filed',
  'under_review',
  'under_further_review',
] as const satisfies readonly ProtestStatus[];

const OPEN_SQL = sql.raw(OPEN_PROTEST_STATUSES.map((status) => `'${status}'`).join(', '));

export interface ProtestQueueSearch {
  /** Open statuses (the queue proper), or one closed status (not served by the queue indexes). */
  statuses: readonly ProtestStatus[];
  center?: string | undefined;
  /** A reviewer's user id, or null for protests nobody is assigned to. */
  reviewerUserId?: string | null | undefined;
  tradeCompliance?: boolean | undefined;
  /** Canonical spellings to look for as protest, importer or entry number (any of them). */
  numbers?: readonly string[] | undefined;
}

/** Where a page starts: after this row, in queue order. */
export interface QueueKey {
  rank: number;
  date: string;
  id: string;
}

function statusCondition(statuses: readonly ProtestStatus[]): SQL {
  const open = statuses.every((status) =>
    (OPEN_PROTEST_STATUSES as readonly string[]).includes(status),
  );
  if (!open) {
    return inArray(protests.status, [...statuses]);
  }
  const all = statuses.length === OPEN_PROTEST_STATUSES.length;
  // Always the literal list (the indexes' predicate), narrowed when one open status is asked.
  const base = sql`${protests.status} in (${OPEN_SQL})`;
  return all ? base : sql`${base} and ${inArray(protests.status, [...statuses])}`;
}

/**
 * The protests with one of these numbers, each kind found through its own index and the few
 * matches then sorted. Written as `id in (… union all …)` rather than an OR of the three: the
 * planner estimates the union's size from each index, while an OR with a subquery looks like
 * half the table and makes it walk the whole queue index filtering rows (bench row 8).
 */
function numberCondition(numbers: readonly string[]): SQL {
  if (numbers.length === 0) {
    return sql`false`;
  }
  const values = [...numbers];
  return sql`${protests.id} in (
    select ${protests.id} from ${protests} where ${inArray(protests.protestNumber, values)}
    union all select ${protests.id} from ${protests} where ${inArray(protests.importerNumber, values)}
    union all select ${protestEntries.protestId} from ${protestEntries} where ${inArray(protestEntries.entryNumber, values)})`;
}

function filterConditions(search: ProtestQueueSearch): SQL | undefined {
  return and(
    statusCondition(search.statuses),
    search.center === undefined ? undefined : eq(protests.center, search.center),
    search.reviewerUserId === undefined
      ? undefined
      : search.reviewerUserId === null
        ? isNull(protests.assignedReviewerUserId)
        : eq(protests.assignedReviewerUserId, search.reviewerUserId),
    search.numbers === undefined ? undefined : numberCondition(search.numbers),
  );
}

/** A part of the queue read as one index range: every rank, or one rank (with the TC check). */
type Segment = { rank: null } | { rank: 0 | 1 | 2; tradeCompliance: boolean };

function segmentsOf(tradeCompliance: boolean | undefined): Segment[] {
  if (tradeCompliance === undefined) {
    return [{ rank: null }];
  }
  return [
    { rank: 0, tradeCompliance },
    { rank: tradeCompliance ? 1 : 2, tradeCompliance },
  ];
}

function segmentQuery(
  db: Db,
  where: SQL | undefined,
  segment: Segment,
  after: QueueKey | undefined,
  limit: number,
  unassigned: boolean,
) {
  let keyset: SQL | undefined;
  let rank: SQL | undefined;
  if (segment.rank === null) {
    keyset = after
      ? sql`(${protests.priorityRank}, ${protests.priorityDate}, ${protests.id}) > (${after.rank}::smallint, ${after.date}::date, ${after.id}::uuid)`
      : undefined;
  } else {
    rank = sql`${protests.priorityRank} = ${sql.raw(String(segment.rank))}`;
    if (after && after.rank === segment.rank) {
      keyset = sql`(${protests.priorityDate}, ${protests.id}) > (${after.date}::date, ${after.id}::uuid)`;
    }
  }
  return db
    .select()
    .from(protests)
    .where(
      and(
        where,
        rank,
        segment.rank === null ? undefined : eq(protests.tcVerified, segment.tradeCompliance),
        keyset,
      ),
    )
    .orderBy(
      // `IS NULL` does not make the column a constant for the planner as `= x` does, so the
      // unassigned list names it first to read protests_reviewer_queue_idx in order.
      ...(unassigned ? [asc(protests.assignedReviewerUserId)] : []),
      asc(protests.priorityRank),
      asc(protests.priorityDate),
      asc(protests.id),
    )
    .limit(limit);
}

/** The parts of the queue a page after `after` reads from, in order. */
function segmentsAfter(search: ProtestQueueSearch, after: QueueKey | undefined): Segment[] {
  return segmentsOf(search.tradeCompliance).filter(
    (segment) => segment.rank === null || after === undefined || after.rank <= segment.rank,
  );
}

/** `limit` queue rows after `after` (agency-wide: the caller holds `protest:read:any`). */
export async function findQueuePage(
  db: Db,
  search: ProtestQueueSearch,
  after: QueueKey | undefined,
  limit: number,
): Promise<ProtestRow[]> {
  const where = filterConditions(search);
  const unassigned = search.reviewerUserId === null;
  const rows: ProtestRow[] = [];
  for (const segment of segmentsAfter(search, after)) {
    rows.push(...(await segmentQuery(db, where, segment, after, limit - rows.length, unassigned)));
    if (rows.length >= limit) {
      break;
    }
  }
  return rows;
}

/**
 * The SQL of each statement a page may run, in order (for EXPLAIN in
 * bench/protest-queue-latency.ts: the plans checked are of the statements the queue sends).
 */
export function queueStatements(
  db: Db,
  search: ProtestQueueSearch,
  after: QueueKey | undefined,
  limit: number,
): { sql: string; params: unknown[] }[] {
  const where = filterConditions(search);
  return segmentsAfter(search, after).map((segment) =>
    segmentQuery(db, where, segment, after, limit, search.reviewerUserId === null).toSQL(),
  );
}

/** Where the next page starts after `row`. */
export function queueKeyOf(row: Pick<ProtestRow, 'priorityRank' | 'priorityDate' | 'id'>) {
  return { rank: row.priorityRank, date: row.priorityDate, id: row.id } satisfies QueueKey;
}
