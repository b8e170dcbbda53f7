import { paginateDescribeInstances, type Instance } from '@aws-sdk/client-ec2';
import { defineCollector } from '../../core/collector.js';
import { tagsFromList } from '../../core/resource.js';

export const ec2Instances = defineCollector<Instance>({
  id: 'ec2.instances',
  service: 'ec2',
  scope: 'regional',
  permissions: ['ec2:DescribeInstances'],
  async *collect(ctx) {
    const client = ctx.aws.client('ec2', ctx.region);
    // 1000 is the largest page DescribeInstances accepts; MaxResults also keeps the call on
    // EC2's larger token bucket. Instances come grouped in reservations: we flatten them.
    for await (const page of paginateDescribeInstances({ client, pageSize: 1000 }, {})) {
      for (const reservation of page.Reservations ?? []) {
        for (const instance of reservation.Instances ?? []) {
          const id = instance.InstanceId ?? '';
          yield {
            arn: `arn:${ctx.partition}:ec2:${ctx.region}:${ctx.accountId}:instance/${id}`,
            id,
            type: 'AWS::EC2::Instance',
            region: ctx.region,
            accountId: ctx.accountId,
            tags: tagsFromList(instance.Tags),
            data: instance,
          };
        }
      }
    }
  },
});
