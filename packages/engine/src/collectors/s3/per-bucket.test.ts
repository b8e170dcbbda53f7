import { describe, expect, it } from 'vitest';
import { s3AccountPublicAccessBlock } from './account-public-access-block.js';
import { s3BucketLifecycle } from './bucket-lifecycle.js';
import { s3BucketPolicies } from './bucket-policies.js';
import { awsError, collectAll, stubbedContext, type SentCall } from '../collector-test-kit.js';
import { unlessNotConfigured } from './per-bucket.js';

const BUCKETS = { Buckets: [{ Name: 'open', BucketRegion: 'eu-west-1' }, { Name: 'none', BucketRegion: 'us-east-1' },
  { Name: 'denied', BucketRegion: 'us-east-1' }, { Name: 'gone', BucketRegion: 'us-east-1' }] };

function s3(answers: Record<string, () => object>) {
  return (call: SentCall) => {
    if (call.command === 'ListBuckets') return BUCKETS;
    const answer = answers[String(call.input['Bucket'])];
    if (!answer) throw new Error(`unexpected ${call.command}`);
    return answer();
  };
}

describe('per-bucket collectors', () => {
  it('reads each bucket in its region and keeps "none" and "denied" apart', async () => {
    const { ctx, calls } = stubbedContext(
      s3({
        open: () => ({ Policy: '{"Statement":[]}' }),
        none: () => { throw awsError('NoSuchBucketPolicy'); },
        denied: () => { throw awsError('AccessDenied'); },
        gone: () => { throw awsError('NoSuchBucket'); },
      }),
    );
    const resources = await collectAll(s3BucketPolicies, ctx);
    expect(resources.map((r) => [r.id, r.region, r.data])).toEqual([
      ['open', 'eu-west-1', { policy: '{"Statement":[]}' }],
      ['none', 'us-east-1', { policy: null }],
      ['denied', 'us-east-1', { error: 'AccessDenied' }],
    ]);
    expect(resources[0]?.arn).toBe('arn:aws:s3:::open');
    expect(calls.find((c) => c.input['Bucket'] === 'open')?.region).toBe('eu-west-1');
  });

  it('tells an empty lifecycle configuration from none', async () => {
    const { ctx } = stubbedContext(
      s3({
        open: () => ({ Rules: [{ Status: 'Enabled' }] }),
        none: () => { throw awsError('NoSuchLifecycleConfiguration'); },
        denied: () => ({}),
        gone: () => { throw awsError('NoSuchBucket'); },
      }),
    );
    const resources = await collectAll(s3BucketLifecycle, ctx);
    expect(resources.map((r) => r.data)).toEqual([{ rules: [{ Status: 'Enabled' }] }, { rules: null }, { rules: [] }]);
  });

  it('rethrows errors other than the expected one from unlessNotConfigured', async () => {
    await expect(unlessNotConfigured(Promise.reject(awsError('AccessDenied')), 'NoSuchBucketPolicy', null)).rejects.toThrow(
      'AccessDenied',
    );
  });

  it('stops the whole collection when the scan is aborted', async () => {
    const abort = () => { throw awsError('AbortError'); };
    const { ctx } = stubbedContext(s3({ open: abort, none: abort, denied: abort, gone: abort }));
    await expect(collectAll(s3BucketPolicies, ctx)).rejects.toThrow('AbortError');
  });
});

describe('s3.account-public-access-block', () => {
  it.each([
    [() => ({ PublicAccessBlockConfiguration: { BlockPublicAcls: true } }), { publicAccessBlock: { BlockPublicAcls: true } }],
    [() => { throw awsError('NoSuchPublicAccessBlockConfiguration'); }, { publicAccessBlock: null }],
    [() => { throw awsError('AccessDenied'); }, { error: 'AccessDenied' }],
  ])('yields one account resource (%#)', async (answer, data) => {
    const { ctx, calls } = stubbedContext(answer);
    const [resource, ...rest] = await collectAll(s3AccountPublicAccessBlock, ctx);
    expect(rest).toEqual([]);
    expect(resource?.data).toEqual(data);
    expect(resource?.region).toBe('global');
    expect(calls[0]?.service).toBe('s3control');
    expect(calls[0]?.input['AccountId']).toBe('123456789012');
  });
});
