import {
  AccountListSchema, AccountSchema, RoleSetupSchema, ScanResponseSchema, type CreateAccountBody, type RotateCredentialsBody,
} from '@cloudsweep/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from './client.js';

export const accountKeys = {
  all: ['accounts'] as const,
  one: (id: string) => ['accounts', id] as const,
};

export function useAccounts() {
  return useQuery({
    queryKey: accountKeys.all,
    queryFn: async ({ signal }) => (await request('/api/accounts', { schema: AccountListSchema, signal })).accounts,
  });
}

export function useAccount(id: string) {
  return useQuery({
    queryKey: accountKeys.one(id),
    queryFn: ({ signal }) => request(`/api/accounts/${encodeURIComponent(id)}`, { schema: AccountSchema, signal }),
  });
}

function useAccountsMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.all }) });
}

export function useCreateAccount() {
  return useAccountsMutation((body: CreateAccountBody) => request('/api/accounts', { method: 'POST', body, schema: AccountSchema }));
}

/** A fresh ExternalId with the CloudFormation template and policy for the role. */
export function useRoleSetup() {
  return useMutation({ mutationFn: () => request('/api/accounts/external-id', { method: 'POST', schema: RoleSetupSchema }) });
}

/** The sample account's simulated regions: a scan of them shows every kind of finding in seconds. */
export const SAMPLE_REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];

/** Creates the sample account (once per user) and scans it; answers the scan (maybe a reused one). */
export function useTrySample() {
  return useAccountsMutation(async () => {
    const account = await request('/api/accounts/sample', { method: 'POST', schema: AccountSchema });
    const body = { regions: SAMPLE_REGIONS };
    return (await request(`/api/accounts/${encodeURIComponent(account.id)}/scans`, { method: 'POST', body, schema: ScanResponseSchema })).scan;
  });
}

export function useRotateCredentials(id: string) {
  return useAccountsMutation((body: RotateCredentialsBody) =>
    request(`/api/accounts/${encodeURIComponent(id)}/credentials`, { method: 'POST', body, schema: AccountSchema }),
  );
}

export function useDeleteAccount() {
  return useAccountsMutation((id: string) => request(`/api/accounts/${encodeURIComponent(id)}`, { method: 'DELETE' }));
}
