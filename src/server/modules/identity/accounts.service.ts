import { randomUUID } from 'node:crypto';
import type {
  AccountProfile,
  ChangeEmailBody,
  ChangePasswordBody,
  PasswordResetCompleteBody,
  UpdateAccountBody,
} from '../../../domain/accounts/account.schema.ts';
import { AppError } from '../../../domain/errors/error-codes.ts';
import type { Db } from '../../db/database.ts';
import {
  assertAcceptablePassword,
  decoyPasswordHash,
  hashPassword,
  verifyPassword,
} from '../../security/passwords.ts';
import { generateToken, hashToken } from '../../security/tokens.ts';
import { auditOrigin, type ServiceContext } from '../../service-context.ts';
import { appendAuditEvent } from '../audit/audit.service.ts';
import { languageOf } from '../notifications/email-templates.ts';
import { emailTo, notifyFrom } from '../notifications/notifications.service.ts';
import {
  changeUserEmail,
  findUsableAccountToken,
  findUserByEmail,
  findUserById,
  insertAccountToken,
  isUniqueViolation,
  markAccountTokenUsed,
  normaliseEmail,
  retireAccountTokensOfUser,
  type UserRow,
  updateUser,
} from './accounts.repository.ts';
import { revokeSessionsOfUser } from './sessions.repository.ts';

/** A password-reset link works for one hour: it replaces the password, so it lives briefly. */
export const PASSWORD_RESET_TTL_MS = 3_600_000;
/** A change-of-e-mail confirmation link works for 24 hours, then the user asks again. */
export const EMAIL_CHANGE_TTL_MS = 24 * 3_600_000;

/** The one answer to a password-reset request, whether or not the address has an account. */
export const PASSWORD_RESET_ACCEPTED =
  'If an account uses this address, we sent it a link to choose a new password. The link works once, for one hour.';

function tokenInvalid(): AppError {
  return new AppError(
    'TOKEN_INVALID',
    'This link is not valid: it may have expired or been used already; ask for a new one',
  );
}

function fieldProblem(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', 'The request is not valid', {
    issues: [{ path, message }],
  });
}

/** Account self-service is for people only, each on their own account. */
async function currentUser(ctx: ServiceContext): Promise<{ user: UserRow; sessionId: string }> {
  const actor = ctx.actor;
  if (actor.kind !== 'user') {
    throw new AppError('FORBIDDEN', 'Only a signed-in person has an account to manage');
  }
  const user = await findUserById(ctx.db, actor.userId);
  if (!user) {
    throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
  }
  return { user, sessionId: actor.sessionId };
}

function toProfile(user: UserRow): AccountProfile {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    preferredLanguage: languageOf(user.preferredLanguage),
  };
}

/** Checks the current password; a wrong one (or none, for single sign-on) names the field. */
async function assertCurrentPassword(user: UserRow, password: string): Promise<void> {
  const ok = user.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : await verifyPassword(await decoyPasswordHash(), password).then(() => false);
  if (!ok) {
    throw fieldProblem('body.currentPassword', 'is not your current password');
  }
}

/** Tells the user, in the app and by e-mail, that their password changed (`key`: this change). */
function notifyPasswordChanged(
  ctx: ServiceContext,
  tx: Db,
  user: UserRow,
  key: string,
  at: Date,
): Promise<void> {
  return notifyFrom(ctx, tx, {
    key,
    kind: 'password_changed',
    params: { time: at.toISOString() },
    link: '/account',
    organisationId: null,
    userId: user.id,
    email: emailTo(user),
  });
}

export async function getAccount(ctx: ServiceContext): Promise<AccountProfile> {
  return toProfile((await currentUser(ctx)).user);
}

export async function updateAccount(
  ctx: ServiceContext,
  input: UpdateAccountBody,
): Promise<AccountProfile> {
  const { user } = await currentUser(ctx);
  const changes: Partial<Pick<UserRow, 'displayName' | 'preferredLanguage'>> = {};
  const before: Partial<Pick<UserRow, 'displayName' | 'preferredLanguage'>> = {};
  if (input.displayName !== undefined && input.displayName !== user.displayName) {
    changes.displayName = input.displayName;
    before.displayName = user.displayName;
  }
  if (input.preferredLanguage !== undefined && input.preferredLanguage !== user.preferredLanguage) {
    changes.preferredLanguage = input.preferredLanguage;
    before.preferredLanguage = user.preferredLanguage;
  }
  if (Object.keys(changes).length === 0) {
    return toProfile(user);
  }
  await ctx.db.transaction(async (tx) => {
    await updateUser(tx, user.id, changes, ctx.clock.now());
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'user.updated',
      targetType: 'user',
      targetId: user.id,
      organisationId: null,
      before,
      after: changes,
    });
  });
  return toProfile({ ...user, ...changes });
}

/**
 * Changes the password after checking the current one. Every other session of the user ends
 * (whoever else was signed in must sign in with the new password); this one continues.
 */
export async function changePassword(
  ctx: ServiceContext,
  input: ChangePasswordBody,
): Promise<{ revokedSessions: number }> {
  const { user, sessionId } = await currentUser(ctx);
  await assertCurrentPassword(user, input.currentPassword);
  assertAcceptablePassword(input.newPassword, user.email, 'body.newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await updateUser(tx, user.id, { passwordHash }, now);
    const revokedSessions = await revokeSessionsOfUser(tx, user.id, now, {
      keepSessionId: sessionId,
    });
    // A reset link e-mailed earlier must not undo the change.
    await retireAccountTokensOfUser(tx, user.id, 'password_reset', now);
    const event = await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'user.password_changed',
      targetType: 'user',
      targetId: user.id,
      organisationId: null,
      after: { revokedSessions },
    });
    await notifyPasswordChanged(ctx, tx, user, `password_changed:${event.id}`, now);
    return { revokedSessions };
  });
}

/**
 * Starts a change of e-mail address: after the current password, a single-use link (24 h) goes
 * to the NEW address; nothing changes until it is followed. A newer request replaces an older
 * link. An address that already belongs to an account is refused here (the caller has proved
 * their password and the route is rate-limited, so this reveals little) and again at
 * confirmation, in case it was taken meanwhile.
 */
export async function requestEmailChange(
  ctx: ServiceContext,
  input: ChangeEmailBody,
): Promise<{ message: string }> {
  const { user } = await currentUser(ctx);
  await assertCurrentPassword(user, input.currentPassword);
  const newEmail = normaliseEmail(input.newEmail);
  if (newEmail === user.email) {
    throw fieldProblem('body.newEmail', 'is already your e-mail address');
  }
  if (await findUserByEmail(ctx.db, newEmail)) {
    throw new AppError('CONFLICT', 'That e-mail address belongs to another account');
  }
  const now = ctx.clock.now();
  const token = generateToken(32);
  const expiresAt = new Date(now.getTime() + EMAIL_CHANGE_TTL_MS);
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await retireAccountTokensOfUser(tx, user.id, 'email_change', now);
    await insertAccountToken(
      tx,
      {
        id,
        userId: user.id,
        purpose: 'email_change',
        tokenHash: hashToken(token),
        newEmail,
        expiresAt,
      },
      now,
    );
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'user.email_change_requested',
      targetType: 'user',
      targetId: user.id,
      organisationId: null,
      after: { newEmail, expiresAt: expiresAt.toISOString() },
    });
    await notifyFrom(ctx, tx, {
      key: `email_change:${id}`,
      kind: 'email_change',
      params: {
        expires: expiresAt.toISOString(),
        link: `${ctx.runtime.publicUrl}/account/confirm-email?token=${token}`,
      },
      link: null,
      organisationId: null,
      // E-mail only, to the new address: the link carries the token.
      userId: null,
      email: { to: newEmail, language: languageOf(user.preferredLanguage) },
    });
  });
  return { message: `We sent a confirmation link to ${newEmail}. It works once, for 24 hours.` };
}

/**
 * Confirms a change of e-mail by the token alone, signed in or not. The token was issued only
 * after the account's password was given in a signed-in session, and only reaches the new
 * mailbox, so following the link proves exactly what is being confirmed: control of the new
 * address. Requiring a session as well would break the common case of opening the link on
 * another device (a phone's mail app) and would add no proof. The link is single-use, expires
 * in 24 hours, and the old address is told at once.
 */
export async function confirmEmailChange(
  ctx: ServiceContext,
  token: string,
): Promise<{ email: string }> {
  const now = ctx.clock.now();
  const found = await findUsableAccountToken(ctx.db, hashToken(token), 'email_change', now);
  if (found?.user.status !== 'active' || found.token.newEmail === null) {
    throw tokenInvalid();
  }
  const { user } = found;
  const newEmail = found.token.newEmail;
  const holder = await findUserByEmail(ctx.db, newEmail);
  if (holder && holder.id !== user.id) {
    throw new AppError('CONFLICT', 'That e-mail address now belongs to another account');
  }
  try {
    await ctx.db.transaction(async (tx) => {
      if (!(await markAccountTokenUsed(tx, found.token.id, now))) {
        throw tokenInvalid();
      }
      // Links e-mailed to the old address (password resets) must not outlive it.
      await retireAccountTokensOfUser(tx, user.id, null, now);
      await changeUserEmail(tx, user.id, newEmail, now);
      await appendAuditEvent(tx, auditOrigin(ctx), {
        action: 'user.email_changed',
        targetType: 'user',
        targetId: user.id,
        organisationId: null,
        before: { email: user.email },
        after: { email: newEmail },
      });
      await notifyFrom(ctx, tx, {
        key: `email_changed:${found.token.id}`,
        kind: 'email_changed',
        params: { newEmail },
        link: '/account',
        organisationId: null,
        userId: user.id,
        email: emailTo(user),
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('CONFLICT', 'That e-mail address now belongs to another account');
    }
    throw error;
  }
  return { email: newEmail };
}

/**
 * Asks for a password-reset link. The caller always gets the same answer, and roughly the same
 * work happens either way (a lookup, a token, a write-sized transaction), so nobody learns
 * which addresses have accounts. Only an active account gets the e-mail.
 */
export async function requestPasswordReset(
  ctx: ServiceContext,
  email: string,
): Promise<{ message: string }> {
  const now = ctx.clock.now();
  const user = await findUserByEmail(ctx.db, email);
  const token = generateToken(32);
  const tokenHash = hashToken(token);
  if (user?.status !== 'active') {
    // The same shape of work as below without writing anything: a token lookup.
    await ctx.db.transaction((tx) => findUsableAccountToken(tx, tokenHash, 'password_reset', now));
    return { message: PASSWORD_RESET_ACCEPTED };
  }
  const expiresAt = new Date(now.getTime() + PASSWORD_RESET_TTL_MS);
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    // Only the newest link works.
    await retireAccountTokensOfUser(tx, user.id, 'password_reset', now);
    await insertAccountToken(
      tx,
      { id, userId: user.id, purpose: 'password_reset', tokenHash, newEmail: null, expiresAt },
      now,
    );
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'user.password_reset_requested',
      targetType: 'user',
      targetId: user.id,
      organisationId: null,
      after: { expiresAt: expiresAt.toISOString() },
    });
    await notifyFrom(ctx, tx, {
      key: `password_reset:${id}`,
      kind: 'password_reset',
      params: {
        expires: expiresAt.toISOString(),
        link: `${ctx.runtime.publicUrl}/reset-password?token=${token}`,
      },
      link: null,
      organisationId: null,
      // E-mail only: the link carries the token.
      userId: null,
      email: emailTo(user),
    });
  });
  return { message: PASSWORD_RESET_ACCEPTED };
}

/**
 * Sets a new password from a reset link: the policy applies, the lockout clears, every session
 * of the user ends (whoever knew the old password is out), and the link is used up. Two-step
 * verification is untouched: the next sign-in still asks for the code.
 */
export async function completePasswordReset(
  ctx: ServiceContext,
  input: PasswordResetCompleteBody,
): Promise<void> {
  const now = ctx.clock.now();
  const found = await findUsableAccountToken(ctx.db, hashToken(input.token), 'password_reset', now);
  if (found?.user.status !== 'active') {
    throw tokenInvalid();
  }
  const { user } = found;
  assertAcceptablePassword(input.password, user.email, 'body.password');
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    if (!(await markAccountTokenUsed(tx, found.token.id, now))) {
      throw tokenInvalid();
    }
    await retireAccountTokensOfUser(tx, user.id, 'password_reset', now);
    await updateUser(tx, user.id, { passwordHash, failedSignIns: 0, lockedUntil: null }, now);
    const revokedSessions = await revokeSessionsOfUser(tx, user.id, now);
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'user.password_reset',
      targetType: 'user',
      targetId: user.id,
      organisationId: null,
      after: {
        revokedSessions,
        lockoutCleared: user.failedSignIns > 0 || user.lockedUntil !== null,
      },
    });
    await notifyPasswordChanged(ctx, tx, user, `password_changed:${found.token.id}`, now);
  });
}
