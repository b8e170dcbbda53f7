import { describe, expect, it } from 'vitest';
import type { BucketPolicyData } from '../../collectors/s3/bucket-policies.js';
import type { BucketAspect } from '../../collectors/s3/per-bucket.js';
import { aResource, runCheck, statuses } from '../check-test-kit.js';
import { bucketDeniesHttp } from './bucket-denies-http.js';

const bucket = (id: string, data: BucketAspect<BucketPolicyData>) =>
  aResource(data, { id, type: 'AWS::S3::Bucket', arn: `arn:aws:s3:::${id}` });
const withStatement = (statement: object) => ({ policy: JSON.stringify({ Statement: [statement] }) });
const DENY = {
  Effect: 'Deny', Principal: '*', Action: 's3:*',
  Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
};

describe('s3.bucket-denies-http', () => {
  it.each<[string, object, string]>([
    ['the CIS statement', DENY, 'pass'],
    ['a single statement object, boolean false, Principal {AWS:*}', { ...DENY, Principal: { AWS: '*' }, Condition: { Bool: { 'aws:SecureTransport': false } } }, 'pass'],
    ['Resource "*"', { ...DENY, Resource: '*' }, 'pass'],
    ['an Allow', { ...DENY, Effect: 'Allow' }, 'fail'],
    ['only the bucket ARN', { ...DENY, Resource: 'arn:aws:s3:::b' }, 'fail'],
    ['a prefix only', { ...DENY, Resource: 'arn:aws:s3:::b/logs/*' }, 'fail'],
    ['only GetObject', { ...DENY, Action: 's3:GetObject' }, 'fail'],
    ['a single principal', { ...DENY, Principal: { AWS: 'arn:aws:iam::1:root' } }, 'fail'],
    ['SecureTransport true', { ...DENY, Condition: { Bool: { 'aws:SecureTransport': 'true' } } }, 'fail'],
    ['another bucket', { ...DENY, Resource: 'arn:aws:s3:::other/*' }, 'fail'],
  ])('%s -> %s', (_name, statement, expected) => {
    expect(statuses(runCheck(bucketDeniesHttp, { policies: [bucket('b', withStatement(statement))] }))).toEqual([`b:${expected}`]);
  });

  it('fails a bucket without policy, unknown when unreadable or not JSON', () => {
    const outcomes = runCheck(bucketDeniesHttp, {
      policies: [bucket('none', { policy: null }), bucket('denied', { error: 'AccessDenied' }), bucket('bad', { policy: '{' })],
    });
    expect(statuses(outcomes)).toEqual(['none:fail', 'denied:unknown', 'bad:unknown']);
    expect(outcomes[1]?.message).toContain('AccessDenied');
  });

  it('matches the resource against the partition being scanned', () => {
    const statement = { ...DENY, Resource: 'arn:aws-cn:s3:::b/*' };
    const outcomes = runCheck(bucketDeniesHttp, { policies: [bucket('b', withStatement(statement))] }, {}, { partition: 'aws-cn' });
    expect(statuses(outcomes)).toEqual(['b:pass']);
  });

  it('returns nothing without buckets', () => {
    expect(runCheck(bucketDeniesHttp, { policies: [] })).toEqual([]);
  });
});
