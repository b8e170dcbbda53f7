import {
  GetPublicAccessBlockCommand,
  type PublicAccessBlockConfiguration,
  type S3ControlClient,
} from '@aws-sdk/client-s3-control';
import { defineCollector } from '../../core/collector.js';
import { GLOBAL_REGION } from '../../core/resource.js';
import { orError, type CallError } from '../call-errors.js';
import { unlessNotConfigured } from './per-bucket.js';

/** Account-wide block public access; null when never configured, error when unreadable. */
export type AccountPublicAccessBlockData =
  | { readonly publicAccessBlock: PublicAccessBlockConfiguration | null }
  | CallError;

const ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE = 'AWS::S3::AccountPublicAccessBlock';

export const s3AccountPublicAccessBlock = defineCollector<AccountPublicAccessBlockData>({
  id: 's3.account-public-access-block',
  service: 's3control',
  scope: 'global',
  permissions: ['s3:GetAccountPublicAccessBlock'],
  async *collect(ctx) {
    yield {
      // The setting has no ARN of its own; this one is stable per account, for fingerprints.
      arn: `arn:${ctx.partition}:s3::${ctx.accountId}:account-public-access-block`,
      id: ctx.accountId,
      type: ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE,
      region: GLOBAL_REGION,
      accountId: ctx.accountId,
      tags: {},
      data: await readAccountBlock(ctx.aws.client('s3control', ctx.region), ctx.accountId, ctx.signal),
    };
  },
});

// A denied read is kept as data (not thrown) so buckets with their own full block still pass.
function readAccountBlock(
  client: S3ControlClient,
  AccountId: string,
  signal: AbortSignal,
): Promise<AccountPublicAccessBlockData> {
  const read = client
    .send(new GetPublicAccessBlockCommand({ AccountId }))
    .then((output) => ({ publicAccessBlock: output.PublicAccessBlockConfiguration ?? null }));
  return orError(signal, unlessNotConfigured(read, 'NoSuchPublicAccessBlockConfiguration', { publicAccessBlock: null }));
}
