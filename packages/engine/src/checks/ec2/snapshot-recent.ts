import type { Snapshot } from '@aws-sdk/client-ec2';
import { z } from 'zod';
import { ec2Snapshots } from '../../collectors/ec2/snapshots.js';
import { defineCheck, fail, pass, unknown, type Savings } from '../../core/check.js';
import { perGbMonthCost } from '../../pricing/estimate.js';
import { US_EAST_1 } from '../../pricing/price-table.js';
import { takenAge } from '../ages.js';

function storageCost(snapshot: Snapshot, region: string): Savings {
  const size = snapshot.VolumeSize ?? 0;
  // Standard-tier snapshots are incremental: billed for blocks changed since the previous
  // snapshot, which VolumeSize cannot tell. Archived ones are full but hold only written blocks.
  const cost =
    snapshot.StorageTier === 'archive'
      ? perGbMonthCost(size, US_EAST_1.ebsSnapshotArchiveGbMonth, 'EBS snapshot archive', region)
      : perGbMonthCost(size, US_EAST_1.ebsSnapshotGbMonth, 'EBS snapshot', region);
  return { ...cost, basis: `${cost.basis}; upper bound: VolumeSize over-estimates the blocks the snapshot holds` };
}

export const snapshotRecent = defineCheck({
  id: 'ec2.snapshot-recent',
  title: 'EBS snapshots are not kept past their useful age',
  kind: 'cost',
  severity: 'low',
  description:
    'Old snapshots are often kept by accident, after the volume or instance is gone, and each is ' +
    'billed every month. A lifecycle policy or AWS Backup plan keeps only what is needed.',
  remediation: {
    text: 'Delete snapshots no longer needed (deregister any AMI that uses one first), or archive long-term ones; automate retention with Data Lifecycle Manager.',
    url: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-deleting-snapshot.html',
  },
  compliance: [],
  uses: { snapshots: ec2Snapshots },
  settings: z.object({ maxAgeDays: z.number().int().positive().default(365) }),
  evaluate: ({ snapshots }, { maxAgeDays }, ctx) =>
    snapshots.map((snapshot) => {
      const age = takenAge(`Snapshot ${snapshot.id}`, snapshot.data.StartTime, ctx.now);
      if (!age) return unknown(snapshot, `Snapshot ${snapshot.id} does not report when it was taken`);
      if (age.days <= maxAgeDays) return pass(snapshot, age.text);
      const ami = /for (ami-[0-9a-f]+)/.exec(snapshot.data.Description ?? '')?.[1];
      const what = `${snapshot.data.VolumeSize ?? '?'} GiB volume${ami ? `, backs ${ami}` : ''}`;
      return fail(snapshot, `${age.text}, over the ${maxAgeDays}-day limit (${what})`, storageCost(snapshot.data, snapshot.region));
    }),
});
