import type { Snapshot } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { aResource, runCheck, savingsOf as savings, statuses } from '../check-test-kit.js';
import { snapshotRecent } from './snapshot-recent.js';

// TEST_NOW is 2026-12-01T00:00:00Z; 365 days earlier is 2025-12-01.
const snapshot = (id: string, data: Snapshot, region = 'us-east-1') =>
  aResource<Snapshot>({ SnapshotId: id, VolumeSize: 100, ...data }, { id, region });

describe('ec2.snapshot-recent', () => {
  it('passes at exactly 365 days and fails a second older with 100 GiB x $0.05 = $5.00 as an upper bound', () => {
    const outcomes = runCheck(snapshotRecent, {
      snapshots: [
        snapshot('snap-365', { StartTime: new Date('2025-12-01T00:00:00Z') }),
        snapshot('snap-old', { StartTime: new Date('2025-11-30T23:59:59Z') }),
      ],
    });
    expect(statuses(outcomes)).toEqual(['snap-365:pass', 'snap-old:fail']);
    expect(savings(outcomes[1])?.monthlyUsd).toBe(5);
    expect(savings(outcomes[1])?.basis).toContain('upper bound');
    expect(outcomes[1]?.message).toBe('Snapshot snap-old was taken on 2025-11-30, 365 days ago, over the 365-day limit (100 GiB volume)');
  });

  it('prices archived snapshots at the archive tier: 100 GiB x $0.0125 = $1.25', () => {
    const [outcome] = runCheck(snapshotRecent, {
      snapshots: [snapshot('snap-arch', { StartTime: new Date('2020-01-01T00:00:00Z'), StorageTier: 'archive' })],
    });
    expect(savings(outcome)?.monthlyUsd).toBe(1.25);
  });

  it('prices by region and names the AMI a snapshot backs', () => {
    const [outcome] = runCheck(snapshotRecent, {
      snapshots: [
        snapshot(
          'snap-ami',
          { StartTime: new Date('2024-01-01T00:00:00Z'), VolumeSize: 50, Description: 'Created by CreateImage(i-1) for ami-0abc123 from vol-1' },
          'sa-east-1',
        ),
      ],
    });
    // 50 GiB x $0.05 x 1.9 = $4.75
    expect(savings(outcome)?.monthlyUsd).toBe(4.75);
    expect(outcome?.message).toContain('backs ami-0abc123');
  });

  it('honours maxAgeDays and is unknown without a start time', () => {
    const outcomes = runCheck(
      snapshotRecent,
      { snapshots: [snapshot('snap-40d', { StartTime: new Date('2026-10-22T00:00:00Z') }), snapshot('snap-odd', {})] },
      { maxAgeDays: 30 },
    );
    expect(statuses(outcomes)).toEqual(['snap-40d:fail', 'snap-odd:unknown']);
  });

  it('rejects a non-positive maxAgeDays setting', () => {
    expect(() => runCheck(snapshotRecent, { snapshots: [] }, { maxAgeDays: 0 })).toThrow();
  });
});
