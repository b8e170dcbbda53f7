import { defineCheck, fail, noSettings, pass, unknown, type Outcome } from '../../core/check.js';
import { s3AccountPublicAccessBlock } from '../../collectors/s3/account-public-access-block.js';
import { s3BucketPublicAccessBlocks } from '../../collectors/s3/bucket-public-access-blocks.js';
import { accountBlock, effectiveBlock, flagsOff, flagsUnknown, type EffectiveBlock } from './effective-public-access-block.js';
import type { ResourceRef } from '../../core/resource.js';

export const blockPublicAccess = defineCheck({
  id: 's3.block-public-access',
  title: 'S3 Block Public Access is on for the account and every bucket',
  kind: 'security',
  severity: 'high',
  description:
    'Block Public Access overrides bucket policies and ACLs that would expose data to the ' +
    'internet, so one mistaken policy or ACL cannot leak a bucket. Turned on for the whole ' +
    'account, it also protects buckets created later. A bucket passes when its effective block ' +
    '(each of the four settings on at the account or at the bucket) is complete; the account ' +
    'passes when all four are on account-wide.',
  remediation: {
    text:
      'Turn on all four Block Public Access settings for the account (S3 console > Block Public ' +
      'Access settings for this account); for a bucket that must stay public, document the exception.',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
  },
  compliance: ['CIS-5.0:2.1.4'],
  uses: { accountBlocks: s3AccountPublicAccessBlock, bucketBlocks: s3BucketPublicAccessBlocks },
  settings: noSettings,
  evaluate: ({ accountBlocks, bucketBlocks }) => {
    const account = accountBlocks[0];
    const accountOutcomes = accountBlocks.map((a) => judge(a, 'The account', accountBlock(a.data), ''));
    const fromAccount = accountBlock(account?.data);
    return [
      ...accountOutcomes,
      ...bucketBlocks.map((bucket) =>
        judge(bucket, `Bucket ${bucket.id}`, effectiveBlock(account?.data, bucket.data), describeSource(fromAccount)),
      ),
    ];
  },
});

function judge(resource: ResourceRef, subject: string, block: EffectiveBlock, source: string): Outcome {
  const off = flagsOff(block);
  if (off.length > 0) return fail(resource, `${subject} does not block public access: ${off.join(', ')} off`);
  const unreadable = flagsUnknown(block);
  if (unreadable.length > 0) {
    return unknown(resource, `${subject}: could not read Block Public Access (${unreadable.join(', ')} undecided)`);
  }
  return pass(resource, `${subject} blocks all public access${source}`);
}

function describeSource(fromAccount: EffectiveBlock): string {
  return flagsOff(fromAccount).length === 0 && flagsUnknown(fromAccount).length === 0
    ? ' (account-level setting)'
    : '';
}
