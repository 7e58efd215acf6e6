import { ANONYMOUS_VIEWER, type Viewer } from '../../../domain/navigation/modules.ts';

/**
 * Who is using the app. Everyone is anonymous until identity and access (issue 3) adds sign-in;
 * that issue replaces this hook's body with the session's account and roles.
 */
export function useViewer(): Viewer {
  return ANONYMOUS_VIEWER;
}
