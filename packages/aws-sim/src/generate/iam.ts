import type { AccessKey, IamData, IamGroup, IamRole, IamUser, ManagedPolicy, PasswordPolicy, ServerCertificate } from '../model.js';
import { createRng, iamUniqueId, type Rng } from '../random.js';
import { DAY_MS } from '../time.js';
import type { GenContext } from './context.js';
import { allow, awsManagedPolicies, awsPolicyArn, customerPolicyDocument, trustPolicy } from './iam-policies.js';

const SERVICES = ['s3', 'ec2', 'iam', 'sts', 'lambda', 'dynamodb'];
const GROUP_NAMES = ['admins', 'developers', 'readonly', 'billing', 'oncall'];

export function generateIam(ctx: GenContext): IamData {
  const rng = createRng(ctx.seed, 'iam');
  const policies = [...awsManagedPolicies(ctx.seed), ...customerPolicies(ctx, rng)];
  const groups = generateGroups(ctx, rng);
  const users = Array.from({ length: ctx.size.users }, (_, i) => generateUser(ctx, rng, i, groups));
  const roles = Array.from({ length: ctx.size.roles }, (_, i) => generateRole(ctx, rng, i));
  countAttachments(policies, [...users, ...roles, ...groups]);
  // Account-wide traits get their own stream so they depend on the seed only, not on sizes.
  const account = createRng(ctx.seed, 'iam:account');
  const rootMfa = account.chance(0.7);
  return {
    root: {
      createTime: ctx.now - 2000 * DAY_MS, mfa: rootMfa, virtualMfa: rootMfa && account.chance(0.6),
      // A root access key is a classic critical finding; a minority of seeds have one.
      accessKeys: account.chance(0.2) ? [accessKey(ctx, account, true)] : [],
      ...(account.chance(0.8) ? { passwordLastUsed: ctx.now - account.int(1, 200) * DAY_MS } : {}),
    },
    users, roles, groups, policies, serverCertificates: serverCertificates(ctx, rng),
    ...(account.chance(0.6) ? { passwordPolicy: passwordPolicy(account) } : {}),
  };
}

function customerPolicies(ctx: GenContext, rng: Rng): ManagedPolicy[] {
  return Array.from({ length: ctx.size.customerPolicies }, (_, i) => {
    const name = i === 0 ? 'legacy-full-access' : `app-policy-${i}`;
    const created = ctx.now - rng.int(30, 1500) * DAY_MS;
    const versionCount = rng.int(1, 3);
    const versions = Array.from({ length: versionCount }, (_, v) => ({
      id: `v${v + 1}`, document: JSON.stringify(customerPolicyDocument(v === versionCount - 1 ? i : i + v + 1, ctx.accountId)),
      isDefault: v === versionCount - 1, createTime: created + v * DAY_MS,
    }));
    return {
      name, id: iamUniqueId('ANPA', ctx.seed + 1, i), arn: `arn:aws:iam::${ctx.accountId}:policy/${name}`, path: '/',
      awsManaged: false, createTime: created, updateTime: created + (versionCount - 1) * DAY_MS, attachmentCount: 0,
      description: i === 0 ? 'Temporary admin access (do not use)' : `Access for app ${i}`, versions,
    };
  });
}

function generateGroups(ctx: GenContext, rng: Rng): IamGroup[] {
  return Array.from({ length: ctx.size.groups }, (_, i) => {
    const base = GROUP_NAMES[i % GROUP_NAMES.length] ?? 'group';
    const name = i < GROUP_NAMES.length ? base : `${base}-${i}`;
    const policy = base === 'admins' ? 'AdministratorAccess' : base === 'readonly' ? 'ReadOnlyAccess' : 'PowerUserAccess';
    return {
      name, id: iamUniqueId('AGPA', ctx.seed, i), arn: `arn:aws:iam::${ctx.accountId}:group/${name}`, path: '/',
      createTime: ctx.now - rng.int(100, 1500) * DAY_MS, attachedPolicyArns: [awsPolicyArn(policy, '/')],
      inlinePolicies: rng.chance(0.2) ? [{ name: `${name}-inline`, document: JSON.stringify(allow('cloudwatch:*', '*')) }] : [],
    };
  });
}

function accessKey(ctx: GenContext, rng: Rng, active: boolean): AccessKey {
  // Rotation ages span fresh to several years so "key older than 90 days" checks have work.
  const lastRotated = ctx.now - rng.int(1, 1200) * DAY_MS;
  const used = rng.chance(0.75);
  return {
    active, lastRotated,
    ...(used ? { lastUsed: { at: Math.min(ctx.now - DAY_MS, lastRotated + rng.int(0, 400) * DAY_MS), region: rng.pick(['us-east-1', 'eu-west-1', 'us-west-2']), service: rng.pick(SERVICES) } } : {}),
  };
}

function generateUser(ctx: GenContext, rng: Rng, i: number, groups: IamGroup[]): IamUser {
  const name = i === 0 ? 'cloudsweep-scanner' : `${rng.pick(['alice', 'bob', 'carol', 'dave', 'erin', 'svc', 'ci', 'deploy'])}-${i}`;
  const createTime = ctx.now - rng.int(10, 2000) * DAY_MS;
  const human = !name.startsWith('svc') && !name.startsWith('ci') && !name.startsWith('deploy') && i !== 0;
  const keyCount = human ? rng.weighted([[0, 4], [1, 5], [2, 1]] as const) : rng.weighted([[1, 8], [2, 2]] as const);
  const keys = Array.from({ length: keyCount }, (_, k) => accessKey(ctx, rng, k === 0 || rng.chance(0.5)));
  const lastChanged = createTime + rng.int(0, 300) * DAY_MS;
  return {
    name, id: iamUniqueId('AIDA', ctx.seed, i), arn: `arn:aws:iam::${ctx.accountId}:user/${name}`, path: '/', createTime,
    ...(human && rng.chance(0.85) ? { password: { lastChanged: Math.min(lastChanged, ctx.now - DAY_MS), ...(rng.chance(0.8) ? { lastUsed: ctx.now - rng.int(0, 400) * DAY_MS } : {}) } } : {}),
    mfa: human && rng.chance(0.65), accessKeys: keys,
    groups: groups.length > 0 && rng.chance(0.7) ? [rng.pick(groups).name] : [],
    attachedPolicyArns: rng.chance(0.25) ? [awsPolicyArn(rng.pick(['AdministratorAccess', 'AmazonS3FullAccess', 'ReadOnlyAccess']), '/')] : [],
    inlinePolicies: rng.chance(0.1) ? [{ name: 'inline-s3', document: JSON.stringify(allow('s3:*', '*')) }] : [],
    tags: human ? [{ key: 'department', value: rng.pick(['eng', 'ops', 'finance']) }] : [],
  };
}

function generateRole(ctx: GenContext, rng: Rng, i: number): IamRole {
  const kind = i === 0 ? 'support' : rng.pick(['lambda', 'ec2', 'cross-account', 'service-linked', 'app']);
  const name = kind === 'support' ? 'aws-support-access' : kind === 'service-linked' ? `AWSServiceRoleForApp${i}` : `${kind}-role-${i}`;
  const principal = kind === 'lambda' ? { Service: 'lambda.amazonaws.com' } : kind === 'ec2' ? { Service: 'ec2.amazonaws.com' }
    : kind === 'cross-account' ? { AWS: 'arn:aws:iam::210987654321:root' } : kind === 'service-linked' ? { Service: 'elasticloadbalancing.amazonaws.com' } : { AWS: `arn:aws:iam::${ctx.accountId}:root` };
  // CIS 1.17 wants a role with AWSSupportAccess: role 0 always has it, others rarely.
  const attached = kind === 'support' ? ['AWSSupportAccess'] : kind === 'lambda' ? ['AWSLambdaBasicExecutionRole'] : rng.chance(0.3) ? ['ReadOnlyAccess'] : [];
  return {
    name, id: iamUniqueId('AROA', ctx.seed, i), arn: `arn:aws:iam::${ctx.accountId}:role${kind === 'service-linked' ? '/aws-service-role/' : '/'}${name}`,
    path: kind === 'service-linked' ? '/aws-service-role/' : '/', createTime: ctx.now - rng.int(10, 1500) * DAY_MS, trustPolicy: trustPolicy(principal),
    attachedPolicyArns: attached.map((p) => awsPolicyArn(p, p === 'AWSLambdaBasicExecutionRole' ? '/service-role/' : '/')),
    inlinePolicies: rng.chance(0.15) ? [{ name: 'inline', document: JSON.stringify(allow('kms:Decrypt', '*')) }] : [],
    ...(rng.chance(0.7) ? { lastUsed: { at: ctx.now - rng.int(0, 500) * DAY_MS, region: 'us-east-1' } } : {}), tags: [],
  };
}

function countAttachments(policies: ManagedPolicy[], principals: { attachedPolicyArns: string[] }[]): void {
  const byArn = new Map(policies.map((p) => [p.arn, p]));
  for (const principal of principals) {
    for (const arn of principal.attachedPolicyArns) {
      const policy = byArn.get(arn);
      if (policy) policy.attachmentCount++;
    }
  }
}

function serverCertificates(ctx: GenContext, rng: Rng): ServerCertificate[] {
  return Array.from({ length: ctx.size.serverCertificates }, (_, i) => {
    const uploadTime = ctx.now - rng.int(100, 1200) * DAY_MS;
    // The first certificate is always expired; the rest expire anywhere from last year to next year.
    const expiration = i === 0 ? ctx.now - 30 * DAY_MS : ctx.now + rng.int(-365, 400) * DAY_MS;
    const name = `cert-${i}`;
    return { name, id: iamUniqueId('ASCA', ctx.seed, i), arn: `arn:aws:iam::${ctx.accountId}:server-certificate/${name}`, path: '/', uploadTime, expiration };
  });
}

function passwordPolicy(rng: Rng): PasswordPolicy {
  const strong = rng.chance(0.5);
  return {
    minimumLength: strong ? 14 : 8, requireSymbols: strong, requireNumbers: true, requireUppercase: strong, requireLowercase: true,
    allowUsersToChange: true, ...(strong ? { maxAge: 90, reusePrevention: 24 } : {}), hardExpiry: false,
  };
}
