import type { IpPermission, SecurityGroup } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { aResource, runCheck, statuses } from '../check-test-kit.js';
import { sgNoAdminPortsFromWorld } from './sg-no-admin-ports-from-world.js';

const group = (id: string, rules: IpPermission[], extra: SecurityGroup = {}) =>
  aResource<SecurityGroup>({ GroupId: id, GroupName: 'web', IpPermissions: rules, ...extra }, { id });
const v4 = (cidr: string) => ({ IpRanges: [{ CidrIp: cidr }] });
const tcp = (from: number, to: number, ranges: Partial<IpPermission>): IpPermission => ({
  IpProtocol: 'tcp', FromPort: from, ToPort: to, ...ranges,
});

describe('ec2.sg-no-admin-ports-from-world', () => {
  it.each<[string, IpPermission[], 'pass' | 'fail']>([
    ['SSH from the world', [tcp(22, 22, v4('0.0.0.0/0'))], 'fail'],
    ['RDP from IPv6 world', [tcp(3389, 3389, { Ipv6Ranges: [{ CidrIpv6: '::/0' }] })], 'fail'],
    ['a range that includes 22', [tcp(0, 1024, v4('0.0.0.0/0'))], 'fail'],
    ['a range that includes 3389', [tcp(3000, 4000, v4('0.0.0.0/0'))], 'fail'],
    ['all traffic from the world', [{ IpProtocol: '-1', ...v4('0.0.0.0/0') }], 'fail'],
    ['UDP 3389 by protocol number', [{ IpProtocol: '17', FromPort: 3389, ToPort: 3389, ...v4('0.0.0.0/0') }], 'fail'],
    ['tcp rule without ports (read as all ports)', [{ IpProtocol: 'tcp', ...v4('0.0.0.0/0') }], 'fail'],
    ['SSH from a private range', [tcp(22, 22, v4('10.0.0.0/8'))], 'pass'],
    ['HTTPS from the world', [tcp(443, 443, v4('0.0.0.0/0'))], 'pass'],
    ['range ending just below 22', [tcp(0, 21, v4('0.0.0.0/0'))], 'pass'],
    ['range starting just above 3389', [tcp(3390, 65535, v4('0.0.0.0/0'))], 'pass'],
    ['ICMP from the world (type 22 is not a port)', [{ IpProtocol: 'icmp', FromPort: 22, ToPort: -1, ...v4('0.0.0.0/0') }], 'pass'],
    ['all traffic from another security group', [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-lb' }] }], 'pass'],
    ['no rules', [], 'pass'],
  ])('%s -> %s', (_name, rules, expected) => {
    expect(statuses(runCheck(sgNoAdminPortsFromWorld, { securityGroups: [group('sg-1', rules)] }))).toEqual([`sg-1:${expected}`]);
  });

  it('names every world source and port in one message', () => {
    const [outcome] = runCheck(sgNoAdminPortsFromWorld, {
      securityGroups: [
        group('sg-1', [
          tcp(22, 22, { IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [{ CidrIpv6: '::/0' }] }),
          tcp(3389, 3389, v4('0.0.0.0/0')),
        ]),
      ],
    });
    expect(outcome?.message).toBe(
      'Security group sg-1 (web) allows 0.0.0.0/0 on port 22 (tcp), ::/0 on port 22 (tcp), 0.0.0.0/0 on port 3389 (tcp)',
    );
  });

  it('passes a group whose rules list is missing', () => {
    const outcomes = runCheck(sgNoAdminPortsFromWorld, { securityGroups: [aResource<SecurityGroup>({ GroupId: 'sg-2' }, { id: 'sg-2' })] });
    expect(statuses(outcomes)).toEqual(['sg-2:pass']);
  });

  it('returns nothing for a region with no security groups', () => {
    expect(runCheck(sgNoAdminPortsFromWorld, { securityGroups: [] })).toEqual([]);
  });
});
