import type { ElasticIp, Instance, SecurityGroup, Snapshot, Tag, Volume, Vpc } from '../model.js';
import { awsHexId, type Rng } from '../random.js';
import { DAY_MS } from '../time.js';
import { azOf, kmsKeyArn, type GenContext } from './context.js';

export interface ComputeInput {
  ctx: GenContext; rng: Rng; region: string; salt: number; vpcs: Vpc[]; securityGroups: SecurityGroup[];
  instanceCount: number; volumeCount: number; snapshotCount: number; addressCount: number;
}

const INSTANCE_TYPES = [['t3.micro', 4], ['t3.medium', 4], ['m5.large', 3], ['m6i.xlarge', 2], ['c5.2xlarge', 1], ['r5.large', 1], ['t2.micro', 2]] as const;
const VOLUME_TYPES = [['gp3', 45], ['gp2', 35], ['io1', 5], ['st1', 5], ['sc1', 5], ['standard', 5]] as const;
const ENVS = ['prod', 'staging', 'dev', 'test'];

function tagsFor(rng: Rng, name: string): Tag[] {
  const tags: Tag[] = [{ key: 'Name', value: name }];
  if (rng.chance(0.8)) tags.push({ key: 'env', value: rng.pick(ENVS) });
  if (rng.chance(0.5)) tags.push({ key: 'team', value: rng.pick(['payments', 'search', 'platform', 'data']) });
  return tags;
}

export function generateInstances(input: ComputeInput): Instance[] {
  const { rng, ctx, region, salt } = input;
  const instances: Instance[] = [];
  let reservation = awsHexId('r', salt, 0);
  for (let i = 0; i < input.instanceCount; i++) {
    // Reservations group instances launched together (1-3 per RunInstances call).
    if (i > 0 && rng.chance(0.6)) reservation = awsHexId('r', salt, i);
    const vpc = rng.pick(input.vpcs);
    const groups = input.securityGroups.filter((g) => g.vpcId === vpc.id);
    const group = groups.length > 0 ? rng.pick(groups) : undefined;
    const stopped = rng.chance(0.2);
    const stoppedAt = stopped ? ctx.now - rng.int(1, 300) * DAY_MS - rng.int(0, 86_399) * 1000 : undefined;
    const launchTime = (stoppedAt ?? ctx.now) - rng.int(1, 700) * DAY_MS - rng.int(0, 86_399) * 1000;
    const hasPublicIp = !stopped && rng.chance(0.3);
    instances.push({
      id: awsHexId('i', salt, i), reservationId: reservation, region, az: azOf(region, i),
      type: rng.weighted(INSTANCE_TYPES), imageId: awsHexId('ami', salt, i % 7),
      state: stopped ? 'stopped' : 'running', launchTime, ...(stoppedAt === undefined ? {} : { stoppedAt }),
      httpTokens: rng.chance(0.6) ? 'required' : 'optional', vpcId: vpc.id, subnetId: awsHexId('subnet', salt, i % 5),
      securityGroups: group ? [{ id: group.id, name: group.name }] : [],
      privateIp: `10.${(i >> 16) & 255}.${((i + 4) >> 8) & 255}.${(i + 4) & 255}`,
      ...(hasPublicIp ? { publicIp: `54.${salt & 255}.${(i >> 8) & 255}.${i & 255}` } : {}),
      ...(rng.chance(0.1) ? { platform: 'windows' as const } : {}),
      blockDevices: [], tags: tagsFor(rng, `${rng.pick(['api', 'worker', 'web', 'batch'])}-${i}`),
    });
  }
  return instances;
}

/** ~80% of volumes are attached (root volumes first, then data disks); the rest are idle spend. */
export function generateVolumes(input: ComputeInput, instances: Instance[]): Volume[] {
  const { rng } = input;
  const volumes: Volume[] = [];
  const attachedBudget = Math.round(input.volumeCount * 0.8);
  for (let i = 0; i < input.volumeCount; i++) {
    const owner = i < attachedBudget && instances.length > 0
      ? (i < instances.length ? instances[i] : instances[rng.int(0, instances.length - 1)]) : undefined;
    const volume = newVolume(input, i, owner);
    if (owner && volume.attachment) {
      owner.blockDevices.push({ device: volume.attachment.device, volumeId: volume.id, attachTime: volume.attachment.attachTime, deleteOnTermination: volume.attachment.deleteOnTermination });
    }
    volumes.push(volume);
  }
  return volumes;
}

function newVolume(input: ComputeInput, i: number, owner: Instance | undefined): Volume {
  const { rng, ctx, region, salt } = input;
  const type = rng.weighted(VOLUME_TYPES);
  const isRoot = owner !== undefined && owner.blockDevices.length === 0;
  const sizeGiB = isRoot ? rng.pick([8, 20, 30, 50]) : type === 'st1' || type === 'sc1' ? rng.int(125, 4000) : rng.int(10, 1000);
  const encrypted = rng.chance(0.7);
  const createTime = owner ? owner.launchTime : ctx.now - rng.int(5, 900) * DAY_MS;
  const device = isRoot ? '/dev/xvda' : `/dev/sd${'fghijklmnop'[owner?.blockDevices.length ?? 0] ?? 'z'}`;
  return {
    id: awsHexId('vol', salt, i), region, az: owner?.az ?? azOf(region, i), sizeGiB, type,
    ...(type === 'gp3' ? { iops: 3000, throughput: 125 } : type === 'gp2' ? { iops: Math.max(100, sizeGiB * 3) } : type === 'io1' ? { iops: rng.int(1000, 16000) } : {}),
    encrypted, ...(encrypted ? { kmsKeyId: kmsKeyArn(rng, region, ctx.accountId) } : {}),
    createTime, ...(rng.chance(0.3) ? { snapshotId: awsHexId('snap', salt ^ 0x5a5a, i) } : {}),
    ...(owner ? { attachment: { instanceId: owner.id, device, attachTime: createTime, deleteOnTermination: isRoot } } : {}),
    tags: rng.chance(0.7) ? tagsFor(rng, `vol-${i}`) : [],
  };
}

/** Snapshots of existing volumes; ~4% of the unencrypted ones are shared publicly. */
export function generateSnapshots(input: ComputeInput, volumes: Volume[]): Snapshot[] {
  const { rng, ctx, region, salt } = input;
  const snapshots: Snapshot[] = [];
  for (let i = 0; i < input.snapshotCount; i++) {
    const volume = volumes.length > 0 && rng.chance(0.85) ? volumes[rng.int(0, volumes.length - 1)] : undefined;
    const encrypted = volume ? volume.encrypted : rng.chance(0.5);
    const automated = rng.chance(0.5);
    snapshots.push({
      id: awsHexId('snap', salt, i), region, volumeId: volume?.id ?? awsHexId('vol', salt ^ 0xdead, i),
      sizeGiB: volume?.sizeGiB ?? rng.int(8, 500), encrypted, ...(encrypted && volume?.kmsKeyId ? { kmsKeyId: volume.kmsKeyId } : {}),
      startTime: ctx.now - rng.int(1, 1000) * DAY_MS - rng.int(0, 86_399) * 1000,
      description: automated ? `Created by CreateImage(${awsHexId('i', salt, i % 97)}) for ${awsHexId('ami', salt, i % 13)}` : `backup ${i}`,
      isPublic: !encrypted && rng.chance(0.04), tags: automated ? [] : tagsFor(rng, `backup-${i}`),
    });
  }
  return snapshots;
}

/** ~30% of Elastic IPs are allocated but not associated (billed while idle). */
export function generateAddresses(input: ComputeInput, instances: Instance[]): ElasticIp[] {
  const { rng, region, salt } = input;
  const running = instances.filter((i) => i.state === 'running');
  const addresses: ElasticIp[] = [];
  for (let i = 0; i < input.addressCount; i++) {
    const target = running.length > 0 && rng.chance(0.7) ? running[i % running.length] : undefined;
    addresses.push({
      allocationId: awsHexId('eipalloc', salt, i), region, publicIp: `3.${salt & 255}.${(i >> 8) & 255}.${i & 255}`,
      ...(target ? { associationId: awsHexId('eipassoc', salt, i), instanceId: target.id, privateIp: target.privateIp } : {}),
      tags: rng.chance(0.5) ? [{ key: 'Name', value: `eip-${i}` }] : [],
    });
  }
  return addresses;
}
