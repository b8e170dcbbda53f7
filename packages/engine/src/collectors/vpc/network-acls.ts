import { paginateDescribeNetworkAcls, type NetworkAcl } from '@aws-sdk/client-ec2';
import { defineCollector } from '../../core/collector.js';
import { tagsFromList } from '../../core/resource.js';

export const vpcNetworkAcls = defineCollector<NetworkAcl>({
  id: 'vpc.network-acls',
  service: 'ec2',
  scope: 'regional',
  permissions: ['ec2:DescribeNetworkAcls'],
  async *collect(ctx) {
    const client = ctx.aws.client('ec2', ctx.region);
    for await (const page of paginateDescribeNetworkAcls({ client, pageSize: 100 }, {})) {
      for (const acl of page.NetworkAcls ?? []) {
        const id = acl.NetworkAclId ?? '';
        yield {
          arn: `arn:${ctx.partition}:ec2:${ctx.region}:${acl.OwnerId ?? ctx.accountId}:network-acl/${id}`,
          id,
          type: 'AWS::EC2::NetworkAcl',
          region: ctx.region,
          accountId: ctx.accountId,
          tags: tagsFromList(acl.Tags),
          data: acl,
        };
      }
    }
  },
});
