import { paginateDescribeSnapshots, type Snapshot } from '@aws-sdk/client-ec2';
import { defineCollector } from '../../core/collector.js';
import { snapshotResource } from './snapshot-resource.js';

export const ec2Snapshots = defineCollector<Snapshot>({
  id: 'ec2.snapshots',
  service: 'ec2',
  scope: 'regional',
  permissions: ['ec2:DescribeSnapshots'],
  async *collect(ctx) {
    const client = ctx.aws.client('ec2', ctx.region);
    // OwnerIds=self: without it DescribeSnapshots lists every public snapshot in the region
    // too (hundreds of thousands). MaxResults keeps the call on EC2's larger token bucket.
    const pages = paginateDescribeSnapshots({ client, pageSize: 1000 }, { OwnerIds: ['self'] });
    for await (const page of pages) {
      for (const snapshot of page.Snapshots ?? []) yield snapshotResource(snapshot, ctx);
    }
  },
});
