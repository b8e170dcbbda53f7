import type { Volume } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { aResource, runCheck, statuses } from '../check-test-kit.js';
import { volumeGp3 } from './volume-gp3.js';

const volume = (id: string, data: Volume, region = 'us-east-1') => aResource<Volume>({ VolumeId: id, ...data }, { id, region });
const savingOf = (outcome: ReturnType<typeof runCheck>[number] | undefined) =>
  outcome?.status === 'fail' ? outcome.savings?.monthlyUsd : undefined;

describe('ec2.volume-gp3', () => {
  it('fails gp2 with the gp2-gp3 difference: 500 GiB x $0.02 = $10.00 in us-east-1', () => {
    const outcomes = runCheck(volumeGp3, {
      volumes: [volume('vol-old', { VolumeType: 'gp2', Size: 500 }), volume('vol-new', { VolumeType: 'gp3', Size: 500 })],
    });
    expect(statuses(outcomes)).toEqual(['vol-old:fail', 'vol-new:pass']);
    expect(savingOf(outcomes[0])).toBe(10);
    expect(outcomes[0]?.message).toBe('gp2 volume vol-old (500 GiB) would cost $10.00 less a month as gp3');
  });

  it('prices by region: 2000 GiB in eu-west-1 = 2000 x (0.11 - 0.088) = $44.00', () => {
    const [outcome] = runCheck(volumeGp3, { volumes: [volume('vol-eu', { VolumeType: 'gp2', Size: 2000 }, 'eu-west-1')] });
    expect(savingOf(outcome)).toBe(44);
  });

  it('warns above 1000 GiB that gp3 may need provisioned IOPS, still failing with the storage delta', () => {
    const outcomes = runCheck(volumeGp3, {
      volumes: [volume('vol-1000', { VolumeType: 'gp2', Size: 1000 }), volume('vol-1001', { VolumeType: 'gp2', Size: 1001 })],
    });
    expect(outcomes[0]?.message).not.toContain('IOPS');
    expect(outcomes[1]?.status).toBe('fail');
    expect(outcomes[1]?.message).toContain('gp2 baseline of 3003 IOPS is above the 3000 gp3 includes');
    expect(savingOf(outcomes[1])).toBe(20.02);
  });

  it('caps the gp2 baseline at 16000 IOPS in the note', () => {
    const [outcome] = runCheck(volumeGp3, { volumes: [volume('vol-big', { VolumeType: 'gp2', Size: 10000 })] });
    expect(outcome?.message).toContain('baseline of 16000 IOPS');
  });

  it('is unknown for a gp2 volume without a size, and passes other types', () => {
    const outcomes = runCheck(volumeGp3, {
      volumes: [volume('vol-odd', { VolumeType: 'gp2' }), volume('vol-io', { VolumeType: 'io2', Size: 10 }), volume('vol-x', {})],
    });
    expect(statuses(outcomes)).toEqual(['vol-odd:unknown', 'vol-io:pass', 'vol-x:pass']);
  });
});
