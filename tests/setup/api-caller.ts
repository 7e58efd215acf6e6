import type { FastifyInstance, InjectOptions } from 'fastify';
import { z } from 'zod';
import type { SignedIn } from '../factories/user.factory.ts';

let clientCounter = 0;
/**
 * A client address no other request of this test file has used (a benchmark-range address),
 * as if each request came from a new browser: sign-in, MFA and token routes are rate-limited
 * per address, and a limit is tested on its own, with an address of its own.
 */
export function nextClientAddress(): string {
  clientCounter += 1;
  return `198.18.${Math.floor(clientCounter / 250) % 250}.${(clientCounter % 250) + 1}`;
}

export type HttpMethod = NonNullable<InjectOptions['method']>;

/**
 * `call(method, url, session, payload?, remoteAddress?)`: a request the way the browser holding
 * `session` sends it (the cookie, plus the CSRF token on anything but GET), or anonymous with
 * null; from a new client address unless one is given. The app is read at each call, so the
 * caller can be made before `beforeAll` builds it.
 */
export function apiCaller(target: { readonly app: FastifyInstance }) {
  return (
    method: HttpMethod,
    url: string,
    session: SignedIn | null,
    payload?: Record<string, unknown>,
    remoteAddress = nextClientAddress(),
  ) =>
    target.app.inject({
      method,
      url,
      remoteAddress,
      ...(session
        ? { headers: method === 'GET' ? { cookie: session.cookie } : session.headers }
        : {}),
      ...(payload ? { payload } : {}),
    });
}

export type ApiCall = ReturnType<typeof apiCaller>;

/** The `error.code` of an error response. */
export function errorCode(response: { json(): unknown }): string {
  return z.object({ error: z.object({ code: z.string() }) }).parse(response.json()).error.code;
}

/** The field paths a VALIDATION_FAILED (or similar) response names, in order. */
export function issuePaths(response: { json(): unknown }): string[] {
  return z
    .object({
      error: z.object({ details: z.object({ issues: z.array(z.object({ path: z.string() })) }) }),
    })
    .parse(response.json())
    .error.details.issues.map((issue) => issue.path);
}
