import { defineCheck, fail, noSettings, pass } from '../../core/check.js';
import { logsLogGroups } from '../../collectors/logs/log-groups.js';
import { perGbMonthCost } from '../../pricing/estimate.js';
import { US_EAST_1 } from '../../pricing/price-table.js';

// CloudWatch bills log storage per GB of 2^30 bytes (archived, compressed), as storedBytes counts.
const BYTES_PER_GB = 1024 ** 3;

export const retentionSet = defineCheck({
  id: 'logs.retention-set',
  title: 'CloudWatch log groups have a retention period',
  kind: 'cost',
  severity: 'low',
  description:
    'A log group without a retention period ("Never expire") keeps every event forever and its ' +
    'storage bill grows every month. The estimate is the monthly cost of the volume stored ' +
    'today; most of it is usually old enough to expire.',
  remediation: {
    text:
      'Set a retention period that matches how long you need the logs (e.g. 30 or 90 days); ' +
      'export to S3 first if you must keep older events for compliance.',
    url: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention',
  },
  compliance: [],
  uses: { logGroups: logsLogGroups },
  settings: noSettings,
  evaluate: ({ logGroups }) =>
    logGroups.map((group) => {
      const { retentionInDays, storedBytes = 0 } = group.data;
      if (retentionInDays !== undefined) return pass(group, `Log group ${group.id} keeps events ${retentionInDays} days`);
      const gb = storedBytes / BYTES_PER_GB;
      const cost = perGbMonthCost(gb, US_EAST_1.logsStorageGbMonth, 'log storage', group.region);
      return fail(group, `Log group ${group.id} never expires its events (${gb.toFixed(2)} GB stored today)`, {
        monthlyUsd: cost.monthlyUsd,
        basis: `${cost.basis}; the volume stored today, which grows every month while nothing expires`,
      });
    }),
});
