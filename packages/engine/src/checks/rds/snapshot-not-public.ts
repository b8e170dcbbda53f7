import { rdsDbSnapshots } from '../../collectors/rds/db-snapshots.js';
import { defineCheck, fail, noSettings, pass, unknown } from '../../core/check.js';

export const dbSnapshotNotPublic = defineCheck({
  id: 'rds.snapshot-not-public',
  title: 'RDS snapshots are not public',
  kind: 'security',
  severity: 'critical',
  description:
    'Any AWS account can restore a public DB snapshot into a database of its own and read all of ' +
    'its data. Public snapshots are searched for by attackers.',
  remediation: {
    text: 'Remove "all" from the snapshot\'s restore permission (Share snapshot > Private); share with named accounts instead.',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ShareSnapshot.html',
  },
  compliance: [],
  uses: { snapshots: rdsDbSnapshots },
  settings: noSettings,
  evaluate: ({ snapshots }) =>
    snapshots.map((snapshot) => {
      const access = snapshot.data.restoreAccess;
      const name = `DB snapshot ${snapshot.id}`;
      if (access === null) return pass(snapshot, `${name} is ${snapshot.data.snapshot.SnapshotType ?? 'not manual'} and cannot be shared`);
      if ('error' in access) return unknown(snapshot, `Could not read who may restore ${name} (${access.error})`);
      if (access.accountIds.includes('all')) return fail(snapshot, `${name} can be restored by any AWS account`);
      const shared = access.accountIds.length;
      return pass(snapshot, shared === 0 ? `${name} is private` : `${name} is shared with ${shared} named account(s) only`);
    }),
});
