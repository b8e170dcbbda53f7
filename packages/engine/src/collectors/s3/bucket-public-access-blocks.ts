import { GetPublicAccessBlockCommand, type PublicAccessBlockConfiguration } from '@aws-sdk/client-s3';
import { defineCollector } from '../../core/collector.js';
import { BUCKET_LIST_PERMISSIONS } from './bucket-list.js';
import { collectPerBucket, unlessNotConfigured, type BucketAspect } from './per-bucket.js';

/** The bucket's own block public access settings; null when the bucket has none. */
export interface BucketPublicAccessBlockData {
  readonly publicAccessBlock: PublicAccessBlockConfiguration | null;
}

export const s3BucketPublicAccessBlocks = defineCollector<BucketAspect<BucketPublicAccessBlockData>>({
  id: 's3.bucket-public-access-blocks',
  service: 's3',
  scope: 'global',
  // The IAM action is named after the bucket, not the API call.
  permissions: [...BUCKET_LIST_PERMISSIONS, 's3:GetBucketPublicAccessBlock'],
  collect: (ctx) =>
    collectPerBucket(ctx, async (client, Bucket) => {
      const output = await unlessNotConfigured(
        client.send(new GetPublicAccessBlockCommand({ Bucket })),
        'NoSuchPublicAccessBlockConfiguration',
        null,
      );
      return { publicAccessBlock: output?.PublicAccessBlockConfiguration ?? null };
    }),
});
