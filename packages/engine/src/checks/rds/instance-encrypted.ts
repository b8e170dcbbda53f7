import { rdsDbInstances } from '../../collectors/rds/db-instances.js';
import { defineCheck, fail, noSettings, pass, unknown } from '../../core/check.js';

export const dbInstanceEncrypted = defineCheck({
  id: 'rds.instance-encrypted',
  title: 'RDS instances encrypt their storage',
  kind: 'security',
  severity: 'medium',
  description:
    'An unencrypted RDS instance keeps its data, logs, backups and snapshots in clear at rest. ' +
    'Encryption can only be chosen at creation, so the fix means a migration: better caught early.',
  remediation: {
    text: 'Take a snapshot, copy it with encryption on (choose a KMS key), restore a new instance from the copy and switch clients to it.',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html',
  },
  compliance: ['CIS-5.0:2.2.1'],
  uses: { instances: rdsDbInstances },
  settings: noSettings,
  evaluate: ({ instances }) =>
    instances.map((db) => {
      const encrypted = db.data.StorageEncrypted;
      if (encrypted === undefined) return unknown(db, `DB instance ${db.id} does not report storage encryption`);
      return encrypted
        ? pass(db, `DB instance ${db.id} storage is encrypted`)
        : fail(db, `DB instance ${db.id} (${db.data.Engine ?? 'unknown engine'}) storage is not encrypted`);
    }),
});
