import { paginateDescribeSecurityGroups, type SecurityGroup } from '@aws-sdk/client-ec2';
import { defineCollector } from '../../core/collector.js';
import { tagsFromList } from '../../core/resource.js';

export const ec2SecurityGroups = defineCollector<SecurityGroup>({
  id: 'ec2.security-groups',
  service: 'ec2',
  scope: 'regional',
  permissions: ['ec2:DescribeSecurityGroups'],
  async *collect(ctx) {
    const client = ctx.aws.client('ec2', ctx.region);
    // MaxResults keeps DescribeSecurityGroups on EC2's larger token bucket.
    for await (const page of paginateDescribeSecurityGroups({ client, pageSize: 1000 }, {})) {
      for (const group of page.SecurityGroups ?? []) {
        const id = group.GroupId ?? '';
        yield {
          arn: group.SecurityGroupArn ?? `arn:${ctx.partition}:ec2:${ctx.region}:${ctx.accountId}:security-group/${id}`,
          id,
          type: 'AWS::EC2::SecurityGroup',
          region: ctx.region,
          accountId: ctx.accountId,
          tags: tagsFromList(group.Tags),
          data: group,
        };
      }
    }
  },
});
