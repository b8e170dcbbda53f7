import { ec2Volumes } from '../../collectors/ec2/volumes.js';
import { defineCheck, fail, noSettings, pass, unknown } from '../../core/check.js';
import { gp2ToGp3Saving } from '../../pricing/estimate.js';

// gp2 gives 3 IOPS per GiB (max 16,000); gp3 includes 3,000 IOPS whatever the size, so up to
// 1,000 GiB the switch loses no baseline performance.
const GP3_INCLUDED_IOPS = 3000;
const GP2_IOPS_PER_GIB = 3;
const GP2_MAX_IOPS = 16000;

function iopsNote(sizeGiB: number): string {
  const gp2Iops = Math.min(sizeGiB * GP2_IOPS_PER_GIB, GP2_MAX_IOPS);
  if (gp2Iops <= GP3_INCLUDED_IOPS) return '';
  return (
    `; its gp2 baseline of ${gp2Iops} IOPS is above the ${GP3_INCLUDED_IOPS} gp3 includes, so matching it ` +
    'may need provisioned gp3 IOPS at extra cost (saving shown is storage only)'
  );
}

export const volumeGp3 = defineCheck({
  id: 'ec2.volume-gp3',
  title: 'EBS volumes use gp3 rather than gp2',
  kind: 'cost',
  severity: 'low',
  description:
    'gp3 costs about 20% less per GB than gp2 and includes 3,000 IOPS and 125 MB/s regardless of ' +
    'size. Changing the type is done in place, without detaching the volume or stopping the instance.',
  remediation: {
    text: 'Modify the volume and choose gp3 (Elastic Volumes); for gp2 volumes over 1,000 GiB set gp3 IOPS to the old baseline.',
    url: 'https://docs.aws.amazon.com/ebs/latest/userguide/requesting-ebs-volume-modifications.html',
  },
  compliance: [],
  uses: { volumes: ec2Volumes },
  settings: noSettings,
  evaluate: ({ volumes }) =>
    volumes.map((volume) => {
      const { VolumeType, Size } = volume.data;
      if (VolumeType !== 'gp2') return pass(volume, `Volume ${volume.id} is ${VolumeType ?? 'not gp2'}`);
      if (Size === undefined) return unknown(volume, `gp2 volume ${volume.id} does not report its size`);
      const saving = gp2ToGp3Saving(Size, volume.region);
      const message = `gp2 volume ${volume.id} (${Size} GiB) would cost $${saving.monthlyUsd.toFixed(2)} less a month as gp3`;
      return fail(volume, message + iopsNote(Size), saving);
    }),
});
