import { CloudTrailClient, DescribeTrailsCommand } from '@aws-sdk/client-cloudtrail';
import { DescribeInstancesCommand, DescribeVolumesCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetAccountSummaryCommand, IAMClient } from '@aws-sdk/client-iam';
import { KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { clientConfig, withSim } from './helpers.js';

describe('fault rules', () => {
  it('access-denied uses each service family\'s real code and status, scoped by service and region', async () => {
    await withSim({ faults: [{ kind: 'access-denied', region: 'eu-west-1' }, { kind: 'access-denied', service: 'iam' }, { kind: 'access-denied', service: 's3' }] }, async (sim) => {
      const eu = clientConfig(sim, 'eu-west-1');
      await expect(new EC2Client(eu).send(new DescribeVpcsCommand({}))).rejects.toMatchObject({ name: 'UnauthorizedOperation', $metadata: { httpStatusCode: 403 } });
      await expect(new RDSClient(eu).send(new DescribeDBInstancesCommand({}))).rejects.toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
      await expect(new KMSClient(eu).send(new ListKeysCommand({}))).rejects.toMatchObject({ name: 'AccessDeniedException' });
      await expect(new CloudTrailClient(eu).send(new DescribeTrailsCommand({}))).rejects.toMatchObject({ name: 'AccessDeniedException' });
      await expect(new LambdaClient(eu).send(new ListFunctionsCommand({}))).rejects.toMatchObject({ name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } });
      const iamError = await new IAMClient(clientConfig(sim)).send(new GetAccountSummaryCommand({})).catch((e: unknown) => e);
      expect(iamError).toMatchObject({ name: 'AccessDenied', message: expect.stringContaining('iam:GetAccountSummary') });
      await expect(new S3Client({ ...clientConfig(sim), forcePathStyle: true }).send(new ListBucketsCommand({}))).rejects.toMatchObject({ name: 'AccessDenied' });
      // Other regions and services are untouched.
      expect((await new EC2Client(clientConfig(sim, 'us-west-2')).send(new DescribeVpcsCommand({}))).Vpcs?.length).toBeGreaterThan(0);
      expect(sim.stats().faults).toBe(7);
    });
  });

  it('throttle and server-error faults, set at runtime, are counted per call', async () => {
    await withSim({}, async (sim) => {
      const ec2 = new EC2Client(clientConfig(sim));
      sim.setFaults([{ kind: 'throttle', service: 'ec2', action: 'DescribeVpcs' }, { kind: 'server-error', service: 'sts' }, { kind: 'throttle', service: 'kms' }]);
      await expect(ec2.send(new DescribeVpcsCommand({}))).rejects.toMatchObject({ name: 'RequestLimitExceeded', $metadata: { httpStatusCode: 503 } });
      await expect(new STSClient(clientConfig(sim)).send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ $metadata: { httpStatusCode: 500 } });
      await expect(new KMSClient(clientConfig(sim)).send(new ListKeysCommand({}))).rejects.toMatchObject({ name: 'ThrottlingException' });
      expect((await ec2.send(new DescribeVolumesCommand({}))).Volumes).toBeDefined();
      sim.setFaults([]);
      expect((await ec2.send(new DescribeVpcsCommand({}))).Vpcs).toBeDefined();
      expect(sim.stats()).toMatchObject({ calls: 5, faults: 3, byKey: { 'ec2:us-east-1:DescribeVpcs': 2, 'sts:us-east-1:GetCallerIdentity': 1 } });
    });
  });

  it('probability applies a rule to a share of calls, deterministically per seed', async () => {
    await withSim({ faults: [{ kind: 'server-error', service: 'ec2', probability: 0.5 }] }, async (sim) => {
      const ec2 = new EC2Client(clientConfig(sim));
      const results = await Promise.allSettled(Array.from({ length: 40 }, () => ec2.send(new DescribeVpcsCommand({}))));
      const failed = results.filter((r) => r.status === 'rejected').length;
      expect(failed).toBeGreaterThan(8);
      expect(failed).toBeLessThan(32);
      expect(sim.stats().faults).toBe(failed);
    });
  });

  it('timeout never answers: the client gives up and stop() still returns promptly', async () => {
    await withSim({ faults: [{ kind: 'timeout', service: 'ec2' }] }, async (sim) => {
      const ec2 = new EC2Client({ ...clientConfig(sim), requestHandler: { requestTimeout: 200, throwOnRequestTimeout: true } });
      const started = Date.now();
      await expect(ec2.send(new DescribeVpcsCommand({}))).rejects.toMatchObject({ name: expect.stringMatching(/Timeout/i) });
      expect(Date.now() - started).toBeLessThan(2000);
      // Leave one request hanging so stop() has an open socket to close.
      void new EC2Client(clientConfig(sim)).send(new DescribeVpcsCommand({})).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
  });
});

describe('EC2 throttling', () => {
  it('answers RequestLimitExceeded past the burst and refills over time', async () => {
    // A slow refill keeps the burst phase deterministic even on a loaded machine.
    await withSim({ ec2Throttling: { burst: 6, refillPerSecond: 2 } }, async (sim) => {
      const ec2 = new EC2Client(clientConfig(sim));
      const burst = await Promise.allSettled(Array.from({ length: 10 }, () => ec2.send(new DescribeVpcsCommand({}))));
      const rejected = burst.filter((r) => r.status === 'rejected');
      expect(rejected.length).toBeGreaterThanOrEqual(3);
      expect(rejected[0]).toMatchObject({ reason: { name: 'RequestLimitExceeded', $metadata: { httpStatusCode: 503 } } });
      expect(sim.stats().throttled).toBe(rejected.length);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await expect(ec2.send(new DescribeVpcsCommand({}))).resolves.toBeDefined();
      await expect(ec2.send(new DescribeVpcsCommand({}))).resolves.toBeDefined();
      // Buckets are per (region, action): another action still has its full burst.
      expect((await ec2.send(new DescribeVolumesCommand({ MaxResults: 5 }))).Volumes).toBeDefined();
    });
  });

  it('heavy APIs without MaxResults or filters get half the bucket', async () => {
    await withSim({ ec2Throttling: { burst: 8, refillPerSecond: 0.1 } }, async (sim) => {
      const ec2 = new EC2Client(clientConfig(sim));
      const bare = await Promise.allSettled(Array.from({ length: 8 }, () => ec2.send(new DescribeInstancesCommand({}))));
      expect(bare.filter((r) => r.status === 'fulfilled')).toHaveLength(4);
      const paged = await Promise.allSettled(Array.from({ length: 8 }, () => ec2.send(new DescribeInstancesCommand({ MaxResults: 5 }))));
      expect(paged.filter((r) => r.status === 'fulfilled')).toHaveLength(8);
    });
  });
});

describe('regions and routing', () => {
  it('a disabled opt-in region fails authentication like AWS', async () => {
    await withSim({ disabledRegions: ['ap-east-1'] }, async (sim) => {
      await expect(new EC2Client(clientConfig(sim, 'ap-east-1')).send(new DescribeVpcsCommand({})))
        .rejects.toMatchObject({ name: 'AuthFailure', $metadata: { httpStatusCode: 401 } });
      await expect(new KMSClient(clientConfig(sim, 'ap-east-1')).send(new ListKeysCommand({})))
        .rejects.toMatchObject({ name: 'UnrecognizedClientException' });
      await expect(new STSClient(clientConfig(sim, 'ap-east-1')).send(new GetCallerIdentityCommand({})))
        .rejects.toMatchObject({ name: 'InvalidClientTokenId', $metadata: { httpStatusCode: 403 } });
    });
  });

  it('unknown actions answer InvalidAction; stats are served over HTTP', async () => {
    await withSim({}, async (sim) => {
      const body = 'Action=DescribeUnicorns&Version=2016-11-15';
      const auth = 'AWS4-HMAC-SHA256 Credential=AKID/20261201/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=x';
      const res = await fetch(sim.url, { method: 'POST', body, headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' } });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('<Code>InvalidAction</Code>');
      const stats = await (await fetch(`${sim.url}/_sim/stats`)).json() as { calls: number; byKey: Record<string, number> };
      expect(stats.byKey['ec2:us-east-1:DescribeUnicorns']).toBe(1);
      expect((await fetch(`${sim.url}/_sim/reset-stats`, { method: 'POST' })).status).toBe(200);
      expect(sim.stats().calls).toBe(0);
      const target = await fetch(sim.url, { method: 'POST', body: '{}', headers: { authorization: auth.replace('/ec2/', '/kms/'), 'x-amz-target': 'TrentService.Nope', 'content-type': 'application/x-amz-json-1.1' } });
      expect(await target.json()).toMatchObject({ __type: 'UnknownOperationException' });
    });
  });

  it('latencyMs delays every call', async () => {
    await withSim({ latencyMs: 60 }, async (sim) => {
      const started = Date.now();
      await new EC2Client(clientConfig(sim)).send(new DescribeVpcsCommand({}));
      expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    });
  });
});
