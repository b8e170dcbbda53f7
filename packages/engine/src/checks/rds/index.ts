import { autoMinorUpgrade } from './auto-minor-upgrade.js';
import { dbInstanceEncrypted } from './instance-encrypted.js';
import { dbInstanceNotPublic } from './instance-not-public.js';
import { manualSnapshotRecent } from './manual-snapshot-recent.js';
import { dbSnapshotNotPublic } from './snapshot-not-public.js';

/** Sorted by id. */
export const rdsChecks = [
  autoMinorUpgrade,
  dbInstanceEncrypted,
  dbInstanceNotPublic,
  manualSnapshotRecent,
  dbSnapshotNotPublic,
] as const;
