import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { normaliseEmail } from './accounts.repository.ts';
import { users } from './accounts.tables.ts';
import { invitations } from './invitations.tables.ts';

export type InvitationRow = typeof invitations.$inferSelect;

export async function insertInvitation(
  db: Db,
  invitation: Omit<
    typeof invitations.$inferInsert,
    'acceptedAt' | 'acceptedByUserId' | 'revokedAt'
  >,
): Promise<void> {
  await db.insert(invitations).values({ ...invitation, email: normaliseEmail(invitation.email) });
}

/** Not accepted, not revoked, not expired. */
function pending(now: Date) {
  return and(
    isNull(invitations.acceptedAt),
    isNull(invitations.revokedAt),
    gt(invitations.expiresAt, now),
  );
}

/** The organisation's pending invitations (tenant scope), newest first, with the inviter. */
export async function findPendingInvitationsOfOrganisation(
  db: Db,
  organisationId: string,
  now: Date,
) {
  return db
    .select({ invitation: invitations, inviterName: users.displayName })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedByUserId))
    .where(and(eq(invitations.organisationId, organisationId), pending(now)))
    .orderBy(desc(invitations.createdAt), desc(invitations.id));
}

/** One invitation of one organisation (tenant scope), or null. */
export async function findInvitationOfOrganisation(
  db: Db,
  organisationId: string,
  id: string,
): Promise<InvitationRow | null> {
  const rows = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.organisationId, organisationId), eq(invitations.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * A pending invitation by the hash of its token, in any organisation: the token itself is the
 * credential (256 random bits, sent only to the invitee), so this lookup is not tenant-scoped.
 */
export async function findPendingInvitationByTokenHash(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<InvitationRow | null> {
  const rows = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.tokenHash, tokenHash), pending(now)))
    .limit(1);
  return rows[0] ?? null;
}

/** Revokes the pending invitations of one address to one organisation; returns their ids. */
export async function revokePendingInvitationsOf(
  db: Db,
  organisationId: string,
  email: string,
  now: Date,
): Promise<string[]> {
  const rows = await db
    .update(invitations)
    .set({ revokedAt: now })
    .where(
      and(
        eq(invitations.organisationId, organisationId),
        eq(invitations.email, normaliseEmail(email)),
        pending(now),
      ),
    )
    .returning({ id: invitations.id });
  return rows.map((row) => row.id);
}

/** Revokes one invitation unless it was accepted or revoked already; true when it did. */
export async function revokeInvitation(
  db: Db,
  organisationId: string,
  id: string,
  at: Date,
): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({ revokedAt: at })
    .where(
      and(
        eq(invitations.organisationId, organisationId),
        eq(invitations.id, id),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning({ id: invitations.id });
  return rows.length > 0;
}

/**
 * Marks a pending invitation accepted; true when this call did it. The condition makes the
 * token single-use even when two requests race with it.
 */
export async function markInvitationAccepted(
  db: Db,
  invitation: { organisationId: string; id: string },
  userId: string,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({ acceptedAt: now, acceptedByUserId: userId })
    .where(
      and(
        eq(invitations.organisationId, invitation.organisationId),
        eq(invitations.id, invitation.id),
        pending(now),
      ),
    )
    .returning({ id: invitations.id });
  return rows.length > 0;
}
