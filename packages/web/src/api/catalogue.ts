import { CheckCatalogueSchema, RegionListSchema } from '@cloudsweep/contract';
import { useQuery } from '@tanstack/react-query';
import { request } from './client.js';

// The catalogue only changes with a release: fetched once per page load.
export function useChecks() {
  return useQuery({
    queryKey: ['catalogue', 'checks'],
    queryFn: async ({ signal }) => (await request('/api/checks', { schema: CheckCatalogueSchema, signal })).checks,
    staleTime: Infinity,
  });
}

export function useRegions() {
  return useQuery({
    queryKey: ['catalogue', 'regions'],
    queryFn: async ({ signal }) => (await request('/api/regions', { schema: RegionListSchema, signal })).regions,
    staleTime: Infinity,
  });
}
