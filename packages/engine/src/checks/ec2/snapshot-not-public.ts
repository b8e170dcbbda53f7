import { ec2PublicSnapshots } from '../../collectors/ec2/public-snapshots.js';
import { ec2Snapshots } from '../../collectors/ec2/snapshots.js';
import { defineCheck, fail, noSettings, pass } from '../../core/check.js';

export const snapshotNotPublic = defineCheck({
  id: 'ec2.snapshot-not-public',
  title: 'EBS snapshots are not public',
  kind: 'security',
  severity: 'critical',
  description:
    'Anyone with an AWS account can create a volume from a public snapshot and read every file ' +
    'on it: databases, keys, credentials. Public snapshots are routinely scanned for secrets.',
  remediation: {
    text: 'Remove the "all" group from the snapshot\'s create-volume permission (Modify permissions > Private); share with specific accounts if needed.',
    url: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-modifying-snapshot-permissions.html',
  },
  compliance: [],
  uses: { snapshots: ec2Snapshots, publicSnapshots: ec2PublicSnapshots },
  settings: noSettings,
  evaluate: ({ snapshots, publicSnapshots }) => {
    const isPublic = new Set(publicSnapshots.map((snapshot) => snapshot.arn));
    const owned = new Set(snapshots.map((snapshot) => snapshot.arn));
    const failMessage = (id: string) => `Snapshot ${id} can be restored by any AWS account`;
    return [
      ...snapshots.map((snapshot) =>
        isPublic.has(snapshot.arn) ? fail(snapshot, failMessage(snapshot.id)) : pass(snapshot, `Snapshot ${snapshot.id} is not public`),
      ),
      // Made between the two listings: still public, still ours.
      ...publicSnapshots.filter((snapshot) => !owned.has(snapshot.arn)).map((snapshot) => fail(snapshot, failMessage(snapshot.id))),
    ];
  },
});
