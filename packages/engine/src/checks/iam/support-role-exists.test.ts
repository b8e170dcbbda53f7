import type { RoleDetail } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { aResource, runCheck } from '../check-test-kit.js';
import { supportRoleExists } from './support-role-exists.js';

const role = (name: string, policyArns: string[]) =>
  aResource<RoleDetail>({ RoleName: name, AttachedManagedPolicies: policyArns.map((PolicyArn) => ({ PolicyArn })) }, { id: name, region: 'global' });
const SUPPORT = 'arn:aws:iam::aws:policy/AWSSupportAccess';

describe('iam.support-role-exists', () => {
  it('passes when a role has AWSSupportAccess, naming it, with one account-level outcome', () => {
    const outcomes = runCheck(supportRoleExists, { roles: [role('app', ['arn:aws:iam::aws:policy/ReadOnlyAccess']), role('support', [SUPPORT])] });
    expect(outcomes).toEqual([
      {
        status: 'pass',
        message: 'AWSSupportAccess is attached to role(s) support',
        resource: { arn: 'arn:aws:iam::123456789012:root', id: '123456789012', type: 'AWS::::Account', region: 'global' },
      },
    ]);
  });

  it('fails when no role has it, and when there are no roles at all', () => {
    expect(runCheck(supportRoleExists, { roles: [role('app', [])] }).map((o) => o.status)).toEqual(['fail']);
    expect(runCheck(supportRoleExists, { roles: [] }).map((o) => o.message)).toEqual([
      'No IAM role has the AWSSupportAccess policy attached (0 roles checked)',
    ]);
  });

  it('matches the policy ARN of the scanned partition', () => {
    const govRole = role('support', ['arn:aws-us-gov:iam::aws:policy/AWSSupportAccess']);
    expect(runCheck(supportRoleExists, { roles: [govRole] }).map((o) => o.status)).toEqual(['fail']);
    expect(runCheck(supportRoleExists, { roles: [govRole] }, {}, { partition: 'aws-us-gov' }).map((o) => o.status)).toEqual(['pass']);
  });

  it('does not count a customer policy merely named AWSSupportAccess', () => {
    const lookalike = role('fake', ['arn:aws:iam::123456789012:policy/AWSSupportAccess']);
    expect(runCheck(supportRoleExists, { roles: [lookalike] }).map((o) => o.status)).toEqual(['fail']);
  });
});
