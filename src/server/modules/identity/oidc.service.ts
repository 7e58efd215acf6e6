import {
  allowInsecureRequests,
  authorizationCodeGrant,
  buildAuthorizationUrl,
  ClientSecretBasic,
  type Configuration,
  calculatePKCECodeChallenge,
  discovery,
  fetchUserInfo,
  randomNonce,
  randomPKCECodeVerifier,
  randomState,
} from 'openid-client';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { Runtime } from '../../runtime.ts';
import { hmac } from '../../security/secret-key.ts';
import { safeEqual } from '../../security/tokens.ts';
import { auditOrigin, type ServiceContext } from '../../service-context.ts';
import { appendAuditEvent } from '../audit/audit.service.ts';
import {
  findUserByEmail,
  findUserById,
  findUserIdOfIdentity,
  hasIdentityAtIssuer,
  insertUserIdentity,
  type UserRow,
} from './accounts.repository.ts';
import { hasSessionFrom } from './sessions.repository.ts';
import {
  notifyNewSignIn,
  type SignInResult,
  sessionStarter,
  startSession,
} from './sessions.service.ts';

/**
 * Optional OpenID Connect sign-in (authorization code flow with PKCE), e.g. with Login.gov.
 *
 * OpenCTPAT never creates an account here: accounts come from invitations. A provider identity
 * (issuer + subject) signs in to the account it is linked to; an identity seen for the first
 * time is linked to the account whose e-mail address the provider says it has VERIFIED.
 *
 * MFA: a session started here follows the same MFA rules as a password sign-in (CBP roles and
 * users with an authenticator still enter their own TOTP code). The provider's own MFA is not
 * trusted, because nothing here checks what it did (its `acr`/`amr`); trusting it would need
 * an agreed acr value per provider and is deliberately out of scope.
 */

export type OidcSettings = NonNullable<Config['oidc']>;

export const OIDC_SCOPE = 'openid email';
/** How long a sign-in started at the provider may take before it has to start again. */
export const OIDC_PENDING_TTL_SECONDS = 10 * 60;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface OidcClient {
  settings: OidcSettings;
  /** The callback URL registered at the provider (PUBLIC_URL + the callback route). */
  redirectUri: string;
  /** The provider's discovered configuration: fetched on first use, then kept. */
  configuration(): Promise<Configuration>;
}

/**
 * One client per application. Discovery happens on the first sign-in, not at start-up, so the
 * application starts (and password sign-in works) while the provider is unreachable; a failed
 * discovery is retried on the next sign-in.
 *
 * `allowInsecureLoopbackIssuer` exists for the integration tests, which run a real provider on
 * http://127.0.0.1 (there is no TLS certificate for it). openid-client refuses plain HTTP by
 * default; the flag lifts that only for a loopback issuer, and only when the caller asks
 * explicitly (configuration from the environment requires https).
 */
export function createOidcClient(
  settings: OidcSettings,
  options: { redirectUri: string; allowInsecureLoopbackIssuer?: boolean },
): OidcClient {
  const issuer = new URL(settings.issuerUrl);
  const insecure = issuer.protocol === 'http:';
  if (insecure && !(options.allowInsecureLoopbackIssuer && LOOPBACK_HOSTS.has(issuer.hostname))) {
    throw new Error('The OpenID Connect issuer must be an https:// URL');
  }
  let cached: Promise<Configuration> | null = null;
  return {
    settings,
    redirectUri: options.redirectUri,
    configuration() {
      cached ??= discovery(
        issuer,
        settings.clientId,
        undefined,
        ClientSecretBasic(settings.clientSecret),
        { execute: insecure ? [allowInsecureRequests] : [], timeout: 10 },
      ).catch((error: unknown) => {
        cached = null;
        throw error;
      });
      return cached;
    },
  };
}

// --- The sign-in in flight -----------------------------------------------------------------
//
// state, nonce and the PKCE code verifier live in a short-lived, httpOnly, SameSite=Lax cookie,
// HMAC-signed with a key derived from SECRET_KEY, rather than in the database: the cookie binds
// the flow to the browser that started it (which is what `state` is for), needs no table and
// no clean-up of abandoned attempts, and keeps the application tier stateless behind a load
// balancer. Lax is required: the provider's redirect back is a cross-site top-level GET.

const PendingSignInSchema = z.object({
  state: z.string().min(1),
  nonce: z.string().min(1),
  codeVerifier: z.string().min(43),
  /** Milliseconds since the epoch; the signature covers it, so it cannot be extended. */
  expiresAt: z.number().int(),
});
type PendingSignIn = z.infer<typeof PendingSignInSchema>;

function signPending(runtime: Runtime, body: string): string {
  return hmac(runtime.keys.oidcState, `oidc-pending:${body}`);
}

function sealPending(runtime: Runtime, pending: PendingSignIn): string {
  const body = Buffer.from(JSON.stringify(pending), 'utf8').toString('base64url');
  return `${body}.${signPending(runtime, body)}`;
}

function unsealPending(runtime: Runtime, sealed: string | undefined, now: Date) {
  const [body, signature, extra] = sealed?.split('.') ?? [];
  if (!body || !signature || extra !== undefined) {
    return null;
  }
  if (!safeEqual(signPending(runtime, body), signature)) {
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = PendingSignInSchema.safeParse(json);
  return parsed.success && parsed.data.expiresAt > now.getTime() ? parsed.data : null;
}

export type BeginOidcSignInResult =
  | { ok: true; authorizationUrl: string; pendingCookie: string }
  | { ok: false; error: 'sso_unavailable' };

/** Step 1: where to send the browser, and the sealed cookie that remembers this attempt. */
export async function beginOidcSignIn(
  ctx: ServiceContext,
  client: OidcClient,
): Promise<BeginOidcSignInResult> {
  let configuration: Configuration;
  try {
    configuration = await client.configuration();
  } catch (error) {
    ctx.log.error({ err: error }, 'OpenID Connect discovery failed');
    return { ok: false, error: 'sso_unavailable' };
  }
  const codeVerifier = randomPKCECodeVerifier();
  const pending: PendingSignIn = {
    state: randomState(),
    nonce: randomNonce(),
    codeVerifier,
    expiresAt: ctx.clock.now().getTime() + OIDC_PENDING_TTL_SECONDS * 1000,
  };
  const url = buildAuthorizationUrl(configuration, {
    redirect_uri: client.redirectUri,
    scope: OIDC_SCOPE,
    code_challenge: await calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
  });
  return {
    ok: true,
    authorizationUrl: url.href,
    pendingCookie: sealPending(ctx.runtime, pending),
  };
}

export type CompleteOidcSignInResult =
  | ({ ok: true } & SignInResult)
  | { ok: false; error: 'sso_failed' | 'sso_no_account' };

const EmailClaimsSchema = z.object({
  email: z.string().optional(),
  email_verified: z.unknown().optional(),
});

/**
 * Step 2, the provider's redirect back: check the state against the cookie, exchange the code
 * (PKCE verifier, nonce and issuer checked by openid-client), find the account, start a
 * session. Every failure of the protocol answers sso_failed; a valid identity without an
 * account here answers sso_no_account. Neither starts a session.
 */
export async function completeOidcSignIn(
  ctx: ServiceContext,
  client: OidcClient,
  input: { query: string; pendingCookie: string | undefined; userAgent: string | null },
): Promise<CompleteOidcSignInResult> {
  const pending = unsealPending(ctx.runtime, input.pendingCookie, ctx.clock.now());
  if (!pending) {
    ctx.log.warn('OpenID Connect callback without a valid sign-in cookie (expired or forged)');
    return { ok: false, error: 'sso_failed' };
  }
  // The redirect URI as registered, with the provider's parameters: the request's own host and
  // scheme may differ behind a proxy.
  const callbackUrl = new URL(client.redirectUri);
  callbackUrl.search = input.query;

  let identity: { issuer: string; subject: string; email: string | null };
  try {
    const configuration = await client.configuration();
    const tokens = await authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
    });
    const claims = tokens.claims();
    if (!claims) {
      throw new Error('the token response carried no ID token');
    }
    // Providers often answer the e-mail scope only at the userinfo endpoint (Login.gov does).
    const emailSource =
      claims.email === undefined
        ? await fetchUserInfo(configuration, tokens.access_token, claims.sub)
        : claims;
    const emailClaims = EmailClaimsSchema.parse(emailSource);
    identity = {
      issuer: claims.iss,
      subject: claims.sub,
      // Only an address the provider has verified may find an account.
      email: emailClaims.email_verified === true ? (emailClaims.email ?? null) : null,
    };
  } catch (error) {
    ctx.log.warn({ err: error }, 'OpenID Connect sign-in failed at the provider exchange');
    return { ok: false, error: 'sso_failed' };
  }

  const found = await findAccountFor(ctx.db, identity);
  if (!found) {
    ctx.log.info({ issuer: identity.issuer }, 'OpenID Connect identity has no account here');
    return { ok: false, error: 'sso_no_account' };
  }
  const { user, link } = found;

  const userAgent = input.userAgent?.slice(0, 300) ?? null;
  const knownDevice = await hasSessionFrom(ctx.db, user.id, ctx.clientAddress, userAgent);
  return ctx.db.transaction(async (tx) => {
    const started = await startSession(ctx, tx, user, input.userAgent, 'oidc');
    const now = ctx.clock.now();
    if (link && (await insertUserIdentity(tx, identity, user.id, now))) {
      await appendAuditEvent(
        tx,
        { ...auditOrigin(ctx), actor: sessionStarter(user.id, started.sessionId) },
        {
          action: 'user.updated',
          targetType: 'user',
          targetId: user.id,
          organisationId: null,
          after: { linkedIssuer: identity.issuer },
        },
      );
    }
    // The same notice as a password sign-in from a new device.
    if (!knownDevice) {
      await notifyNewSignIn(ctx, tx, user, started.sessionId, userAgent, now);
    }
    return { ok: true as const, token: started.token, expiresAt: started.expiresAt };
  });
}

/**
 * The account for a provider identity: the one linked to (issuer, subject), else the one with
 * the identity's verified e-mail address, which is then to be linked. Refused (null): a
 * disabled account, an unverified or unknown address, and an account already linked to a
 * different subject at the same issuer (an address the provider re-assigned to someone else
 * must not take over the account).
 */
async function findAccountFor(
  db: Db,
  identity: { issuer: string; subject: string; email: string | null },
): Promise<{ user: UserRow; link: boolean } | null> {
  const linkedUserId = await findUserIdOfIdentity(db, identity);
  if (linkedUserId !== null) {
    const user = await findUserById(db, linkedUserId);
    return user?.status === 'active' ? { user, link: false } : null;
  }
  if (identity.email === null) {
    return null;
  }
  const user = await findUserByEmail(db, identity.email);
  if (user?.status !== 'active') {
    return null;
  }
  return (await hasIdentityAtIssuer(db, user.id, identity.issuer)) ? null : { user, link: true };
}
