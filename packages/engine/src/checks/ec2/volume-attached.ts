import { defineCheck, fail, noSettings, pass } from '../../core/check.js';
import { ec2Volumes } from '../../collectors/ec2/volumes.js';
import { ebsStorageCost } from '../../pricing/estimate.js';

export const volumeAttached = defineCheck({
  id: 'ec2.volume-attached',
  title: 'EBS volumes are attached to an instance',
  kind: 'cost',
  severity: 'low',
  description:
    'An unattached (available) EBS volume is billed for its full provisioned size every month ' +
    'while no instance uses it. Such volumes are usually left behind when an instance is terminated.',
  remediation: {
    text: 'Check that nothing needs the data; snapshot the volume if it might, then delete it.',
    url: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-deleting-volume.html',
  },
  compliance: [],
  uses: { volumes: ec2Volumes },
  settings: noSettings,
  evaluate: ({ volumes }) =>
    volumes.map((volume) => {
      const { State, Size = 0, VolumeType } = volume.data;
      if (State !== 'available') return pass(volume, `Volume is ${State ?? 'in use'}`);
      return fail(
        volume,
        `Unattached ${Size} GiB ${VolumeType ?? ''} volume`.replace('  ', ' '),
        ebsStorageCost(Size, VolumeType, volume.region),
      );
    }),
});
