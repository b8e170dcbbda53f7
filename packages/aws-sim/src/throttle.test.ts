import { describe, expect, it } from 'vitest';
import { TokenBuckets, resolveThrottle } from './throttle.js';

describe('TokenBuckets', () => {
  it('allows the burst, refuses past it, and refills at the rate', () => {
    let now = 0;
    const buckets = new TokenBuckets({ burst: 3, refillPerSecond: 2 }, () => now);
    expect([1, 2, 3, 4].map(() => buckets.take('us-east-1', 'DescribeVpcs', false))).toEqual([true, true, true, false]);
    now = 500; // one token back
    expect(buckets.take('us-east-1', 'DescribeVpcs', false)).toBe(true);
    expect(buckets.take('us-east-1', 'DescribeVpcs', false)).toBe(false);
    expect(buckets.take('eu-west-1', 'DescribeVpcs', false)).toBe(true);
  });

  it('resolves options to AWS defaults', () => {
    expect(resolveThrottle(true)).toEqual({ burst: 100, refillPerSecond: 20 });
    expect(resolveThrottle(false)).toBeUndefined();
  });
});
