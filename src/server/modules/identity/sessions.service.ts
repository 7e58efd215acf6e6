import { randomUUID } from 'node:crypto';
import {
  ACCOUNT_LOCKOUT,
  ADDRESS_LOCKOUT,
  isLocked,
  lockedUntil,
} from '../../../domain/accounts/lockout.ts';
import {
  type Actor,
  anonymousActor,
  mfaStateOf,
  permissionsFor,
} from '../../../domain/authorization/permissions.ts';
import { AppError, notFound } from '../../../domain/errors/error-codes.ts';
import type { Db } from '../../db/database.ts';
import type { Runtime } from '../../runtime.ts';
import { decoyPasswordHash, verifyPassword } from '../../security/passwords.ts';
import { hmac } from '../../security/secret-key.ts';
import { generateToken, hashToken, safeEqual } from '../../security/tokens.ts';
import { auditOrigin, type ServiceContext } from '../../service-context.ts';
import { appendAuditEvent } from '../audit/audit.service.ts';
import { emailTo, notifyFrom } from '../notifications/notifications.service.ts';
import { organisationSummaries } from '../organisations/organisations.service.ts';
import {
  findMembership,
  findMembershipsOfUser,
  findUserByEmail,
  findUserById,
  hasConfirmedAuthenticator,
  incrementFailedSignIns,
  type UserRow,
  updateUser,
} from './accounts.repository.ts';
import {
  clearThrottle,
  findActiveSessionsOfUser,
  findLiveSessionByTokenHash,
  findSessionOfUser,
  findThrottle,
  hasSessionFrom,
  insertSession,
  recordThrottleFailure,
  revokeSessionsOfUser,
  touchSession,
  updateSession,
} from './sessions.repository.ts';

/** last_seen_at is written at most this often, so reads do not become writes. */
const TOUCH_INTERVAL_MS = 60_000;

function idleSince(runtime: Runtime, now: Date): Date {
  return new Date(now.getTime() - runtime.session.idleMinutes * 60_000);
}

/** The CSRF token of a session: an HMAC of its token, so it is never stored. */
export function csrfTokenFor(runtime: Runtime, sessionToken: string): string {
  return hmac(runtime.keys.csrf, `csrf:${sessionToken}`);
}

export function isValidCsrfToken(
  runtime: Runtime,
  sessionToken: string,
  presented: string,
): boolean {
  return safeEqual(csrfTokenFor(runtime, sessionToken), presented);
}

/**
 * The actor behind a session token, or null when the token is unknown, revoked, expired or
 * idle too long, or the user is disabled.
 */
export async function actorForSessionToken(
  db: Db,
  runtime: Runtime,
  token: string,
  now: Date,
): Promise<Actor | null> {
  const found = await findLiveSessionByTokenHash(
    db,
    hashToken(token),
    now,
    idleSince(runtime, now),
  );
  if (found?.userStatus !== 'active') {
    return null;
  }
  const { session } = found;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await touchSession(db, session.id, now);
  }
  const role = found.role ?? null;
  const mfa = mfaStateOf({
    role,
    hasAuthenticator: found.hasAuthenticator === true,
    verifiedInSession: session.mfaVerifiedAt !== null,
  });
  return {
    kind: 'user',
    userId: session.userId,
    sessionId: session.id,
    organisationId: role ? session.organisationId : null,
    role,
    mfa,
    permissions: permissionsFor(role, mfa),
  };
}

export interface SignInInput {
  email: string;
  password: string;
  userAgent: string | null;
}

export interface SignInResult {
  token: string;
  expiresAt: Date;
}

function addressKey(clientAddress: string | null): string {
  return `ip:${clientAddress ?? 'unknown'}`;
}

/**
 * Password step of sign-in. One answer (INVALID_CREDENTIALS) for an unknown e-mail, a wrong
 * password, a disabled or a locked account, and the same work (an argon2 verification) in each
 * case, so nobody learns which addresses have accounts. A client address with too many
 * failures is refused outright (RATE_LIMITED).
 */
export async function signIn(ctx: ServiceContext, input: SignInInput): Promise<SignInResult> {
  const now = ctx.clock.now();
  const byAddress = await findThrottle(ctx.db, addressKey(ctx.clientAddress));
  if (byAddress && isLocked(byAddress.lockedUntil, now)) {
    throw new AppError(
      'RATE_LIMITED',
      'Too many failed sign-ins from this address; try again later',
    );
  }
  const user = await findUserByEmail(ctx.db, input.email);
  const passwordOk = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyPassword(await decoyPasswordHash(), input.password).then(() => false);
  const usable = user !== null && user.status === 'active' && !isLocked(user.lockedUntil, now);

  if (!user || !passwordOk || !usable) {
    await ctx.db.transaction(async (tx) => {
      await recordThrottleFailure(tx, addressKey(ctx.clientAddress), now, (failures) =>
        lockedUntil(ADDRESS_LOCKOUT, failures, now),
      );
      if (user && !passwordOk) {
        const failures = await incrementFailedSignIns(tx, user.id, now);
        const until = lockedUntil(ACCOUNT_LOCKOUT, failures, now);
        if (until) {
          await updateUser(tx, user.id, { lockedUntil: until }, now);
          await notifyFrom(ctx, tx, {
            key: `account_locked:${user.id}:${now.toISOString()}`,
            kind: 'account_locked',
            params: { until: until.toISOString() },
            link: null,
            organisationId: null,
            userId: user.id,
            email: emailTo(user),
          });
        }
        await appendAuditEvent(tx, auditOrigin(ctx), {
          action: until ? 'user.locked' : 'session.sign_in_failed',
          targetType: 'user',
          targetId: user.id,
          organisationId: null,
          after: { failedSignIns: failures, lockedUntil: until?.toISOString() ?? null },
        });
      }
    });
    throw new AppError('INVALID_CREDENTIALS', 'The e-mail address or password is not right');
  }

  const userAgent = input.userAgent?.slice(0, 300) ?? null;
  const knownDevice = await hasSessionFrom(ctx.db, user.id, ctx.clientAddress, userAgent);
  return ctx.db.transaction(async (tx) => {
    const started = await startSession(ctx, tx, user, userAgent);
    if (!knownDevice) {
      await notifyNewSignIn(ctx, tx, user, started.sessionId, userAgent, now);
    }
    await updateUser(tx, user.id, { failedSignIns: 0, lockedUntil: null }, now);
    await clearThrottle(tx, addressKey(ctx.clientAddress));
    return { token: started.token, expiresAt: started.expiresAt };
  });
}

/**
 * Tells the user of a sign-in from an address and browser they have not signed in from before
 * (in the app and by e-mail), in the transaction that started the session.
 */
export function notifyNewSignIn(
  ctx: ServiceContext,
  tx: Db,
  user: UserRow,
  sessionId: string,
  userAgent: string | null,
  at: Date,
): Promise<void> {
  return notifyFrom(ctx, tx, {
    key: `new_sign_in:${sessionId}`,
    kind: 'new_sign_in',
    params: {
      time: at.toISOString(),
      address: ctx.clientAddress ?? 'unknown',
      device: userAgent ?? 'unknown browser',
    },
    link: '/account/sessions',
    organisationId: null,
    userId: user.id,
    email: emailTo(user),
  });
}

/**
 * The user of a session that has just started, as the actor of what the sign-in itself
 * records: the request was anonymous until then, so these events are the user's own acts.
 */
export function sessionStarter(userId: string, sessionId: string): Actor {
  return {
    kind: 'user',
    userId,
    sessionId,
    organisationId: null,
    role: null,
    mfa: 'not_required',
    permissions: new Set(),
  };
}

export interface StartedSession extends SignInResult {
  sessionId: string;
}

/**
 * Opens a session for a user who has just proved who they are (the password step of sign-in,
 * or accepting an invitation), in the caller's transaction. The session acts for the user's
 * first organisation; the audit trail records the sign-in as the user's own act.
 */
export async function startSession(
  ctx: ServiceContext,
  tx: Db,
  user: { id: string },
  userAgent: string | null,
  /** How the user proved who they are, when not by password (recorded in the audit event). */
  method?: 'oidc',
): Promise<StartedSession> {
  const now = ctx.clock.now();
  const memberships = await findMembershipsOfUser(tx, user.id);
  const agent = userAgent?.slice(0, 300) ?? null;
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + ctx.runtime.session.absoluteHours * 3_600_000);
  const sessionId = randomUUID();
  await insertSession(tx, {
    id: sessionId,
    tokenHash: hashToken(token),
    userId: user.id,
    organisationId: memberships[0]?.organisationId ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    clientAddress: ctx.clientAddress,
    userAgent: agent,
  });
  await appendAuditEvent(
    tx,
    { ...auditOrigin(ctx), actor: sessionStarter(user.id, sessionId) },
    {
      action: 'session.signed_in',
      targetType: 'session',
      targetId: sessionId,
      organisationId: null,
      after: method ? { method, userAgent: agent } : { userAgent: agent },
    },
  );
  return { token, expiresAt, sessionId };
}

function requireUser(ctx: ServiceContext) {
  if (ctx.actor.kind !== 'user') {
    throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
  }
  return ctx.actor;
}

export async function signOut(ctx: ServiceContext): Promise<void> {
  const actor = requireUser(ctx);
  await ctx.db.transaction(async (tx) => {
    await updateSession(tx, actor.sessionId, { revokedAt: ctx.clock.now() });
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'session.signed_out',
      targetType: 'session',
      targetId: actor.sessionId,
      organisationId: null,
    });
  });
}

/** Revokes every other session of the user ("sign out everywhere else"). */
export async function signOutEverywhereElse(ctx: ServiceContext): Promise<{ revoked: number }> {
  const actor = requireUser(ctx);
  return ctx.db.transaction(async (tx) => {
    const revoked = await revokeSessionsOfUser(tx, actor.userId, ctx.clock.now(), {
      keepSessionId: actor.sessionId,
    });
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'session.revoked',
      targetType: 'user',
      targetId: actor.userId,
      organisationId: null,
      after: { revokedSessions: revoked, scope: 'all_other_sessions' },
    });
    return { revoked };
  });
}

export async function listMySessions(ctx: ServiceContext) {
  const actor = requireUser(ctx);
  const now = ctx.clock.now();
  const rows = await findActiveSessionsOfUser(
    ctx.db,
    actor.userId,
    now,
    idleSince(ctx.runtime, now),
  );
  return rows.map((row) => ({
    id: row.id,
    current: row.id === actor.sessionId,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    clientAddress: row.clientAddress,
    userAgent: row.userAgent,
  }));
}

/** Revokes one of the actor's own sessions; someone else's session id answers 404. */
export async function revokeMySession(ctx: ServiceContext, sessionId: string): Promise<void> {
  const actor = requireUser(ctx);
  const session = await findSessionOfUser(ctx.db, actor.userId, sessionId);
  if (!session) {
    throw notFound('Session');
  }
  await ctx.db.transaction(async (tx) => {
    await updateSession(tx, session.id, { revokedAt: ctx.clock.now() });
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'session.revoked',
      targetType: 'session',
      targetId: session.id,
      organisationId: null,
    });
  });
}

/** Switches the organisation the session acts for, among the user's memberships. */
export async function switchOrganisation(
  ctx: ServiceContext,
  organisationId: string,
): Promise<void> {
  const actor = requireUser(ctx);
  const membership = await findMembership(ctx.db, organisationId, actor.userId);
  if (!membership) {
    throw notFound('Organisation');
  }
  await ctx.db.transaction(async (tx) => {
    await updateSession(tx, actor.sessionId, { organisationId });
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'session.organisation_switched',
      targetType: 'session',
      targetId: actor.sessionId,
      organisationId,
      before: { organisationId: actor.organisationId },
      after: { organisationId, role: membership.role },
    });
  });
}

async function describeMemberships(db: Db, userId: string) {
  const memberships = await findMembershipsOfUser(db, userId);
  const names = await organisationSummaries(
    db,
    memberships.map((membership) => membership.organisationId),
  );
  return memberships.flatMap((membership) => {
    const organisation = names.get(membership.organisationId);
    return organisation
      ? [
          {
            organisationId: membership.organisationId,
            organisationName: organisation.legalName,
            organisationKind: organisation.kind,
            role: membership.role,
          },
        ]
      : [];
  });
}

/** What the web app needs to know about the signed-in user (GET /api/v1/auth/session). */
export async function describeSession(ctx: ServiceContext, sessionToken: string | null) {
  if (ctx.actor.kind !== 'user' || sessionToken === null) {
    return { signedIn: false as const };
  }
  const actor = ctx.actor;
  const user = await findUserById(ctx.db, actor.userId);
  if (!user) {
    return { signedIn: false as const };
  }
  return {
    signedIn: true as const,
    user: {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      preferredLanguage: user.preferredLanguage === 'es' ? ('es' as const) : ('en' as const),
      hasAuthenticator: await hasConfirmedAuthenticator(ctx.db, user.id),
    },
    organisationId: actor.organisationId,
    role: actor.role,
    mfa: actor.mfa,
    permissions: [...actor.permissions].sort(),
    memberships: await describeMemberships(ctx.db, user.id),
    csrfToken: csrfTokenFor(ctx.runtime, sessionToken),
  };
}

/** The session as the next request with this token will see it (after sign-in or a switch). */
export async function describeSessionToken(ctx: ServiceContext, token: string | null) {
  const actor = token
    ? await actorForSessionToken(ctx.db, ctx.runtime, token, ctx.clock.now())
    : null;
  return describeSession({ ...ctx, actor: actor ?? anonymousActor() }, actor ? token : null);
}
