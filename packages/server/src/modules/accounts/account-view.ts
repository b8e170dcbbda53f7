import type { Account } from '@cloudsweep/contract';
import type { AccountRow } from './accounts.repository.js';

/**
 * AKIA************WXYZ: enough for a person to tell their keys apart, as the AWS console shows
 * them. The id is not secret on its own, but nothing gains from showing all of it.
 */
function maskAccessKeyId(accessKeyId: string): string {
  if (accessKeyId.length <= 8) return '*'.repeat(accessKeyId.length);
  return `${accessKeyId.slice(0, 4)}${'*'.repeat(accessKeyId.length - 8)}${accessKeyId.slice(-4)}`;
}

/** The one way an account leaves the server: picked columns, never `secret_ciphertext`. */
export function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    name: row.name,
    mode: row.mode,
    sample: row.mode === 'sample',
    awsAccountId: row.aws_account_id,
    roleArn: row.role_arn,
    externalId: row.external_id,
    accessKeyId: row.access_key_id === null ? null : maskAccessKeyId(row.access_key_id),
    verifiedAt: row.verified_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
