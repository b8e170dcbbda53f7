import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isApiError } from './api/api-error.js';
import { SESSION_KEY, signedOut } from './api/auth.js';

/** Shared TanStack Query set-up: a 401 anywhere means the session ended; 4xx answers are not retried. */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown): void => {
    if (isApiError(error, 'unauthenticated') && client.getQueryData(SESSION_KEY)) signedOut(client);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
  return client;
}
