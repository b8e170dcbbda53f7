import { DescribeAddressesCommand, type Address } from '@aws-sdk/client-ec2';
import { defineCollector } from '../../core/collector.js';
import { tagsFromList } from '../../core/resource.js';

export const ec2Addresses = defineCollector<Address>({
  id: 'ec2.addresses',
  service: 'ec2',
  scope: 'regional',
  permissions: ['ec2:DescribeAddresses'],
  async *collect(ctx) {
    const client = ctx.aws.client('ec2', ctx.region);
    // DescribeAddresses is not paginated: one call returns every Elastic IP of the region.
    const output = await client.send(new DescribeAddressesCommand({}));
    for (const address of output.Addresses ?? []) {
      const id = address.AllocationId ?? address.PublicIp ?? '';
      yield {
        arn: `arn:${ctx.partition}:ec2:${ctx.region}:${ctx.accountId}:elastic-ip/${id}`,
        id,
        type: 'AWS::EC2::EIP',
        region: ctx.region,
        accountId: ctx.accountId,
        tags: tagsFromList(address.Tags),
        data: address,
      };
    }
  },
});
