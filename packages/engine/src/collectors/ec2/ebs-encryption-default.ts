import { GetEbsEncryptionByDefaultCommand, type GetEbsEncryptionByDefaultResult } from '@aws-sdk/client-ec2';
import { defineCollector } from '../../core/collector.js';

/** The region's EBS encryption-by-default setting: always one resource, on or off. */
export type EbsEncryptionDefault = Pick<GetEbsEncryptionByDefaultResult, 'EbsEncryptionByDefault' | 'SseType'>;

export const ec2EbsEncryptionDefault = defineCollector<EbsEncryptionDefault>({
  id: 'ec2.ebs-encryption-default',
  service: 'ec2',
  scope: 'regional',
  permissions: ['ec2:GetEbsEncryptionByDefault'],
  async *collect(ctx) {
    const client = ctx.aws.client('ec2', ctx.region);
    const output = await client.send(new GetEbsEncryptionByDefaultCommand({}));
    yield {
      // The setting has no ARN of its own; this one is stable per account and region.
      arn: `arn:${ctx.partition}:ec2:${ctx.region}:${ctx.accountId}:ebs-encryption-by-default`,
      id: `ebs-encryption-by-default/${ctx.region}`,
      type: 'AWS::EC2::EBSEncryptionByDefault',
      region: ctx.region,
      accountId: ctx.accountId,
      tags: {},
      data: { EbsEncryptionByDefault: output.EbsEncryptionByDefault, SseType: output.SseType },
    };
  },
});
