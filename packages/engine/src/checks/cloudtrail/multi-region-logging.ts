import { defineCheck, fail, noSettings, pass, unknown } from '../../core/check.js';
import { cloudtrailTrails, type TrailRecord } from '../../collectors/cloudtrail/trails.js';
import { eventCoverage } from './event-coverage.js';
import { regionRef } from './trail-scope.js';

export const multiRegionLogging = defineCheck({
  id: 'cloudtrail.multi-region-logging',
  title: 'A multi-region CloudTrail trail logs all management events',
  kind: 'security',
  severity: 'high',
  description:
    'CloudTrail is the record of who did what in the account. A multi-region trail that is ' +
    'logging read and write management events covers every region, including ones nobody ' +
    'uses, where an attacker would otherwise act unseen. Evaluated per region: the region ' +
    'passes when such a trail covers it.',
  remediation: {
    text:
      'Create (or convert) a trail with "Apply trail to all regions", management events Read and ' +
      'Write, and start logging; an organization trail covers every member account.',
    url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html',
  },
  compliance: ['CIS-5.0:3.1'],
  uses: { trails: cloudtrailTrails },
  settings: noSettings,
  evaluate: ({ trails }, _settings, ctx) => {
    const subject = regionRef(ctx);
    const verdicts = trails
      .filter((t) => t.data.trail.IsMultiRegionTrail === true)
      .map((t) => ({ name: t.id, problem: problemOf(t.data, ctx.partition) }));
    const good = verdicts.find((v) => v.problem === null);
    if (good) return [pass(subject, `Multi-region trail ${good.name} logs all management events in ${ctx.region}`)];
    if (verdicts.length === 0) return [fail(subject, `No multi-region trail covers ${ctx.region}`)];
    const reasons = verdicts.map((v) => `${v.name}: ${v.problem?.text ?? ''}`).join('; ');
    return verdicts.some((v) => v.problem?.undecided)
      ? [unknown(subject, `Could not confirm a multi-region trail logging in ${ctx.region} (${reasons})`)]
      : [fail(subject, `No multi-region trail logs all management events in ${ctx.region} (${reasons})`)];
  },
});

function problemOf(record: TrailRecord, partition: string): { text: string; undecided: boolean } | null {
  if ('error' in record.status) return { text: `status unreadable (${record.status.error})`, undecided: true };
  if (record.status.IsLogging !== true) return { text: 'logging is stopped', undecided: false };
  if ('error' in record.selectors) return { text: `event selectors unreadable (${record.selectors.error})`, undecided: true };
  const coverage = eventCoverage(record.selectors, partition);
  if (coverage.managementRead && coverage.managementWrite) return null;
  return { text: 'does not log both read and write management events', undecided: false };
}
