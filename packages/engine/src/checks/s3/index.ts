import { blockPublicAccess } from './block-public-access.js';
import { bucketDefaultEncryption } from './bucket-default-encryption.js';
import { bucketDeniesHttp } from './bucket-denies-http.js';
import { bucketLifecycle } from './bucket-lifecycle.js';
import { bucketNotPublic } from './bucket-not-public.js';
import { bucketVersioning } from './bucket-versioning.js';

export const s3Checks = [
  blockPublicAccess,
  bucketDefaultEncryption,
  bucketDeniesHttp,
  bucketLifecycle,
  bucketNotPublic,
  bucketVersioning,
] as const;
