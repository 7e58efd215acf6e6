import { useQuery } from '@tanstack/react-query';
import type { SessionView } from '../../../domain/accounts/session.schema.ts';
import type { Permission } from '../../../domain/authorization/permissions.ts';
import { ANONYMOUS_VIEWER, type Viewer } from '../../../domain/navigation/modules.ts';
import {
  pendingStep,
  SIGNED_OUT,
  type SignedInSession,
  sessionQuery,
} from '../../features/session/api/session-api.ts';

export interface SessionState {
  session: SessionView;
  /** The first answer of GET /auth/session has not arrived yet. */
  pending: boolean;
}

/** The signed-in session (GET /api/v1/auth/session), read once and shared by every component. */
export function useSession(): SessionState {
  const query = useQuery(sessionQuery());
  return { session: query.data ?? SIGNED_OUT, pending: query.isPending };
}

/** The session when someone is signed in and past the second factor, else null. */
export function useSignedIn(): SignedInSession | null {
  const { session } = useSession();
  return session.signedIn && pendingStep(session) === null ? session : null;
}

/**
 * Who is using the app, for the navigation and the home page: anonymous, or signed in with the
 * role of the organisation the session acts for. A session still owing its second factor sees
 * no module yet.
 */
export function useViewer(): Viewer {
  const signedIn = useSignedIn();
  const { session } = useSession();
  if (signedIn) {
    return { kind: 'signed_in', roles: signedIn.role ? [signedIn.role] : [] };
  }
  return session.signedIn ? { kind: 'signed_in', roles: [] } : ANONYMOUS_VIEWER;
}

/** Whether the session holds a permission (to show or hide controls; the server decides). */
export function useCan(permission: Permission): boolean {
  const { session } = useSession();
  return session.signedIn && session.permissions.includes(permission);
}
