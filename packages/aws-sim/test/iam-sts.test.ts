import {
  GenerateCredentialReportCommand, GetAccountAuthorizationDetailsCommand, GetAccountPasswordPolicyCommand, GetAccountSummaryCommand,
  GetCredentialReportCommand, IAMClient, ListServerCertificatesCommand, ListVirtualMFADevicesCommand, paginateGetAccountAuthorizationDetails,
  type RoleDetail, type UserDetail,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAccount, startSim, type RunningSim } from '../src/index.js';
import { CREDENTIAL_REPORT_HEADER } from '../src/services/credential-report.js';
import { clientConfig, withSim } from './helpers.js';

let sim: RunningSim;
let iam: IAMClient;

beforeAll(async () => {
  sim = await startSim({ seed: 11, size: { users: 45, roles: 30, groups: 4, customerPolicies: 6, serverCertificates: 4 } });
  iam = new IAMClient(clientConfig(sim));
});
afterAll(async () => sim.stop());

describe('STS', () => {
  it('GetCallerIdentity names the account', async () => {
    const sts = new STSClient(clientConfig(sim));
    const id = await sts.send(new GetCallerIdentityCommand({}));
    expect(id).toMatchObject({ Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/cloudsweep-scanner', UserId: expect.stringMatching(/^AIDA/) });
  });

  it('AssumeRole returns temporary credentials for any role', async () => {
    const sts = new STSClient(clientConfig(sim, 'eu-west-1'));
    const out = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::210987654321:role/audit', RoleSessionName: 'scan' }));
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    expect(out.Credentials?.SessionToken).toBeTruthy();
    expect(out.Credentials?.Expiration?.getTime()).toBeGreaterThan(Date.now());
    expect(out.AssumedRoleUser?.Arn).toBe('arn:aws:sts::210987654321:assumed-role/audit/scan');
  });
});

describe('IAM', () => {
  it('credential report: ReportNotPresent, then STARTED, COMPLETE and a CSV consistent with the users', async () => {
    await expect(iam.send(new GetCredentialReportCommand({}))).rejects.toMatchObject({ name: 'CredentialReportNotPresentException', $metadata: { httpStatusCode: 410 } });
    expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe('STARTED');
    expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe('COMPLETE');
    const report = await iam.send(new GetCredentialReportCommand({}));
    expect(report.ReportFormat).toBe('text/csv');
    const lines = Buffer.from(report.Content ?? new Uint8Array()).toString('utf8').split('\n');
    expect(lines[0]).toBe(CREDENTIAL_REPORT_HEADER);
    expect(lines[1]).toMatch(/^<root_account>,arn:aws:iam::123456789012:root,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00,not_supported,/);
    expect(lines).toHaveLength(2 + 45);
    const users = sim.account.iam.users;
    const noPassword = users.find((u) => !u.password);
    const row = lines.find((l) => l.startsWith(`${noPassword?.name ?? 'x'},`))?.split(',');
    expect(row?.[3]).toBe('false');
    expect(row?.[4]).toBe('N/A');
    const mfaRow = lines.find((l) => l.startsWith(`${users.find((u) => u.mfa)?.name ?? 'x'},`))?.split(',');
    expect(mfaRow?.[7]).toBe('true');
    for (const line of lines.slice(1)) expect(line.split(',')).toHaveLength(22);
  });

  it('GetAccountPasswordPolicy returns the policy, or NoSuchEntity (404) when the seed has none', async () => {
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => ({ seed, has: generateAccount({ seed, size: { users: 1 } }).iam.passwordPolicy !== undefined }));
    const withPolicy = seeds.find((s) => s.has);
    const without = seeds.find((s) => !s.has);
    expect(withPolicy && without).toBeTruthy();
    await withSim({ seed: withPolicy?.seed ?? 0 }, async (s) => {
      const out = await new IAMClient(clientConfig(s)).send(new GetAccountPasswordPolicyCommand({}));
      expect(out.PasswordPolicy?.MinimumPasswordLength).toBe(s.account.iam.passwordPolicy?.minimumLength);
      expect(typeof out.PasswordPolicy?.RequireSymbols).toBe('boolean');
    });
    await withSim({ seed: without?.seed ?? 0 }, async (s) => {
      await expect(new IAMClient(clientConfig(s)).send(new GetAccountPasswordPolicyCommand({})))
        .rejects.toMatchObject({ name: 'NoSuchEntityException', $metadata: { httpStatusCode: 404 } });
    });
  });

  it('GetAccountSummary returns the summary map', async () => {
    const out = await iam.send(new GetAccountSummaryCommand({}));
    expect(out.SummaryMap?.Users).toBe(45);
    expect(out.SummaryMap?.AccountMFAEnabled).toBe(sim.account.iam.root.mfa ? 1 : 0);
    expect(out.SummaryMap).toHaveProperty('AccountAccessKeysPresent');
  });

  it('ListVirtualMFADevices lists user devices and the root device when virtual', async () => {
    const out = await iam.send(new ListVirtualMFADevicesCommand({}));
    const devices = out.VirtualMFADevices ?? [];
    expect(devices.length).toBe(sim.account.iam.users.filter((u) => u.mfa).length + (sim.account.iam.root.virtualMfa ? 1 : 0) + 1);
    const root = devices.find((d) => d.SerialNumber === 'arn:aws:iam::123456789012:mfa/root-account-mfa-device');
    if (sim.account.iam.root.virtualMfa) expect(root?.User?.Arn).toBe('arn:aws:iam::123456789012:root');
    expect(devices.find((d) => d.User?.UserName)?.EnableDate).toBeInstanceOf(Date);
  });

  it('GetAccountAuthorizationDetails pages users, roles and policies exactly once', async () => {
    const users: UserDetail[] = [];
    const roles: RoleDetail[] = [];
    const policies = [];
    for await (const page of paginateGetAccountAuthorizationDetails({ client: iam, pageSize: 10 }, {})) {
      users.push(...(page.UserDetailList ?? []));
      roles.push(...(page.RoleDetailList ?? []));
      policies.push(...(page.Policies ?? []));
    }
    expect(new Set(users.map((u) => u.UserName)).size).toBe(45);
    expect(users).toHaveLength(45);
    expect(roles).toHaveLength(30);
    expect(roles.some((r) => r.AttachedManagedPolicies?.some((p) => p.PolicyArn === 'arn:aws:iam::aws:policy/AWSSupportAccess'))).toBe(true);
    const trust = JSON.parse(decodeURIComponent(roles[0]?.AssumeRolePolicyDocument ?? '')) as { Statement: unknown[] };
    expect(trust.Statement).toHaveLength(1);
    const admin = policies.find((p) => p.PolicyName === 'legacy-full-access');
    const version = admin?.PolicyVersionList?.find((v) => v.IsDefaultVersion);
    expect(JSON.parse(decodeURIComponent(version?.Document ?? ''))).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
    expect(users.some((u) => (u.GroupList?.length ?? 0) > 0 && (u.AttachedManagedPolicies?.length ?? 0) >= 0)).toBe(true);
    expect(users[0]?.CreateDate).toBeInstanceOf(Date);
  });

  it('GetAccountAuthorizationDetails filters by entity type', async () => {
    const out = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['Role'], MaxItems: 1000 }));
    expect(out.UserDetailList).toEqual([]);
    expect(out.RoleDetailList).toHaveLength(30);
    expect(out.IsTruncated).toBe(false);
    const aws = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['AWSManagedPolicy'] }));
    expect(aws.Policies?.every((p) => p.Arn?.startsWith('arn:aws:iam::aws:policy/'))).toBe(true);
  });

  it('ListServerCertificates includes an expired certificate', async () => {
    const out = await iam.send(new ListServerCertificatesCommand({}));
    expect(out.ServerCertificateMetadataList).toHaveLength(4);
    expect(out.ServerCertificateMetadataList?.some((c) => (c.Expiration?.getTime() ?? 0) < sim.account.now)).toBe(true);
  });
});
