import { FindingsPageSchema, ScanDiffSchema, type FindingsQuery } from '@cloudsweep/contract';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { request } from './client.js';

export type FindingsRequest = Partial<FindingsQuery>;

/** One page of a scan's findings; the previous page stays on screen while the next loads. */
export function useFindings(scanId: string, query: FindingsRequest) {
  return useQuery({
    queryKey: ['scans', scanId, 'findings', query] as const,
    queryFn: ({ signal }) =>
      request(`/api/scans/${encodeURIComponent(scanId)}/findings`, { query: { ...query }, schema: FindingsPageSchema, signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export type DiffKind = 'new' | 'resolved';

/** Failing findings new or resolved since the account's previous completed scan; "Show more" pages on. */
export function useScanDiff(scanId: string, kind: DiffKind, limit = 10) {
  return useInfiniteQuery({
    queryKey: ['scans', scanId, 'diff', kind, limit] as const,
    queryFn: ({ signal, pageParam }) =>
      request(`/api/scans/${encodeURIComponent(scanId)}/diff`, { query: { kind, limit, cursor: pageParam }, schema: ScanDiffSchema, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    staleTime: 60_000,
  });
}
