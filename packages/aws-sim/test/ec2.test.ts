import {
  DescribeAddressesCommand, DescribeFlowLogsCommand, DescribeInstancesCommand, DescribeNetworkAclsCommand, DescribeRegionsCommand,
  DescribeSecurityGroupsCommand, DescribeSnapshotsCommand, DescribeVolumesCommand, DescribeVpcsCommand, EC2Client,
  GetEbsEncryptionByDefaultCommand, paginateDescribeInstances, paginateDescribeSnapshots, paginateDescribeVolumes, type Instance,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RunningSim } from '../src/index.js';
import { clientConfig } from './helpers.js';

const REGION = 'us-east-1';
let sim: RunningSim;
let ec2: EC2Client;

beforeAll(async () => {
  sim = await startSim({ seed: 42, size: { instances: 300, volumes: 340, snapshots: 200, addresses: 40, vpcsPerRegion: 3, securityGroupsPerRegion: 12 }, disabledRegions: ['af-south-1'] });
  ec2 = new EC2Client(clientConfig(sim, REGION));
});
afterAll(async () => sim.stop());

const model = () => {
  const data = sim.account.byRegion[REGION];
  if (!data) throw new Error('no region data');
  return data.ec2;
};

describe('EC2', () => {
  it('DescribeRegions lists enabled regions, and opt-in regions with AllRegions', async () => {
    const enabled = await ec2.send(new DescribeRegionsCommand({}));
    expect(enabled.Regions).toHaveLength(17);
    expect(enabled.Regions?.[0]).toEqual({ RegionName: 'us-east-1', Endpoint: 'ec2.us-east-1.amazonaws.com', OptInStatus: 'opt-in-not-required' });
    const all = await ec2.send(new DescribeRegionsCommand({ AllRegions: true }));
    expect(all.Regions?.find((r) => r.RegionName === 'af-south-1')?.OptInStatus).toBe('not-opted-in');
  });

  it('DescribeInstances pages every instance exactly once with reservations and parsed fields', async () => {
    const seen: Instance[] = [];
    let pages = 0;
    for await (const page of paginateDescribeInstances({ client: ec2, pageSize: 7 }, {})) {
      pages++;
      const count = (page.Reservations ?? []).reduce((n, r) => n + (r.Instances?.length ?? 0), 0);
      expect(count).toBeLessThanOrEqual(7);
      for (const r of page.Reservations ?? []) {
        expect(r.ReservationId).toMatch(/^r-0[0-9a-f]{16}$/);
        expect(r.OwnerId).toBe('123456789012');
        seen.push(...(r.Instances ?? []));
      }
    }
    const ids = seen.map((i) => i.InstanceId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(model().instances.map((i) => i.id).sort());
    expect(pages).toBe(Math.ceil(model().instances.length / 7));
    expect(sim.stats().maxChainDepth).toBeGreaterThanOrEqual(pages);
  });

  it('DescribeInstances parses state, launch time, stop reason, metadata options and devices', async () => {
    const out = await ec2.send(new DescribeInstancesCommand({ MaxResults: 1000 }));
    const instances = (out.Reservations ?? []).flatMap((r) => r.Instances ?? []);
    const stopped = instances.find((i) => i.State?.Name === 'stopped');
    expect(stopped?.State?.Code).toBe(80);
    expect(stopped?.StateTransitionReason).toMatch(/^User initiated \(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} GMT\)$/);
    const running = instances.find((i) => i.State?.Name === 'running' && (i.BlockDeviceMappings?.length ?? 0) > 0);
    expect(running?.LaunchTime).toBeInstanceOf(Date);
    expect(running?.BlockDeviceMappings?.[0]?.Ebs?.VolumeId).toMatch(/^vol-/);
    expect(['optional', 'required']).toContain(running?.MetadataOptions?.HttpTokens);
    expect(running?.InstanceType).toBeTruthy();
    expect(running?.VpcId).toMatch(/^vpc-/);
    expect(running?.SecurityGroups?.[0]?.GroupId).toMatch(/^sg-/);
    expect(running?.Tags?.find((t) => t.Key === 'Name')?.Value).toBeTruthy();
    expect(new Set(instances.map((i) => i.MetadataOptions?.HttpTokens))).toEqual(new Set(['optional', 'required']));
  });

  it('DescribeInstances rejects MaxResults outside 5-1000 and filters by state', async () => {
    await expect(ec2.send(new DescribeInstancesCommand({ MaxResults: 3 }))).rejects.toMatchObject({ name: 'InvalidParameterValue' });
    const out = await ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'instance-state-name', Values: ['stopped'] }] }));
    const states = (out.Reservations ?? []).flatMap((r) => r.Instances ?? []).map((i) => i.State?.Name);
    expect(states.length).toBe(model().instances.filter((i) => i.state === 'stopped').length);
    expect(new Set(states)).toEqual(new Set(['stopped']));
  });

  it('DescribeVolumes returns attached and idle volumes of every type', async () => {
    const volumes = [];
    for await (const page of paginateDescribeVolumes({ client: ec2, pageSize: 50 }, {})) volumes.push(...(page.Volumes ?? []));
    expect(volumes).toHaveLength(model().volumes.length);
    const available = volumes.filter((v) => v.State === 'available');
    expect(available.length / volumes.length).toBeGreaterThan(0.1);
    expect(available[0]?.Attachments).toEqual([]);
    const attached = volumes.find((v) => v.State === 'in-use');
    expect(attached?.Attachments?.[0]).toMatchObject({ State: 'attached', VolumeId: attached?.VolumeId });
    expect(attached?.CreateTime).toBeInstanceOf(Date);
    expect(new Set(volumes.map((v) => v.VolumeType))).toEqual(new Set(['gp2', 'gp3', 'io1', 'st1', 'sc1', 'standard']));
    expect(new Set(volumes.map((v) => v.Encrypted))).toEqual(new Set([true, false]));
    expect(typeof volumes[0]?.Size).toBe('number');
    await expect(ec2.send(new DescribeVolumesCommand({ MaxResults: 501 }))).rejects.toMatchObject({ name: 'InvalidParameterValue' });
  });

  it('DescribeSnapshots honours OwnerIds=self and RestorableByUserIds=all', async () => {
    const own = [];
    for await (const page of paginateDescribeSnapshots({ client: ec2, pageSize: 20 }, { OwnerIds: ['self'] })) own.push(...(page.Snapshots ?? []));
    expect(own).toHaveLength(model().snapshots.length);
    expect(own[0]).toMatchObject({ OwnerId: '123456789012', State: 'completed' });
    expect(own[0]?.StartTime).toBeInstanceOf(Date);
    expect(typeof own[0]?.VolumeSize).toBe('number');
    const pub = await ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'], RestorableByUserIds: ['all'] }));
    const expected = model().snapshots.filter((s) => s.isPublic).map((s) => s.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(pub.Snapshots?.map((s) => s.SnapshotId).sort()).toEqual(expected.sort());
    expect(pub.Snapshots?.every((s) => s.Encrypted === false)).toBe(true);
    const amazon = await ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['amazon'] }));
    expect(amazon.Snapshots).toEqual([]);
  });

  it('DescribeSecurityGroups includes a default group per VPC and open admin ports', async () => {
    const out = await ec2.send(new DescribeSecurityGroupsCommand({ MaxResults: 1000 }));
    const groups = out.SecurityGroups ?? [];
    expect(groups).toHaveLength(12);
    expect(groups.filter((g) => g.GroupName === 'default')).toHaveLength(3);
    const rules = groups.flatMap((g) => g.IpPermissions ?? []);
    expect(rules.some((r) => r.IpProtocol === 'tcp' && r.FromPort === 443 && r.IpRanges?.[0]?.CidrIp === '0.0.0.0/0')).toBe(true);
    expect(rules.some((r) => r.Ipv6Ranges?.[0]?.CidrIpv6 === '::/0')).toBe(true);
    expect(groups[0]?.IpPermissionsEgress?.[0]).toMatchObject({ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] });
    expect(groups[0]?.IpPermissions?.[0]?.UserIdGroupPairs?.[0]?.GroupId).toBe(groups[0]?.GroupId);
  });

  it('DescribeAddresses, DescribeVpcs, DescribeNetworkAcls, DescribeFlowLogs, GetEbsEncryptionByDefault', async () => {
    const addresses = (await ec2.send(new DescribeAddressesCommand({}))).Addresses ?? [];
    expect(addresses.length).toBe(model().addresses.length);
    expect(addresses.some((a) => a.AssociationId === undefined)).toBe(true);
    expect(addresses.find((a) => a.AssociationId)).toMatchObject({ AllocationId: expect.stringMatching(/^eipalloc-/), PublicIp: expect.any(String), InstanceId: expect.stringMatching(/^i-/) });
    const vpcs = (await ec2.send(new DescribeVpcsCommand({}))).Vpcs ?? [];
    expect(vpcs.map((v) => v.IsDefault)).toEqual([true, false, false]);
    const acls = (await ec2.send(new DescribeNetworkAclsCommand({ MaxResults: 100 }))).NetworkAcls ?? [];
    const entry = acls[0]?.Entries?.[0];
    expect(entry).toMatchObject({ RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0' });
    const custom = acls.flatMap((a) => a.Entries ?? []).find((e) => e.PortRange);
    if (custom) expect(custom.PortRange).toEqual({ From: expect.any(Number), To: expect.any(Number) });
    const flowLogs = (await ec2.send(new DescribeFlowLogsCommand({}))).FlowLogs ?? [];
    expect(flowLogs.length).toBe(model().flowLogs.length);
    for (const f of flowLogs) expect(f.ResourceId).toMatch(/^vpc-/);
    const ebs = await ec2.send(new GetEbsEncryptionByDefaultCommand({}));
    expect(ebs.EbsEncryptionByDefault).toBe(model().ebsEncryptionByDefault);
  });
});
