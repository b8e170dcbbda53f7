import type { ThrottleConfig } from './types.js';

/** EC2's documented defaults for non-mutating calls. */
export const EC2_DEFAULT_BUCKET: ThrottleConfig = { burst: 100, refillPerSecond: 20 };

/** These seven APIs get a smaller bucket when called without MaxResults and without a filter. */
export const EC2_HEAVY_ACTIONS = new Set([
  'DescribeInstances', 'DescribeInstanceStatus', 'DescribeNetworkInterfaces', 'DescribeSecurityGroups',
  'DescribeSnapshots', 'DescribeSpotInstanceRequests', 'DescribeVolumes',
]);

interface Bucket { tokens: number; updatedAt: number }

/** Token buckets per (region, action[, unpaginated]); refilled lazily from a monotonic clock. */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly config: ThrottleConfig, private readonly clock: () => number = () => performance.now()) {}

  /** Unpaginated heavy calls use half the burst and refill (100/20 -> 50/10), as EC2 does. */
  take(region: string, action: string, unpaginatedHeavy: boolean): boolean {
    const scale = unpaginatedHeavy ? 0.5 : 1;
    const burst = Math.max(1, Math.floor(this.config.burst * scale));
    const refill = this.config.refillPerSecond * scale;
    const key = `${region}:${action}:${unpaginatedHeavy ? 'heavy' : 'paged'}`;
    const now = this.clock();
    const bucket = this.buckets.get(key) ?? { tokens: burst, updatedAt: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * refill);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}

export function resolveThrottle(option: boolean | ThrottleConfig | undefined): ThrottleConfig | undefined {
  if (option === undefined || option === false) return undefined;
  return option === true ? EC2_DEFAULT_BUCKET : option;
}
