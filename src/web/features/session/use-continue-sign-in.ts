import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { SessionView } from '../../../domain/accounts/session.schema.ts';
import { nextPath, pendingStep, resetForSession } from './api/session-api.ts';

/** Where a session goes after a sign-in step: the second factor, or on to the page asked for. */
export function useContinueSignIn(next: string | undefined): (view: SessionView) => void {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (view) => {
    resetForSession(queryClient, view);
    const step = pendingStep(view);
    if (step === 'verify') {
      void navigate({ to: '/sign-in/verify', search: { next } });
    } else if (step === 'enrol') {
      void navigate({ to: '/account/security/enrol', search: { next } });
    } else {
      void navigate({ href: nextPath(next) });
    }
  };
}
