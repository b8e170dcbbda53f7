/** Public option and result types of the simulator (re-exported by index.ts). */

export interface FaultRule {
  /** Service id as routed: ec2, iam, sts, s3, s3-control, rds, elasticloadbalancing, cloudtrail, kms, lambda, logs. */
  service?: string;
  region?: string;
  action?: string;
  kind: 'access-denied' | 'throttle' | 'server-error' | 'timeout';
  /** Chance in [0, 1] that a matching call gets the fault; default 1. */
  probability?: number;
}

/** Resource counts. Unless named `...PerRegion`, counts are account totals spread over enabled regions. */
export interface AccountSize {
  instances: number;
  volumes: number;
  snapshots: number;
  addresses: number;
  securityGroupsPerRegion: number;
  vpcsPerRegion: number;
  buckets: number;
  users: number;
  roles: number;
  groups: number;
  customerPolicies: number;
  serverCertificates: number;
  rdsInstances: number;
  rdsSnapshots: number;
  lambdas: number;
  kmsKeys: number;
  trails: number;
  logGroups: number;
  loadBalancers: number;
}

export interface ThrottleConfig {
  burst: number;
  refillPerSecond: number;
}

export interface SimOptions {
  seed?: number;
  accountId?: string;
  regions?: string[];
  disabledRegions?: string[];
  size?: Partial<AccountSize>;
  /** Fixed clock (ms since epoch or ISO string) all generated timestamps are relative to. */
  now?: number | string;
  latencyMs?: number;
  ec2Throttling?: boolean | ThrottleConfig;
  faults?: FaultRule[];
}

export interface SimStats {
  calls: number;
  /** key = `${service}:${region}:${action}` */
  byKey: Record<string, number>;
  throttled: number;
  faults: number;
  /** Deepest page of any paginated listing that was requested (first page = 1). */
  maxChainDepth?: number;
}
