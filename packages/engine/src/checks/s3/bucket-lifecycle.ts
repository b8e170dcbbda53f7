import { defineCheck, fail, noSettings, pass, unknown } from '../../core/check.js';
import { s3BucketLifecycle } from '../../collectors/s3/bucket-lifecycle.js';

export const bucketLifecycle = defineCheck({
  id: 's3.bucket-lifecycle',
  title: 'S3 buckets have a lifecycle rule',
  kind: 'cost',
  severity: 'info',
  description:
    'Without an enabled lifecycle rule a bucket keeps every object, old version and incomplete ' +
    'multipart upload until someone deletes them, and pays for them every month. This is a ' +
    'hygiene finding: the amount at stake depends on the bucket size, which needs storage ' +
    'metrics, so no monthly estimate is given.',
  remediation: {
    text:
      'Add a lifecycle rule that expires or transitions objects you no longer need, expires ' +
      'noncurrent versions and aborts incomplete multipart uploads after a few days.',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lifecycle-mgmt.html',
  },
  compliance: [],
  uses: { lifecycle: s3BucketLifecycle },
  settings: noSettings,
  evaluate: ({ lifecycle }) =>
    lifecycle.map((bucket) => {
      const { data } = bucket;
      if ('error' in data) return unknown(bucket, `Could not read lifecycle of bucket ${bucket.id} (${data.error})`);
      const enabled = (data.rules ?? []).filter((rule) => rule.Status === 'Enabled').length;
      if (enabled > 0) return pass(bucket, `Bucket ${bucket.id} has ${enabled} enabled lifecycle rule(s)`);
      const what = data.rules === null || data.rules.length === 0 ? 'no lifecycle rules' : 'only disabled lifecycle rules';
      return fail(
        bucket,
        `Bucket ${bucket.id} has ${what}: objects and old versions are kept (and billed) until deleted; ` +
          'no monthly figure is given because the bucket size needs storage metrics',
      );
    }),
});
