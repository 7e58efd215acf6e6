import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { applySession, SIGNED_OUT, sessionKey, signOut } from './api/session-api.ts';

/**
 * Signs out, then leaves the page (by default for the sign-in page, saying so) before dropping
 * every cached answer: the page's own queries must not ask again as a signed-out visitor.
 */
export function useSignOut(leave?: () => Promise<void>) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: signOut,
    onSuccess: async () => {
      applySession(queryClient, SIGNED_OUT);
      await (leave ? leave() : navigate({ to: '/sign-in', search: { reason: 'signed_out' } }));
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
    },
  });
}
