import { toDataURL } from 'qrcode';
import type {
  MfaStatus,
  MfaVerifyBody,
  RecoveryCodes,
  TotpEnrolment,
} from '../../../domain/accounts/mfa.schema.ts';
import { MFA_REQUIRED_ROLES } from '../../../domain/authorization/permissions.ts';
import { AppError } from '../../../domain/errors/error-codes.ts';
import type { Db } from '../../db/database.ts';
import { decryptSecret, encryptSecret } from '../../security/secret-key.ts';
import { hashToken } from '../../security/tokens.ts';
import { auditOrigin, type ServiceContext } from '../../service-context.ts';
import { appendAuditEvent, countEventsSinceLast } from '../audit/audit.service.ts';
import { emailTo, notifyFrom } from '../notifications/notifications.service.ts';
import { findMembershipsOfUser, findUserById, type UserRow } from './accounts.repository.ts';
import {
  confirmAuthenticator,
  consumeRecoveryCode,
  consumeTotpStep,
  countUnusedRecoveryCodes,
  deleteAuthenticator,
  deleteRecoveryCodes,
  findAuthenticator,
  replaceRecoveryCodes,
  type TotpAuthenticatorRow,
  upsertPendingAuthenticator,
} from './mfa.repository.ts';
import { lockSession, revokeSessionsOfUser, updateSession } from './sessions.repository.ts';
import {
  checkTotpCode,
  generateRecoveryCodes,
  generateTotpSecret,
  normaliseRecoveryCode,
  type TotpCheck,
  totpUri,
} from './totp.ts';

/** After this many wrong codes in a row, the session ends and the password step starts over. */
export const MAX_WRONG_CODES_PER_SESSION = 10;

const SECURITY_PAGE = '/account/security';

type UserActor = Extract<ServiceContext['actor'], { kind: 'user' }>;

function requireUser(ctx: ServiceContext): UserActor {
  if (ctx.actor.kind !== 'user') {
    throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
  }
  return ctx.actor;
}

async function requireUserRow(ctx: ServiceContext, actor: UserActor): Promise<UserRow> {
  const user = await findUserById(ctx.db, actor.userId);
  if (!user) {
    throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
  }
  return user;
}

async function requireConfirmedAuthenticator(
  ctx: ServiceContext,
  userId: string,
): Promise<TotpAuthenticatorRow> {
  const authenticator = await findAuthenticator(ctx.db, userId);
  if (!authenticator?.confirmedAt) {
    throw new AppError('CONFLICT', 'Two-step verification is not set up for this account');
  }
  return authenticator;
}

function codeInvalid(field: 'code' | 'recoveryCode', message: string): AppError {
  return new AppError('MFA_CODE_INVALID', 'The code is not right', {
    issues: [{ path: `body.${field}`, message }],
  });
}

const WRONG_TOTP =
  'does not match the code in your authenticator app (check the time on the phone)';
const REPLAYED_TOTP = 'was already used; wait for the next code';

function totpCheckError(check: Exclude<TotpCheck, { outcome: 'accepted' }>): AppError {
  return codeInvalid('code', check.outcome === 'replayed' ? REPLAYED_TOTP : WRONG_TOTP);
}

function checkCode(
  ctx: ServiceContext,
  authenticator: TotpAuthenticatorRow,
  code: string,
): TotpCheck {
  const secret = decryptSecret(ctx.runtime.keys.encryption, authenticator.secretEncrypted);
  return checkTotpCode(secret, code, ctx.clock.now(), authenticator.lastUsedStep);
}

/** Tells the user, in the app and by e-mail, that their two-step verification changed. */
function notifyMfaChange(
  ctx: ServiceContext,
  tx: Db,
  user: UserRow,
  kind: 'mfa_enrolled' | 'mfa_disabled' | 'recovery_codes_regenerated',
  at: Date,
): Promise<void> {
  return notifyFrom(ctx, tx, {
    key: `${kind}:${user.id}:${at.toISOString()}`,
    kind,
    params: { time: at.toISOString() },
    link: SECURITY_PAGE,
    organisationId: null,
    userId: user.id,
    email: emailTo(user),
  });
}

/**
 * Records one wrong code in this session (an audit event, committed whatever happens next) and,
 * at the MAX_WRONG_CODES_PER_SESSION-th in a row, revokes the session: whoever is guessing must
 * start again from the password.
 */
async function recordWrongCode(
  ctx: ServiceContext,
  actor: UserActor,
  attempt: { method: 'totp' | 'recovery_code'; purpose: 'verify' | 'disable' | 'regenerate' },
): Promise<void> {
  const now = ctx.clock.now();
  const revoked = await ctx.db.transaction(async (tx) => {
    const session = await lockSession(tx, actor.sessionId);
    if (!session) {
      return false;
    }
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'mfa.verification_failed',
      targetType: 'session',
      targetId: actor.sessionId,
      organisationId: null,
      after: attempt,
    });
    // Each wrong code is an audit event on the session: the trail keeps the count, from the
    // session's start, since a code last verified it.
    const failures = await countEventsSinceLast(tx, {
      targetType: 'session',
      targetId: actor.sessionId,
      action: 'mfa.verification_failed',
      sinceLastOf: ['mfa.verified', 'mfa.recovery_code_used'],
      notBefore: session.createdAt,
    });
    if (failures < MAX_WRONG_CODES_PER_SESSION) {
      return false;
    }
    await updateSession(tx, actor.sessionId, { revokedAt: now });
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'session.revoked',
      targetType: 'session',
      targetId: actor.sessionId,
      organisationId: null,
      after: { reason: 'too_many_wrong_mfa_attempts', failures },
    });
    return true;
  });
  if (revoked) {
    throw new AppError(
      'UNAUTHENTICATED',
      'Too many wrong codes: this session has ended. Sign in again.',
      { reason: 'mfa_attempts_exhausted' },
    );
  }
}

/**
 * The time step of a code from the app, when it is the code of now (or of the step before or
 * after); otherwise the wrong code is recorded against the session (see recordWrongCode) and
 * refused.
 */
async function acceptedTotpStep(
  ctx: ServiceContext,
  actor: UserActor,
  authenticator: TotpAuthenticatorRow,
  code: string,
  purpose: 'verify' | 'disable' | 'regenerate',
): Promise<number> {
  const check = checkCode(ctx, authenticator, code);
  if (check.outcome !== 'accepted') {
    await recordWrongCode(ctx, actor, { method: 'totp', purpose });
    throw totpCheckError(check);
  }
  return check.step;
}

/** GET /account/mfa: where the user stands with the second factor. */
export async function describeMfa(ctx: ServiceContext): Promise<MfaStatus> {
  const actor = requireUser(ctx);
  const authenticator = await findAuthenticator(ctx.db, actor.userId);
  const enrolled = authenticator !== null && authenticator.confirmedAt !== null;
  return {
    enrolled,
    pendingEnrolment: authenticator !== null && !enrolled,
    recoveryCodesRemaining: enrolled ? await countUnusedRecoveryCodes(ctx.db, actor.userId) : 0,
  };
}

/**
 * Starts (or, while unconfirmed, restarts) TOTP enrolment with a new secret, stored encrypted.
 * The secret goes back to the user once, for the app; it is never logged or audited.
 */
export async function startTotpEnrolment(ctx: ServiceContext): Promise<TotpEnrolment> {
  const actor = requireUser(ctx);
  const user = await requireUserRow(ctx, actor);
  const existing = await findAuthenticator(ctx.db, actor.userId);
  const alreadyOn = new AppError(
    'CONFLICT',
    'Two-step verification is already on; turn it off before setting up another authenticator',
  );
  if (existing?.confirmedAt) {
    throw alreadyOn;
  }
  const secret = generateTotpSecret();
  const sealed = encryptSecret(ctx.runtime.keys.encryption, secret);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    if (!(await upsertPendingAuthenticator(tx, actor.userId, sealed, now))) {
      throw alreadyOn;
    }
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'mfa.enrolment_started',
      targetType: 'user',
      targetId: actor.userId,
      organisationId: null,
      after: { method: 'totp', restarted: existing !== null },
    });
  });
  const otpauthUri = totpUri(secret, user.email);
  const qrCodeDataUrl = await toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 2 });
  return { secret, otpauthUri, qrCodeDataUrl };
}

function issueRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = generateRecoveryCodes();
  return { codes, hashes: codes.map((code) => hashToken(code)) };
}

/**
 * Confirms enrolment with the first code from the app: the authenticator is on, this session
 * counts as verified, and the recovery codes are returned (this once only).
 */
export async function confirmTotpEnrolment(
  ctx: ServiceContext,
  input: { code: string },
): Promise<RecoveryCodes> {
  const actor = requireUser(ctx);
  const user = await requireUserRow(ctx, actor);
  const authenticator = await findAuthenticator(ctx.db, actor.userId);
  if (!authenticator) {
    throw new AppError(
      'CONFLICT',
      'Start the set-up first: no authenticator is waiting for a code',
    );
  }
  if (authenticator.confirmedAt) {
    throw new AppError('CONFLICT', 'Two-step verification is already on');
  }
  const check = checkCode(ctx, authenticator, input.code);
  if (check.outcome !== 'accepted') {
    throw totpCheckError(check);
  }
  const now = ctx.clock.now();
  const { codes, hashes } = issueRecoveryCodes();
  await ctx.db.transaction(async (tx) => {
    if (!(await confirmAuthenticator(tx, actor.userId, check.step, now))) {
      throw new AppError('CONFLICT', 'Two-step verification is already on');
    }
    await updateSession(tx, actor.sessionId, { mfaVerifiedAt: now });
    await replaceRecoveryCodes(tx, actor.userId, hashes, now);
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'mfa.enrolled',
      targetType: 'user',
      targetId: actor.userId,
      organisationId: null,
      after: { method: 'totp', sessionId: actor.sessionId },
    });
    await notifyMfaChange(ctx, tx, user, 'mfa_enrolled', now);
  });
  return { recoveryCodes: codes };
}

/**
 * The second sign-in step: a code from the app (never one of an already used time step) or a
 * single-use recovery code marks this session verified. Wrong codes are counted per session.
 */
export async function verifySecondFactor(ctx: ServiceContext, input: MfaVerifyBody): Promise<void> {
  const actor = requireUser(ctx);
  const authenticator = await requireConfirmedAuthenticator(ctx, actor.userId);
  if (input.recoveryCode !== undefined) {
    await verifyWithRecoveryCode(ctx, actor, input.recoveryCode);
    return;
  }
  if (input.code === undefined) {
    throw codeInvalid('code', 'is required');
  }
  const step = await acceptedTotpStep(ctx, actor, authenticator, input.code, 'verify');
  const now = ctx.clock.now();
  const accepted = await ctx.db.transaction(async (tx) => {
    if (!(await consumeTotpStep(tx, actor.userId, step))) {
      // Another request used this code a moment ago.
      return false;
    }
    await updateSession(tx, actor.sessionId, { mfaVerifiedAt: now });
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'mfa.verified',
      targetType: 'session',
      targetId: actor.sessionId,
      organisationId: null,
      after: { method: 'totp' },
    });
    return true;
  });
  if (!accepted) {
    await recordWrongCode(ctx, actor, { method: 'totp', purpose: 'verify' });
    throw codeInvalid('code', REPLAYED_TOTP);
  }
}

async function verifyWithRecoveryCode(
  ctx: ServiceContext,
  actor: UserActor,
  typed: string,
): Promise<void> {
  const user = await requireUserRow(ctx, actor);
  const canonical = normaliseRecoveryCode(typed);
  const now = ctx.clock.now();
  const used = await ctx.db.transaction(async (tx) => {
    if (!canonical || !(await consumeRecoveryCode(tx, actor.userId, hashToken(canonical), now))) {
      return false;
    }
    const remaining = await countUnusedRecoveryCodes(tx, actor.userId);
    await updateSession(tx, actor.sessionId, { mfaVerifiedAt: now });
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'mfa.recovery_code_used',
      targetType: 'session',
      targetId: actor.sessionId,
      organisationId: null,
      after: { remaining },
    });
    await notifyFrom(ctx, tx, {
      key: `recovery_code_used:${actor.userId}:${actor.sessionId}:${now.toISOString()}`,
      kind: 'recovery_code_used',
      params: { time: now.toISOString(), remaining: String(remaining) },
      link: SECURITY_PAGE,
      organisationId: null,
      userId: actor.userId,
      email: emailTo(user),
    });
    return true;
  });
  if (!used) {
    await recordWrongCode(ctx, actor, { method: 'recovery_code', purpose: 'verify' });
    throw codeInvalid(
      'recoveryCode',
      'is not a recovery code of this account, or was already used',
    );
  }
}

/**
 * Turns MFA off (with a current code). Refused while any of the user's roles demands MFA. The
 * user's other sessions still waiting for a code are revoked: without MFA they would pass.
 */
export async function disableTotp(ctx: ServiceContext, input: { code: string }): Promise<void> {
  const actor = requireUser(ctx);
  const memberships = await findMembershipsOfUser(ctx.db, actor.userId);
  const roles = [actor.role, ...memberships.map((membership) => membership.role)];
  if (roles.some((role) => role !== null && MFA_REQUIRED_ROLES.has(role))) {
    throw new AppError('FORBIDDEN', 'Your role requires two-step verification; it cannot be off');
  }
  const user = await requireUserRow(ctx, actor);
  const authenticator = await requireConfirmedAuthenticator(ctx, actor.userId);
  const step = await acceptedTotpStep(ctx, actor, authenticator, input.code, 'disable');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    if (!(await consumeTotpStep(tx, actor.userId, step))) {
      throw codeInvalid('code', REPLAYED_TOTP);
    }
    await deleteRecoveryCodes(tx, actor.userId);
    await deleteAuthenticator(tx, actor.userId);
    const revokedSessions = await revokeSessionsOfUser(tx, actor.userId, now, {
      keepSessionId: actor.sessionId,
      mfaUnverifiedOnly: true,
    });
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'mfa.disabled',
      targetType: 'user',
      targetId: actor.userId,
      organisationId: null,
      before: { method: 'totp' },
      after: { revokedUnverifiedSessions: revokedSessions },
    });
    await notifyMfaChange(ctx, tx, user, 'mfa_disabled', now);
  });
}

/** A new set of recovery codes (with a current code); the old set stops working. */
export async function regenerateRecoveryCodes(
  ctx: ServiceContext,
  input: { code: string },
): Promise<RecoveryCodes> {
  const actor = requireUser(ctx);
  const user = await requireUserRow(ctx, actor);
  const authenticator = await requireConfirmedAuthenticator(ctx, actor.userId);
  const step = await acceptedTotpStep(ctx, actor, authenticator, input.code, 'regenerate');
  const now = ctx.clock.now();
  const { codes, hashes } = issueRecoveryCodes();
  await ctx.db.transaction(async (tx) => {
    if (!(await consumeTotpStep(tx, actor.userId, step))) {
      throw codeInvalid('code', REPLAYED_TOTP);
    }
    await replaceRecoveryCodes(tx, actor.userId, hashes, now);
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'mfa.recovery_codes_regenerated',
      targetType: 'user',
      targetId: actor.userId,
      organisationId: null,
      after: { issued: codes.length },
    });
    await notifyMfaChange(ctx, tx, user, 'recovery_codes_regenerated', now);
  });
  return { recoveryCodes: codes };
}
