import { GetBucketAclCommand, type Grant, type Owner } from '@aws-sdk/client-s3';
import { defineCollector } from '../../core/collector.js';
import { BUCKET_LIST_PERMISSIONS } from './bucket-list.js';
import { collectPerBucket, type BucketAspect } from './per-bucket.js';

export interface BucketAclData {
  readonly owner: Owner | null;
  readonly grants: readonly Grant[];
}

export const s3BucketAcls = defineCollector<BucketAspect<BucketAclData>>({
  id: 's3.bucket-acls',
  service: 's3',
  scope: 'global',
  permissions: [...BUCKET_LIST_PERMISSIONS, 's3:GetBucketAcl'],
  collect: (ctx) =>
    collectPerBucket(ctx, async (client, Bucket) => {
      const { Owner, Grants } = await client.send(new GetBucketAclCommand({ Bucket }));
      return { owner: Owner ?? null, grants: Grants ?? [] };
    }),
});
