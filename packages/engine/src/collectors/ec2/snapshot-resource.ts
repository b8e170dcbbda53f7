import type { Snapshot } from '@aws-sdk/client-ec2';
import type { CollectorContext } from '../../core/collector.js';
import { tagsFromList, type Resource } from '../../core/resource.js';

/**
 * Both snapshot listings yield the same resource for a snapshot, so a check can match them by
 * ARN. EC2 snapshot ARNs carry no account id (`arn:aws:ec2:us-east-1::snapshot/snap-1`).
 */
export function snapshotResource(snapshot: Snapshot, ctx: CollectorContext): Resource<Snapshot> {
  const id = snapshot.SnapshotId ?? '';
  return {
    arn: `arn:${ctx.partition}:ec2:${ctx.region}::snapshot/${id}`,
    id,
    type: 'AWS::EC2::Snapshot',
    region: ctx.region,
    accountId: ctx.accountId,
    tags: tagsFromList(snapshot.Tags),
    data: snapshot,
  };
}
