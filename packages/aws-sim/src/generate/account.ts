import type { RegionData, SimAccount } from '../model.js';
import { createRng, hashString, mix32 } from '../random.js';
import { parseNow } from '../time.js';
import type { AccountSize, SimOptions } from '../types.js';
import { LARGE_SIZE, SMALL_SIZE, STANDARD_REGIONS, perRegion, type GenContext } from './context.js';
import { generateAddresses, generateInstances, generateSnapshots, generateVolumes } from './ec2-compute.js';
import { generateNetwork } from './ec2-network.js';
import { generateIam } from './iam.js';
import { generateLambdas, generateLoadBalancers, generateLogGroups } from './apps.js';
import { generateDbInstances, generateDbSnapshots, generateKmsKeys } from './rds-kms.js';
import { generateS3 } from './s3.js';
import { generateTrails } from './trails.js';

export type SizePreset = 'small' | 'large';

export interface GenerateOptions extends Pick<SimOptions, 'seed' | 'accountId' | 'regions' | 'disabledRegions' | 'now'> {
  size?: Partial<AccountSize> | SizePreset;
}

export function resolveSize(size: Partial<AccountSize> | SizePreset | undefined): AccountSize {
  if (size === 'large') return { ...LARGE_SIZE };
  if (size === 'small' || size === undefined) return { ...SMALL_SIZE };
  return { ...SMALL_SIZE, ...size };
}

export function generateAccount(options: GenerateOptions = {}): SimAccount {
  const regions = options.regions ?? [...STANDARD_REGIONS];
  const ctx: GenContext = {
    seed: options.seed ?? 1, accountId: options.accountId ?? '123456789012', now: parseNow(options.now), regions,
    size: resolveSize(options.size),
  };
  const byRegion: Record<string, RegionData> = {};
  const shares = {
    instances: perRegion(ctx, ctx.size.instances), volumes: perRegion(ctx, ctx.size.volumes), snapshots: perRegion(ctx, ctx.size.snapshots),
    addresses: perRegion(ctx, ctx.size.addresses), rds: perRegion(ctx, ctx.size.rdsInstances), rdsSnapshots: perRegion(ctx, ctx.size.rdsSnapshots),
    lambdas: perRegion(ctx, ctx.size.lambdas), keys: perRegion(ctx, ctx.size.kmsKeys), logs: perRegion(ctx, ctx.size.logGroups),
    lbs: perRegion(ctx, ctx.size.loadBalancers),
  };
  regions.forEach((region, r) => {
    const share = (list: number[]): number => list[r] ?? 0;
    byRegion[region] = generateRegion(ctx, region, {
      instances: share(shares.instances), volumes: share(shares.volumes), snapshots: share(shares.snapshots), addresses: share(shares.addresses),
      rds: share(shares.rds), rdsSnapshots: share(shares.rdsSnapshots), lambdas: share(shares.lambdas), keys: share(shares.keys),
      logs: share(shares.logs), lbs: share(shares.lbs),
    });
  });
  const s3 = generateS3(ctx);
  return {
    accountId: ctx.accountId, seed: ctx.seed, now: ctx.now, canonicalUserId: canonicalId(ctx.seed),
    enabledRegions: [...regions], disabledRegions: [...(options.disabledRegions ?? [])], byRegion,
    iam: generateIam(ctx), buckets: s3.buckets, bucketsByName: new Map(s3.buckets.map((b) => [b.name, b])),
    ...(s3.accountPublicAccessBlock ? { accountPublicAccessBlock: s3.accountPublicAccessBlock } : {}),
    trails: generateTrails(ctx),
  };
}

type RegionCounts = Record<'instances' | 'volumes' | 'snapshots' | 'addresses' | 'rds' | 'rdsSnapshots' | 'lambdas' | 'keys' | 'logs' | 'lbs', number>;

function generateRegion(ctx: GenContext, region: string, counts: RegionCounts): RegionData {
  const salt = mix32(ctx.seed ^ hashString(region));
  const rng = createRng(ctx.seed, `ec2:${region}`);
  const network = generateNetwork({ ctx, rng, region, salt, vpcCount: ctx.size.vpcsPerRegion, sgCount: ctx.size.securityGroupsPerRegion });
  const compute = {
    ctx, rng, region, salt, vpcs: network.vpcs, securityGroups: network.securityGroups,
    instanceCount: counts.instances, volumeCount: counts.volumes, snapshotCount: counts.snapshots, addressCount: counts.addresses,
  };
  const instances = generateInstances(compute);
  const volumes = generateVolumes(compute, instances);
  const regional = { ctx, rng: createRng(ctx.seed, `regional:${region}`), region, salt };
  const dbInstances = generateDbInstances(regional, counts.rds);
  const elb = generateLoadBalancers(regional, counts.lbs, network.vpcs, instances);
  return {
    region,
    ec2: {
      ...network, instances, volumes, snapshots: generateSnapshots(compute, volumes), addresses: generateAddresses(compute, instances),
      ebsEncryptionByDefault: rng.chance(0.4),
    },
    dbInstances, dbSnapshots: generateDbSnapshots(regional, counts.rdsSnapshots, dbInstances), kmsKeys: generateKmsKeys(regional, counts.keys),
    lambdas: generateLambdas(regional, counts.lambdas), ...elb, logGroups: generateLogGroups(regional, counts.logs),
  };
}

/** S3 canonical user ids are 64 hex characters. */
function canonicalId(seed: number): string {
  let out = '';
  for (let i = 0; out.length < 64; i++) out += mix32(seed * 7919 + i).toString(16).padStart(8, '0');
  return out.slice(0, 64);
}

/** Resource totals by type, for tests and the benchmark report. */
export function countResources(account: SimAccount): Record<string, number> {
  const counts: Record<string, number> = {};
  const add = (key: string, n: number): void => { counts[key] = (counts[key] ?? 0) + n; };
  for (const data of Object.values(account.byRegion)) {
    const e = data.ec2;
    add('instances', e.instances.length); add('volumes', e.volumes.length); add('snapshots', e.snapshots.length);
    add('securityGroups', e.securityGroups.length); add('vpcs', e.vpcs.length); add('networkAcls', e.networkAcls.length);
    add('flowLogs', e.flowLogs.length); add('addresses', e.addresses.length); add('dbInstances', data.dbInstances.length);
    add('dbSnapshots', data.dbSnapshots.length); add('kmsKeys', data.kmsKeys.length); add('lambdas', data.lambdas.length);
    add('loadBalancers', data.loadBalancers.length); add('targetGroups', data.targetGroups.length); add('logGroups', data.logGroups.length);
  }
  add('buckets', account.buckets.length); add('users', account.iam.users.length); add('roles', account.iam.roles.length);
  add('groups', account.iam.groups.length); add('policies', account.iam.policies.length); add('trails', account.trails.length);
  add('serverCertificates', account.iam.serverCertificates.length);
  counts.total = Object.values(counts).reduce((a, b) => a + b, 0);
  return counts;
}
