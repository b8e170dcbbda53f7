import { defaultSgRestrictsAll } from './default-sg-restricts-all.js';
import { ebsEncrypted } from './ebs-encrypted.js';
import { ebsEncryptionByDefault } from './ebs-encryption-by-default.js';
import { eipAssociated } from './eip-associated.js';
import { imdsv2Required } from './imdsv2-required.js';
import { instanceNotLongStopped } from './instance-not-long-stopped.js';
import { sgNoAdminPortsFromWorld } from './sg-no-admin-ports-from-world.js';
import { snapshotNotPublic } from './snapshot-not-public.js';
import { snapshotRecent } from './snapshot-recent.js';
import { volumeAttached } from './volume-attached.js';
import { volumeGp3 } from './volume-gp3.js';

/** Sorted by id. */
export const ec2Checks = [
  defaultSgRestrictsAll,
  ebsEncrypted,
  ebsEncryptionByDefault,
  eipAssociated,
  imdsv2Required,
  instanceNotLongStopped,
  sgNoAdminPortsFromWorld,
  snapshotNotPublic,
  snapshotRecent,
  volumeAttached,
  volumeGp3,
] as const;
