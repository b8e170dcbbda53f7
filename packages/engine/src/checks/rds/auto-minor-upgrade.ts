import { rdsDbInstances } from '../../collectors/rds/db-instances.js';
import { defineCheck, fail, noSettings, pass, unknown } from '../../core/check.js';

export const autoMinorUpgrade = defineCheck({
  id: 'rds.auto-minor-upgrade',
  title: 'RDS instances apply minor engine upgrades automatically',
  kind: 'security',
  severity: 'low',
  description:
    'Minor engine versions carry security fixes. With automatic minor version upgrade on, RDS ' +
    'applies them in the maintenance window instead of leaving known vulnerabilities in place.',
  remediation: {
    text: 'Modify the instance and turn on Auto minor version upgrade; choose a maintenance window that suits the workload.',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Upgrading.html#USER_UpgradeDBInstance.Upgrading.AutoMinorVersionUpgrades',
  },
  compliance: ['CIS-5.0:2.2.2'],
  uses: { instances: rdsDbInstances },
  settings: noSettings,
  evaluate: ({ instances }) =>
    instances.map((db) => {
      const automatic = db.data.AutoMinorVersionUpgrade;
      if (automatic === undefined) return unknown(db, `DB instance ${db.id} does not report its minor upgrade setting`);
      if (automatic) return pass(db, `DB instance ${db.id} upgrades minor versions automatically`);
      const engine = `${db.data.Engine ?? '?'} ${db.data.EngineVersion ?? '?'}`;
      return fail(db, `DB instance ${db.id} (${engine}) does not upgrade minor versions automatically`);
    }),
});
