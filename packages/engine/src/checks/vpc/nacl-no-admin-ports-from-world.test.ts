import type { NetworkAcl, NetworkAclEntry } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { aResource, runCheck, statuses } from '../check-test-kit.js';
import { naclNoAdminPortsFromWorld, worldAdmissions } from './nacl-no-admin-ports-from-world.js';

const entry = (
  RuleNumber: number,
  RuleAction: 'allow' | 'deny',
  Protocol: string,
  extra: Partial<NetworkAclEntry> = {},
): NetworkAclEntry => ({ RuleNumber, RuleAction, Protocol, Egress: false, CidrBlock: '0.0.0.0/0', ...extra });
const ports = (From: number, To: number) => ({ PortRange: { From, To } });
// Every NACL ends with this implicit rule; DescribeNetworkAcls lists it.
const DENY_ALL = entry(32767, 'deny', '-1');

describe('worldAdmissions (NACL rule order)', () => {
  it.each<[string, NetworkAclEntry[], string[]]>([
    ['AWS default NACL: allow all from IPv4 world', [entry(100, 'allow', '-1'), DENY_ALL], [
      '0.0.0.0/0 to tcp/22 (rule 100)', '0.0.0.0/0 to tcp/3389 (rule 100)', '0.0.0.0/0 to udp/22 (rule 100)', '0.0.0.0/0 to udp/3389 (rule 100)',
    ]],
    ['allow tcp 22 only', [entry(100, 'allow', '6', ports(22, 22)), DENY_ALL], ['0.0.0.0/0 to tcp/22 (rule 100)']],
    ['allow a tcp range covering 3389', [entry(100, 'allow', '6', ports(1024, 65535)), DENY_ALL], ['0.0.0.0/0 to tcp/3389 (rule 100)']],
    ['earlier deny of 22 and 3389 neutralises a later allow-all (tcp and udp)', [
      entry(90, 'deny', '-1', ports(22, 22)), entry(91, 'deny', '6', ports(3389, 3389)), entry(92, 'deny', '17', ports(3389, 3389)),
      entry(100, 'allow', '-1'), DENY_ALL,
    ], []],
    ['earlier tcp deny leaves udp 22 allowed', [entry(90, 'deny', '6', ports(22, 22)), entry(100, 'allow', '6', ports(22, 22)), entry(101, 'allow', '17', ports(22, 22)), DENY_ALL], [
      '0.0.0.0/0 to udp/22 (rule 101)',
    ]],
    ['order is by RuleNumber, not list position', [entry(200, 'allow', '6', ports(22, 22)), entry(50, 'deny', '6', ports(22, 22))], []],
    ['a deny listed first but numbered later does not help', [entry(200, 'deny', '6', ports(22, 22)), entry(50, 'allow', '6', ports(22, 22))], [
      '0.0.0.0/0 to tcp/22 (rule 50)',
    ]],
    ['a narrower deny does not neutralise a world allow', [entry(50, 'deny', '6', { CidrBlock: '198.51.100.0/24', ...ports(22, 22) }), entry(100, 'allow', '6', ports(22, 22))], [
      '0.0.0.0/0 to tcp/22 (rule 100)',
    ]],
    ['allow from a private range only', [entry(100, 'allow', '-1', { CidrBlock: '10.0.0.0/8' }), DENY_ALL], []],
    ['IPv6 world allow', [entry(101, 'allow', '6', { CidrBlock: undefined, Ipv6CidrBlock: '::/0', ...ports(22, 22) })], ['::/0 to tcp/22 (rule 101)']],
    ['egress allow-all is not ingress', [entry(100, 'allow', '-1', { Egress: true })], []],
    ['protocol given by name', [entry(100, 'allow', 'tcp', ports(3389, 3389))], ['0.0.0.0/0 to tcp/3389 (rule 100)']],
    ['HTTPS only', [entry(100, 'allow', '6', ports(443, 443)), DENY_ALL], []],
    ['ICMP allow', [entry(100, 'allow', '1'), DENY_ALL], []],
    ['no entries', [], []],
  ])('%s', (_name, entries, expected) => {
    expect(worldAdmissions(entries).sort()).toEqual([...expected].sort());
  });
});

describe('vpc.nacl-no-admin-ports-from-world', () => {
  const acl = (id: string, data: NetworkAcl) => aResource<NetworkAcl>({ NetworkAclId: id, VpcId: 'vpc-1', ...data }, { id });

  it('fails an open NACL naming the rule, passes a locked one', () => {
    const outcomes = runCheck(naclNoAdminPortsFromWorld, {
      networkAcls: [
        acl('acl-open', { Entries: [entry(100, 'allow', '6', ports(22, 22)), DENY_ALL] }),
        acl('acl-web', { IsDefault: true, Entries: [entry(100, 'allow', '6', ports(443, 443)), DENY_ALL] }),
      ],
    });
    expect(statuses(outcomes)).toEqual(['acl-open:fail', 'acl-web:pass']);
    expect(outcomes[0]?.message).toBe('Network ACL acl-open of vpc-1 admits 0.0.0.0/0 to tcp/22 (rule 100)');
    expect(outcomes[1]?.message).toBe('Network ACL acl-web (default) of vpc-1 admits no admin port from the internet');
  });

  it('passes a NACL with no entries reported', () => {
    expect(statuses(runCheck(naclNoAdminPortsFromWorld, { networkAcls: [acl('acl-empty', {})] }))).toEqual(['acl-empty:pass']);
  });
});
