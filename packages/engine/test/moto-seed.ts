// Seeds a moto account, through the real AWS SDK, with one misconfigured and one clean
// resource per check family in two regions. Names say which is which: `bad-*` must fail,
// `good-*` must pass.
import { CloudTrailClient, CreateTrailCommand, StartLoggingCommand } from '@aws-sdk/client-cloudtrail';
import { CloudWatchLogsClient, CreateLogGroupCommand, PutRetentionPolicyCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  AllocateAddressCommand, AssociateAddressCommand, AuthorizeSecurityGroupIngressCommand, CreateSecurityGroupCommand,
  CreateVolumeCommand, DescribeVpcsCommand, EC2Client, RunInstancesCommand, AttachVolumeCommand,
} from '@aws-sdk/client-ec2';
import {
  CreateAccessKeyCommand, CreateLoginProfileCommand, CreateUserCommand, IAMClient, UpdateAccountPasswordPolicyCommand,
} from '@aws-sdk/client-iam';
import { CreateKeyCommand, EnableKeyRotationCommand, KMSClient } from '@aws-sdk/client-kms';
import {
  CreateBucketCommand, PutBucketAclCommand, PutBucketEncryptionCommand, PutBucketPolicyCommand,
  PutBucketVersioningCommand, PutPublicAccessBlockCommand, S3Client, type BucketLocationConstraint,
} from '@aws-sdk/client-s3';

export const TEST_CREDENTIALS = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
} as const;

export const REGION_A = 'eu-west-1';
export const REGION_B = 'us-east-1';

function config(endpoint: string, region: string) {
  // A fresh credentials object each time: SDK clients annotate the one they are given.
  return { endpoint, region, credentials: { ...TEST_CREDENTIALS } };
}

async function seedIam(endpoint: string): Promise<void> {
  const iam = new IAMClient(config(endpoint, 'us-east-1'));
  await iam.send(new CreateUserCommand({ UserName: 'bad-console-no-mfa' }));
  await iam.send(new CreateLoginProfileCommand({ UserName: 'bad-console-no-mfa', Password: 'Correct-Horse-9!' }));
  await iam.send(new CreateUserCommand({ UserName: 'bad-old-key' }));
  await iam.send(new CreateAccessKeyCommand({ UserName: 'bad-old-key' }));
  await iam.send(new CreateUserCommand({ UserName: 'good-no-credentials' }));
  void UpdateAccountPasswordPolicyCommand; // no password policy at all: the account fails 1.7/1.8
}

async function seedBuckets(endpoint: string): Promise<void> {
  const s3 = new S3Client({ ...config(endpoint, REGION_A), forcePathStyle: true });
  const create = (Bucket: string) =>
    s3.send(new CreateBucketCommand({ Bucket, CreateBucketConfiguration: { LocationConstraint: REGION_A as BucketLocationConstraint } }));
  await create('bad-public-bucket');
  await s3.send(new PutBucketAclCommand({ Bucket: 'bad-public-bucket', ACL: 'public-read' }));
  await create('good-private-bucket');
  await s3.send(new PutPublicAccessBlockCommand({
    Bucket: 'good-private-bucket',
    PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
  }));
  await s3.send(new PutBucketVersioningCommand({ Bucket: 'good-private-bucket', VersioningConfiguration: { Status: 'Enabled' } }));
  await s3.send(new PutBucketEncryptionCommand({
    Bucket: 'good-private-bucket',
    ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }] },
  }));
  await s3.send(new PutBucketPolicyCommand({
    Bucket: 'good-private-bucket',
    Policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{
        Sid: 'DenyHttp', Effect: 'Deny', Principal: '*', Action: 's3:*',
        Resource: ['arn:aws:s3:::good-private-bucket', 'arn:aws:s3:::good-private-bucket/*'],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }],
    }),
  }));
}

async function defaultVpcId(ec2: EC2Client): Promise<string> {
  const vpcs = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }));
  const id = vpcs.Vpcs?.[0]?.VpcId;
  if (!id) throw new Error('moto has no default VPC');
  return id;
}

async function seedNetwork(ec2: EC2Client, region: string): Promise<void> {
  const VpcId = await defaultVpcId(ec2);
  const open = await ec2.send(new CreateSecurityGroupCommand({ GroupName: `bad-open-admin-${region}`, Description: 'open', VpcId }));
  const port = region === REGION_A ? 22 : 3389;
  await ec2.send(new AuthorizeSecurityGroupIngressCommand({
    GroupId: open.GroupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: port, ToPort: port, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
  }));
  const closed = await ec2.send(new CreateSecurityGroupCommand({ GroupName: `good-https-internal-${region}`, Description: 'ok', VpcId }));
  await ec2.send(new AuthorizeSecurityGroupIngressCommand({
    GroupId: closed.GroupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }],
  }));
}

export interface SeededIds {
  readonly badVolume: string;
  readonly goodVolume: string;
  readonly badAddress: string;
  readonly goodAddress: string;
  readonly instance: string;
}

async function seedCompute(ec2: EC2Client, region: string): Promise<SeededIds> {
  const az = `${region}a`;
  const run = await ec2.send(new RunInstancesCommand({
    ImageId: 'ami-12c6146b', MinCount: 1, MaxCount: 1, InstanceType: 't3.micro', Placement: { AvailabilityZone: az },
    MetadataOptions: { HttpTokens: 'required' },
  }));
  const instance = run.Instances?.[0]?.InstanceId ?? '';
  const bad = await ec2.send(new CreateVolumeCommand({ AvailabilityZone: az, Size: 100, VolumeType: 'gp2', Encrypted: false }));
  const good = await ec2.send(new CreateVolumeCommand({ AvailabilityZone: az, Size: 20, VolumeType: 'gp3', Encrypted: true }));
  await ec2.send(new AttachVolumeCommand({ VolumeId: good.VolumeId, InstanceId: instance, Device: '/dev/sdf' }));
  const badIp = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
  const goodIp = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
  await ec2.send(new AssociateAddressCommand({ AllocationId: goodIp.AllocationId, InstanceId: instance }));
  return {
    badVolume: bad.VolumeId ?? '', goodVolume: good.VolumeId ?? '',
    badAddress: badIp.AllocationId ?? '', goodAddress: goodIp.AllocationId ?? '', instance,
  };
}

async function seedAudit(endpoint: string, region: string): Promise<void> {
  const s3 = new S3Client({ ...config(endpoint, region), forcePathStyle: true });
  const bucket = `trail-logs-${region}`;
  await s3.send(new CreateBucketCommand({
    Bucket: bucket,
    ...(region === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } }),
  }));
  const trails = new CloudTrailClient(config(endpoint, region));
  const validated = region === REGION_B;
  const Name = validated ? 'good-validated-trail' : 'bad-unvalidated-trail';
  await trails.send(new CreateTrailCommand({ Name, S3BucketName: bucket, EnableLogFileValidation: validated, IsMultiRegionTrail: validated }));
  await trails.send(new StartLoggingCommand({ Name }));
  const kms = new KMSClient(config(endpoint, region));
  await kms.send(new CreateKeyCommand({ Description: `bad-no-rotation-${region}` }));
  const rotated = await kms.send(new CreateKeyCommand({ Description: `good-rotated-${region}` }));
  await kms.send(new EnableKeyRotationCommand({ KeyId: rotated.KeyMetadata?.KeyId }));
  const logs = new CloudWatchLogsClient(config(endpoint, region));
  await logs.send(new CreateLogGroupCommand({ logGroupName: `bad-forever-${region}` }));
  await logs.send(new CreateLogGroupCommand({ logGroupName: `good-retained-${region}` }));
  await logs.send(new PutRetentionPolicyCommand({ logGroupName: `good-retained-${region}`, retentionInDays: 30 }));
}

/** Seeds the whole account; returns the generated ids per region. */
export async function seedMoto(endpoint: string): Promise<Record<string, SeededIds>> {
  await seedIam(endpoint);
  await seedBuckets(endpoint);
  const ids: Record<string, SeededIds> = {};
  for (const region of [REGION_A, REGION_B]) {
    const ec2 = new EC2Client(config(endpoint, region));
    await seedNetwork(ec2, region);
    ids[region] = await seedCompute(ec2, region);
    await seedAudit(endpoint, region);
  }
  return ids;
}
