import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { ApiError } from '../lib/api-client.ts';
import { type AuthProblem, authProblemOf } from './auth-problems.ts';
import type { createAppRouter } from './router.tsx';

/** Retry once when the server or network failed; a 4xx answer will not change by retrying. */
function shouldRetry(failureCount: number, error: Error): boolean {
  const transient = !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
  return transient && failureCount < 1;
}

/**
 * `onAuthProblem` hears about every query or mutation answered UNAUTHENTICATED or MFA_REQUIRED
 * (main.tsx sends the person to sign in).
 */
export function createQueryClient(onAuthProblem?: (problem: AuthProblem) => void): QueryClient {
  const report = (error: Error) => {
    const problem = authProblemOf(error);
    if (problem && onAuthProblem) {
      onAuthProblem(problem);
    }
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: report }),
    mutationCache: new MutationCache({ onError: report }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: shouldRetry,
        refetchOnWindowFocus: false,
      },
    },
  });
}

/** Everything the app needs around it: data cache and router (i18n is set up in main.tsx). */
export function Providers({
  queryClient,
  router,
}: {
  queryClient: QueryClient;
  router: ReturnType<typeof createAppRouter>;
}) {
  return (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>
  );
}
