import type { SecurityGroup } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { aResource, runCheck, statuses } from '../check-test-kit.js';
import { defaultSgRestrictsAll } from './default-sg-restricts-all.js';

const group = (id: string, data: SecurityGroup) => aResource<SecurityGroup>({ GroupId: id, VpcId: 'vpc-1', ...data }, { id });
const allOut = [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }];
const selfIn = [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-d' }] }];

describe('ec2.default-sg-restricts-all', () => {
  it('fails a default group with the rules AWS creates it with, and passes an emptied one', () => {
    const outcomes = runCheck(defaultSgRestrictsAll, {
      securityGroups: [
        group('sg-d', { GroupName: 'default', IpPermissions: selfIn, IpPermissionsEgress: allOut }),
        group('sg-e', { GroupName: 'default', IpPermissions: [], IpPermissionsEgress: [] }),
      ],
    });
    expect(statuses(outcomes)).toEqual(['sg-d:fail', 'sg-e:pass']);
    expect(outcomes[0]?.message).toBe('Default security group sg-d of vpc-1 has 1 inbound and 1 outbound rules');
  });

  it('fails a default group with only an outbound rule', () => {
    const outcomes = runCheck(defaultSgRestrictsAll, {
      securityGroups: [group('sg-d', { GroupName: 'default', IpPermissionsEgress: allOut })],
    });
    expect(statuses(outcomes)).toEqual(['sg-d:fail']);
  });

  it('ignores non-default groups, however open', () => {
    const outcomes = runCheck(defaultSgRestrictsAll, {
      securityGroups: [group('sg-web', { GroupName: 'web', IpPermissions: selfIn, IpPermissionsEgress: allOut })],
    });
    expect(outcomes).toEqual([]);
  });

  it('passes a default group whose rule lists are absent', () => {
    expect(statuses(runCheck(defaultSgRestrictsAll, { securityGroups: [group('sg-d', { GroupName: 'default' })] }))).toEqual([
      'sg-d:pass',
    ]);
  });
});
