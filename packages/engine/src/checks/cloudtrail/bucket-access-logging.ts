import { defineCheck, fail, noSettings, pass, unknown } from '../../core/check.js';
import { cloudtrailTrails } from '../../collectors/cloudtrail/trails.js';
import { s3BucketLogging } from '../../collectors/s3/bucket-logging.js';
import { trailsHomedHere } from './trail-scope.js';

export const bucketAccessLogging = defineCheck({
  id: 'cloudtrail.bucket-access-logging',
  title: 'CloudTrail log buckets have S3 server access logging',
  kind: 'security',
  severity: 'low',
  description:
    'Server access logging on the bucket that stores CloudTrail logs records who read or ' +
    'deleted the logs themselves, which helps detect tampering and supports investigations. ' +
    'Each trail is reported once, in its home region.',
  remediation: {
    text: 'Enable server access logging on the trail\'s S3 bucket, targeting a different bucket.',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html',
  },
  compliance: ['CIS-5.0:3.4'],
  uses: { trails: cloudtrailTrails, bucketLogging: s3BucketLogging },
  settings: noSettings,
  evaluate: ({ trails, bucketLogging }) => {
    const loggingOf = new Map(bucketLogging.map((b) => [b.id, b.data]));
    return trailsHomedHere(trails).map((trail) => {
      const bucket = trail.data.trail.S3BucketName;
      if (!bucket) return unknown(trail, `Trail ${trail.id} names no S3 bucket`);
      const logging = loggingOf.get(bucket);
      if (logging === undefined) {
        return unknown(
          trail,
          `Bucket ${bucket} of trail ${trail.id} is not in this account's bucket list (likely a central logging account); check its access logging there`,
        );
      }
      if ('error' in logging) return unknown(trail, `Could not read access logging of bucket ${bucket} (${logging.error})`);
      return logging.logging
        ? pass(trail, `Bucket ${bucket} of trail ${trail.id} logs access to ${logging.logging.TargetBucket ?? 'a target bucket'}`)
        : fail(trail, `Bucket ${bucket} of trail ${trail.id} has no server access logging`);
    });
  },
});
