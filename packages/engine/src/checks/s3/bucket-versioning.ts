import { z } from 'zod';
import { defineCheck, fail, pass, unknown } from '../../core/check.js';
import { s3BucketVersioning } from '../../collectors/s3/bucket-versioning.js';

export const bucketVersioning = defineCheck({
  id: 's3.bucket-versioning',
  title: 'S3 buckets have versioning enabled',
  kind: 'security',
  severity: 'medium',
  description:
    'Versioning keeps every version of an object, so an overwrite or delete (by mistake, a ' +
    'faulty deployment or ransomware) can be undone. A suspended bucket keeps old versions but ' +
    'stops creating new ones. CIS 2.1.2 further asks for MFA delete; turn on requireMfaDelete ' +
    'to enforce it here.',
  remediation: {
    text:
      'Enable versioning on the bucket (and a lifecycle rule expiring noncurrent versions to ' +
      'bound the cost). MFA delete can only be enabled by the root user through the API or CLI.',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/manage-versioning-examples.html',
  },
  // Not mapped to CIS 2.1.2 by default: that control is MFA delete, checked only on request.
  compliance: [],
  uses: { versioning: s3BucketVersioning },
  settings: z.object({ requireMfaDelete: z.boolean().default(false) }),
  evaluate: ({ versioning }, { requireMfaDelete }) =>
    versioning.map((bucket) => {
      const { data } = bucket;
      if ('error' in data) return unknown(bucket, `Could not read versioning of bucket ${bucket.id} (${data.error})`);
      if (data.status !== 'Enabled') {
        const state = data.status === 'Suspended' ? 'suspended' : 'never enabled';
        return fail(bucket, `Bucket ${bucket.id} has versioning ${state}`);
      }
      const mfa = data.mfaDelete === 'Enabled';
      if (requireMfaDelete && !mfa) return fail(bucket, `Bucket ${bucket.id} has versioning but not MFA delete`);
      return pass(bucket, `Bucket ${bucket.id} has versioning enabled${mfa ? ' with MFA delete' : ''}`);
    }),
});
