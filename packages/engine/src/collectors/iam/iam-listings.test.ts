import { describe, expect, it } from 'vitest';
import { collectAll, stubbedContext } from '../collector-test-kit.js';
import { iamAccountSummary } from './account-summary.js';
import { iamCredentialReport } from './credential-report.js';
import { iamPolicies } from './policies.js';
import { iamUsers } from './users.js';
import { iamVirtualMfaDevices } from './virtual-mfa-devices.js';

describe('iam.credential-report (collector)', () => {
  it('generates, downloads and yields one resource per row, root typed apart', async () => {
    const csv =
      'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,' +
      'access_key_1_active,access_key_1_last_rotated,access_key_2_active,access_key_2_last_rotated\n' +
      '<root_account>,arn:aws:iam::123456789012:root,2020-01-01T00:00:00+00:00,not_supported,N/A,not_supported,not_supported,true,false,N/A,false,N/A\n' +
      'bob,arn:aws:iam::123456789012:user/ops/bob,2021-01-01T00:00:00+00:00,false,N/A,N/A,N/A,false,true,2026-01-01T00:00:00+00:00,false,N/A\n';
    const { ctx, calls } = stubbedContext(({ command }) =>
      command === 'GenerateCredentialReport' ? { State: 'COMPLETE' } : { Content: new TextEncoder().encode(csv), ReportFormat: 'text/csv' },
    );
    const resources = await collectAll(iamCredentialReport, ctx);
    expect(calls.map((call) => call.command)).toEqual(['GenerateCredentialReport', 'GetCredentialReport']);
    expect(resources.map(({ arn, id, type, region }) => ({ arn, id, type, region }))).toEqual([
      { arn: 'arn:aws:iam::123456789012:root', id: '<root_account>', type: 'AWS::IAM::RootAccount', region: 'global' },
      { arn: 'arn:aws:iam::123456789012:user/ops/bob', id: 'bob', type: 'AWS::IAM::User', region: 'global' },
    ]);
    expect(resources[1]?.data.accessKeys[0]).toMatchObject({ active: true, lastRotated: new Date('2026-01-01T00:00:00Z') });
  });
});

describe('iam.users (GetAccountAuthorizationDetails)', () => {
  it('asks for users only, 1000 per page, and follows the marker', async () => {
    const { ctx, calls } = stubbedContext(({ input }) =>
      input['Marker'] === undefined
        ? { UserDetailList: [{ UserName: 'a', Arn: 'arn:aws:iam::123456789012:user/a', Tags: [{ Key: 'team', Value: 'x' }] }], IsTruncated: true, Marker: 'm1' }
        : { UserDetailList: [{ UserName: 'b', Path: '/p/' }], IsTruncated: false },
    );
    const resources = await collectAll(iamUsers, ctx);
    expect(calls.map((call) => call.input)).toEqual([
      { Filter: ['User'], MaxItems: 1000 },
      { Filter: ['User'], MaxItems: 1000, Marker: 'm1' },
    ]);
    expect(resources.map(({ arn, id, tags }) => ({ arn, id, tags }))).toEqual([
      { arn: 'arn:aws:iam::123456789012:user/a', id: 'a', tags: { team: 'x' } },
      { arn: 'arn:aws:iam::123456789012:user/p/b', id: 'b', tags: {} },
    ]);
  });
});

describe('iam.policies', () => {
  it('asks for customer managed policies and decodes the default version', async () => {
    const document = encodeURIComponent('{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}');
    const { ctx, calls } = stubbedContext(() => ({
      Policies: [{ PolicyName: 'admin', Arn: 'arn:aws:iam::123456789012:policy/admin', DefaultVersionId: 'v1', PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, Document: document }] }],
    }));
    const [policy] = await collectAll(iamPolicies, ctx);
    expect(calls[0]?.input).toEqual({ Filter: ['LocalManagedPolicy'], MaxItems: 1000 });
    expect(policy?.type).toBe('AWS::IAM::ManagedPolicy');
    expect(policy?.data.defaultDocument).toEqual({
      ok: true, document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['*'], Resource: ['*'] }] },
    });
  });
});

describe('iam.policies without PolicyName (as moto answers)', () => {
  it('names the policy from its ARN', async () => {
    const { ctx } = stubbedContext(() => ({ Policies: [{ Arn: 'arn:aws:iam::123456789012:policy/team/admin', PolicyVersionList: [] }] }));
    const [policy] = await collectAll(iamPolicies, ctx);
    expect(policy?.id).toBe('admin');
    expect(policy?.data.defaultDocument.ok).toBe(false);
  });
});

describe('iam.account-summary and iam.virtual-mfa-devices', () => {
  it('yields the summary map as one account resource', async () => {
    const { ctx } = stubbedContext(() => ({ SummaryMap: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0 } }));
    const resources = await collectAll(iamAccountSummary, ctx);
    expect(resources.map(({ id, data }) => ({ id, data }))).toEqual([{ id: '123456789012', data: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0 } }]);
  });

  it('names virtual devices by serial number', async () => {
    const serial = 'arn:aws:iam::123456789012:mfa/root-account-mfa-device';
    const { ctx, calls } = stubbedContext(() => ({ VirtualMFADevices: [{ SerialNumber: serial }], IsTruncated: false }));
    const resources = await collectAll(iamVirtualMfaDevices, ctx);
    expect(calls[0]?.input).toEqual({ MaxItems: 1000 });
    expect(resources.map(({ arn, id }) => ({ arn, id }))).toEqual([{ arn: serial, id: 'root-account-mfa-device' }]);
  });
});
