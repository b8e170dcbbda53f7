import { describe, expect, it } from 'vitest';
import { runCheck, statuses } from '../check-test-kit.js';
import { bucketDefaultEncryption } from './bucket-default-encryption.js';
import { aBucket } from './s3-test-resources.js';

describe('s3.bucket-default-encryption', () => {
  it('passes a default rule, fails none or rules without an algorithm, unknown when unreadable', () => {
    const outcomes = runCheck(bucketDefaultEncryption, {
      encryption: [
        aBucket('kms', { encryption: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }] } }),
        aBucket('none', { encryption: null }),
        aBucket('empty', { encryption: { Rules: [{ BucketKeyEnabled: true }] } }),
        aBucket('denied', { error: 'AccessDenied' }),
      ],
    });
    expect(statuses(outcomes)).toEqual(['kms:pass', 'none:fail', 'empty:fail', 'denied:unknown']);
    expect(outcomes[0]?.message).toBe('Bucket kms encrypts new objects by default (aws:kms)');
  });

  it('returns nothing without buckets', () => {
    expect(runCheck(bucketDefaultEncryption, { encryption: [] })).toEqual([]);
  });
});
