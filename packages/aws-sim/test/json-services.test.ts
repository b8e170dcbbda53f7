import { CloudTrailClient, DescribeTrailsCommand, GetEventSelectorsCommand, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import { CloudWatchLogsClient, DescribeLogGroupsCommand, paginateDescribeLogGroups } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeKeyCommand, GetKeyRotationStatusCommand, KMSClient, ListKeysCommand, paginateListKeys } from '@aws-sdk/client-kms';
import { LambdaClient, ListFunctionsCommand, paginateListFunctions } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RegionData, type RunningSim } from '../src/index.js';
import { clientConfig } from './helpers.js';

const REGION = 'us-east-1';
let sim: RunningSim;
let data: RegionData;

beforeAll(async () => {
  sim = await startSim({ seed: 21, regions: [REGION, 'eu-west-1'], size: { kmsKeys: 120, lambdas: 140, logGroups: 130, trails: 4 } });
  const region = sim.account.byRegion[REGION];
  if (!region) throw new Error('missing region');
  data = region;
});
afterAll(async () => sim.stop());

describe('CloudTrail', () => {
  const trail = (region = REGION): CloudTrailClient => new CloudTrailClient(clientConfig(sim, region));

  it('DescribeTrails shows home trails and the multi-region shadow trail', async () => {
    const out = await trail('eu-west-1').send(new DescribeTrailsCommand({}));
    const main = out.trailList?.find((t) => t.Name === 'management-events');
    expect(main).toMatchObject({ IsMultiRegionTrail: true, HomeRegion: 'us-east-1', S3BucketName: 'cloudtrail-123456789012', TrailARN: expect.stringContaining(':trail/management-events') });
    expect(typeof main?.LogFileValidationEnabled).toBe('boolean');
    const noShadow = await trail('eu-west-1').send(new DescribeTrailsCommand({ includeShadowTrails: false }));
    expect(noShadow.trailList?.some((t) => t.Name === 'management-events')).toBe(false);
  });

  it('GetTrailStatus and GetEventSelectors', async () => {
    for (const t of sim.account.trails.filter((x) => x.homeRegion === REGION)) {
      const status = await trail().send(new GetTrailStatusCommand({ Name: t.arn }));
      expect(status.IsLogging).toBe(t.isLogging);
      expect(status.StartLoggingTime).toBeInstanceOf(Date);
      const selectors = await trail().send(new GetEventSelectorsCommand({ TrailName: t.name }));
      if (t.selectors.kind === 'advanced') expect(selectors.AdvancedEventSelectors?.[0]?.FieldSelectors?.[0]?.Field).toBe('eventCategory');
      else expect(selectors.EventSelectors?.[0]).toMatchObject({ ReadWriteType: expect.any(String), IncludeManagementEvents: t.selectors.kind !== 'none' });
      if (t.selectors.kind === 'data-s3') expect(selectors.EventSelectors?.[0]?.DataResources?.[0]).toEqual({ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] });
    }
    await expect(trail().send(new GetTrailStatusCommand({ Name: 'missing' }))).rejects.toMatchObject({ name: 'TrailNotFoundException' });
  });
});

describe('KMS', () => {
  const kms = (): KMSClient => new KMSClient(clientConfig(sim, REGION));

  it('ListKeys pages with Limit/Marker', async () => {
    const ids: string[] = [];
    for await (const page of paginateListKeys({ client: kms(), pageSize: 25 }, {})) ids.push(...(page.Keys ?? []).map((k) => k.KeyId ?? ''));
    expect(ids).toEqual(data.kmsKeys.map((k) => k.id));
    const first = await kms().send(new ListKeysCommand({ Limit: 10 }));
    expect(first.Truncated).toBe(true);
    expect(first.Keys?.[0]?.KeyArn).toBe(data.kmsKeys[0]?.arn);
  });

  it('DescribeKey and GetKeyRotationStatus', async () => {
    const customer = data.kmsKeys.find((k) => k.manager === 'CUSTOMER' && k.spec === 'SYMMETRIC_DEFAULT' && k.state === 'Enabled');
    const meta = (await kms().send(new DescribeKeyCommand({ KeyId: customer?.id }))).KeyMetadata;
    expect(meta).toMatchObject({ KeyManager: 'CUSTOMER', KeyState: 'Enabled', KeySpec: 'SYMMETRIC_DEFAULT', Enabled: true, Arn: customer?.arn });
    expect(meta?.CreationDate).toBeInstanceOf(Date);
    const rotation = await kms().send(new GetKeyRotationStatusCommand({ KeyId: customer?.arn }));
    expect(rotation.KeyRotationEnabled).toBe(customer?.rotationEnabled);
    const pending = data.kmsKeys.find((k) => k.state === 'PendingDeletion');
    if (pending) expect((await kms().send(new DescribeKeyCommand({ KeyId: pending.id }))).KeyMetadata?.DeletionDate).toBeInstanceOf(Date);
    const asymmetric = data.kmsKeys.find((k) => k.spec !== 'SYMMETRIC_DEFAULT');
    if (asymmetric) await expect(kms().send(new GetKeyRotationStatusCommand({ KeyId: asymmetric.id }))).rejects.toMatchObject({ name: 'UnsupportedOperationException' });
    expect(new Set(data.kmsKeys.map((k) => k.manager))).toEqual(new Set(['AWS', 'CUSTOMER']));
    await expect(kms().send(new DescribeKeyCommand({ KeyId: 'nope' }))).rejects.toMatchObject({ name: 'NotFoundException' });
  });
});

describe('CloudWatch Logs', () => {
  it('DescribeLogGroups pages with limit/nextToken; retention may be absent', async () => {
    const logs = new CloudWatchLogsClient(clientConfig(sim, REGION));
    const groups = [];
    for await (const page of paginateDescribeLogGroups({ client: logs, pageSize: 50 }, {})) groups.push(...(page.logGroups ?? []));
    expect(groups.map((g) => g.logGroupName)).toEqual(data.logGroups.map((g) => g.name));
    expect(groups.some((g) => g.retentionInDays === undefined)).toBe(true);
    expect(groups.some((g) => typeof g.retentionInDays === 'number')).toBe(true);
    expect(groups[0]).toMatchObject({ arn: `${data.logGroups[0]?.arn ?? ''}:*`, storedBytes: data.logGroups[0]?.storedBytes, creationTime: data.logGroups[0]?.createTime });
    await expect(logs.send(new DescribeLogGroupsCommand({ limit: 51 }))).rejects.toMatchObject({ name: 'InvalidParameterException' });
  });
});

describe('Lambda', () => {
  it('ListFunctions pages (at most 50 per page) with runtimes old and new', async () => {
    const lambda = new LambdaClient(clientConfig(sim, REGION));
    const fns = [];
    for await (const page of paginateListFunctions({ client: lambda, pageSize: 100 }, {})) {
      expect(page.Functions?.length).toBeLessThanOrEqual(50);
      fns.push(...(page.Functions ?? []));
    }
    expect(fns.map((f) => f.FunctionArn)).toEqual(data.lambdas.map((f) => f.arn));
    const runtimes = new Set(fns.map((f) => f.Runtime));
    expect(runtimes.has('python3.12') || runtimes.has('nodejs20.x')).toBe(true);
    expect(runtimes.has('python3.7') || runtimes.has('nodejs14.x')).toBe(true);
    expect(fns[0]?.LastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000\+0000$/);
    const small = await lambda.send(new ListFunctionsCommand({ MaxItems: 5 }));
    expect(small.Functions).toHaveLength(5);
    expect(small.NextMarker).toBeTruthy();
  });
});
