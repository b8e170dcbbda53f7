import { defineCheck, fail, noSettings, pass } from '../../core/check.js';
import { iamUsers } from '../../collectors/iam/users.js';

export const userPermissionsViaGroups = defineCheck({
  id: 'iam.user-permissions-via-groups',
  title: 'IAM users get permissions only through groups',
  kind: 'security',
  severity: 'low',
  description:
    'Policies attached to individual users are easy to lose track of and drift from the role the ' +
    'person holds. Granting permissions through groups (or roles) keeps access reviewable and ' +
    'removes it cleanly when someone changes job.',
  remediation: {
    text: 'Add the user to a group that grants the needed permissions, then detach the managed policies and delete the inline policies from the user.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups_manage_add-remove-users.html',
  },
  compliance: ['CIS-5.0:1.14'],
  uses: { users: iamUsers },
  settings: noSettings,
  evaluate: ({ users }) =>
    users.map((user) => {
      const attached = (user.data.AttachedManagedPolicies ?? []).map((policy) => policy.PolicyName ?? policy.PolicyArn ?? '?');
      const inline = (user.data.UserPolicyList ?? []).map((policy) => policy.PolicyName ?? '?');
      if (attached.length === 0 && inline.length === 0) return pass(user, `${user.id} has no policies of its own`);
      const parts = [
        ...(attached.length > 0 ? [`attached managed policies ${attached.join(', ')}`] : []),
        ...(inline.length > 0 ? [`inline policies ${inline.join(', ')}`] : []),
      ];
      return fail(user, `${user.id} has ${parts.join(' and ')}`);
    }),
});
