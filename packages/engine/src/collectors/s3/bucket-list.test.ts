import { describe, expect, it } from 'vitest';
import { listBuckets, regionFromLocation } from './bucket-list.js';
import { awsError, stubbedContext } from '../collector-test-kit.js';

describe('regionFromLocation', () => {
  it.each([
    [undefined, 'us-east-1'],
    [null, 'us-east-1'],
    ['', 'us-east-1'],
    ['EU', 'eu-west-1'],
    ['eu-central-1', 'eu-central-1'],
  ])('maps %s to %s', (constraint, region) => {
    expect(regionFromLocation(constraint, 'us-east-1')).toBe(region);
  });

  it('uses the partition home region for an empty constraint', () => {
    expect(regionFromLocation(undefined, 'cn-north-1')).toBe('cn-north-1');
  });
});

describe('listBuckets', () => {
  it('pages ListBuckets, uses BucketRegion and falls back to GetBucketLocation', async () => {
    const { ctx, calls } = stubbedContext(({ command, input }) => {
      if (command === 'ListBuckets' && input['ContinuationToken'] === undefined) {
        return { Buckets: [{ Name: 'a', BucketRegion: 'eu-west-2' }, { Name: 'b' }], ContinuationToken: 't2' };
      }
      if (command === 'ListBuckets') return { Buckets: [{ Name: 'c' }, {}] };
      if (command === 'GetBucketLocation' && input['Bucket'] === 'b') return { LocationConstraint: 'EU' };
      if (command === 'GetBucketLocation') throw awsError('AccessDenied');
      throw new Error(`unexpected ${command}`);
    });
    const buckets = await listBuckets(ctx);
    expect(buckets).toEqual([
      { name: 'a', region: 'eu-west-2' },
      { name: 'b', region: 'eu-west-1' },
      { name: 'c', region: 'us-east-1' },
    ]);
    expect(calls.filter((c) => c.command === 'ListBuckets').map((c) => c.input['MaxBuckets'])).toEqual([1000, 1000]);
  });

  it('lists once per scan however many collectors ask', async () => {
    const { ctx, calls } = stubbedContext(() => ({ Buckets: [{ Name: 'a', BucketRegion: 'us-east-1' }] }));
    await Promise.all([listBuckets(ctx), listBuckets(ctx)]);
    expect(calls).toHaveLength(1);
  });
});
