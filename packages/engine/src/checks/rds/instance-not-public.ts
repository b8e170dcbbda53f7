import { rdsDbInstances } from '../../collectors/rds/db-instances.js';
import { defineCheck, fail, noSettings, pass, unknown } from '../../core/check.js';

export const dbInstanceNotPublic = defineCheck({
  id: 'rds.instance-not-public',
  title: 'RDS instances are not publicly accessible',
  kind: 'security',
  severity: 'high',
  description:
    'A publicly accessible DB instance gets a public IP address, so its endpoint is reachable from ' +
    'the internet whenever a security group allows it: one rule away from password guessing and exploits.',
  remediation: {
    text: 'Modify the instance and set Publicly accessible to No; reach it from inside the VPC, a VPN or a bastion.',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding',
  },
  compliance: ['CIS-5.0:2.2.3'],
  uses: { instances: rdsDbInstances },
  settings: noSettings,
  evaluate: ({ instances }) =>
    instances.map((db) => {
      const open = db.data.PubliclyAccessible;
      if (open === undefined) return unknown(db, `DB instance ${db.id} does not report whether it is publicly accessible`);
      return open
        ? fail(db, `DB instance ${db.id} is publicly accessible (endpoint ${db.data.Endpoint?.Address ?? 'unknown'})`)
        : pass(db, `DB instance ${db.id} is not publicly accessible`);
    }),
});
