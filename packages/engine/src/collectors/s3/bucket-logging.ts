import { GetBucketLoggingCommand, type LoggingEnabled } from '@aws-sdk/client-s3';
import { defineCollector } from '../../core/collector.js';
import { BUCKET_LIST_PERMISSIONS } from './bucket-list.js';
import { collectPerBucket, type BucketAspect } from './per-bucket.js';

/** Server access logging target; null when access logging is off. */
export interface BucketLoggingData {
  readonly logging: LoggingEnabled | null;
}

export const s3BucketLogging = defineCollector<BucketAspect<BucketLoggingData>>({
  id: 's3.bucket-logging',
  service: 's3',
  scope: 'global',
  permissions: [...BUCKET_LIST_PERMISSIONS, 's3:GetBucketLogging'],
  collect: (ctx) =>
    collectPerBucket(ctx, async (client, Bucket) => {
      const { LoggingEnabled } = await client.send(new GetBucketLoggingCommand({ Bucket }));
      return { logging: LoggingEnabled ?? null };
    }),
});
