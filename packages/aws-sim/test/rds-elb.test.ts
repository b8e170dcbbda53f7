import {
  DescribeDBInstancesCommand, DescribeDBSnapshotAttributesCommand, DescribeDBSnapshotsCommand, RDSClient, paginateDescribeDBInstances, paginateDescribeDBSnapshots,
} from '@aws-sdk/client-rds';
import {
  DescribeLoadBalancersCommand, DescribeTargetGroupsCommand, DescribeTargetHealthCommand, ElasticLoadBalancingV2Client, paginateDescribeLoadBalancers,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RegionData, type RunningSim } from '../src/index.js';
import { clientConfig } from './helpers.js';

const REGION = 'eu-west-1';
let sim: RunningSim;
let data: RegionData;

beforeAll(async () => {
  sim = await startSim({ seed: 9, regions: [REGION, 'us-east-1'], size: { rdsInstances: 90, rdsSnapshots: 160, loadBalancers: 30, instances: 20 } });
  const region = sim.account.byRegion[REGION];
  if (!region) throw new Error('missing region');
  data = region;
});
afterAll(async () => sim.stop());

describe('RDS', () => {
  const rds = (): RDSClient => new RDSClient(clientConfig(sim, REGION));

  it('DescribeDBInstances pages with MaxRecords and parses security fields', async () => {
    const all = [];
    for await (const page of paginateDescribeDBInstances({ client: rds(), pageSize: 20 }, {})) all.push(...(page.DBInstances ?? []));
    expect(all.map((d) => d.DBInstanceIdentifier)).toEqual(data.dbInstances.map((d) => d.id));
    const first = all[0];
    const model = data.dbInstances[0];
    expect(first).toMatchObject({
      StorageEncrypted: model?.storageEncrypted, PubliclyAccessible: model?.publiclyAccessible, AutoMinorVersionUpgrade: model?.autoMinorVersionUpgrade,
      DBInstanceArn: model?.arn, Engine: model?.engine, DBInstanceClass: model?.instanceClass, MultiAZ: model?.multiAz,
    });
    expect(first?.InstanceCreateTime).toBeInstanceOf(Date);
    expect(first?.Endpoint?.Port).toBeTypeOf('number');
    expect(first?.TagList?.[0]?.Key).toBe('env');
    await expect(rds().send(new DescribeDBInstancesCommand({ MaxRecords: 10 }))).rejects.toMatchObject({ name: 'InvalidParameterValue' });
  });

  it('DescribeDBSnapshots lists manual and automated snapshots across pages', async () => {
    const all = [];
    for await (const page of paginateDescribeDBSnapshots({ client: rds(), pageSize: 25 }, {})) all.push(...(page.DBSnapshots ?? []));
    expect(all).toHaveLength(data.dbSnapshots.length);
    expect(new Set(all.map((s) => s.SnapshotType))).toEqual(new Set(['manual', 'automated']));
    expect(all[0]?.SnapshotCreateTime).toBeInstanceOf(Date);
    expect(all[0]?.AllocatedStorage).toBeTypeOf('number');
    expect(typeof all[0]?.Encrypted).toBe('boolean');
    const manual = await rds().send(new DescribeDBSnapshotsCommand({ SnapshotType: 'manual', MaxRecords: 100 }));
    expect(manual.DBSnapshots?.every((s) => s.SnapshotType === 'manual')).toBe(true);
  });

  it('DescribeDBSnapshotAttributes shows "all" for public snapshots', async () => {
    const pub = data.dbSnapshots.find((s) => s.isPublic);
    const priv = data.dbSnapshots.find((s) => !s.isPublic && s.sharedWith.length === 0);
    expect(pub).toBeDefined();
    const out = await rds().send(new DescribeDBSnapshotAttributesCommand({ DBSnapshotIdentifier: pub?.id }));
    expect(out.DBSnapshotAttributesResult?.DBSnapshotAttributes?.[0]).toEqual({ AttributeName: 'restore', AttributeValues: expect.arrayContaining(['all']) });
    const closed = await rds().send(new DescribeDBSnapshotAttributesCommand({ DBSnapshotIdentifier: priv?.id }));
    expect(closed.DBSnapshotAttributesResult?.DBSnapshotAttributes?.[0]?.AttributeValues).toEqual([]);
    await expect(rds().send(new DescribeDBSnapshotAttributesCommand({ DBSnapshotIdentifier: 'nope' }))).rejects.toMatchObject({ name: 'DBSnapshotNotFoundFault' });
  });
});

describe('ELBv2', () => {
  const elb = (): ElasticLoadBalancingV2Client => new ElasticLoadBalancingV2Client(clientConfig(sim, REGION));

  it('DescribeLoadBalancers pages with PageSize', async () => {
    const all = [];
    for await (const page of paginateDescribeLoadBalancers({ client: elb(), pageSize: 4 }, {})) all.push(...(page.LoadBalancers ?? []));
    expect(all.map((l) => l.LoadBalancerArn)).toEqual(data.loadBalancers.map((l) => l.arn));
    expect(new Set(all.map((l) => l.Type))).toEqual(new Set(['application', 'network']));
    expect(all[0]?.State?.Code).toBe(data.loadBalancers[0]?.state);
    expect(all[0]?.CreatedTime).toBeInstanceOf(Date);
    expect(all[0]?.AvailabilityZones?.[0]?.ZoneName).toBe(`${REGION}a`);
  });

  it('DescribeTargetGroups by load balancer, and DescribeTargetHealth', async () => {
    const lonely = data.loadBalancers.find((lb) => !data.targetGroups.some((tg) => tg.loadBalancerArns.includes(lb.arn)));
    expect(lonely).toBeDefined();
    const none = await elb().send(new DescribeTargetGroupsCommand({ LoadBalancerArn: lonely?.arn }));
    expect(none.TargetGroups).toEqual([]);
    const tg = data.targetGroups.find((t) => t.targets.length > 0);
    const groups = await elb().send(new DescribeTargetGroupsCommand({ LoadBalancerArn: tg?.loadBalancerArns[0] }));
    expect(groups.TargetGroups?.map((g) => g.TargetGroupArn)).toContain(tg?.arn);
    expect(groups.TargetGroups?.[0]?.LoadBalancerArns).toEqual(tg?.loadBalancerArns);
    const health = await elb().send(new DescribeTargetHealthCommand({ TargetGroupArn: tg?.arn }));
    expect(health.TargetHealthDescriptions?.map((d) => d.TargetHealth?.State)).toEqual(tg?.targets.map((t) => t.state));
    expect(health.TargetHealthDescriptions?.[0]?.Target?.Id).toMatch(/^i-/);
    const empty = data.targetGroups.find((t) => t.targets.length === 0);
    if (empty) expect((await elb().send(new DescribeTargetHealthCommand({ TargetGroupArn: empty.arn }))).TargetHealthDescriptions).toEqual([]);
    const all = await elb().send(new DescribeTargetGroupsCommand({}));
    expect(all.TargetGroups).toHaveLength(data.targetGroups.length);
    await expect(elb().send(new DescribeLoadBalancersCommand({ PageSize: 401 }))).rejects.toMatchObject({ name: 'ValidationError' });
  });
});
