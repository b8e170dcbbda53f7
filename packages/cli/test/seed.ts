import { CreateVolumeCommand, EC2Client } from '@aws-sdk/client-ec2';
import { TEST_KEYS } from './run-cli.js';

/** An unattached volume: the ec2.volume-attached check fails it. Returns its id. */
export async function seedUnattachedVolume(endpoint: string, region: string, size = 100): Promise<string> {
  // A fresh credentials object per client: the SDK may cache on the object it is given.
  const credentials = { accessKeyId: TEST_KEYS.AWS_ACCESS_KEY_ID, secretAccessKey: TEST_KEYS.AWS_SECRET_ACCESS_KEY };
  const ec2 = new EC2Client({ region, endpoint, credentials });
  try {
    const volume = await ec2.send(new CreateVolumeCommand({ AvailabilityZone: `${region}a`, Size: size, VolumeType: 'gp3' }));
    if (!volume.VolumeId) throw new Error('moto returned no volume id');
    return volume.VolumeId;
  } finally {
    ec2.destroy();
  }
}
