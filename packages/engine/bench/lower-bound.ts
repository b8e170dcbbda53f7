/**
 * The scan lower bound of reference/aws-limits.md, computed from the calls the simulator
 * actually served:
 *   LB = T_setup + max(H*L, max_rs ceil(N_rs/C)*L, ceil(N/G)*L, max_b max(0, N_b - B_b)/rho_b, (N*c_req + I*c_item)/K)
 */
export interface LowerBoundInput {
  /** `service:region:action` -> calls served (throttled answers excluded). */
  readonly calls: Readonly<Record<string, number>>;
  readonly latencySeconds: number;
  readonly perRegionServiceCap: number;
  readonly globalCap: number;
  readonly ec2Bucket: { readonly burst: number; readonly refillPerSecond: number };
  readonly items: number;
  readonly cpuPerCallSeconds: number;
  readonly cpuPerItemSeconds: number;
  readonly cores: number;
}

export interface LowerBound {
  readonly seconds: number;
  readonly terms: Readonly<Record<string, number>>;
}

/** Listing actions: sequential pages, then this many dependent detail hops after a page. */
const DETAIL_HOPS: Readonly<Record<string, number>> = {
  ListBuckets: 1, ListKeys: 2, DescribeLoadBalancers: 2, DescribeDBSnapshots: 1, DescribeTrails: 1,
  GenerateCredentialReport: 1, DescribeInstances: 0, DescribeVolumes: 0, DescribeSnapshots: 0,
  DescribeSecurityGroups: 0, GetAccountAuthorizationDetails: 0, ListFunctions: 0, DescribeLogGroups: 0,
  DescribeDBInstances: 0, DescribeVpcs: 0, DescribeFlowLogs: 0, DescribeNetworkAcls: 0, ListVirtualMFADevices: 0,
  ListServerCertificates: 0,
};
/** Actions listed more than once per region (separate listings run side by side). */
const LISTINGS_PER_REGION: Readonly<Record<string, number>> = { DescribeSnapshots: 2, GetAccountAuthorizationDetails: 3 };

function sumBy(calls: Readonly<Record<string, number>>, keyOf: (parts: string[]) => string): Map<string, number> {
  const sums = new Map<string, number>();
  for (const [key, count] of Object.entries(calls)) {
    const k = keyOf(key.split(':'));
    sums.set(k, (sums.get(k) ?? 0) + count);
  }
  return sums;
}

function longestChain(calls: Readonly<Record<string, number>>): number {
  let longest = 1;
  for (const [key, count] of Object.entries(calls)) {
    const action = key.split(':')[2] ?? '';
    const hops = DETAIL_HOPS[action];
    if (hops === undefined) continue;
    longest = Math.max(longest, Math.ceil(count / (LISTINGS_PER_REGION[action] ?? 1)) + hops);
  }
  return longest;
}

export function lowerBound(input: LowerBoundInput): LowerBound {
  const L = input.latencySeconds;
  const total = Object.values(input.calls).reduce((a, b) => a + b, 0);
  const perLane = Math.max(...sumBy(input.calls, ([s, r]) => `${s}:${r}`).values());
  const ec2Buckets = [...sumBy(input.calls, (p) => p.join(':')).entries()].filter(([k]) => k.startsWith('ec2:'));
  const bucket = Math.max(0, ...ec2Buckets.map(([, n]) => Math.max(0, n - input.ec2Bucket.burst) / input.ec2Bucket.refillPerSecond));
  const terms = {
    setup: 2 * L,
    chain: longestChain(input.calls) * L,
    lane: Math.ceil(perLane / input.perRegionServiceCap) * L,
    global: Math.ceil(total / input.globalCap) * L,
    bucket,
    cpu: (total * input.cpuPerCallSeconds + input.items * input.cpuPerItemSeconds) / input.cores,
  };
  const { setup, ...rest } = terms;
  return { seconds: setup + Math.max(...Object.values(rest)), terms };
}
