/**
 * The simulated account as plain data. Times are epoch milliseconds. Services serialise
 * these records into each API's wire format; generators are the only writers.
 */
export interface Tag { key: string; value: string }

export interface BlockDevice { device: string; volumeId: string; attachTime: number; deleteOnTermination: boolean }

export interface Instance {
  id: string; reservationId: string; region: string; az: string; type: string; imageId: string;
  state: 'running' | 'stopped'; launchTime: number; stoppedAt?: number;
  httpTokens: 'optional' | 'required'; vpcId: string; subnetId: string;
  securityGroups: { id: string; name: string }[]; privateIp: string; publicIp?: string;
  platform?: 'windows'; blockDevices: BlockDevice[]; tags: Tag[];
}

export interface VolumeAttachment { instanceId: string; device: string; attachTime: number; deleteOnTermination: boolean }

export interface Volume {
  id: string; region: string; az: string; sizeGiB: number;
  type: 'gp2' | 'gp3' | 'io1' | 'st1' | 'sc1' | 'standard'; iops?: number; throughput?: number;
  encrypted: boolean; kmsKeyId?: string; createTime: number; snapshotId?: string;
  attachment?: VolumeAttachment; tags: Tag[];
}

export interface Snapshot {
  id: string; region: string; volumeId: string; sizeGiB: number; encrypted: boolean; kmsKeyId?: string;
  startTime: number; description: string; isPublic: boolean; tags: Tag[];
}

export interface IpPermission { protocol: string; fromPort?: number; toPort?: number; ipv4: string[]; ipv6: string[]; groupIds: string[] }

export interface SecurityGroup {
  id: string; region: string; vpcId: string; name: string; description: string;
  ingress: IpPermission[]; egress: IpPermission[]; tags: Tag[];
}

export interface Vpc { id: string; region: string; cidr: string; isDefault: boolean; tags: Tag[] }

export interface NetworkAclEntry {
  ruleNumber: number; protocol: string; action: 'allow' | 'deny'; egress: boolean;
  cidr: string; ipv6: boolean; portFrom?: number; portTo?: number;
}

export interface NetworkAcl { id: string; region: string; vpcId: string; isDefault: boolean; entries: NetworkAclEntry[]; subnetIds: string[]; tags: Tag[] }

export interface FlowLog {
  id: string; region: string; resourceId: string; createTime: number; trafficType: 'ALL' | 'ACCEPT' | 'REJECT';
  destinationType: 'cloud-watch-logs' | 's3'; destination: string; logGroupName?: string;
}

export interface ElasticIp { allocationId: string; region: string; publicIp: string; associationId?: string; instanceId?: string; privateIp?: string; tags: Tag[] }

export interface Ec2Region {
  vpcs: Vpc[]; securityGroups: SecurityGroup[]; instances: Instance[]; volumes: Volume[]; snapshots: Snapshot[];
  addresses: ElasticIp[]; networkAcls: NetworkAcl[]; flowLogs: FlowLog[]; ebsEncryptionByDefault: boolean;
}

export interface DbInstance {
  id: string; arn: string; region: string; az: string; engine: string; engineVersion: string; instanceClass: string;
  status: string; allocatedStorage: number; createTime: number; multiAz: boolean; publiclyAccessible: boolean;
  storageEncrypted: boolean; kmsKeyId?: string; autoMinorVersionUpgrade: boolean; backupRetentionPeriod: number;
  deletionProtection: boolean; resourceId: string; port: number; tags: Tag[];
}

export interface DbSnapshot {
  id: string; arn: string; region: string; instanceId: string; engine: string; createTime: number; instanceCreateTime: number;
  allocatedStorage: number; type: 'manual' | 'automated'; encrypted: boolean; kmsKeyId?: string; isPublic: boolean; sharedWith: string[];
}

export interface KmsKey {
  id: string; arn: string; region: string; manager: 'AWS' | 'CUSTOMER'; state: 'Enabled' | 'Disabled' | 'PendingDeletion';
  spec: 'SYMMETRIC_DEFAULT' | 'RSA_2048' | 'ECC_NIST_P256'; createTime: number; deletionTime?: number;
  rotationEnabled: boolean; description: string;
}

export interface LambdaFunction { name: string; arn: string; region: string; runtime: string; role: string; handler: string; memory: number; timeout: number; codeSize: number; lastModified: number }

export interface LoadBalancer {
  arn: string; name: string; region: string; type: 'application' | 'network'; scheme: 'internet-facing' | 'internal';
  state: 'active' | 'provisioning' | 'failed'; vpcId: string; createTime: number; dnsName: string; securityGroupIds: string[];
}

export interface TargetGroup {
  arn: string; name: string; region: string; protocol: string; port: number; vpcId: string; loadBalancerArns: string[];
  targets: { id: string; port: number; state: 'healthy' | 'unhealthy' | 'unused' | 'draining' }[];
}

export interface LogGroup { name: string; arn: string; region: string; createTime: number; retentionInDays?: number; storedBytes: number; kmsKeyId?: string }

export interface Trail {
  name: string; arn: string; homeRegion: string; multiRegion: boolean; logFileValidation: boolean; kmsKeyId?: string;
  s3BucketName: string; isLogging: boolean; includeGlobalEvents: boolean; cloudWatchLogGroupArn?: string;
  selectors: { kind: 'management' } | { kind: 'data-s3'; readWriteType: 'All' | 'ReadOnly' | 'WriteOnly' } | { kind: 'advanced' } | { kind: 'none' };
}

export interface RegionData {
  region: string; ec2: Ec2Region; dbInstances: DbInstance[]; dbSnapshots: DbSnapshot[]; kmsKeys: KmsKey[];
  lambdas: LambdaFunction[]; loadBalancers: LoadBalancer[]; targetGroups: TargetGroup[]; logGroups: LogGroup[];
}

export interface AccessKey { active: boolean; lastRotated: number; lastUsed?: { at: number; region: string; service: string } }

export interface IamUser {
  name: string; id: string; arn: string; path: string; createTime: number; password?: { lastChanged: number; lastUsed?: number };
  mfa: boolean; accessKeys: AccessKey[]; groups: string[]; attachedPolicyArns: string[];
  inlinePolicies: { name: string; document: string }[]; tags: Tag[];
}

export interface IamRole {
  name: string; id: string; arn: string; path: string; createTime: number; trustPolicy: string;
  attachedPolicyArns: string[]; inlinePolicies: { name: string; document: string }[]; lastUsed?: { at: number; region: string }; tags: Tag[];
}

export interface IamGroup { name: string; id: string; arn: string; path: string; createTime: number; attachedPolicyArns: string[]; inlinePolicies: { name: string; document: string }[] }

export interface ManagedPolicy {
  name: string; id: string; arn: string; path: string; awsManaged: boolean; createTime: number; updateTime: number;
  attachmentCount: number; description?: string; versions: { id: string; document: string; isDefault: boolean; createTime: number }[];
}

export interface ServerCertificate { name: string; id: string; arn: string; path: string; uploadTime: number; expiration: number }

export interface PasswordPolicy {
  minimumLength: number; requireSymbols: boolean; requireNumbers: boolean; requireUppercase: boolean; requireLowercase: boolean;
  allowUsersToChange: boolean; maxAge?: number; reusePrevention?: number; hardExpiry: boolean;
}

export interface IamData {
  root: { createTime: number; mfa: boolean; virtualMfa: boolean; accessKeys: AccessKey[]; passwordLastUsed?: number };
  users: IamUser[]; roles: IamRole[]; groups: IamGroup[]; policies: ManagedPolicy[]; serverCertificates: ServerCertificate[];
  passwordPolicy?: PasswordPolicy;
}

export interface PublicAccessBlock { blockPublicAcls: boolean; ignorePublicAcls: boolean; blockPublicPolicy: boolean; restrictPublicBuckets: boolean }

export interface Bucket {
  name: string; region: string; createTime: number; policy?: string; aclGrants: ('AllUsers' | 'AuthenticatedUsers' | 'LogDelivery')[];
  publicAccessBlock?: PublicAccessBlock; versioning?: 'Enabled' | 'Suspended'; mfaDelete: boolean;
  encryption?: { algorithm: 'AES256' | 'aws:kms'; kmsKeyId?: string; bucketKey: boolean };
  logging?: { targetBucket: string; targetPrefix: string }; lifecycle?: { id: string; expirationDays?: number; transitionDays?: number; abortMultipartDays?: number }[];
}

export interface SimAccount {
  accountId: string; seed: number; now: number; canonicalUserId: string;
  enabledRegions: string[]; disabledRegions: string[];
  byRegion: Record<string, RegionData>;
  iam: IamData; buckets: Bucket[]; bucketsByName: Map<string, Bucket>; accountPublicAccessBlock?: PublicAccessBlock;
  trails: Trail[];
}
