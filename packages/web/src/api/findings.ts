import { FindingsPageSchema, type FindingsQuery } from '@cloudsweep/contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
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
