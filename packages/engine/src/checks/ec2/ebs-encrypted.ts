import { ec2Volumes } from '../../collectors/ec2/volumes.js';
import { defineCheck, fail, noSettings, pass, unknown } from '../../core/check.js';

export const ebsEncrypted = defineCheck({
  id: 'ec2.ebs-encrypted',
  title: 'EBS volumes are encrypted',
  kind: 'security',
  severity: 'medium',
  description:
    'An unencrypted EBS volume, and every snapshot taken of it, holds its data in clear at rest; ' +
    'encryption with KMS also puts access to the data under key policy and CloudTrail logging.',
  remediation: {
    text: 'Snapshot the volume, copy the snapshot with encryption on, create a volume from the copy and swap it in. Turn on EBS encryption by default to stop new ones.',
    url: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
  },
  compliance: ['CIS-5.0:5.1.1'],
  uses: { volumes: ec2Volumes },
  settings: noSettings,
  evaluate: ({ volumes }) =>
    volumes.map((volume) => {
      const { Encrypted } = volume.data;
      if (Encrypted === undefined) return unknown(volume, `Volume ${volume.id} does not report its encryption`);
      return Encrypted
        ? pass(volume, `Volume ${volume.id} is encrypted`)
        : fail(volume, `Volume ${volume.id} (${volume.data.Size ?? '?'} GiB) is not encrypted`);
    }),
});
