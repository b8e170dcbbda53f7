import { describe, expect, it } from 'vitest';
import { collectAll, stubbedContext } from '../collector-test-kit.js';
import { ec2EbsEncryptionDefault } from './ebs-encryption-default.js';

describe('ec2.ebs-encryption-default', () => {
  it.each([true, false])('yields exactly one resource per region when the setting is %s', async (enabled) => {
    const { ctx } = stubbedContext(() => ({ EbsEncryptionByDefault: enabled, SseType: 'sse-ebs' }), 'ap-south-1');
    const resources = await collectAll(ec2EbsEncryptionDefault, ctx);
    expect(resources).toHaveLength(1);
    expect(resources[0]?.data).toEqual({ EbsEncryptionByDefault: enabled, SseType: 'sse-ebs' });
    expect(resources[0]?.arn).toBe('arn:aws:ec2:ap-south-1:123456789012:ebs-encryption-by-default');
  });
});
