import { GetBucketEncryptionCommand, type ServerSideEncryptionConfiguration } from '@aws-sdk/client-s3';
import { defineCollector } from '../../core/collector.js';
import { BUCKET_LIST_PERMISSIONS } from './bucket-list.js';
import { collectPerBucket, unlessNotConfigured, type BucketAspect } from './per-bucket.js';

/** Default encryption of new objects; null when the bucket has none configured. */
export interface BucketEncryptionData {
  readonly encryption: ServerSideEncryptionConfiguration | null;
}

export const s3BucketEncryption = defineCollector<BucketAspect<BucketEncryptionData>>({
  id: 's3.bucket-encryption',
  service: 's3',
  scope: 'global',
  // GetBucketEncryption is authorised by the differently named IAM action.
  permissions: [...BUCKET_LIST_PERMISSIONS, 's3:GetEncryptionConfiguration'],
  collect: (ctx) =>
    collectPerBucket(ctx, async (client, Bucket) => {
      const output = await unlessNotConfigured(
        client.send(new GetBucketEncryptionCommand({ Bucket })),
        'ServerSideEncryptionConfigurationNotFoundError',
        null,
      );
      return { encryption: output?.ServerSideEncryptionConfiguration ?? null };
    }),
});
