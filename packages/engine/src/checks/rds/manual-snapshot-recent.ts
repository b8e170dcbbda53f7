import { z } from 'zod';
import { rdsDbSnapshots } from '../../collectors/rds/db-snapshots.js';
import { defineCheck, fail, pass, unknown } from '../../core/check.js';
import { perGbMonthCost } from '../../pricing/estimate.js';
import { US_EAST_1 } from '../../pricing/price-table.js';
import { takenAge } from '../ages.js';

export const manualSnapshotRecent = defineCheck({
  id: 'rds.manual-snapshot-recent',
  title: 'Manual RDS snapshots are not kept past their useful age',
  kind: 'cost',
  severity: 'low',
  description:
    'Manual DB snapshots never expire: they stay, and are billed, until someone deletes them, ' +
    'often long after the database they came from is gone.',
  remediation: {
    text: 'Delete manual snapshots no longer needed, or export them to S3; use automated backups or AWS Backup for retention.',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteSnapshot.html',
  },
  compliance: [],
  uses: { snapshots: rdsDbSnapshots },
  settings: z.object({ maxAgeDays: z.number().int().positive().default(365) }),
  evaluate: ({ snapshots }, { maxAgeDays }, ctx) =>
    snapshots
      // Automated snapshots expire with the backup retention period; AWS Backup ones with their plan.
      .filter((snapshot) => snapshot.data.snapshot.SnapshotType === 'manual')
      .map((snapshot) => {
        const { SnapshotCreateTime, AllocatedStorage } = snapshot.data.snapshot;
        const age = takenAge(`DB snapshot ${snapshot.id}`, SnapshotCreateTime, ctx.now);
        if (!age) return unknown(snapshot, `DB snapshot ${snapshot.id} does not report when it was taken`);
        if (age.days <= maxAgeDays) return pass(snapshot, age.text);
        const cost = perGbMonthCost(AllocatedStorage ?? 0, US_EAST_1.rdsSnapshotGbMonth, 'RDS snapshot', snapshot.region);
        // Billed for the data it holds (and only beyond the free backup allowance), at most the allocated size.
        const basis = `${cost.basis}; upper bound: AllocatedStorage over-estimates the data a snapshot holds`;
        const message = `${age.text}, over the ${maxAgeDays}-day limit (${AllocatedStorage ?? '?'} GiB allocated)`;
        return fail(snapshot, message, { ...cost, basis });
      }),
});
