import { defineCheck, fail, noSettings, pass, unknown } from '../../core/check.js';
import { s3AccountPublicAccessBlock } from '../../collectors/s3/account-public-access-block.js';
import { s3BucketAcls } from '../../collectors/s3/bucket-acls.js';
import { s3BucketPolicies } from '../../collectors/s3/bucket-policies.js';
import { s3BucketPublicAccessBlocks } from '../../collectors/s3/bucket-public-access-blocks.js';
import type { ResourceRef } from '../../core/resource.js';
import { effectiveBlock } from './effective-public-access-block.js';
import { aclExposure, policyExposure } from './public-exposure.js';

export const bucketNotPublic = defineCheck({
  id: 's3.bucket-not-public',
  title: 'S3 buckets are not publicly accessible',
  kind: 'security',
  severity: 'critical',
  description:
    'A bucket ACL granting access to all users (or to any AWS account), or a bucket policy ' +
    'allowing any principal without a condition that limits the source, exposes the data to ' +
    'the internet. Public grants neutralised by Block Public Access (IgnorePublicAcls, ' +
    'RestrictPublicBuckets) do not count.',
  remediation: {
    text:
      'Remove the public ACL grants and policy statements, or turn on Block Public Access. Serve ' +
      'public content through CloudFront with origin access control instead of a public bucket.',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
  },
  compliance: [],
  uses: {
    acls: s3BucketAcls,
    policies: s3BucketPolicies,
    bucketBlocks: s3BucketPublicAccessBlocks,
    accountBlocks: s3AccountPublicAccessBlock,
  },
  settings: noSettings,
  evaluate: ({ acls, policies, bucketBlocks, accountBlocks }) => {
    const account = accountBlocks[0]?.data;
    const aclOf = new Map(acls.map((r) => [r.id, r.data]));
    const policyOf = new Map(policies.map((r) => [r.id, r.data]));
    const blockOf = new Map(bucketBlocks.map((r) => [r.id, r.data]));
    const buckets = new Map<string, ResourceRef>([...acls, ...policies].map((r) => [r.id, r]));
    return [...buckets.values()].map((bucket) => {
      const block = effectiveBlock(account, blockOf.get(bucket.id));
      const exposures = [aclExposure(aclOf.get(bucket.id), block), policyExposure(policyOf.get(bucket.id), block)];
      const publicOnes = exposures.filter((e) => e.state === 'public');
      if (publicOnes.length > 0) {
        return fail(bucket, `Bucket ${bucket.id} is public: ${publicOnes.map((e) => e.reason).join('; ')}`);
      }
      const undecided = exposures.filter((e) => e.state === 'unknown');
      if (undecided.length > 0) {
        return unknown(bucket, `Bucket ${bucket.id}: ${undecided.map((e) => e.reason).join('; ')}`);
      }
      return pass(bucket, `Bucket ${bucket.id} is not public: ${exposures.map((e) => e.reason).join('; ')}`);
    });
  },
});
