import type { QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { MfaStateSchema } from '../../domain/accounts/session.schema.ts';
import { resetForSession, SIGNED_OUT, sessionKey } from '../features/session/api/session-api.ts';
import { ApiError } from '../lib/api-client.ts';
import type { createAppRouter } from './router.tsx';

/** What an API answer says about the session, when it says anything. */
export type AuthProblem = { kind: 'signed_out' } | { kind: 'mfa'; step: 'verify' | 'enrol' };

const MfaDetailsSchema = z.object({ mfa: MfaStateSchema });

export function authProblemOf(error: unknown): AuthProblem | null {
  if (!(error instanceof ApiError)) {
    return null;
  }
  if (error.code === 'UNAUTHENTICATED') {
    return { kind: 'signed_out' };
  }
  if (error.code === 'MFA_REQUIRED') {
    const details = MfaDetailsSchema.safeParse(error.details);
    const enrol = details.success && details.data.mfa === 'enrolment_required';
    return { kind: 'mfa', step: enrol ? 'enrol' : 'verify' };
  }
  return null;
}

/** Pages that handle these answers themselves (the sign-in steps). */
const SIGN_IN_PAGES = new Set(['/sign-in', '/sign-in/verify', '/account/security/enrol']);

/**
 * Any request answered 401 UNAUTHENTICATED (the session expired, was revoked, or never was)
 * sends the person to sign in and back; MFA_REQUIRED sends them to the second step.
 */
export function redirectForAuthProblem(
  router: ReturnType<typeof createAppRouter>,
  queryClient: QueryClient,
  problem: AuthProblem,
): void {
  const location = router.state.location;
  if (SIGN_IN_PAGES.has(location.pathname)) {
    return;
  }
  if (problem.kind === 'signed_out') {
    resetForSession(queryClient, SIGNED_OUT);
    void router.navigate({
      to: '/sign-in',
      search: { next: location.href, reason: 'expired' },
    });
    return;
  }
  void queryClient.invalidateQueries({ queryKey: sessionKey });
  void router.navigate(
    problem.step === 'enrol'
      ? { to: '/account/security/enrol', search: { next: location.href } }
      : { to: '/sign-in/verify', search: { next: location.href } },
  );
}
