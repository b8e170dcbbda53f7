import { describe, expect, it } from 'vitest';
import { runCheck, statuses } from '../check-test-kit.js';
import { kmsEncrypted } from './kms-encrypted.js';
import { aTrail } from './trail-test-resources.js';

describe('cloudtrail.kms-encrypted', () => {
  it('passes a trail with a KMS key and fails one without', () => {
    const outcomes = runCheck(kmsEncrypted, {
      trails: [aTrail('kms', { KmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/k' }), aTrail('sse-s3'), aTrail('empty', { KmsKeyId: '' })],
    });
    expect(statuses(outcomes)).toEqual(['kms:pass', 'sse-s3:fail', 'empty:fail']);
  });

  it('returns nothing without trails', () => {
    expect(runCheck(kmsEncrypted, { trails: [] })).toEqual([]);
  });
});
