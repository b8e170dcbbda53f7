import { defineCheck, fail, noSettings, pass, unknown } from '../../core/check.js';
import { cloudtrailTrails } from '../../collectors/cloudtrail/trails.js';
import { eventCoverage } from './event-coverage.js';
import { regionRef } from './trail-scope.js';

export const s3DataEvents = defineCheck({
  id: 'cloudtrail.s3-data-events',
  title: 'CloudTrail logs S3 object-level read and write events',
  kind: 'security',
  severity: 'medium',
  description:
    'Management events do not record who read, wrote or deleted an S3 object. Object-level data ' +
    'events for all buckets are what lets you investigate data access and exfiltration. ' +
    'Evaluated per region: the region passes when logging trails together cover reads and writes.',
  remediation: {
    text:
      'On a trail that covers the region, add data events for S3 objects on all current and ' +
      'future buckets, read and write (mind the cost on busy buckets).',
    url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html',
  },
  compliance: ['CIS-5.0:3.8', 'CIS-5.0:3.9'],
  uses: { trails: cloudtrailTrails },
  settings: noSettings,
  evaluate: ({ trails }, _settings, ctx) => {
    let read = false;
    let write = false;
    const undecided: string[] = [];
    for (const { id, data } of trails) {
      if ('error' in data.status || 'error' in data.selectors) {
        undecided.push(id);
        continue;
      }
      if (data.status.IsLogging !== true) continue;
      const coverage = eventCoverage(data.selectors, ctx.partition);
      read ||= coverage.s3ObjectRead;
      write ||= coverage.s3ObjectWrite;
    }
    const subject = regionRef(ctx);
    if (read && write) return [pass(subject, `S3 object-level reads and writes are logged in ${ctx.region}`)];
    const missing = [write ? '' : 'write (CIS 3.8)', read ? '' : 'read (CIS 3.9)'].filter(Boolean).join(' and ');
    return undecided.length > 0
      ? [unknown(subject, `Could not confirm S3 ${missing} data events in ${ctx.region}: trail(s) ${undecided.join(', ')} unreadable`)]
      : [fail(subject, `No logging trail records S3 object-level ${missing} events for all buckets in ${ctx.region}`)];
  },
});
