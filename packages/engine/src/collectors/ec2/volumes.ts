import { paginateDescribeVolumes, type Volume } from '@aws-sdk/client-ec2';
import { defineCollector } from '../../core/collector.js';
import { tagsFromList } from '../../core/resource.js';

export const ec2Volumes = defineCollector<Volume>({
  id: 'ec2.volumes',
  service: 'ec2',
  scope: 'regional',
  permissions: ['ec2:DescribeVolumes'],
  async *collect(ctx) {
    const client = ctx.aws.client('ec2', ctx.region);
    // MaxResults keeps DescribeVolumes on EC2's larger token bucket (burst 100, not 50).
    for await (const page of paginateDescribeVolumes({ client, pageSize: 500 }, {})) {
      for (const volume of page.Volumes ?? []) {
        const id = volume.VolumeId ?? '';
        yield {
          arn: `arn:${ctx.partition}:ec2:${ctx.region}:${ctx.accountId}:volume/${id}`,
          id,
          type: 'AWS::EC2::Volume',
          region: ctx.region,
          accountId: ctx.accountId,
          tags: tagsFromList(volume.Tags),
          data: volume,
        };
      }
    }
  },
});
