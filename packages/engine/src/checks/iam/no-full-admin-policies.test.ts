import type { ManagedPolicyDetail } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import type { IamManagedPolicy } from '../../collectors/iam/policies.js';
import { defaultPolicyDocument } from '../../collectors/iam/policy-document.js';
import { aResource, runCheck, statuses } from '../check-test-kit.js';
import { noFullAdminPolicies } from './no-full-admin-policies.js';

const encode = (document: object) => encodeURIComponent(JSON.stringify(document));
const policy = (name: string, statement: unknown, attachments = 1) => {
  const detail: ManagedPolicyDetail = {
    PolicyName: name,
    DefaultVersionId: 'v2',
    AttachmentCount: attachments,
    PolicyVersionList: [
      { VersionId: 'v1', IsDefaultVersion: false, Document: encode({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) },
      { VersionId: 'v2', IsDefaultVersion: true, Document: encode({ Version: '2012-10-17', Statement: statement }) },
    ],
  };
  return aResource<IamManagedPolicy>({ ...detail, defaultDocument: defaultPolicyDocument(detail) }, { id: name, region: 'global' });
};

describe('iam.no-full-admin-policies', () => {
  it.each([
    { name: 'Action "*" and Resource "*" as strings', statement: { Effect: 'Allow', Action: '*', Resource: '*' }, status: 'fail' },
    { name: '"*" inside arrays', statement: [{ Effect: 'Allow', Action: ['s3:GetObject', '*'], Resource: ['arn:aws:s3:::b', '*'] }], status: 'fail' },
    { name: '"*:*" action', statement: { Effect: 'Allow', Action: '*:*', Resource: '*' }, status: 'fail' },
    { name: 'Deny "*" on "*"', statement: { Effect: 'Deny', Action: '*', Resource: '*' }, status: 'pass' },
    { name: 'service wildcard only', statement: { Effect: 'Allow', Action: 's3:*', Resource: '*' }, status: 'pass' },
    { name: '"*" on one resource', statement: { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::bucket/*' }, status: 'pass' },
    { name: 'NotAction (not covered by CIS 1.15)', statement: { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }, status: 'pass' },
  ])('$name -> $status', ({ statement, status }) => {
    expect(statuses(runCheck(noFullAdminPolicies, { policies: [policy('p', statement)] }))).toEqual([`p:${status}`]);
  });

  it('judges only the default version (an old admin version does not fail)', () => {
    const outcomes = runCheck(noFullAdminPolicies, { policies: [policy('p', { Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' })] });
    expect(statuses(outcomes)).toEqual(['p:pass']);
  });

  it('passes an unattached admin policy, saying so', () => {
    const [outcome] = runCheck(noFullAdminPolicies, { policies: [policy('spare', { Sid: 'All', Effect: 'Allow', Action: '*', Resource: '*' }, 0)] });
    expect(outcome).toMatchObject({ status: 'pass', message: 'Policy spare allows "*" on "*" (statement All) but is not attached; consider deleting it' });
  });

  it('names the statement and attachment count when failing', () => {
    const [outcome] = runCheck(noFullAdminPolicies, { policies: [policy('admin', { Sid: 'Admin', Effect: 'Allow', Action: '*', Resource: '*' }, 3)] });
    expect(outcome?.message).toBe('Policy admin allows "*" actions on "*" resources (statement Admin) and is attached 3 time(s)');
  });

  it('is unknown for a malformed document rather than crashing', () => {
    const broken = aResource<IamManagedPolicy>(
      { PolicyName: 'broken', AttachmentCount: 1, PolicyVersionList: [{ IsDefaultVersion: true, Document: '%7B%22Statement' }], defaultDocument: defaultPolicyDocument({ PolicyVersionList: [{ IsDefaultVersion: true, Document: '%7B%22Statement' }] }) },
      { id: 'broken', region: 'global' },
    );
    const outcomes = runCheck(noFullAdminPolicies, { policies: [broken, policy('ok', { Effect: 'Allow', Action: 's3:*', Resource: '*' })] });
    expect(statuses(outcomes)).toEqual(['broken:unknown', 'ok:pass']);
    expect(outcomes[0]?.message).toMatch(/^Policy broken could not be read: the policy document is not valid JSON/);
  });

  it('returns nothing without customer managed policies', () => {
    expect(runCheck(noFullAdminPolicies, { policies: [] })).toEqual([]);
  });
});
