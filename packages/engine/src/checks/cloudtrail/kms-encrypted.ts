import { defineCheck, fail, noSettings, pass } from '../../core/check.js';
import { cloudtrailTrails } from '../../collectors/cloudtrail/trails.js';
import { trailsHomedHere } from './trail-scope.js';

export const kmsEncrypted = defineCheck({
  id: 'cloudtrail.kms-encrypted',
  title: 'CloudTrail trails encrypt logs with a KMS key',
  kind: 'security',
  severity: 'medium',
  description:
    'With SSE-KMS, reading the trail logs needs both S3 read access and decrypt permission on ' +
    'the key, which is a separate, audited control over who can read the activity record. Each ' +
    'trail is reported once, in its home region.',
  remediation: {
    text: 'Create a customer managed KMS key whose policy allows CloudTrail to use it, then set it as the trail\'s log file SSE-KMS key.',
    url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html',
  },
  compliance: ['CIS-5.0:3.5'],
  uses: { trails: cloudtrailTrails },
  settings: noSettings,
  evaluate: ({ trails }) =>
    trailsHomedHere(trails).map((trail) => {
      const key = trail.data.trail.KmsKeyId;
      return key
        ? pass(trail, `Trail ${trail.id} encrypts its logs with KMS key ${key}`)
        : fail(trail, `Trail ${trail.id} logs are not encrypted with a KMS key (S3-managed encryption only)`);
    }),
});
