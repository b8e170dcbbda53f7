import { defineCheck, fail, noSettings, pass } from '../../core/check.js';
import { iamRoles } from '../../collectors/iam/roles.js';
import { GLOBAL_REGION } from '../../core/resource.js';

export const supportRoleExists = defineCheck({
  id: 'iam.support-role-exists',
  title: 'A role is set up to manage incidents with AWS Support',
  kind: 'security',
  severity: 'low',
  description:
    'During an incident, people must be able to open and follow AWS Support cases without ' +
    'borrowing root or administrator credentials. A role with the AWSSupportAccess policy gives ' +
    'exactly that access to the people allowed to assume it.',
  remediation: {
    text: 'Create an IAM role that trusted users can assume and attach the AWS managed policy AWSSupportAccess to it.',
    url: 'https://docs.aws.amazon.com/awssupport/latest/user/accessing-support.html',
  },
  compliance: ['CIS-5.0:1.16'],
  uses: { roles: iamRoles },
  settings: noSettings,
  evaluate: ({ roles }, _settings, ctx) => {
    const policyArn = `arn:${ctx.partition}:iam::aws:policy/AWSSupportAccess`;
    // The finding is about the account, which has no collected resource of its own here.
    const account = { arn: `arn:${ctx.partition}:iam::${ctx.accountId}:root`, id: ctx.accountId, type: 'AWS::::Account', region: GLOBAL_REGION };
    const supportRoles = roles
      .filter((role) => (role.data.AttachedManagedPolicies ?? []).some((policy) => policy.PolicyArn === policyArn))
      .map((role) => role.id);
    return supportRoles.length > 0
      ? [pass(account, `AWSSupportAccess is attached to role(s) ${supportRoles.join(', ')}`)]
      : [fail(account, `No IAM role has the AWSSupportAccess policy attached (${roles.length} roles checked)`)];
  },
});
