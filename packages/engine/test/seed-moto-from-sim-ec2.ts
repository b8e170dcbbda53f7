// EC2 part of seed-moto-from-sim.ts: one region's security groups, instances, volumes and
// Elastic IPs, recreated in moto from the simulator's model. moto makes up its own ids, so every
// resource created here is recorded in `ids` (sim id -> moto id).
import {
  AllocateAddressCommand, AssociateAddressCommand, AttachVolumeCommand, AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand, CreateVolumeCommand, DescribeSecurityGroupsCommand, DescribeVpcsCommand, EC2Client,
  EnableEbsEncryptionByDefaultCommand, RunInstancesCommand, StopInstancesCommand,
  type _InstanceType, type IpPermission as SdkIpPermission, type ResourceType, type TagSpecification,
} from '@aws-sdk/client-ec2';
import type { Ec2Region, ElasticIp, Instance, IpPermission, SecurityGroup, Tag, Volume } from '@cloudsweep/aws-sim';

/** Sim id -> moto id, filled in as resources are created. */
export type IdMap = Map<string, string>;

/** An AMI moto knows; the image is not compared. */
const IMAGE_ID = 'ami-12c6146b';

function mapped(ids: IdMap, simId: string): string {
  const motoId = ids.get(simId);
  if (motoId === undefined) throw new Error(`seeding order: ${simId} has no moto counterpart yet`);
  return motoId;
}

function tagSpec(type: ResourceType, simId: string, tags: readonly Tag[]): TagSpecification[] {
  return [{ ResourceType: type, Tags: [...tags.map((t) => ({ Key: t.key, Value: t.value })), { Key: 'SimId', Value: simId }] }];
}

/** moto creates a default VPC (with its default group) per region; the sim's default VPC maps onto it. */
async function mapDefaultVpc(ec2: EC2Client, data: Ec2Region, ids: IdMap): Promise<string> {
  if (data.vpcs.length !== 1 || data.vpcs[0]?.isDefault !== true) throw new Error('parity seeding expects only the default VPC');
  const vpcs = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }));
  const vpcId = vpcs.Vpcs?.[0]?.VpcId;
  if (vpcId === undefined) throw new Error('moto has no default VPC');
  ids.set(data.vpcs[0].id, vpcId);
  const groups = await ec2.send(new DescribeSecurityGroupsCommand({
    Filters: [{ Name: 'vpc-id', Values: [vpcId] }, { Name: 'group-name', Values: ['default'] }],
  }));
  const defaultGroup = data.securityGroups.find((g) => g.name === 'default');
  const motoDefault = groups.SecurityGroups?.[0]?.GroupId;
  if (defaultGroup && motoDefault) ids.set(defaultGroup.id, motoDefault);
  return vpcId;
}

function toSdkPermission(rule: IpPermission, ids: IdMap): SdkIpPermission {
  return {
    IpProtocol: rule.protocol,
    ...(rule.fromPort === undefined ? {} : { FromPort: rule.fromPort }),
    ...(rule.toPort === undefined ? {} : { ToPort: rule.toPort }),
    IpRanges: rule.ipv4.map((CidrIp) => ({ CidrIp })),
    Ipv6Ranges: rule.ipv6.map((CidrIpv6) => ({ CidrIpv6 })),
    UserIdGroupPairs: rule.groupIds.map((id) => ({ GroupId: mapped(ids, id) })),
  };
}

/**
 * Non-default groups get the sim's ingress rules. Egress is not written: every sim group has the
 * single allow-all egress rule, which is what moto gives a new group.
 */
async function seedSecurityGroups(ec2: EC2Client, vpcId: string, groups: readonly SecurityGroup[], ids: IdMap): Promise<void> {
  for (const group of groups.filter((g) => g.name !== 'default')) {
    const created = await ec2.send(new CreateSecurityGroupCommand({
      GroupName: group.name, Description: group.description, VpcId: vpcId, TagSpecifications: tagSpec('security-group', group.id, group.tags),
    }));
    ids.set(group.id, created.GroupId ?? '');
  }
  for (const group of groups.filter((g) => g.name !== 'default' && g.ingress.length > 0)) {
    await ec2.send(new AuthorizeSecurityGroupIngressCommand({
      GroupId: mapped(ids, group.id), IpPermissions: group.ingress.map((rule) => toSdkPermission(rule, ids)),
    }));
  }
}

async function seedInstance(ec2: EC2Client, instance: Instance, ids: IdMap): Promise<void> {
  const run = await ec2.send(new RunInstancesCommand({
    ImageId: IMAGE_ID, MinCount: 1, MaxCount: 1, InstanceType: instance.type as _InstanceType,
    Placement: { AvailabilityZone: instance.az },
    SecurityGroupIds: instance.securityGroups.map((g) => mapped(ids, g.id)),
    MetadataOptions: { HttpTokens: instance.httpTokens },
    TagSpecifications: tagSpec('instance', instance.id, instance.tags),
  }));
  ids.set(instance.id, run.Instances?.[0]?.InstanceId ?? '');
}

async function seedVolume(ec2: EC2Client, volume: Volume, ids: IdMap): Promise<void> {
  const created = await ec2.send(new CreateVolumeCommand({
    AvailabilityZone: volume.az, Size: volume.sizeGiB, VolumeType: volume.type, Encrypted: volume.encrypted,
    ...(volume.type === 'io1' && volume.iops !== undefined ? { Iops: volume.iops } : {}),
    TagSpecifications: tagSpec('volume', volume.id, volume.tags),
  }));
  ids.set(volume.id, created.VolumeId ?? '');
  if (volume.attachment) {
    await ec2.send(new AttachVolumeCommand({
      VolumeId: created.VolumeId, InstanceId: mapped(ids, volume.attachment.instanceId), Device: volume.attachment.device,
    }));
  }
}

async function seedAddress(ec2: EC2Client, address: ElasticIp, ids: IdMap): Promise<void> {
  const allocated = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc', TagSpecifications: tagSpec('elastic-ip', address.allocationId, address.tags) }));
  ids.set(address.allocationId, allocated.AllocationId ?? '');
  if (address.instanceId) {
    await ec2.send(new AssociateAddressCommand({ AllocationId: allocated.AllocationId, InstanceId: mapped(ids, address.instanceId) }));
  }
}

/** Seeds one region's EC2 resources through `ec2` (a client for moto in that region). */
export async function seedEc2Region(ec2: EC2Client, data: Ec2Region, ids: IdMap): Promise<void> {
  const vpcId = await mapDefaultVpc(ec2, data, ids);
  await seedSecurityGroups(ec2, vpcId, data.securityGroups, ids);
  for (const instance of data.instances) await seedInstance(ec2, instance, ids);
  for (const volume of data.volumes) await seedVolume(ec2, volume, ids);
  for (const address of data.addresses) await seedAddress(ec2, address, ids);
  // Stop last: volumes and addresses were attached while the instances ran, as in the sim's story.
  const stopped = data.instances.filter((i) => i.state === 'stopped').map((i) => mapped(ids, i.id));
  if (stopped.length > 0) await ec2.send(new StopInstancesCommand({ InstanceIds: stopped }));
  // After the volumes: turning it on first would make moto encrypt the sim's unencrypted ones.
  if (data.ebsEncryptionByDefault) await ec2.send(new EnableEbsEncryptionByDefaultCommand({}));
}
