import {
  GetBucketAclCommand, GetBucketEncryptionCommand, GetBucketLifecycleConfigurationCommand, GetBucketLocationCommand, GetBucketLoggingCommand,
  GetBucketPolicyCommand, GetBucketVersioningCommand, GetPublicAccessBlockCommand, ListBucketsCommand, S3Client, paginateListBuckets,
} from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAccount, startSim, type Bucket, type RunningSim } from '../src/index.js';
import { clientConfig, withSim } from './helpers.js';

let sim: RunningSim;

beforeAll(async () => {
  sim = await startSim({ seed: 5, size: { buckets: 60 } });
});
afterAll(async () => sim.stop());

const s3 = (region = 'us-east-1'): S3Client => new S3Client({ ...clientConfig(sim, region), forcePathStyle: true });
const find = (predicate: (b: Bucket) => boolean): Bucket => {
  const bucket = sim.account.buckets.find(predicate);
  if (!bucket) throw new Error('seed has no such bucket');
  return bucket;
};

describe('S3', () => {
  it('ListBuckets pages with max-buckets and reports BucketRegion', async () => {
    const names: string[] = [];
    for await (const page of paginateListBuckets({ client: s3(), pageSize: 7 }, {})) {
      expect(page.Buckets?.length).toBeLessThanOrEqual(7);
      for (const b of page.Buckets ?? []) {
        expect(b.CreationDate).toBeInstanceOf(Date);
        expect(b.BucketRegion).toBe(sim.account.bucketsByName.get(b.Name ?? '')?.region);
        names.push(b.Name ?? '');
      }
    }
    expect(names).toEqual(sim.account.buckets.map((b) => b.name));
    const all = await s3().send(new ListBucketsCommand({}));
    expect(all.Buckets).toHaveLength(60);
    expect(all.Owner?.ID).toMatch(/^[0-9a-f]{64}$/);
  });

  it('GetBucketLocation: empty for us-east-1, the region otherwise', async () => {
    const east = find((b) => b.region === 'us-east-1');
    expect((await s3().send(new GetBucketLocationCommand({ Bucket: east.name }))).LocationConstraint).toBeFalsy();
    const other = find((b) => b.region !== 'us-east-1');
    expect((await s3().send(new GetBucketLocationCommand({ Bucket: other.name }))).LocationConstraint).toBe(other.region);
  });

  it('GetBucketPolicy returns the JSON or NoSuchBucketPolicy', async () => {
    const withPolicy = find((b) => b.policy?.includes('aws:SecureTransport') ?? false);
    const out = await s3(withPolicy.region).send(new GetBucketPolicyCommand({ Bucket: withPolicy.name }));
    expect(JSON.parse(out.Policy ?? '')).toMatchObject({ Statement: expect.arrayContaining([expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) });
    const publicOne = find((b) => b.policy?.includes('"Principal":"*","Action":"s3:GetObject"') ?? false);
    expect((await s3(publicOne.region).send(new GetBucketPolicyCommand({ Bucket: publicOne.name }))).Policy).toContain('PublicRead');
    const none = find((b) => b.policy === undefined);
    await expect(s3(none.region).send(new GetBucketPolicyCommand({ Bucket: none.name }))).rejects.toMatchObject({ name: 'NoSuchBucketPolicy', $metadata: { httpStatusCode: 404 } });
  });

  it('GetBucketAcl parses owner and group grants', async () => {
    const open = find((b) => b.aclGrants.includes('AllUsers'));
    const acl = await s3(open.region).send(new GetBucketAclCommand({ Bucket: open.name }));
    expect(acl.Owner?.ID).toBe(sim.account.canonicalUserId);
    expect(acl.Grants?.[0]).toMatchObject({ Grantee: { Type: 'CanonicalUser', ID: sim.account.canonicalUserId }, Permission: 'FULL_CONTROL' });
    expect(acl.Grants?.[1]).toMatchObject({ Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' });
  });

  it('GetPublicAccessBlock returns flags or NoSuchPublicAccessBlockConfiguration', async () => {
    const blocked = find((b) => b.publicAccessBlock !== undefined);
    const out = await s3(blocked.region).send(new GetPublicAccessBlockCommand({ Bucket: blocked.name }));
    expect(out.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: blocked.publicAccessBlock?.blockPublicAcls, IgnorePublicAcls: blocked.publicAccessBlock?.ignorePublicAcls,
      BlockPublicPolicy: blocked.publicAccessBlock?.blockPublicPolicy, RestrictPublicBuckets: blocked.publicAccessBlock?.restrictPublicBuckets,
    });
    const open = find((b) => b.publicAccessBlock === undefined);
    await expect(s3(open.region).send(new GetPublicAccessBlockCommand({ Bucket: open.name }))).rejects.toMatchObject({ name: 'NoSuchPublicAccessBlockConfiguration' });
  });

  it('GetBucketVersioning, GetBucketEncryption, GetBucketLogging, GetBucketLifecycleConfiguration', async () => {
    const versioned = find((b) => b.versioning === 'Enabled');
    expect(await s3(versioned.region).send(new GetBucketVersioningCommand({ Bucket: versioned.name }))).toMatchObject({ Status: 'Enabled', MFADelete: 'Disabled' });
    const never = find((b) => b.versioning === undefined);
    expect((await s3(never.region).send(new GetBucketVersioningCommand({ Bucket: never.name }))).Status).toBeUndefined();
    const kms = find((b) => b.encryption?.algorithm === 'aws:kms');
    const enc = await s3(kms.region).send(new GetBucketEncryptionCommand({ Bucket: kms.name }));
    expect(enc.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault).toMatchObject({ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: kms.encryption?.kmsKeyId });
    const plain = find((b) => b.encryption === undefined);
    await expect(s3(plain.region).send(new GetBucketEncryptionCommand({ Bucket: plain.name }))).rejects.toMatchObject({ name: 'ServerSideEncryptionConfigurationNotFoundError' });
    const logged = find((b) => b.logging !== undefined);
    expect((await s3(logged.region).send(new GetBucketLoggingCommand({ Bucket: logged.name }))).LoggingEnabled?.TargetBucket).toBe(logged.logging?.targetBucket);
    const unlogged = find((b) => b.logging === undefined);
    expect((await s3(unlogged.region).send(new GetBucketLoggingCommand({ Bucket: unlogged.name }))).LoggingEnabled).toBeUndefined();
    const cycled = find((b) => b.lifecycle !== undefined);
    const rules = (await s3(cycled.region).send(new GetBucketLifecycleConfigurationCommand({ Bucket: cycled.name }))).Rules;
    expect(rules?.[0]).toMatchObject({ ID: 'expire-old', Status: 'Enabled', Expiration: { Days: cycled.lifecycle?.[0]?.expirationDays } });
    const bare = find((b) => b.lifecycle === undefined);
    await expect(s3(bare.region).send(new GetBucketLifecycleConfigurationCommand({ Bucket: bare.name }))).rejects.toMatchObject({ name: 'NoSuchLifecycleConfiguration' });
  });

  it('answers a call signed for the wrong region with a 301 PermanentRedirect, and unknown buckets with NoSuchBucket', async () => {
    const other = find((b) => b.region !== 'us-east-1');
    await expect(s3('us-east-1').send(new GetBucketVersioningCommand({ Bucket: other.name }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 301 } });
    await expect(s3().send(new GetBucketAclCommand({ Bucket: 'nope-nope' }))).rejects.toMatchObject({ name: 'NoSuchBucket' });
    // The 301 carries x-amz-bucket-region, so the SDK's followRegionRedirects can recover.
    const following = new S3Client({ ...clientConfig(sim), forcePathStyle: true, followRegionRedirects: true });
    expect((await following.send(new GetBucketVersioningCommand({ Bucket: other.name }))).$metadata.httpStatusCode).toBe(200);
  });
});

describe('S3 Control', () => {
  // SDK 3.1178's endpoint rules put `<account>.` in front of a custom endpoint's host even with
  // disableHostPrefix, which breaks loopback URLs; a fixed endpointProvider avoids it.
  const control = (s: RunningSim): S3ControlClient =>
    new S3ControlClient({ ...clientConfig(s), disableHostPrefix: true, endpointProvider: () => ({ url: new URL(s.url) }) });
  const seedWith = (present: boolean): number => {
    for (let seed = 1; seed < 50; seed++) if ((generateAccount({ seed, size: { buckets: 1 } }).accountPublicAccessBlock !== undefined) === present) return seed;
    throw new Error('no seed');
  };

  it('GetPublicAccessBlock returns the account block', async () => {
    await withSim({ seed: seedWith(true), size: { buckets: 1 } }, async (s) => {
      const out = await control(s).send(new GetAccountPublicAccessBlockCommand({ AccountId: '123456789012' }));
      expect(out.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true });
      expect(s.stats().byKey['s3-control:us-east-1:GetPublicAccessBlock']).toBe(1);
    });
  });

  it('GetPublicAccessBlock answers NoSuchPublicAccessBlockConfiguration when absent', async () => {
    await withSim({ seed: seedWith(false), size: { buckets: 1 } }, async (s) => {
      await expect(control(s).send(new GetAccountPublicAccessBlockCommand({ AccountId: '123456789012' })))
        .rejects.toMatchObject({ name: 'NoSuchPublicAccessBlockConfiguration', $metadata: { httpStatusCode: 404 } });
    });
  });
});
