import type { ServiceName } from '../core/collector.js';
import type { BucketRate } from './token-bucket.js';

/**
 * Client-side budgets per (region, API family). EC2 publishes its buckets (per API,
 * non-mutating calls: burst 100, refill 20/s — we always send MaxResults so the lower bucket
 * for unfiltered heavy calls never applies). The others publish no bucket, so these follow the
 * documented quotas or the rates well-behaved scanners keep (see reference/aws-limits.md).
 */
const SERVICE_RATES: Readonly<Record<ServiceName, BucketRate>> = {
  ec2: { burst: 100, refillPerSecond: 20 },
  // IAM and STS throttle per account with unpublished buckets; 20/s is inside the safe 15-40.
  iam: { burst: 20, refillPerSecond: 20 },
  sts: { burst: 20, refillPerSecond: 20 },
  // Lambda's control plane allows ~15 requests/s per account and region.
  lambda: { burst: 15, refillPerSecond: 15 },
  // CloudWatch Logs DescribeLogGroups: 10 TPS per account and region.
  logs: { burst: 10, refillPerSecond: 10 },
  // CloudTrail read APIs: 10 TPS per account and region.
  cloudtrail: { burst: 10, refillPerSecond: 10 },
  // ELBv2 Describe* APIs are shared account-wide per region; AWS documents no figure.
  elbv2: { burst: 20, refillPerSecond: 10 },
  rds: { burst: 40, refillPerSecond: 20 },
  kms: { burst: 50, refillPerSecond: 50 },
  // S3 bucket configuration calls are per-bucket requests with no published account-wide
  // rate (S3 serves thousands of requests per second per prefix); ~7 calls per bucket must
  // not make a 400-bucket account take minutes, so this only guards against runaway loops.
  s3: { burst: 500, refillPerSecond: 250 },
  s3control: { burst: 10, refillPerSecond: 10 },
};

/** EC2 meters every API separately; other services share one bucket per region. */
export function apiFamily(service: ServiceName, action: string): string {
  return service === 'ec2' ? `ec2:${action}` : service;
}

/** IAM is one per-account bucket whatever region a client is in. */
export function bucketRegion(service: ServiceName, region: string): string {
  return service === 'iam' ? 'global' : region;
}

/** `share` lets an operator leave headroom for their own production traffic. */
export function bucketRate(service: ServiceName, share: number): BucketRate {
  const rate = SERVICE_RATES[service];
  return {
    burst: Math.max(1, Math.floor(rate.burst * share)),
    refillPerSecond: rate.refillPerSecond * share,
  };
}
