import type { KeyMetadata } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { awsError, collectAll, stubbedContext, type SentCall } from '../collector-test-kit.js';
import { kmsKeys, rotationApplies } from './keys.js';

const CUSTOMER: KeyMetadata = {
  KeyId: 'k', KeyManager: 'CUSTOMER', KeySpec: 'SYMMETRIC_DEFAULT', KeyState: 'Enabled', Origin: 'AWS_KMS',
};

describe('rotationApplies', () => {
  it.each<[string, Partial<KeyMetadata>, boolean]>([
    ['enabled customer symmetric key', {}, true],
    ['AWS managed key', { KeyManager: 'AWS' }, false],
    ['asymmetric key', { KeySpec: 'RSA_2048' }, false],
    ['disabled key', { KeyState: 'Disabled' }, false],
    ['imported key material', { Origin: 'EXTERNAL' }, false],
    ['custom key store', { Origin: 'AWS_CLOUDHSM' }, false],
  ])('%s -> %s', (_name, change, expected) => {
    expect(rotationApplies({ ...CUSTOMER, ...change })).toBe(expected);
  });
});

function kms(call: SentCall): object {
  const id = String(call.input['KeyId']);
  if (call.command === 'ListKeys') {
    return { Keys: ['cmk', 'aws', 'denied', 'rot-denied'].map((k) => ({ KeyId: k, KeyArn: `arn:aws:kms:us-east-1:1:key/${k}` })) };
  }
  if (call.command === 'DescribeKey') {
    if (id === 'denied') throw awsError('AccessDeniedException');
    return { KeyMetadata: { ...CUSTOMER, KeyId: id, KeyManager: id === 'aws' ? 'AWS' : 'CUSTOMER' } };
  }
  if (id === 'rot-denied') throw awsError('AccessDeniedException');
  return { KeyRotationEnabled: true, RotationPeriodInDays: 365 };
}

describe('kms.keys', () => {
  it('describes every key and reads rotation only where it applies', async () => {
    const { ctx, calls } = stubbedContext(kms);
    const keys = await collectAll(kmsKeys, ctx);
    const rotation = keys.map((k) => [k.id, 'error' in k.data ? k.data : k.data.rotation]);
    expect(rotation).toEqual([
      ['cmk', { enabled: true, periodInDays: 365 }],
      ['aws', null],
      ['denied', { error: 'AccessDeniedException' }],
      ['rot-denied', { error: 'AccessDeniedException' }],
    ]);
    expect(calls.filter((c) => c.command === 'GetKeyRotationStatus').map((c) => c.input['KeyId'])).toEqual(['cmk', 'rot-denied']);
    expect(calls[0]?.input['Limit']).toBe(1000);
    expect(keys[0]?.arn).toBe('arn:aws:kms:us-east-1:1:key/cmk');
  });
});
