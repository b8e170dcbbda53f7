import { defineCheck, fail, noSettings, pass, unknown } from '../../core/check.js';
import { s3BucketEncryption } from '../../collectors/s3/bucket-encryption.js';

export const bucketDefaultEncryption = defineCheck({
  id: 's3.bucket-default-encryption',
  title: 'S3 buckets have default encryption configured',
  kind: 'security',
  severity: 'medium',
  description:
    'Default encryption makes S3 encrypt every new object at rest even when the uploader does ' +
    'not ask for it. S3 applies SSE-S3 to new buckets since January 2023, so a bucket without a ' +
    'default encryption rule is old or was changed on purpose, and may hold unencrypted objects.',
  remediation: {
    text: 'Set default encryption on the bucket (SSE-S3, or SSE-KMS when you need key-level access control and audit).',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-bucket-encryption.html',
  },
  compliance: [],
  uses: { encryption: s3BucketEncryption },
  settings: noSettings,
  evaluate: ({ encryption }) =>
    encryption.map((bucket) => {
      const { data } = bucket;
      if ('error' in data) return unknown(bucket, `Could not read encryption of bucket ${bucket.id} (${data.error})`);
      const algorithms = (data.encryption?.Rules ?? []).flatMap((rule) => {
        const algorithm = rule.ApplyServerSideEncryptionByDefault?.SSEAlgorithm;
        return algorithm ? [algorithm] : [];
      });
      return algorithms.length > 0
        ? pass(bucket, `Bucket ${bucket.id} encrypts new objects by default (${algorithms.join(', ')})`)
        : fail(bucket, `Bucket ${bucket.id} has no default encryption`);
    }),
});
