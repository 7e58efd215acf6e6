import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { PilotRequestStatus } from '../../../domain/registry/lifecycle/third-party-logistics-pilot.ts';
import type { Db } from '../../db/database.ts';
import { pilotRequests } from './pilot.tables.ts';

export type PilotRequestRow = typeof pilotRequests.$inferSelect;
export type NewPilotRequestRow = typeof pilotRequests.$inferInsert;

/** The statuses that hold a company's place: at most one per company (pilot.tables.ts). */
export const OPEN_PILOT_STATUSES: readonly PilotRequestStatus[] = ['waiting', 'accepted'];

/**
 * Serialises every decision about the pilot's places (new requests, acceptances, withdrawals):
 * each reads the places taken and then writes, so two at the same moment could otherwise both
 * take the last place.
 */
export async function lockPilotPlaces(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('registry:pilot-places'))`);
}

/** Every request, first come first served (time of the request, then id). */
export async function findPilotRequests(
  db: Db,
  filter: { organisationId?: string; statuses?: readonly PilotRequestStatus[] } = {},
): Promise<PilotRequestRow[]> {
  return db
    .select()
    .from(pilotRequests)
    .where(
      and(
        filter.organisationId ? eq(pilotRequests.organisationId, filter.organisationId) : undefined,
        filter.statuses ? inArray(pilotRequests.status, [...filter.statuses]) : undefined,
      ),
    )
    .orderBy(asc(pilotRequests.requestedAt), asc(pilotRequests.id));
}

/** One company's requests, newest first (tenant scope). */
export async function findPilotRequestsOf(
  db: Db,
  organisationId: string,
): Promise<PilotRequestRow[]> {
  return db
    .select()
    .from(pilotRequests)
    .where(eq(pilotRequests.organisationId, organisationId))
    .orderBy(desc(pilotRequests.requestedAt), desc(pilotRequests.id));
}

export async function findPilotRequest(db: Db, id: string): Promise<PilotRequestRow | null> {
  const rows = await db.select().from(pilotRequests).where(eq(pilotRequests.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function insertPilotRequest(tx: Db, row: NewPilotRequestRow): Promise<void> {
  await tx.insert(pilotRequests).values(row);
}

export async function updatePilotRequest(
  tx: Db,
  id: string,
  changes: Pick<NewPilotRequestRow, 'status' | 'decidedByUserId' | 'decidedAt' | 'reason'>,
): Promise<void> {
  await tx.update(pilotRequests).set(changes).where(eq(pilotRequests.id, id));
}
