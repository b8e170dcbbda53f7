import type { NetworkAclEntry } from '@aws-sdk/client-ec2';
import { vpcNetworkAcls } from '../../collectors/vpc/network-acls.js';
import { defineCheck, fail, noSettings, pass } from '../../core/check.js';
import { ADMIN_PORTS, protocolNumber, rangeCovers, WORLD_CIDRS, type WorldCidr } from '../ec2/port-ranges.js';

interface Probe {
  readonly source: WorldCidr;
  readonly protocol: '6' | '17';
  readonly port: number;
}
const PROBES: readonly Probe[] = WORLD_CIDRS.flatMap((source) =>
  (['6', '17'] as const).flatMap((protocol) => ADMIN_PORTS.map((port) => ({ source, protocol, port }))),
);
const PROTOCOL_NAMES: Readonly<Record<string, string>> = { '6': 'tcp', '17': 'udp' };

function covers(entry: NetworkAclEntry, probe: Probe): boolean {
  const cidr = probe.source === '::/0' ? entry.Ipv6CidrBlock : entry.CidrBlock;
  if (entry.Egress || cidr !== probe.source) return false;
  const protocol = protocolNumber(entry.Protocol);
  if (protocol === '-1') return true;
  if (protocol !== probe.protocol) return false;
  return rangeCovers(entry.PortRange?.From, entry.PortRange?.To, probe.port);
}

/**
 * NACLs apply the lowest-numbered matching rule, so an earlier world DENY on the port hides a
 * later ALLOW. Narrower DENYs (e.g. of one /24) are ignored: the rest of the internet still gets in.
 */
export function worldAdmissions(entries: readonly NetworkAclEntry[]): string[] {
  const ordered = [...entries].sort((a, b) => (a.RuleNumber ?? 32767) - (b.RuleNumber ?? 32767));
  return PROBES.flatMap((probe) => {
    const decisive = ordered.find((entry) => covers(entry, probe));
    if (decisive?.RuleAction !== 'allow') return [];
    return [`${probe.source} to ${PROTOCOL_NAMES[probe.protocol]}/${probe.port} (rule ${decisive.RuleNumber ?? '?'})`];
  });
}

export const naclNoAdminPortsFromWorld = defineCheck({
  id: 'vpc.nacl-no-admin-ports-from-world',
  title: 'Network ACLs do not admit SSH or RDP from the internet',
  kind: 'security',
  severity: 'medium',
  description:
    'Network ACLs are the subnet-wide layer under security groups. One that admits the internet to ' +
    'SSH (22) or RDP (3389) leaves a single security group mistake between those ports and the world.',
  remediation: {
    text: 'Add inbound DENY rules for ports 22 and 3389 from 0.0.0.0/0 and ::/0 numbered before the ALLOW rules, or narrow the ALLOW rules to known ranges.',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html',
  },
  compliance: ['CIS-5.0:5.2'],
  uses: { networkAcls: vpcNetworkAcls },
  settings: noSettings,
  evaluate: ({ networkAcls }) =>
    networkAcls.map((acl) => {
      const admissions = worldAdmissions(acl.data.Entries ?? []);
      const name = `Network ACL ${acl.id}${acl.data.IsDefault ? ' (default)' : ''} of ${acl.data.VpcId ?? 'unknown VPC'}`;
      return admissions.length === 0
        ? pass(acl, `${name} admits no admin port from the internet`)
        : fail(acl, `${name} admits ${admissions.join(', ')}`);
    }),
});
