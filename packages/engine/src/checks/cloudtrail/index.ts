import { bucketAccessLogging } from './bucket-access-logging.js';
import { kmsEncrypted } from './kms-encrypted.js';
import { logValidation } from './log-validation.js';
import { multiRegionLogging } from './multi-region-logging.js';
import { s3DataEvents } from './s3-data-events.js';

export const cloudtrailChecks = [
  bucketAccessLogging,
  kmsEncrypted,
  logValidation,
  multiRegionLogging,
  s3DataEvents,
] as const;
