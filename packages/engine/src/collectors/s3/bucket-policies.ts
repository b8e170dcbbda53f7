import { GetBucketPolicyCommand } from '@aws-sdk/client-s3';
import { defineCollector } from '../../core/collector.js';
import { BUCKET_LIST_PERMISSIONS } from './bucket-list.js';
import { collectPerBucket, unlessNotConfigured, type BucketAspect } from './per-bucket.js';

/** The bucket policy document as S3 returns it (JSON text), or null when there is none. */
export interface BucketPolicyData {
  readonly policy: string | null;
}

export const s3BucketPolicies = defineCollector<BucketAspect<BucketPolicyData>>({
  id: 's3.bucket-policies',
  service: 's3',
  scope: 'global',
  permissions: [...BUCKET_LIST_PERMISSIONS, 's3:GetBucketPolicy'],
  collect: (ctx) =>
    collectPerBucket(ctx, async (client, Bucket) => {
      const output = await unlessNotConfigured(
        client.send(new GetBucketPolicyCommand({ Bucket })),
        'NoSuchBucketPolicy',
        null,
      );
      return { policy: output?.Policy ?? null };
    }),
});
