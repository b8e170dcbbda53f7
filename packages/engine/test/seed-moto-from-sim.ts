// Recreates a simulator account (its SimAccount model) in moto through the real AWS SDK, for the
// sim/moto parity test. Only what moto represents faithfully and the parity checks read is
// written; see sim-moto-parity.test.ts for the checks left out. Not written: timestamps (moto
// uses its clock), IAM passwords/keys/MFA/roles/server certificates, the LogDelivery ACL grant,
// bucket logging, trail log-group delivery, volume KMS key ids and snapshot ids, public IPs.
import { CloudTrailClient, CreateTrailCommand, StartLoggingCommand } from '@aws-sdk/client-cloudtrail';
import { CloudWatchLogsClient, CreateLogGroupCommand, PutRetentionPolicyCommand } from '@aws-sdk/client-cloudwatch-logs';
import { EC2Client } from '@aws-sdk/client-ec2';
import {
  AddUserToGroupCommand, AttachGroupPolicyCommand, AttachUserPolicyCommand, CreateGroupCommand, CreatePolicyCommand,
  CreateUserCommand, IAMClient, PutGroupPolicyCommand, PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import {
  CreateKeyCommand, DisableKeyCommand, EnableKeyRotationCommand, KMSClient, ScheduleKeyDeletionCommand, type KeySpec,
} from '@aws-sdk/client-kms';
import {
  CreateBucketCommand, PutBucketAclCommand, PutBucketEncryptionCommand, PutBucketLifecycleConfigurationCommand,
  PutBucketPolicyCommand, PutBucketVersioningCommand, PutPublicAccessBlockCommand, S3Client,
  type BucketCannedACL, type BucketLocationConstraint,
} from '@aws-sdk/client-s3';
import { PutPublicAccessBlockCommand as PutAccountPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import type { Bucket, IamData, KmsKey, LogGroup, PublicAccessBlock, SimAccount, Trail } from '@cloudsweep/aws-sim';
import { seedEc2Region, type IdMap } from './seed-moto-from-sim-ec2.js';

export const PARITY_CREDENTIALS = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
} as const;

export interface SeededMoto {
  /** moto's id -> the sim's id, for every resource moto names itself (EC2, KMS). */
  readonly simIdOf: ReadonlyMap<string, string>;
  /** Buckets that exist in moto only because it needs them (CloudTrail's log bucket). */
  readonly helperBuckets: readonly string[];
}

function config(endpoint: string, region: string) {
  // A fresh credentials object each time: SDK clients annotate the one they are given.
  return { endpoint, region, credentials: { ...PARITY_CREDENTIALS } };
}

function s3For(endpoint: string, region: string): S3Client {
  return new S3Client({ ...config(endpoint, region), forcePathStyle: true });
}

async function createBucket(s3: S3Client, name: string, region: string): Promise<void> {
  const location = region === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } };
  await s3.send(new CreateBucketCommand({ Bucket: name, ...location }));
}

/** The log-delivery grant is left out: it exposes nothing and no parity check reads it. */
const CANNED_ACL: Partial<Record<Bucket['aclGrants'][number], BucketCannedACL>> = {
  AllUsers: 'public-read', AuthenticatedUsers: 'authenticated-read',
};

function blockConfig(block: PublicAccessBlock) {
  return {
    BlockPublicAcls: block.blockPublicAcls, IgnorePublicAcls: block.ignorePublicAcls,
    BlockPublicPolicy: block.blockPublicPolicy, RestrictPublicBuckets: block.restrictPublicBuckets,
  };
}

/** Written last: an account-wide block would refuse the buckets' public ACLs and policies. */
async function seedAccountBlock(endpoint: string, account: SimAccount): Promise<void> {
  if (!account.accountPublicAccessBlock) return;
  // As in the engine: SDK endpoint rules would prefix `<account>.` to a custom endpoint's host.
  const client = new S3ControlClient({
    ...config(endpoint, 'us-east-1'), disableHostPrefix: true, endpointProvider: () => ({ url: new URL(endpoint) }),
  });
  await client.send(new PutAccountPublicAccessBlockCommand({
    AccountId: account.accountId, PublicAccessBlockConfiguration: blockConfig(account.accountPublicAccessBlock),
  }));
}

/** ACL and policy go in before Block Public Access, which would refuse public ones afterwards. */
async function seedBucketAccess(s3: S3Client, bucket: Bucket): Promise<void> {
  const Bucket = bucket.name;
  for (const grant of bucket.aclGrants) {
    const ACL = CANNED_ACL[grant];
    if (ACL) await s3.send(new PutBucketAclCommand({ Bucket, ACL }));
  }
  if (bucket.policy !== undefined) await s3.send(new PutBucketPolicyCommand({ Bucket, Policy: bucket.policy }));
  const block = bucket.publicAccessBlock;
  if (block === undefined) return;
  await s3.send(new PutPublicAccessBlockCommand({ Bucket, PublicAccessBlockConfiguration: blockConfig(block) }));
}

async function seedBucketSettings(s3: S3Client, bucket: Bucket): Promise<void> {
  const Bucket = bucket.name;
  if (bucket.versioning) await s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: bucket.versioning } }));
  const sse = bucket.encryption;
  if (sse) {
    const byDefault = { SSEAlgorithm: sse.algorithm, ...(sse.kmsKeyId ? { KMSMasterKeyID: sse.kmsKeyId } : {}) };
    await s3.send(new PutBucketEncryptionCommand({
      Bucket, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: byDefault, BucketKeyEnabled: sse.bucketKey }] },
    }));
  }
  if (!bucket.lifecycle) return;
  const Rules = bucket.lifecycle.map((rule) => ({
    ID: rule.id, Status: 'Enabled' as const, Filter: { Prefix: '' },
    ...(rule.expirationDays === undefined ? {} : { Expiration: { Days: rule.expirationDays } }),
    ...(rule.transitionDays === undefined ? {} : { Transitions: [{ Days: rule.transitionDays, StorageClass: 'STANDARD_IA' as const }] }),
    ...(rule.abortMultipartDays === undefined ? {} : { AbortIncompleteMultipartUpload: { DaysAfterInitiation: rule.abortMultipartDays } }),
  }));
  await s3.send(new PutBucketLifecycleConfigurationCommand({ Bucket, LifecycleConfiguration: { Rules } }));
}

async function seedBuckets(endpoint: string, buckets: readonly Bucket[]): Promise<void> {
  for (const bucket of buckets) {
    const s3 = s3For(endpoint, bucket.region);
    await createBucket(s3, bucket.name, bucket.region);
    await seedBucketAccess(s3, bucket);
    await seedBucketSettings(s3, bucket);
  }
}

/**
 * Groups, customer policies (default version only) and users with their groups and policies.
 * Users and groups attach AWS managed policies: start moto with MOTO_IAM_LOAD_MANAGED_POLICIES.
 */
async function seedIam(endpoint: string, iam: IamData): Promise<void> {
  const client = new IAMClient(config(endpoint, 'us-east-1'));
  for (const group of iam.groups) {
    await client.send(new CreateGroupCommand({ GroupName: group.name, Path: group.path }));
    for (const PolicyArn of group.attachedPolicyArns) await client.send(new AttachGroupPolicyCommand({ GroupName: group.name, PolicyArn }));
    for (const p of group.inlinePolicies) await client.send(new PutGroupPolicyCommand({ GroupName: group.name, PolicyName: p.name, PolicyDocument: p.document }));
  }
  for (const policy of iam.policies.filter((p) => !p.awsManaged)) {
    const document = policy.versions.find((v) => v.isDefault)?.document ?? '';
    await client.send(new CreatePolicyCommand({
      PolicyName: policy.name, Path: policy.path, PolicyDocument: document, Description: policy.description,
    }));
  }
  for (const user of iam.users) {
    const UserName = user.name;
    await client.send(new CreateUserCommand({ UserName, Path: user.path, Tags: user.tags.map((t) => ({ Key: t.key, Value: t.value })) }));
    for (const GroupName of user.groups) await client.send(new AddUserToGroupCommand({ UserName, GroupName }));
    for (const PolicyArn of user.attachedPolicyArns) await client.send(new AttachUserPolicyCommand({ UserName, PolicyArn }));
    for (const p of user.inlinePolicies) await client.send(new PutUserPolicyCommand({ UserName, PolicyName: p.name, PolicyDocument: p.document }));
  }
}

/** Customer keys only: AWS managed keys cannot be created through the API (and no parity check reports them). */
async function seedKey(kms: KMSClient, key: KmsKey, ids: IdMap): Promise<void> {
  const symmetric = key.spec === 'SYMMETRIC_DEFAULT';
  const created = await kms.send(new CreateKeyCommand({
    Description: key.description, KeySpec: key.spec as KeySpec, KeyUsage: symmetric ? 'ENCRYPT_DECRYPT' : 'SIGN_VERIFY',
  }));
  const KeyId = created.KeyMetadata?.KeyId ?? '';
  ids.set(key.id, KeyId);
  if (symmetric && key.rotationEnabled) await kms.send(new EnableKeyRotationCommand({ KeyId }));
  if (key.state === 'Disabled') await kms.send(new DisableKeyCommand({ KeyId }));
  if (key.state === 'PendingDeletion') await kms.send(new ScheduleKeyDeletionCommand({ KeyId, PendingWindowInDays: 30 }));
}

async function seedLogGroups(logs: CloudWatchLogsClient, groups: readonly LogGroup[]): Promise<void> {
  for (const group of groups) {
    await logs.send(new CreateLogGroupCommand({ logGroupName: group.name, ...(group.kmsKeyId ? { kmsKeyId: group.kmsKeyId } : {}) }));
    if (group.retentionInDays !== undefined) {
      await logs.send(new PutRetentionPolicyCommand({ logGroupName: group.name, retentionInDays: group.retentionInDays }));
    }
  }
}

/** moto checks that a trail's bucket exists; the sim does not model it, so it is created here. */
async function seedTrails(endpoint: string, trails: readonly Trail[], helperBuckets: string[]): Promise<void> {
  for (const trail of trails) {
    if (!helperBuckets.includes(trail.s3BucketName)) {
      await createBucket(s3For(endpoint, trail.homeRegion), trail.s3BucketName, trail.homeRegion);
      helperBuckets.push(trail.s3BucketName);
    }
    const client = new CloudTrailClient(config(endpoint, trail.homeRegion));
    await client.send(new CreateTrailCommand({
      Name: trail.name, S3BucketName: trail.s3BucketName, IsMultiRegionTrail: trail.multiRegion,
      EnableLogFileValidation: trail.logFileValidation, IncludeGlobalServiceEvents: trail.includeGlobalEvents,
      ...(trail.kmsKeyId ? { KmsKeyId: trail.kmsKeyId } : {}),
    }));
    if (trail.isLogging) await client.send(new StartLoggingCommand({ Name: trail.name }));
  }
}

/** Seeds moto at `endpoint` with `account`; returns how to map moto's ids back to the sim's. */
export async function seedMotoFromSim(endpoint: string, account: SimAccount): Promise<SeededMoto> {
  const ids: IdMap = new Map();
  const helperBuckets: string[] = [];
  await seedIam(endpoint, account.iam);
  await seedBuckets(endpoint, account.buckets);
  await seedTrails(endpoint, account.trails, helperBuckets);
  for (const [region, data] of Object.entries(account.byRegion)) {
    await seedEc2Region(new EC2Client(config(endpoint, region)), data.ec2, ids);
    const kms = new KMSClient(config(endpoint, region));
    for (const key of data.kmsKeys.filter((k) => k.manager === 'CUSTOMER')) await seedKey(kms, key, ids);
    await seedLogGroups(new CloudWatchLogsClient(config(endpoint, region)), data.logGroups);
  }
  await seedAccountBlock(endpoint, account);
  return { simIdOf: new Map([...ids].map(([simId, motoId]) => [motoId, simId])), helperBuckets };
}
