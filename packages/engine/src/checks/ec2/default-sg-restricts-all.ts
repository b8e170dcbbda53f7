import { ec2SecurityGroups } from '../../collectors/ec2/security-groups.js';
import { defineCheck, fail, noSettings, pass } from '../../core/check.js';

export const defaultSgRestrictsAll = defineCheck({
  id: 'ec2.default-sg-restricts-all',
  title: 'Default security groups allow no traffic',
  kind: 'security',
  severity: 'medium',
  description:
    'Every VPC has a default security group that resources join when no group is named. If it ' +
    'has rules, anything launched carelessly gets that access; with no rules, such mistakes fail closed.',
  remediation: {
    text: 'Move resources to purpose-made security groups, then delete every inbound and outbound rule of the default group.',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html',
  },
  compliance: ['CIS-5.0:5.5'],
  uses: { securityGroups: ec2SecurityGroups },
  settings: noSettings,
  evaluate: ({ securityGroups }) =>
    securityGroups
      // AWS names the VPC default group "default" and forbids that name for any other group.
      .filter((group) => group.data.GroupName === 'default')
      .map((group) => {
        const inbound = group.data.IpPermissions?.length ?? 0;
        const outbound = group.data.IpPermissionsEgress?.length ?? 0;
        const vpc = group.data.VpcId ?? 'unknown VPC';
        return inbound + outbound === 0
          ? pass(group, `Default security group ${group.id} of ${vpc} has no rules`)
          : fail(group, `Default security group ${group.id} of ${vpc} has ${inbound} inbound and ${outbound} outbound rules`);
      }),
});
