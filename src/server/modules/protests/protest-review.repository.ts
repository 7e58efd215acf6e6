import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { DECISIONS_OPENING_COURT_CLOCK } from '../../../domain/protests/protest-vocabulary.ts';
import type { Db } from '../../db/database.ts';
import type { NewProtestRow, ProtestEventRow, ProtestRow } from './protests.repository.ts';
import { protestEntries, protestEvents, protests } from './protests.tables.ts';

/**
 * CBP's writes on protests (issue 7, items 4 and 5) beyond the filing side's repository
 * (protests.repository.ts): optimistic updates, bulk locks, events by kind.
 */

export type ProtestChanges = Partial<Omit<NewProtestRow, 'id' | 'organisationId' | 'version'>>;

/** The protests among `ids` that exist, locked, in id order (two bulks never deadlock). */
export function lockProtests(tx: Db, ids: readonly string[]): Promise<ProtestRow[]> {
  return tx
    .select()
    .from(protests)
    .where(inArray(protests.id, [...ids]))
    .orderBy(asc(protests.id))
    .for('update');
}

/**
 * Writes `changes` and bumps the version while the version is still `expectedVersion` (any
 * version when undefined). The updated row, or null when the version had moved.
 */
export async function updateProtestAtVersion(
  tx: Db,
  protestId: string,
  expectedVersion: number | undefined,
  changes: ProtestChanges,
): Promise<ProtestRow | null> {
  const rows = await tx
    .update(protests)
    .set({ ...changes, version: sql`${protests.version} + 1` })
    .where(
      and(
        eq(protests.id, protestId),
        expectedVersion === undefined ? undefined : eq(protests.version, expectedVersion),
      ),
    )
    .returning();
  return rows[0] ?? null;
}

/** The events of the given kinds recorded for these protests, oldest first. */
export async function findEventsOf(
  db: Db,
  protestIds: readonly string[],
  kinds: readonly string[],
): Promise<ProtestEventRow[]> {
  if (protestIds.length === 0) {
    return [];
  }
  return db
    .select()
    .from(protestEvents)
    .where(
      and(
        inArray(protestEvents.protestId, [...protestIds]),
        inArray(protestEvents.kind, [...kinds]),
      ),
    )
    .orderBy(asc(protestEvents.at), asc(protestEvents.id));
}

const OPEN = sql.raw(`'filed', 'under_review', 'under_further_review'`);

/**
 * Open protests whose deemed-denial day (the stored rank-0 priority date, ADR 0027) is in
 * `[from, to]`: one range of protests_queue_idx. `from` null: every day up to `to`.
 */
export function findOpenDeemedDenialsBetween(
  db: Db,
  from: string | null,
  to: string,
  limit: number,
  organisationId?: string,
): Promise<ProtestRow[]> {
  return db
    .select()
    .from(protests)
    .where(
      and(
        sql`${protests.status} in (${OPEN})`,
        sql`${protests.priorityRank} = 0`,
        from === null ? undefined : sql`${protests.priorityDate} >= ${from}::date`,
        sql`${protests.priorityDate} <= ${to}::date`,
        organisationId === undefined ? undefined : eq(protests.organisationId, organisationId),
      ),
    )
    .orderBy(asc(protests.priorityRank), asc(protests.priorityDate), asc(protests.id))
    .limit(limit);
}

/**
 * Decided protests whose court clock runs from a day in `[from, to]` (the denial notice's
 * mailing, or the decision day): decided on or after `from` (protests_decided_idx), since a
 * notice is never mailed after the decision is recorded.
 */
export function findCourtClocksStartingBetween(
  db: Db,
  from: string,
  to: string,
  organisationId?: string,
): Promise<ProtestRow[]> {
  return db
    .select()
    .from(protests)
    .where(
      and(
        eq(protests.status, 'decided'),
        inArray(protests.decision, [...DECISIONS_OPENING_COURT_CLOCK]),
        sql`${protests.decidedOn} >= ${from}::date`,
        sql`coalesce(${protests.denialNoticeMailedOn}, ${protests.decidedOn}) between ${from}::date and ${to}::date`,
        organisationId === undefined ? undefined : eq(protests.organisationId, organisationId),
      ),
    )
    .orderBy(asc(protests.decidedOn), asc(protests.id));
}

/**
 * Protests (not withdrawn) with an event of `kind` dated (`details.on`) on or before `onOrBefore`
 * and no event of any of `closingKinds` yet: the set-aside requests still pending when their
 * Commissioner's 60 days have passed. Events of that kind through protest_events_kind_idx;
 * `limit` rows by id.
 */
export function findProtestsWithOpenEvent(
  db: Db,
  options: {
    kind: string;
    closingKinds: readonly string[];
    onOrBefore: string;
    limit: number;
    organisationId?: string | undefined;
  },
): Promise<ProtestRow[]> {
  const closing = sql.join(
    options.closingKinds.map((kind) => sql`${kind}`),
    sql`, `,
  );
  return db
    .select()
    .from(protests)
    .where(
      and(
        sql`${protests.status} <> 'withdrawn'`,
        sql`${protests.id} in (
          select opened.protest_id from ${protestEvents} as opened
          where opened.kind = ${options.kind}
            and (case when opened.kind = ${options.kind} then (opened.details->>'on')::date end)
              <= ${options.onOrBefore}::date
            and not exists (
              select 1 from ${protestEvents} as closed
              where closed.protest_id = opened.protest_id and closed.kind in (${closing})
            )
        )`,
        options.organisationId === undefined
          ? undefined
          : eq(protests.organisationId, options.organisationId),
      ),
    )
    .orderBy(asc(protests.id))
    .limit(options.limit);
}

/**
 * Open protests with an entry liquidated (or decided) in `[from, to]`: those whose filing window
 * or amendment time can close soon (protest-filing-reminders.ts). Open protests through the
 * queue's partial index, each checked against its entries by primary key.
 */
export function findOpenProtestsWithEntriesDatedBetween(
  db: Db,
  from: string,
  to: string,
  organisationId?: string,
): Promise<ProtestRow[]> {
  return db
    .select()
    .from(protests)
    .where(
      and(
        sql`${protests.status} in (${OPEN})`,
        sql`exists (
          select 1 from ${protestEntries}
          where ${protestEntries.protestId} = ${protests.id}
            and ${protestEntries.liquidationOrDecisionDate} between ${from}::date and ${to}::date
        )`,
        organisationId === undefined ? undefined : eq(protests.organisationId, organisationId),
      ),
    )
    .orderBy(asc(protests.id));
}
