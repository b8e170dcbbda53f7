import type { Volume } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { aResource, runCheck, statuses } from '../check-test-kit.js';
import { volumeAttached } from './volume-attached.js';

const volume = (id: string, data: Volume, region = 'us-east-1') =>
  aResource<Volume>({ VolumeId: id, ...data }, { id, region, type: 'AWS::EC2::Volume' });

describe('ec2.volume-attached', () => {
  it('passes an in-use volume and fails an available one with its monthly cost', () => {
    const outcomes = runCheck(volumeAttached, {
      volumes: [
        volume('vol-used', { State: 'in-use', Size: 100, VolumeType: 'gp3' }),
        volume('vol-idle', { State: 'available', Size: 100, VolumeType: 'gp2' }),
      ],
    });
    expect(statuses(outcomes)).toEqual(['vol-used:pass', 'vol-idle:fail']);
    const failed = outcomes[1];
    expect(failed?.status === 'fail' && failed.savings?.monthlyUsd).toBe(10);
    expect(failed?.message).toBe('Unattached 100 GiB gp2 volume');
  });

  it('prices by the volume region', () => {
    const [outcome] = runCheck(volumeAttached, {
      volumes: [volume('vol-eu', { State: 'available', Size: 10, VolumeType: 'gp3' }, 'eu-west-1')],
    });
    expect(outcome?.status === 'fail' && outcome.savings?.monthlyUsd).toBe(0.88);
  });

  it('passes a volume that is still being created or deleted (not idle waste)', () => {
    const outcomes = runCheck(volumeAttached, {
      volumes: [volume('vol-new', { State: 'creating', Size: 5 }), volume('vol-gone', { State: 'deleting', Size: 5 })],
    });
    expect(statuses(outcomes)).toEqual(['vol-new:pass', 'vol-gone:pass']);
  });

  it('returns nothing for a region with no volumes', () => {
    expect(runCheck(volumeAttached, { volumes: [] })).toEqual([]);
  });
});
