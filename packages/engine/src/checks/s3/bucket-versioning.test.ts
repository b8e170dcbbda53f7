import { describe, expect, it } from 'vitest';
import type { BucketVersioningData } from '../../collectors/s3/bucket-versioning.js';
import type { BucketAspect } from '../../collectors/s3/per-bucket.js';
import { runCheck, statuses } from '../check-test-kit.js';
import { bucketVersioning } from './bucket-versioning.js';
import { aBucket } from './s3-test-resources.js';

const buckets: Array<[string, BucketAspect<BucketVersioningData>]> = [
  ['on', { status: 'Enabled', mfaDelete: 'Disabled' }],
  ['mfa', { status: 'Enabled', mfaDelete: 'Enabled' }],
  ['suspended', { status: 'Suspended', mfaDelete: null }],
  ['never', { status: null, mfaDelete: null }],
  ['denied', { error: 'AccessDenied' }],
];
const versioning = buckets.map(([id, data]) => aBucket(id, data));

describe('s3.bucket-versioning', () => {
  it('passes enabled versioning and fails suspended or never enabled', () => {
    const outcomes = runCheck(bucketVersioning, { versioning });
    expect(statuses(outcomes)).toEqual(['on:pass', 'mfa:pass', 'suspended:fail', 'never:fail', 'denied:unknown']);
    expect(outcomes[1]?.message).toBe('Bucket mfa has versioning enabled with MFA delete');
    expect(outcomes[2]?.message).toBe('Bucket suspended has versioning suspended');
  });

  it('requires MFA delete when asked to', () => {
    const outcomes = runCheck(bucketVersioning, { versioning }, { requireMfaDelete: true });
    expect(statuses(outcomes)).toEqual(['on:fail', 'mfa:pass', 'suspended:fail', 'never:fail', 'denied:unknown']);
  });

  it('returns nothing without buckets', () => {
    expect(runCheck(bucketVersioning, { versioning: [] })).toEqual([]);
  });
});
