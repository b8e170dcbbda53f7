import type { DBSnapshot } from '@aws-sdk/client-rds';
import { describe, expect, it } from 'vitest';
import type { DbSnapshotRecord } from '../../collectors/rds/db-snapshots.js';
import { aResource, runCheck, savingsOf as savings, statuses } from '../check-test-kit.js';
import { manualSnapshotRecent } from './manual-snapshot-recent.js';

// TEST_NOW is 2026-12-01T00:00:00Z; 365 days earlier is 2025-12-01.
const snapshot = (id: string, data: DBSnapshot, region = 'us-east-1') =>
  aResource<DbSnapshotRecord>(
    { snapshot: { DBSnapshotIdentifier: id, SnapshotType: 'manual', AllocatedStorage: 200, ...data }, restoreAccess: { accountIds: [] } },
    { id, region },
  );

describe('rds.manual-snapshot-recent', () => {
  it('passes at exactly 365 days, fails older with 200 GiB x $0.095 = $19.00 as an upper bound', () => {
    const outcomes = runCheck(manualSnapshotRecent, {
      snapshots: [
        snapshot('at-limit', { SnapshotCreateTime: new Date('2025-12-01T00:00:00Z') }),
        snapshot('old', { SnapshotCreateTime: new Date('2025-06-01T00:00:00Z') }),
      ],
    });
    expect(statuses(outcomes)).toEqual(['at-limit:pass', 'old:fail']);
    expect(savings(outcomes[1])?.monthlyUsd).toBe(19);
    expect(savings(outcomes[1])?.basis).toContain('upper bound');
    expect(outcomes[1]?.message).toBe('DB snapshot old was taken on 2025-06-01, 548 days ago, over the 365-day limit (200 GiB allocated)');
  });

  it('prices by region: 100 GiB in eu-central-1 = 100 x 0.095 x 1.19 = $11.31', () => {
    const [outcome] = runCheck(manualSnapshotRecent, {
      snapshots: [snapshot('eu', { SnapshotCreateTime: new Date('2020-01-01T00:00:00Z'), AllocatedStorage: 100 }, 'eu-central-1')],
    });
    expect(savings(outcome)?.monthlyUsd).toBe(11.31);
  });

  it('ignores automated and AWS Backup snapshots, which expire on their own', () => {
    const old = new Date('2020-01-01T00:00:00Z');
    const outcomes = runCheck(manualSnapshotRecent, {
      snapshots: [snapshot('auto', { SnapshotType: 'automated', SnapshotCreateTime: old }), snapshot('bk', { SnapshotType: 'awsbackup', SnapshotCreateTime: old })],
    });
    expect(outcomes).toEqual([]);
  });

  it('honours maxAgeDays and is unknown without a creation time', () => {
    const outcomes = runCheck(
      manualSnapshotRecent,
      { snapshots: [snapshot('month', { SnapshotCreateTime: new Date('2026-10-01T00:00:00Z') }), snapshot('creating', {})] },
      { maxAgeDays: 30 },
    );
    expect(statuses(outcomes)).toEqual(['month:fail', 'creating:unknown']);
  });
});
