// Test-only builders for S3 check tests.
import type { PublicAccessBlockConfiguration } from '@aws-sdk/client-s3';
import type { AccountPublicAccessBlockData } from '../../collectors/s3/account-public-access-block.js';
import { aResource } from '../check-test-kit.js';

export const ALL_ON: PublicAccessBlockConfiguration = {
  BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true,
};

export function aBucket<T>(id: string, data: T) {
  return aResource(data, { id, type: 'AWS::S3::Bucket', arn: `arn:aws:s3:::${id}` });
}

export function anAccountBlock(data: AccountPublicAccessBlockData) {
  return aResource(data, { id: '123456789012', type: 'AWS::S3::AccountPublicAccessBlock', region: 'global' });
}
