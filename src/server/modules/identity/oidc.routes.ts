import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { setSessionCookie } from '../../plugins/authentication.ts';
import type { Runtime } from '../../runtime.ts';
import {
  beginOidcSignIn,
  completeOidcSignIn,
  createOidcClient,
  OIDC_PENDING_TTL_SECONDS,
  type OidcSettings,
} from './oidc.service.ts';
import { SIGN_IN_RATE_LIMIT } from './sessions.routes.ts';

/** The redirect URI to register at the provider is PUBLIC_URL followed by this path. */
export const OIDC_CALLBACK_PATH = '/api/v1/auth/oidc/callback';
/** The sign-in-in-flight cookie is sent only to the OIDC routes. */
const PENDING_COOKIE_PATH = '/api/v1/auth/oidc';

/** `__Secure-` (not `__Host-`, which would force Path=/) when cookies are HTTPS-only. */
export function oidcPendingCookieName(runtime: Runtime): string {
  return runtime.session.cookieSecure ? '__Secure-ctpat_oidc' : 'ctpat_oidc';
}

function pendingCookieOptions(runtime: Runtime) {
  return {
    path: PENDING_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: runtime.session.cookieSecure,
  };
}

const OidcStatusSchema = z
  .object({
    enabled: z.boolean(),
    /** The provider's name for the sign-in button, e.g. "Login.gov"; null when disabled. */
    displayName: z.string().nullable(),
  })
  .meta({ id: 'OidcStatus' });

const RedirectSchema = z.null().describe('A redirect (Location header); no body');

/** Whether the sign-in page offers single sign-on. Registered whether or not it is configured. */
export const oidcStatusRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/auth/oidc',
    {
      config: { permission: null },
      schema: {
        tags: ['sessions'],
        summary: 'Whether single sign-on (OpenID Connect) is offered, and under which name',
        response: { 200: OidcStatusSchema },
      },
    },
    (request) => {
      const oidc = request.serviceContext().runtime.oidc;
      return { enabled: oidc !== null, displayName: oidc?.displayName ?? null };
    },
  );
};

export interface OidcRoutesOptions {
  settings: OidcSettings;
  publicUrl: string;
  /** Tests only: accept an http://127.0.0.1 or http://localhost issuer (see createOidcClient). */
  allowInsecureLoopbackIssuer?: boolean;
}

/** The browser's sign-in round trip through the provider. Registered only when configured. */
export const oidcRoutes: FastifyPluginAsyncZod<OidcRoutesOptions> = async (app, options) => {
  const client = createOidcClient(options.settings, {
    redirectUri: `${options.publicUrl}${OIDC_CALLBACK_PATH}`,
    allowInsecureLoopbackIssuer: options.allowInsecureLoopbackIssuer === true,
  });
  const signInFailed = (reply: FastifyReply, error: string) =>
    reply.redirect(`/sign-in?error=${encodeURIComponent(error)}`, 302);

  app.get(
    '/auth/oidc/start',
    {
      config: { permission: null, rateLimit: SIGN_IN_RATE_LIMIT },
      schema: {
        tags: ['sessions'],
        summary: 'Start single sign-on: redirects the browser to the provider',
        response: { 302: RedirectSchema },
      },
    },
    async (request, reply) => {
      const ctx = request.serviceContext();
      const started = await beginOidcSignIn(ctx, client);
      if (!started.ok) {
        return signInFailed(reply, started.error);
      }
      reply.setCookie(oidcPendingCookieName(ctx.runtime), started.pendingCookie, {
        ...pendingCookieOptions(ctx.runtime),
        maxAge: OIDC_PENDING_TTL_SECONDS,
      });
      return reply.redirect(started.authorizationUrl, 302);
    },
  );

  app.get(
    '/auth/oidc/callback',
    {
      config: { permission: null, rateLimit: SIGN_IN_RATE_LIMIT },
      schema: {
        tags: ['sessions'],
        summary:
          'Where the provider sends the browser back: signs in and redirects to /, or to ' +
          '/sign-in?error=sso_failed|sso_no_account',
        // Documented only: the whole query string goes to openid-client as received.
        querystring: z
          .object({
            code: z.string().optional(),
            state: z.string().optional(),
            iss: z.string().optional(),
            error: z.string().optional(),
            error_description: z.string().optional(),
          })
          .loose(),
        response: { 302: RedirectSchema },
      },
    },
    async (request, reply) => {
      const ctx = request.serviceContext();
      const cookieName = oidcPendingCookieName(ctx.runtime);
      const queryStart = request.url.indexOf('?');
      const result = await completeOidcSignIn(ctx, client, {
        query: queryStart >= 0 ? request.url.slice(queryStart) : '',
        pendingCookie: request.cookies[cookieName],
        userAgent: request.headers['user-agent'] ?? null,
      });
      // One attempt per cookie, whatever the outcome.
      reply.clearCookie(cookieName, pendingCookieOptions(ctx.runtime));
      if (!result.ok) {
        return signInFailed(reply, result.error);
      }
      setSessionCookie(reply, ctx.runtime, result.token, result.expiresAt);
      return reply.redirect('/', 302);
    },
  );
};
