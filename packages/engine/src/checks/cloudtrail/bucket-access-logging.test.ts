import { describe, expect, it } from 'vitest';
import type { BucketLoggingData } from '../../collectors/s3/bucket-logging.js';
import type { BucketAspect } from '../../collectors/s3/per-bucket.js';
import { aResource, runCheck, statuses } from '../check-test-kit.js';
import { bucketAccessLogging } from './bucket-access-logging.js';
import { aTrail } from './trail-test-resources.js';

const bucket = (id: string, data: BucketAspect<BucketLoggingData>) => aResource(data, { id, type: 'AWS::S3::Bucket' });

describe('cloudtrail.bucket-access-logging', () => {
  it('judges each trail by its bucket logging', () => {
    const outcomes = runCheck(bucketAccessLogging, {
      trails: [
        aTrail('logged', { S3BucketName: 'b1' }),
        aTrail('unlogged', { S3BucketName: 'b2' }),
        aTrail('denied', { S3BucketName: 'b3' }),
        aTrail('central', { S3BucketName: 'elsewhere' }),
        aTrail('nameless'),
      ],
      bucketLogging: [
        bucket('b1', { logging: { TargetBucket: 'logs', TargetPrefix: 'b1/' } }),
        bucket('b2', { logging: null }),
        bucket('b3', { error: 'AccessDenied' }),
      ],
    });
    expect(statuses(outcomes)).toEqual(['logged:pass', 'unlogged:fail', 'denied:unknown', 'central:unknown', 'nameless:unknown']);
    expect(outcomes[3]?.message).toContain('not in this account');
  });

  it('returns nothing without trails', () => {
    expect(runCheck(bucketAccessLogging, { trails: [], bucketLogging: [bucket('b', { logging: null })] })).toEqual([]);
  });
});
