import { describe, expect, it } from 'vitest';
import { runCheck, statuses } from '../check-test-kit.js';
import { blockPublicAccess } from './block-public-access.js';
import { ALL_ON, aBucket, anAccountBlock } from './s3-test-resources.js';

describe('s3.block-public-access', () => {
  it('passes every bucket when the account blocks everything', () => {
    const outcomes = runCheck(blockPublicAccess, {
      accountBlocks: [anAccountBlock({ publicAccessBlock: ALL_ON })],
      bucketBlocks: [aBucket('a', { publicAccessBlock: null }), aBucket('b', { error: 'AccessDenied' })],
    });
    expect(statuses(outcomes)).toEqual(['123456789012:pass', 'a:pass', 'b:pass']);
    expect(outcomes[1]?.message).toContain('account-level');
  });

  it('without an account block, judges each bucket by its own four flags', () => {
    const outcomes = runCheck(blockPublicAccess, {
      accountBlocks: [anAccountBlock({ publicAccessBlock: null })],
      bucketBlocks: [
        aBucket('full', { publicAccessBlock: ALL_ON }),
        aBucket('partial', { publicAccessBlock: { ...ALL_ON, RestrictPublicBuckets: false } }),
        aBucket('none', { publicAccessBlock: null }),
        aBucket('denied', { error: 'AccessDenied' }),
      ],
    });
    expect(statuses(outcomes)).toEqual(['123456789012:fail', 'full:pass', 'partial:fail', 'none:fail', 'denied:unknown']);
    expect(outcomes[2]?.message).toBe('Bucket partial does not block public access: RestrictPublicBuckets off');
  });

  it('combines account and bucket flag by flag', () => {
    const outcomes = runCheck(blockPublicAccess, {
      accountBlocks: [anAccountBlock({ publicAccessBlock: { BlockPublicAcls: true, IgnorePublicAcls: true } })],
      bucketBlocks: [aBucket('rest', { publicAccessBlock: { BlockPublicPolicy: true, RestrictPublicBuckets: true } })],
    });
    expect(statuses(outcomes)).toEqual(['123456789012:fail', 'rest:pass']);
  });

  it('answers unknown where the unreadable account setting would decide', () => {
    const outcomes = runCheck(blockPublicAccess, {
      accountBlocks: [anAccountBlock({ error: 'AccessDenied' })],
      bucketBlocks: [aBucket('full', { publicAccessBlock: ALL_ON }), aBucket('none', { publicAccessBlock: null })],
    });
    expect(statuses(outcomes)).toEqual(['123456789012:unknown', 'full:pass', 'none:unknown']);
  });

  it('reports the account even with no buckets, and nothing with no input', () => {
    expect(statuses(runCheck(blockPublicAccess, { accountBlocks: [anAccountBlock({ publicAccessBlock: ALL_ON })], bucketBlocks: [] })))
      .toEqual(['123456789012:pass']);
    expect(runCheck(blockPublicAccess, { accountBlocks: [], bucketBlocks: [] })).toEqual([]);
  });
});
