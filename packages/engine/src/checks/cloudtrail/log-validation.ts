import { defineCheck, fail, noSettings, pass } from '../../core/check.js';
import { cloudtrailTrails } from '../../collectors/cloudtrail/trails.js';
import { trailsHomedHere } from './trail-scope.js';

export const logValidation = defineCheck({
  id: 'cloudtrail.log-validation',
  title: 'CloudTrail trails have log file validation enabled',
  kind: 'security',
  severity: 'medium',
  description:
    'Log file validation makes CloudTrail deliver signed digest files, so you can prove that ' +
    'log files were not modified or deleted after delivery, for example by an intruder covering ' +
    'their tracks. Each trail is reported once, in its home region.',
  remediation: {
    text: 'Edit the trail and turn on "Log file validation" (or run aws cloudtrail update-trail --enable-log-file-validation).',
    url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-enabling.html',
  },
  compliance: ['CIS-5.0:3.2'],
  uses: { trails: cloudtrailTrails },
  settings: noSettings,
  evaluate: ({ trails }) =>
    trailsHomedHere(trails).map((trail) =>
      trail.data.trail.LogFileValidationEnabled === true
        ? pass(trail, `Trail ${trail.id} has log file validation enabled`)
        : fail(trail, `Trail ${trail.id} does not validate its log files`),
    ),
});
