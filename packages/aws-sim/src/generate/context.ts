import type { AccountSize } from '../types.js';
import { spread, type Rng } from '../random.js';

export const STANDARD_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'eu-west-1', 'eu-west-2', 'eu-west-3',
  'eu-central-1', 'eu-north-1', 'ap-south-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
  'ap-southeast-1', 'ap-southeast-2', 'sa-east-1',
] as const;

/** Regions launched after March 2019 must be opted into; DescribeRegions reports them as opted-in. */
export const OPT_IN_REGIONS = new Set([
  'af-south-1', 'ap-east-1', 'ap-south-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-7',
  'ca-west-1', 'eu-central-2', 'eu-south-1', 'eu-south-2', 'il-central-1', 'me-central-1', 'me-south-1', 'mx-central-1',
]);

/** A handful of each type per region: tests start many sims, so keep generation trivial. */
export const SMALL_SIZE: AccountSize = {
  instances: 40, volumes: 50, snapshots: 30, addresses: 20, securityGroupsPerRegion: 4, vpcsPerRegion: 1,
  buckets: 12, users: 10, roles: 8, groups: 3, customerPolicies: 4, serverCertificates: 3,
  rdsInstances: 10, rdsSnapshots: 15, lambdas: 20, kmsKeys: 20, trails: 2, logGroups: 25, loadBalancers: 10,
};

/** The benchmark account: about 50,000 resources over 17 regions. */
export const LARGE_SIZE: AccountSize = {
  instances: 12_000, volumes: 13_000, snapshots: 5_000, addresses: 600, securityGroupsPerRegion: 300, vpcsPerRegion: 8,
  buckets: 400, users: 2_000, roles: 700, groups: 40, customerPolicies: 150, serverCertificates: 30,
  rdsInstances: 400, rdsSnapshots: 1_500, lambdas: 2_000, kmsKeys: 600, trails: 3, logGroups: 5_000, loadBalancers: 300,
};

export interface GenContext {
  seed: number;
  accountId: string;
  now: number;
  regions: readonly string[];
  size: AccountSize;
}

/** Real accounts are lopsided: most resources live in us-east-1 and a few other big regions. */
function regionWeight(region: string): number {
  if (region === 'us-east-1') return 3;
  if (region === 'us-east-2' || region === 'us-west-2' || region === 'eu-west-1') return 2;
  return 1;
}

/** Per-region share of an account total, in the order of `ctx.regions`. */
export function perRegion(ctx: GenContext, total: number): number[] {
  if (ctx.regions.length === 0) return [];
  return spread(total, ctx.regions.map(regionWeight));
}

export function azOf(region: string, n: number): string {
  return `${region}${'abc'[n % 3] ?? 'a'}`;
}

export function arnOf(service: string, region: string, accountId: string, resource: string): string {
  return `arn:aws:${service}:${region}:${accountId}:${resource}`;
}

/** A customer-managed KMS key ARN with a random key id (UUID-shaped, as KMS writes them). */
export function kmsKeyArn(rng: Rng, region: string, accountId: string): string {
  return arnOf('kms', region, accountId, `key/${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`);
}
