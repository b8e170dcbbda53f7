import { AuditPageSchema } from '@cloudsweep/contract';
import { useInfiniteQuery } from '@tanstack/react-query';
import { request } from './client.js';

/** The signed-in user's own audit events, newest first, a keyset page at a time. */
export function useAuditEvents(limit = 50) {
  return useInfiniteQuery({
    queryKey: ['audit', limit] as const,
    queryFn: ({ signal, pageParam }) => request('/api/audit', { query: { limit, cursor: pageParam }, schema: AuditPageSchema, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
