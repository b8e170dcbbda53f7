import { paginateDescribeVpcs, type Vpc } from '@aws-sdk/client-ec2';
import { defineCollector } from '../../core/collector.js';
import { tagsFromList } from '../../core/resource.js';

export const vpcVpcs = defineCollector<Vpc>({
  id: 'vpc.vpcs',
  // VPC APIs are EC2 APIs: same client, same throttling buckets.
  service: 'ec2',
  scope: 'regional',
  permissions: ['ec2:DescribeVpcs'],
  async *collect(ctx) {
    const client = ctx.aws.client('ec2', ctx.region);
    for await (const page of paginateDescribeVpcs({ client, pageSize: 1000 }, {})) {
      for (const vpc of page.Vpcs ?? []) {
        const id = vpc.VpcId ?? '';
        yield {
          arn: `arn:${ctx.partition}:ec2:${ctx.region}:${vpc.OwnerId ?? ctx.accountId}:vpc/${id}`,
          id,
          type: 'AWS::EC2::VPC',
          region: ctx.region,
          accountId: ctx.accountId,
          tags: tagsFromList(vpc.Tags),
          data: vpc,
        };
      }
    }
  },
});
