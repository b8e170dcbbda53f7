import { describe, expect, it } from 'vitest';
import { collectAll, stubbedContext } from '../collector-test-kit.js';
import { ec2PublicSnapshots } from './public-snapshots.js';
import { ec2Snapshots } from './snapshots.js';

describe('EC2 snapshot listings', () => {
  it('ec2.snapshots lists only the account own snapshots, 1000 per page', async () => {
    const { ctx, calls } = stubbedContext(() => ({ Snapshots: [{ SnapshotId: 'snap-1', VolumeSize: 8 }] }), 'eu-west-1');
    const [snapshot] = await collectAll(ec2Snapshots, ctx);
    expect(calls[0]?.input).toEqual({ OwnerIds: ['self'], MaxResults: 1000 });
    // EC2 snapshot ARNs have an empty account field.
    expect(snapshot?.arn).toBe('arn:aws:ec2:eu-west-1::snapshot/snap-1');
    expect(snapshot?.type).toBe('AWS::EC2::Snapshot');
  });

  it('ec2.public-snapshots asks EC2 for own snapshots restorable by all, in one listing', async () => {
    const { ctx, calls } = stubbedContext(() => ({ Snapshots: [{ SnapshotId: 'snap-pub' }] }));
    const resources = await collectAll(ec2PublicSnapshots, ctx);
    expect(calls).toEqual([
      {
        service: 'ec2',
        region: 'us-east-1',
        command: 'DescribeSnapshots',
        input: { OwnerIds: ['self'], RestorableByUserIds: ['all'], MaxResults: 1000 },
      },
    ]);
    expect(resources.map((r) => r.arn)).toEqual(['arn:aws:ec2:us-east-1::snapshot/snap-pub']);
  });
});
