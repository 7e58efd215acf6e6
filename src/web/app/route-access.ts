import type { QueryClient } from '@tanstack/react-query';
import { redirect } from '@tanstack/react-router';
import type { Permission } from '../../domain/authorization/permissions.ts';
import {
  pendingStep,
  type SignedInSession,
  sessionQuery,
} from '../features/session/api/session-api.ts';

interface GuardInput {
  context: { queryClient: QueryClient };
  location: { href: string };
}

/**
 * A page for signed-in people: a visitor goes to sign-in (and comes back after), a session
 * still owing its second factor goes to that step, and a missing permission leads to the "no
 * access" page (in place of the page asked for, so Back does not bounce).
 */
export async function requireSignedIn(
  { context, location }: GuardInput,
  permission?: Permission,
): Promise<SignedInSession> {
  const session = await context.queryClient.ensureQueryData(sessionQuery());
  if (!session.signedIn) {
    throw redirect({ to: '/sign-in', search: { next: location.href } });
  }
  const step = pendingStep(session);
  if (step === 'verify') {
    throw redirect({ to: '/sign-in/verify', search: { next: location.href } });
  }
  if (step === 'enrol' && permission !== 'mfa:enrol') {
    throw redirect({ to: '/account/security/enrol', search: { next: location.href } });
  }
  if (permission && !session.permissions.includes(permission)) {
    throw redirect({ to: '/no-access', search: { page: location.href }, replace: true });
  }
  return session;
}
