import { createHash } from 'node:crypto';
import { generateSviNumber } from '../../domain/registry/status-verification/svi-number.ts';
import { addDays, type CalendarDate } from '../../domain/time/calendar-date.ts';
import type { Db } from '../db/database.ts';
import {
  partnerEntityTypes,
  partnerMemberships,
  partnerStatusHistory,
} from '../modules/registry/registry.tables.ts';
import { sviConnections, sviParticipants } from '../modules/registry/status-verification.tables.ts';
import {
  tradeComplianceHistory,
  tradeComplianceStatuses,
} from '../modules/registry/trade-compliance.tables.ts';
import { demoActor, demoInstant, demoMembershipRows } from './demo-membership-timeline.ts';
import {
  DEMO_MEMBERSHIPS,
  DEMO_SVI_CONNECTIONS,
  DEMO_SVI_PARTICIPANTS,
  DEMO_TRADE_COMPLIANCE,
} from './demo-registry.ts';
import { deterministicUuid } from './deterministic-id.ts';

/**
 * A demo member's SVI number, the same on every machine. Real numbers are random
 * (status-verification.service); the demo's are derived from a public key, which is fine for
 * demo data only.
 */
export function demoSviNumber(organisation: string): string {
  const bytes = createHash('sha256').update(`openctpat:svi:${organisation}`).digest();
  let index = 0;
  return generateSviNumber((bound) => {
    const byte = bytes[index] ?? 0;
    index += 1;
    return byte % bound;
  });
}

/**
 * Loads the demo CTPAT registry (demo-registry.ts): memberships with their entity types and
 * status history, SVI participation and connections, and Trade Compliance status. Straight
 * inserts, in the caller's transaction, like the rest of the seed. Idempotent: a company that
 * already has a membership (seeded before, or applied for through the app) is left alone with
 * everything that hangs from it. Returns how many memberships it created.
 */
export async function seedRegistry(tx: Db, today: CalendarDate): Promise<number> {
  const created = new Set<string>();
  for (const demo of DEMO_MEMBERSHIPS) {
    const rows = demoMembershipRows(demo, today);
    const inserted = await tx
      .insert(partnerMemberships)
      .values(rows.membership)
      .onConflictDoNothing()
      .returning({ organisationId: partnerMemberships.organisationId });
    if (inserted.length === 0) {
      continue;
    }
    created.add(demo.organisation);
    await tx.insert(partnerEntityTypes).values(rows.entityTypes).onConflictDoNothing();
    if (rows.history.length > 0) {
      await tx.insert(partnerStatusHistory).values(rows.history).onConflictDoNothing();
    }
  }

  const dayOf = (daysAgo: number) => addDays(today, -daysAgo);
  for (const participant of DEMO_SVI_PARTICIPANTS) {
    if (!created.has(participant.organisation)) continue;
    await tx
      .insert(sviParticipants)
      .values({
        organisationId: deterministicUuid(participant.organisation),
        sviNumber: demoSviNumber(participant.organisation),
        joinedAt: demoInstant(dayOf(participant.joinedDaysAgo)),
        joinedByUserId: demoActor(participant.joinedBy).userId,
      })
      .onConflictDoNothing();
  }
  for (const connection of DEMO_SVI_CONNECTIONS) {
    if (!created.has(connection.requester) || !created.has(connection.recipient)) continue;
    await tx
      .insert(sviConnections)
      .values({
        id: deterministicUuid(connection.key),
        requesterOrganisationId: deterministicUuid(connection.requester),
        recipientOrganisationId: deterministicUuid(connection.recipient),
        status: 'accepted',
        requestedByUserId: demoActor(connection.requestedBy).userId,
        requestedAt: demoInstant(dayOf(connection.requestedDaysAgo)),
        respondedByUserId: demoActor(connection.acceptedBy).userId,
        respondedAt: demoInstant(dayOf(connection.acceptedDaysAgo)),
      })
      .onConflictDoNothing();
  }
  for (const entry of DEMO_TRADE_COMPLIANCE) {
    if (!created.has(entry.organisation)) continue;
    const organisationId = deterministicUuid(entry.organisation);
    const since = dayOf(entry.sinceDaysAgo);
    const changedByUserId = demoActor(entry.changedBy).userId;
    const changedAt = demoInstant(since);
    await tx
      .insert(tradeComplianceStatuses)
      .values({
        organisationId,
        status: entry.status,
        since,
        updatedByUserId: changedByUserId,
        updatedAt: changedAt,
      })
      .onConflictDoNothing();
    await tx
      .insert(tradeComplianceHistory)
      .values({
        organisationId,
        seq: 1,
        status: entry.status,
        since,
        reason: entry.reason,
        changedByUserId,
        changedAt,
      })
      .onConflictDoNothing();
  }
  return created.size;
}
