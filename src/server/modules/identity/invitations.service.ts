import { randomUUID } from 'node:crypto';
import type {
  AcceptInvitationBody,
  CreateInvitationBody,
  Invitation,
  InvitationPreview,
} from '../../../domain/accounts/invitation.schema.ts';
import { ROLE_LABELS } from '../../../domain/accounts/users.schema.ts';
import type { Actor } from '../../../domain/authorization/permissions.ts';
import { AppError, notFound } from '../../../domain/errors/error-codes.ts';
import type { Db } from '../../db/database.ts';
import { assertAcceptablePassword, hashPassword } from '../../security/passwords.ts';
import { generateToken, hashToken } from '../../security/tokens.ts';
import { auditOrigin, type ServiceContext } from '../../service-context.ts';
import { appendAuditEvent } from '../audit/audit.service.ts';
import { notifyFrom } from '../notifications/notifications.service.ts';
import {
  findMembership,
  findUserByEmail,
  findUserById,
  insertMembership,
  insertUser,
  isUniqueViolation,
  normaliseEmail,
  type UserRow,
} from './accounts.repository.ts';
import {
  findInvitationOfOrganisation,
  findPendingInvitationByTokenHash,
  findPendingInvitationsOfOrganisation,
  type InvitationRow,
  insertInvitation,
  markInvitationAccepted,
  revokeInvitation,
  revokePendingInvitationsOf,
} from './invitations.repository.ts';
import { updateSession } from './sessions.repository.ts';
import { type StartedSession, startSession } from './sessions.service.ts';
import {
  assertRoleOffered,
  assertWithinCeiling,
  managingActor,
  organisationOf,
  tenantOf,
} from './users.service.ts';

/**
 * An invitation link works for seven days: long enough for someone to find the e-mail after a
 * week away, short enough that a forgotten link in a mailbox does not stay a way in for long.
 */
export const INVITATION_TTL_MS = 7 * 24 * 3_600_000;

/** One answer for unknown, expired, used and withdrawn links: nothing to learn by probing. */
function tokenInvalid(): AppError {
  return new AppError(
    'TOKEN_INVALID',
    'This invitation link is not valid: it may have expired, been used or been withdrawn',
  );
}

function toInvitation(
  row: Pick<InvitationRow, 'id' | 'email' | 'role' | 'invitedByUserId' | 'createdAt' | 'expiresAt'>,
  inviterName: string | null,
): Invitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    invitedBy:
      row.invitedByUserId !== null && inviterName !== null
        ? { userId: row.invitedByUserId, displayName: inviterName }
        : null,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

/**
 * Invites someone to the actor's organisation with a role the organisation's kind offers and
 * the actor's own role reaches. A pending invitation of the same address is replaced, so only
 * the newest link works. The invitee has no language preference yet: the e-mail is in English.
 */
export async function createInvitation(
  ctx: ServiceContext,
  input: CreateInvitationBody,
): Promise<Invitation> {
  const manager = managingActor(ctx);
  const organisation = await organisationOf(ctx.db, manager.organisationId);
  assertRoleOffered(organisation.kind, input.role);
  assertWithinCeiling(manager, input.role);
  const email = normaliseEmail(input.email);
  const existing = await findUserByEmail(ctx.db, email);
  if (existing && (await findMembership(ctx.db, manager.organisationId, existing.id))) {
    throw new AppError('CONFLICT', `${email} is already a member of this organisation`);
  }
  const inviter = await findUserById(ctx.db, manager.userId);
  const now = ctx.clock.now();
  const id = randomUUID();
  const token = generateToken(32);
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);

  await ctx.db.transaction(async (tx) => {
    const replaced = await revokePendingInvitationsOf(tx, manager.organisationId, email, now);
    for (const replacedId of replaced) {
      await appendAuditEvent(tx, auditOrigin(ctx), {
        action: 'invitation.revoked',
        targetType: 'invitation',
        targetId: replacedId,
        organisationId: manager.organisationId,
        after: { reason: 'replaced', replacedBy: id },
      });
    }
    await insertInvitation(tx, {
      organisationId: manager.organisationId,
      id,
      email,
      role: input.role,
      tokenHash: hashToken(token),
      invitedByUserId: manager.userId,
      expiresAt,
      createdAt: now,
    });
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'invitation.created',
      targetType: 'invitation',
      targetId: id,
      organisationId: manager.organisationId,
      after: { email, role: input.role, expiresAt: expiresAt.toISOString() },
    });
    await notifyFrom(ctx, tx, {
      key: `invitation:${id}`,
      kind: 'invitation',
      params: {
        inviter: inviter?.displayName ?? organisation.legalName,
        organisation: organisation.legalName,
        role: ROLE_LABELS.en[input.role],
        expires: expiresAt.toISOString(),
        link: `${ctx.runtime.publicUrl}/invitations/accept?token=${token}`,
      },
      link: null,
      organisationId: manager.organisationId,
      // E-mail only: the link carries the token, which must not sit in anyone's inbox table.
      userId: null,
      email: { to: email, language: 'en' },
    });
  });
  return toInvitation(
    { id, email, role: input.role, invitedByUserId: manager.userId, createdAt: now, expiresAt },
    inviter?.displayName ?? null,
  );
}

/** The organisation's pending invitations, newest first. */
export async function listInvitations(ctx: ServiceContext): Promise<Invitation[]> {
  const rows = await findPendingInvitationsOfOrganisation(ctx.db, tenantOf(ctx), ctx.clock.now());
  return rows.map((row) => toInvitation(row.invitation, row.inviterName));
}

/** Withdraws an invitation; revoking one already revoked changes nothing. */
export async function revokeInvitationById(ctx: ServiceContext, id: string): Promise<void> {
  const manager = managingActor(ctx);
  const invitation = await findInvitationOfOrganisation(ctx.db, manager.organisationId, id);
  if (!invitation) {
    throw notFound('Invitation');
  }
  assertWithinCeiling(manager, invitation.role);
  if (invitation.acceptedAt !== null) {
    throw new AppError('CONFLICT', 'This invitation was already accepted');
  }
  if (invitation.revokedAt !== null) {
    return;
  }
  await ctx.db.transaction(async (tx) => {
    if (!(await revokeInvitation(tx, manager.organisationId, id, ctx.clock.now()))) {
      throw new AppError('CONFLICT', 'This invitation was accepted or revoked meanwhile');
    }
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'invitation.revoked',
      targetType: 'invitation',
      targetId: id,
      organisationId: manager.organisationId,
      after: { reason: 'revoked', email: invitation.email, role: invitation.role },
    });
  });
}

async function pendingInvitationOrInvalid(
  ctx: ServiceContext,
  token: string,
): Promise<InvitationRow> {
  const invitation = await findPendingInvitationByTokenHash(
    ctx.db,
    hashToken(token),
    ctx.clock.now(),
  );
  if (!invitation) {
    throw tokenInvalid();
  }
  return invitation;
}

/** What the invitee sees before accepting (public: the token is the credential). */
export async function previewInvitation(
  ctx: ServiceContext,
  token: string,
): Promise<InvitationPreview> {
  const invitation = await pendingInvitationOrInvalid(ctx, token);
  const organisation = await organisationOf(ctx.db, invitation.organisationId);
  return {
    organisationName: organisation.legalName,
    role: invitation.role,
    email: invitation.email,
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

function missing(field: string): AppError {
  return new AppError('VALIDATION_FAILED', 'The request is not valid', {
    issues: [{ path: field, message: 'is required' }],
  });
}

/** The invitee acting through the invitation (the request itself may be anonymous). */
function invitee(invitation: InvitationRow, userId: string, sessionId: string): Actor {
  return {
    kind: 'user',
    userId,
    sessionId,
    organisationId: invitation.organisationId,
    role: invitation.role,
    mfa: 'not_required',
    permissions: new Set(),
  };
}

async function recordAcceptance(
  ctx: ServiceContext,
  tx: Db,
  invitation: InvitationRow,
  actor: Actor,
  userId: string,
): Promise<void> {
  const origin = { ...auditOrigin(ctx), actor };
  await appendAuditEvent(tx, origin, {
    action: 'membership.created',
    targetType: 'user',
    targetId: userId,
    organisationId: invitation.organisationId,
    after: { role: invitation.role, invitationId: invitation.id },
  });
  await appendAuditEvent(tx, origin, {
    action: 'invitation.accepted',
    targetType: 'invitation',
    targetId: invitation.id,
    organisationId: invitation.organisationId,
    after: { userId },
  });
}

/**
 * Accepts an invitation. A new address gets an account (name and password required), the
 * membership, and a session: the result carries the session token for the cookie. An address
 * that already has an account must be signed in as that account; it just gains the membership
 * and the result is null (the current session continues).
 */
export async function acceptInvitation(
  ctx: ServiceContext,
  input: AcceptInvitationBody & { userAgent: string | null },
): Promise<StartedSession | null> {
  const invitation = await pendingInvitationOrInvalid(ctx, input.token);
  const existing = await findUserByEmail(ctx.db, invitation.email);
  if (existing) {
    await acceptAsExistingUser(ctx, invitation, existing);
    return null;
  }
  if (input.displayName === undefined) {
    throw missing('body.displayName');
  }
  if (input.password === undefined) {
    throw missing('body.password');
  }
  assertAcceptablePassword(input.password, invitation.email, 'body.password');
  const passwordHash = await hashPassword(input.password);
  const displayName = input.displayName;
  const userId = randomUUID();
  const now = ctx.clock.now();
  try {
    return await ctx.db.transaction(async (tx) => {
      await insertUser(tx, { id: userId, email: invitation.email, displayName, passwordHash }, now);
      await insertMembership(
        tx,
        { organisationId: invitation.organisationId, userId, role: invitation.role },
        now,
      );
      if (!(await markInvitationAccepted(tx, invitation, userId, now))) {
        throw tokenInvalid();
      }
      const started = await startSession(ctx, tx, { id: userId }, input.userAgent);
      const actor = invitee(invitation, userId, started.sessionId);
      await appendAuditEvent(
        tx,
        { ...auditOrigin(ctx), actor },
        {
          action: 'user.created',
          targetType: 'user',
          targetId: userId,
          organisationId: null,
          after: { email: invitation.email, displayName, via: 'invitation' },
        },
      );
      await recordAcceptance(ctx, tx, invitation, actor, userId);
      return started;
    });
  } catch (error) {
    // Another invitation of the same address was accepted at the same moment.
    if (isUniqueViolation(error)) {
      throw new AppError(
        'CONFLICT',
        `An account for ${invitation.email} exists; sign in to accept`,
      );
    }
    throw error;
  }
}

async function acceptAsExistingUser(
  ctx: ServiceContext,
  invitation: InvitationRow,
  user: UserRow,
): Promise<void> {
  const actor = ctx.actor;
  if (actor.kind !== 'user' || actor.userId !== user.id) {
    throw new AppError('CONFLICT', `Sign in as ${invitation.email} to accept this invitation`);
  }
  // Signed in means fully signed in: a session still owing its second factor may not join.
  if (actor.mfa === 'verification_required' || actor.mfa === 'enrolment_required') {
    throw new AppError(
      'MFA_REQUIRED',
      actor.mfa === 'enrolment_required'
        ? 'Set up two-step verification before continuing'
        : 'Enter the code from your authenticator app before continuing',
      { mfa: actor.mfa },
    );
  }
  if (await findMembership(ctx.db, invitation.organisationId, user.id)) {
    throw new AppError('CONFLICT', 'You are already a member of this organisation');
  }
  const now = ctx.clock.now();
  try {
    await ctx.db.transaction(async (tx) => {
      if (!(await markInvitationAccepted(tx, invitation, user.id, now))) {
        throw tokenInvalid();
      }
      await insertMembership(
        tx,
        { organisationId: invitation.organisationId, userId: user.id, role: invitation.role },
        now,
      );
      // A session acting for no organisation (e.g. the user was removed from their last one)
      // starts acting for the new one; otherwise the user switches when they choose.
      if (actor.organisationId === null) {
        await updateSession(tx, actor.sessionId, { organisationId: invitation.organisationId });
      }
      await recordAcceptance(ctx, tx, invitation, actor, user.id);
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('CONFLICT', 'You are already a member of this organisation');
    }
    throw error;
  }
}
