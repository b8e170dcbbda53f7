import { paginateDescribeFlowLogs, type FlowLog } from '@aws-sdk/client-ec2';
import { defineCollector } from '../../core/collector.js';
import { tagsFromList } from '../../core/resource.js';

export const vpcFlowLogs = defineCollector<FlowLog>({
  id: 'vpc.flow-logs',
  service: 'ec2',
  scope: 'regional',
  permissions: ['ec2:DescribeFlowLogs'],
  async *collect(ctx) {
    const client = ctx.aws.client('ec2', ctx.region);
    for await (const page of paginateDescribeFlowLogs({ client, pageSize: 1000 }, {})) {
      for (const flowLog of page.FlowLogs ?? []) {
        const id = flowLog.FlowLogId ?? '';
        yield {
          arn: `arn:${ctx.partition}:ec2:${ctx.region}:${ctx.accountId}:vpc-flow-log/${id}`,
          id,
          type: 'AWS::EC2::FlowLog',
          region: ctx.region,
          accountId: ctx.accountId,
          tags: tagsFromList(flowLog.Tags),
          data: flowLog,
        };
      }
    }
  },
});
