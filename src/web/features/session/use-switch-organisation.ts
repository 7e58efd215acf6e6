import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { applySession, sessionKey, switchOrganisation } from './api/session-api.ts';

/**
 * Acts for another organisation of the person's: the new role's home page, and nothing cached
 * for the previous organisation.
 */
export function useSwitchOrganisation() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: switchOrganisation,
    onSuccess: async (view) => {
      applySession(queryClient, view);
      await navigate({ to: '/' });
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
    },
  });
}
