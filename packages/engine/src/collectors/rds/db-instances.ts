import { paginateDescribeDBInstances, type DBInstance } from '@aws-sdk/client-rds';
import { defineCollector } from '../../core/collector.js';
import { tagsFromList } from '../../core/resource.js';

export const rdsDbInstances = defineCollector<DBInstance>({
  id: 'rds.db-instances',
  service: 'rds',
  scope: 'regional',
  permissions: ['rds:DescribeDBInstances'],
  async *collect(ctx) {
    const client = ctx.aws.client('rds', ctx.region);
    // 100 is the largest page RDS accepts (MaxRecords 20-100).
    for await (const page of paginateDescribeDBInstances({ client, pageSize: 100 }, {})) {
      for (const instance of page.DBInstances ?? []) {
        const id = instance.DBInstanceIdentifier ?? '';
        yield {
          arn: instance.DBInstanceArn ?? `arn:${ctx.partition}:rds:${ctx.region}:${ctx.accountId}:db:${id}`,
          id,
          type: 'AWS::RDS::DBInstance',
          region: ctx.region,
          accountId: ctx.accountId,
          tags: tagsFromList(instance.TagList),
          data: instance,
        };
      }
    }
  },
});
