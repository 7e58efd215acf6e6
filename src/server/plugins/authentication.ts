import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../domain/errors/error-codes.ts';
import type { Clock } from '../../domain/time/clock.ts';
import type { Db } from '../db/database.ts';
import { actorForApiToken } from '../modules/identity/api-token-actor.ts';
import { actorForSessionToken, isValidCsrfToken } from '../modules/identity/sessions.service.ts';
import type { Runtime } from '../runtime.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The raw session token from the cookie, when the request is signed in by cookie. */
    sessionToken: string | null;
  }
}

export const CSRF_HEADER = 'x-csrf-token';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * `__Host-` cookies are bound to this exact origin and require Secure; without HTTPS (local
 * development) the plain name is used.
 */
export function sessionCookieName(runtime: Runtime): string {
  return runtime.session.cookieSecure ? '__Host-ctpat_session' : 'ctpat_session';
}

export function setSessionCookie(
  reply: FastifyReply,
  runtime: Runtime,
  token: string,
  expiresAt: Date,
): void {
  reply.setCookie(sessionCookieName(runtime), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: runtime.session.cookieSecure,
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, runtime: Runtime): void {
  reply.clearCookie(sessionCookieName(runtime), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: runtime.session.cookieSecure,
  });
}

/** An Origin header, when a browser sends one, must be this site (CSRF defence in depth). */
function isCrossSite(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined || origin === 'null') {
    return origin === 'null';
  }
  try {
    return new URL(origin).host !== request.host;
  } catch {
    return true;
  }
}

export interface AuthenticationOptions {
  db: Db;
  runtime: Runtime;
  clock: Clock;
}

/**
 * Who is calling: a bearer API token (machine clients) or the session cookie (people). A
 * state-changing request signed in by cookie must carry the session's CSRF token in the
 * x-csrf-token header; cross-site browser requests are refused outright.
 */
export const authenticationPlugin = fp<AuthenticationOptions>(
  async (app: FastifyInstance, options) => {
    await app.register(cookie);
    app.decorateRequest('sessionToken', null);

    app.addHook('onRequest', async (request, reply) => {
      const unsafe = UNSAFE_METHODS.has(request.method);
      if (unsafe && isCrossSite(request)) {
        throw new AppError('CSRF_FAILED', 'Cross-site requests are not accepted');
      }
      const now = options.clock.now();
      const authorization = request.headers.authorization;
      if (authorization !== undefined) {
        const [scheme, token] = authorization.split(' ');
        const actor =
          scheme === 'Bearer' && token ? await actorForApiToken(options.db, token, now) : null;
        if (!actor) {
          throw new AppError('UNAUTHENTICATED', 'The API token is not valid, expired or revoked');
        }
        request.actor = actor;
        return;
      }
      const token = request.cookies[sessionCookieName(options.runtime)];
      if (!token) {
        return;
      }
      const actor = await actorForSessionToken(options.db, options.runtime, token, now);
      if (!actor) {
        // A stale cookie (signed out, expired, idle): drop it and carry on anonymously.
        clearSessionCookie(reply, options.runtime);
        return;
      }
      if (unsafe) {
        const presented = request.headers[CSRF_HEADER];
        if (typeof presented !== 'string' || !isValidCsrfToken(options.runtime, token, presented)) {
          throw new AppError(
            'CSRF_FAILED',
            'The request lacks a valid CSRF token (x-csrf-token header); reload the page',
          );
        }
      }
      request.actor = actor;
      request.sessionToken = token;
    });
  },
  { name: 'authentication', dependencies: ['request-context'] },
);
