import type { Snapshot } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { aResource, runCheck, statuses } from '../check-test-kit.js';
import { snapshotNotPublic } from './snapshot-not-public.js';

const snapshot = (id: string) =>
  aResource<Snapshot>({ SnapshotId: id }, { id, arn: `arn:aws:ec2:us-east-1::snapshot/${id}`, type: 'AWS::EC2::Snapshot' });

describe('ec2.snapshot-not-public', () => {
  it('fails own snapshots found in the public listing and passes the rest', () => {
    const outcomes = runCheck(snapshotNotPublic, {
      snapshots: [snapshot('snap-private'), snapshot('snap-public')],
      publicSnapshots: [snapshot('snap-public')],
    });
    expect(statuses(outcomes)).toEqual(['snap-private:pass', 'snap-public:fail']);
    expect(outcomes[1]?.message).toBe('Snapshot snap-public can be restored by any AWS account');
  });

  it('fails a public snapshot created between the two listings', () => {
    const outcomes = runCheck(snapshotNotPublic, { snapshots: [], publicSnapshots: [snapshot('snap-new')] });
    expect(statuses(outcomes)).toEqual(['snap-new:fail']);
  });

  it('reports each snapshot once when both listings have it', () => {
    const outcomes = runCheck(snapshotNotPublic, { snapshots: [snapshot('snap-1')], publicSnapshots: [snapshot('snap-1')] });
    expect(statuses(outcomes)).toEqual(['snap-1:fail']);
  });

  it('returns nothing for a region with no snapshots', () => {
    expect(runCheck(snapshotNotPublic, { snapshots: [], publicSnapshots: [] })).toEqual([]);
  });
});
