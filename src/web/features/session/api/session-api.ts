import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { MfaVerifyBody } from '../../../../domain/accounts/mfa.schema.ts';
import {
  type SessionView,
  SessionViewSchema,
  type SignInBody,
} from '../../../../domain/accounts/session.schema.ts';
import { apiGet, apiSend, setCsrfToken } from '../../../lib/api-client.ts';

export type SignedInSession = Extract<SessionView, { signedIn: true }>;

export const SIGNED_OUT: SessionView = { signedIn: false };

export const sessionKey = ['session'] as const;

/** Every session view the app receives passes through here, so the CSRF token stays current. */
function remember(view: SessionView): SessionView {
  setCsrfToken(view.signedIn ? view.csrfToken : null);
  return view;
}

export async function fetchSession(signal?: AbortSignal): Promise<SessionView> {
  return remember(
    await apiGet('/api/v1/auth/session', SessionViewSchema, signal ? { signal } : {}),
  );
}

/** Who is signed in. Read once and kept; every sign-in step writes the new view into it. */
export function sessionQuery() {
  return queryOptions({
    queryKey: sessionKey,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 5 * 60_000,
  });
}

/** Replaces the cached session (after sign-in, MFA, switching organisation, sign-out). */
export function applySession(queryClient: QueryClient, view: SessionView): void {
  queryClient.setQueryData(sessionKey, remember(view));
}

/**
 * After a change of who is signed in, no cached answer can be trusted: drop everything but the
 * new session view.
 */
export function resetForSession(queryClient: QueryClient, view: SessionView): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
  applySession(queryClient, view);
}

export async function signIn(body: SignInBody): Promise<SessionView> {
  return remember(await apiSend('POST', '/api/v1/auth/sign-in', SessionViewSchema, body));
}

export async function verifyMfa(body: MfaVerifyBody): Promise<SessionView> {
  return remember(await apiSend('POST', '/api/v1/auth/mfa/verify', SessionViewSchema, body));
}

export async function signOut(): Promise<void> {
  await apiSend('POST', '/api/v1/auth/sign-out', z.null());
  setCsrfToken(null);
}

export async function switchOrganisation(organisationId: string): Promise<SessionView> {
  return remember(
    await apiSend('PUT', '/api/v1/auth/session/organisation', SessionViewSchema, {
      organisationId,
    }),
  );
}

const OidcStatusSchema = z.object({ enabled: z.boolean(), displayName: z.string().nullable() });

/** Whether the sign-in page offers single sign-on. */
export function oidcStatusQuery() {
  return queryOptions({
    queryKey: ['auth', 'oidc'],
    queryFn: ({ signal }) =>
      apiGet('/api/v1/auth/oidc', OidcStatusSchema, signal ? { signal } : {}),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Where single sign-on starts (a full-page navigation: the provider's page comes next). */
export const OIDC_START_URL = '/api/v1/auth/oidc/start';

/**
 * A `next` path is followed after sign-in only when it stays on this site: a path, not
 * `//host` or `/\\host` (which browsers read as another origin).
 */
export function isSafeNextPath(value: string): boolean {
  return value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\');
}

/** Where to go after a sign-in step: the page asked for, else home. */
export function nextPath(next: string | undefined): string {
  return next !== undefined && isSafeNextPath(next) ? next : '/';
}

/** Where a signed-in session must go before anything else, or null when it may go on. */
export function pendingStep(view: SessionView): 'verify' | 'enrol' | null {
  if (!view.signedIn) {
    return null;
  }
  if (view.mfa === 'verification_required') {
    return 'verify';
  }
  return view.mfa === 'enrolment_required' ? 'enrol' : null;
}
