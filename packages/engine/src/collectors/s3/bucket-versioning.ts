import { GetBucketVersioningCommand, type BucketVersioningStatus, type MFADeleteStatus } from '@aws-sdk/client-s3';
import { defineCollector } from '../../core/collector.js';
import { BUCKET_LIST_PERMISSIONS } from './bucket-list.js';
import { collectPerBucket, type BucketAspect } from './per-bucket.js';

/** Both fields are absent for a bucket on which versioning was never turned on. */
export interface BucketVersioningData {
  readonly status: BucketVersioningStatus | null;
  readonly mfaDelete: MFADeleteStatus | null;
}

export const s3BucketVersioning = defineCollector<BucketAspect<BucketVersioningData>>({
  id: 's3.bucket-versioning',
  service: 's3',
  scope: 'global',
  permissions: [...BUCKET_LIST_PERMISSIONS, 's3:GetBucketVersioning'],
  collect: (ctx) =>
    collectPerBucket(ctx, async (client, Bucket) => {
      const { Status, MFADelete } = await client.send(new GetBucketVersioningCommand({ Bucket }));
      return { status: Status ?? null, mfaDelete: MFADelete ?? null };
    }),
});
