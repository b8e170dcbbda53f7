import { GetBucketLifecycleConfigurationCommand, type LifecycleRule } from '@aws-sdk/client-s3';
import { defineCollector } from '../../core/collector.js';
import { BUCKET_LIST_PERMISSIONS } from './bucket-list.js';
import { collectPerBucket, unlessNotConfigured, type BucketAspect } from './per-bucket.js';

/** Lifecycle rules; null when the bucket has no lifecycle configuration at all. */
export interface BucketLifecycleData {
  readonly rules: readonly LifecycleRule[] | null;
}

export const s3BucketLifecycle = defineCollector<BucketAspect<BucketLifecycleData>>({
  id: 's3.bucket-lifecycle',
  service: 's3',
  scope: 'global',
  // GetBucketLifecycleConfiguration is authorised by the differently named IAM action.
  permissions: [...BUCKET_LIST_PERMISSIONS, 's3:GetLifecycleConfiguration'],
  collect: (ctx) =>
    collectPerBucket(ctx, async (client, Bucket) => {
      const output = await unlessNotConfigured(
        client.send(new GetBucketLifecycleConfigurationCommand({ Bucket })),
        'NoSuchLifecycleConfiguration',
        null,
      );
      return { rules: output ? (output.Rules ?? []) : null };
    }),
});
