import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/database.ts';
import { sviConnections, sviParticipants } from './status-verification.tables.ts';

/**
 * The companies that hear of this member's status changes through SVI (issue 4, item 8): those
 * with an accepted connection with it while both take part in SVI (neither has left). Consent
 * runs both ways: a company that left SVI, or whose connection was declined, cancelled or
 * ended, is not told.
 */
export async function findSviConnectedOrganisations(
  db: Db,
  organisationId: string,
): Promise<string[]> {
  const member = alias(sviParticipants, 'member_participant');
  const partner = alias(sviParticipants, 'partner_participant');
  const partnerId = sql<string>`case when ${sviConnections.requesterOrganisationId} = ${organisationId} then ${sviConnections.recipientOrganisationId} else ${sviConnections.requesterOrganisationId} end`;
  const rows = await db
    .select({ organisationId: partnerId })
    .from(sviConnections)
    .innerJoin(member, and(eq(member.organisationId, organisationId), isNull(member.leftAt)))
    .innerJoin(partner, and(eq(partner.organisationId, partnerId), isNull(partner.leftAt)))
    .where(
      and(
        eq(sviConnections.status, 'accepted'),
        or(
          eq(sviConnections.requesterOrganisationId, organisationId),
          eq(sviConnections.recipientOrganisationId, organisationId),
        ),
      ),
    );
  return [...new Set(rows.map((row) => row.organisationId))];
}
