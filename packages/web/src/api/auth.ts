import { SessionResponseSchema, type LoginBody, type SessionResponse } from '@cloudsweep/contract';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-error.js';
import { request, setCsrfToken } from './client.js';

export const SESSION_KEY = ['session'] as const;

/** The signed-in user, or null when there is no session (a 401 is an answer here, not an error). */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async (): Promise<SessionResponse | null> => {
      try {
        const session = await request('/api/auth/me', { schema: SessionResponseSchema });
        setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (isApiError(error, 'unauthenticated')) return null;
        throw error;
      }
    },
    staleTime: Infinity,
    retry: false,
  });
}

/** Switches user (or to none): everything cached for the previous one is forgotten. */
function switchSession(client: QueryClient, session: SessionResponse | null): void {
  setCsrfToken(session?.csrfToken);
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
  client.setQueryData(SESSION_KEY, session);
}

/** Forgets everything of the previous user; called on sign-out and on any 401. */
export function signedOut(client: QueryClient): void {
  switchSession(client, null);
}

export function useSignIn(mode: 'signin' | 'signup') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) =>
      request(mode === 'signup' ? '/api/auth/register' : '/api/auth/login', { method: 'POST', body, schema: SessionResponseSchema }),
    onSuccess: (session) => switchSession(client, session),
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => request('/api/auth/logout', { method: 'POST' }),
    // Signed out either way: an expired session is just as gone.
    onSettled: () => signedOut(client),
  });
}
