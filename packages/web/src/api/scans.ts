import { ScanPageSchema, ScanResponseSchema, TERMINAL_SCAN_STATUSES, type Scan, type StartScanBody } from '@cloudsweep/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from './client.js';

export const scanKeys = {
  one: (id: string) => ['scans', id] as const,
  ofAccount: (accountId: string) => ['accounts', accountId, 'scans'] as const,
};

export function isTerminal(scan: Pick<Scan, 'status'>): boolean {
  return TERMINAL_SCAN_STATUSES.includes(scan.status);
}

/** One scan; `pollMs` turns on polling (the fallback when the live stream fails) until it ends. */
export function useScan(id: string, pollMs: number | false = false) {
  return useQuery({
    queryKey: scanKeys.one(id),
    queryFn: async ({ signal }) => (await request(`/api/scans/${encodeURIComponent(id)}`, { schema: ScanResponseSchema, signal })).scan,
    refetchInterval: (query) => (pollMs && !(query.state.data && isTerminal(query.state.data)) ? pollMs : false),
  });
}

export function useAccountScans(accountId: string) {
  return useQuery({
    queryKey: scanKeys.ofAccount(accountId),
    queryFn: ({ signal }) =>
      request(`/api/accounts/${encodeURIComponent(accountId)}/scans`, { query: { limit: 20 }, schema: ScanPageSchema, signal }),
  });
}

function useScanMutation<V>(mutationFn: (variables: V) => Promise<Scan>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (scan) => {
      client.setQueryData(scanKeys.one(scan.id), scan);
      void client.invalidateQueries({ queryKey: scanKeys.ofAccount(scan.accountId) });
    },
  });
}

/** Starts a scan, or answers a recent one of the same scope with `cached: true` unless `force`. */
export function useStartScan(accountId: string) {
  return useScanMutation(async (body: StartScanBody) =>
    (await request(`/api/accounts/${encodeURIComponent(accountId)}/scans`, { method: 'POST', body, schema: ScanResponseSchema })).scan,
  );
}

export function useCancelScan() {
  return useScanMutation(async (id: string) =>
    (await request(`/api/scans/${encodeURIComponent(id)}/cancel`, { method: 'POST', schema: ScanResponseSchema })).scan,
  );
}

/** A new attempt of a failed or cancelled scan; answers the new scan. */
export function useRetryScan() {
  return useScanMutation(async (id: string) =>
    (await request(`/api/scans/${encodeURIComponent(id)}/retry`, { method: 'POST', schema: ScanResponseSchema })).scan,
  );
}
