import type { IpPermission } from '@aws-sdk/client-ec2';
import { ec2SecurityGroups } from '../../collectors/ec2/security-groups.js';
import { defineCheck, fail, noSettings, pass } from '../../core/check.js';
import { ADMIN_PORTS, protocolNumber, rangeCovers, WORLD_CIDRS } from './port-ranges.js';

/** What a rule opens to the world, e.g. "port 22 (tcp)" or "all traffic"; [] when nothing admin. */
function exposures(rule: IpPermission): string[] {
  // CIS counts TCP, UDP and all traffic; the SDK returns names or numbers depending on how the rule was made.
  const protocol = protocolNumber(rule.IpProtocol);
  if (protocol === '-1') return ['all traffic'];
  if (protocol !== '6' && protocol !== '17') return [];
  return ADMIN_PORTS.filter((port) => rangeCovers(rule.FromPort, rule.ToPort, port)).map((port) => `port ${port} (${rule.IpProtocol})`);
}

function worldSources(rule: IpPermission): string[] {
  const sources = [...(rule.IpRanges ?? []).map((range) => range.CidrIp), ...(rule.Ipv6Ranges ?? []).map((range) => range.CidrIpv6)];
  return WORLD_CIDRS.filter((world) => sources.includes(world));
}

export const sgNoAdminPortsFromWorld = defineCheck({
  id: 'ec2.sg-no-admin-ports-from-world',
  title: 'Security groups do not open SSH, RDP or all traffic to the internet',
  kind: 'security',
  severity: 'high',
  description:
    'A security group that admits 0.0.0.0/0 or ::/0 to SSH (22) or RDP (3389) exposes remote ' +
    'administration of every attached instance to password guessing and exploits from the whole internet.',
  remediation: {
    text: 'Remove the rule, or restrict its source to known address ranges; prefer Session Manager to open admin ports.',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  },
  compliance: ['CIS-5.0:5.3', 'CIS-5.0:5.4'],
  uses: { securityGroups: ec2SecurityGroups },
  settings: noSettings,
  evaluate: ({ securityGroups }) =>
    securityGroups.map((group) => {
      const findings = (group.data.IpPermissions ?? []).flatMap((rule) =>
        worldSources(rule).flatMap((source) => exposures(rule).map((what) => `${source} on ${what}`)),
      );
      const name = `Security group ${group.id} (${group.data.GroupName ?? 'unnamed'})`;
      return findings.length === 0
        ? pass(group, `${name} opens no admin port to the internet`)
        : fail(group, `${name} allows ${[...new Set(findings)].join(', ')}`);
    }),
});
