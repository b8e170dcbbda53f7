import { paginateDescribeLogGroups, type LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import { defineCollector } from '../../core/collector.js';

export const logsLogGroups = defineCollector<LogGroup>({
  id: 'logs.log-groups',
  service: 'logs',
  scope: 'regional',
  permissions: ['logs:DescribeLogGroups'],
  async *collect(ctx) {
    const client = ctx.aws.client('logs', ctx.region);
    // 50 is the largest page DescribeLogGroups accepts.
    for await (const page of paginateDescribeLogGroups({ client, pageSize: 50 }, {})) {
      for (const group of page.logGroups ?? []) {
        const name = group.logGroupName ?? '';
        yield {
          // `arn` ends in `:*` (it names the streams); logGroupArn is the group's own ARN.
          arn: group.logGroupArn ?? `arn:${ctx.partition}:logs:${ctx.region}:${ctx.accountId}:log-group:${name}`,
          id: name,
          type: 'AWS::Logs::LogGroup',
          region: ctx.region,
          accountId: ctx.accountId,
          tags: {},
          data: group,
        };
      }
    }
  },
});
