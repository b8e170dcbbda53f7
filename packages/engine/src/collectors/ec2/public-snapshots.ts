import { paginateDescribeSnapshots, type Snapshot } from '@aws-sdk/client-ec2';
import { defineCollector } from '../../core/collector.js';
import { snapshotResource } from './snapshot-resource.js';

/**
 * The account's own snapshots that anyone may restore. RestorableByUserIds=['all'] makes EC2
 * return only snapshots whose createVolumePermission includes the group `all`, so one listing
 * per region replaces a DescribeSnapshotAttribute call per snapshot (thousands of calls in
 * accounts with many backups). A snapshot shared with specific accounts is not listed here.
 */
export const ec2PublicSnapshots = defineCollector<Snapshot>({
  id: 'ec2.public-snapshots',
  service: 'ec2',
  scope: 'regional',
  permissions: ['ec2:DescribeSnapshots'],
  async *collect(ctx) {
    const client = ctx.aws.client('ec2', ctx.region);
    const input = { OwnerIds: ['self'], RestorableByUserIds: ['all'] };
    for await (const page of paginateDescribeSnapshots({ client, pageSize: 1000 }, input)) {
      for (const snapshot of page.Snapshots ?? []) yield snapshotResource(snapshot, ctx);
    }
  },
});
