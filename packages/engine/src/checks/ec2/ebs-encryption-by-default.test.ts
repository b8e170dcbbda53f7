import { describe, expect, it } from 'vitest';
import type { EbsEncryptionDefault } from '../../collectors/ec2/ebs-encryption-default.js';
import { aResource, runCheck, statuses } from '../check-test-kit.js';
import { ebsEncryptionByDefault } from './ebs-encryption-by-default.js';

const setting = (data: EbsEncryptionDefault, region = 'us-east-1') =>
  aResource<EbsEncryptionDefault>(data, { id: `ebs-encryption-by-default/${region}`, region });

describe('ec2.ebs-encryption-by-default', () => {
  it.each<[EbsEncryptionDefault, string]>([
    [{ EbsEncryptionByDefault: true }, 'pass'],
    [{ EbsEncryptionByDefault: false }, 'fail'],
    [{}, 'unknown'],
  ])('%o -> %s', (data, expected) => {
    const [outcome] = runCheck(ebsEncryptionByDefault, { settings: [setting(data)] });
    expect(outcome?.status).toBe(expected);
  });

  it('names the region in the message', () => {
    const outcomes = runCheck(ebsEncryptionByDefault, { settings: [setting({ EbsEncryptionByDefault: false }, 'eu-north-1')] });
    expect(statuses(outcomes)).toEqual(['ebs-encryption-by-default/eu-north-1:fail']);
    expect(outcomes[0]?.message).toBe('EBS encryption by default is off in eu-north-1');
  });
});
