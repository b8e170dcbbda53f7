import type { Volume } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { aResource, runCheck, statuses } from '../check-test-kit.js';
import { ebsEncrypted } from './ebs-encrypted.js';

const volume = (id: string, data: Volume) => aResource<Volume>({ VolumeId: id, Size: 8, ...data }, { id });

describe('ec2.ebs-encrypted', () => {
  it('passes encrypted, fails unencrypted and is unknown when not reported', () => {
    const outcomes = runCheck(ebsEncrypted, {
      volumes: [volume('vol-enc', { Encrypted: true }), volume('vol-plain', { Encrypted: false }), volume('vol-odd', {})],
    });
    expect(statuses(outcomes)).toEqual(['vol-enc:pass', 'vol-plain:fail', 'vol-odd:unknown']);
    expect(outcomes[1]?.message).toBe('Volume vol-plain (8 GiB) is not encrypted');
  });

  it('returns nothing for a region with no volumes', () => {
    expect(runCheck(ebsEncrypted, { volumes: [] })).toEqual([]);
  });
});
