import type { UserDetail } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { aResource, runCheck, statuses } from '../check-test-kit.js';
import { userPermissionsViaGroups } from './user-permissions-via-groups.js';

const user = (name: string, data: UserDetail = {}) => aResource<UserDetail>({ UserName: name, ...data }, { id: name, region: 'global' });

describe('iam.user-permissions-via-groups', () => {
  it('passes users with only groups and fails users with their own policies', () => {
    const outcomes = runCheck(userPermissionsViaGroups, {
      users: [
        user('grouped', { GroupList: ['devs'], AttachedManagedPolicies: [], UserPolicyList: [] }),
        user('attached', { AttachedManagedPolicies: [{ PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }] }),
        user('inline', { UserPolicyList: [{ PolicyName: 's3-extra', PolicyDocument: '%7B%7D' }] }),
        user('bare'),
      ],
    });
    expect(statuses(outcomes)).toEqual(['grouped:pass', 'attached:fail', 'inline:fail', 'bare:pass']);
  });

  it('names both kinds of policy in one message', () => {
    const [outcome] = runCheck(userPermissionsViaGroups, {
      users: [user('both', { AttachedManagedPolicies: [{ PolicyArn: 'arn:aws:iam::1:policy/x' }], UserPolicyList: [{ PolicyName: 'a' }, { PolicyName: 'b' }] })],
    });
    expect(outcome?.message).toBe('both has attached managed policies arn:aws:iam::1:policy/x and inline policies a, b');
  });

  it('returns nothing for an account without users', () => {
    expect(runCheck(userPermissionsViaGroups, { users: [] })).toEqual([]);
  });
});
