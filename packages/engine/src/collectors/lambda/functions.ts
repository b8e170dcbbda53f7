import { paginateListFunctions, type FunctionConfiguration } from '@aws-sdk/client-lambda';
import { defineCollector } from '../../core/collector.js';

export const lambdaFunctions = defineCollector<FunctionConfiguration>({
  id: 'lambda.functions',
  service: 'lambda',
  scope: 'regional',
  permissions: ['lambda:ListFunctions'],
  async *collect(ctx) {
    const client = ctx.aws.client('lambda', ctx.region);
    // 50 is ListFunctions' largest page (MaxItems). Only $LATEST of each function is listed.
    for await (const page of paginateListFunctions({ client, pageSize: 50 }, {})) {
      for (const fn of page.Functions ?? []) {
        const id = fn.FunctionName ?? '';
        yield {
          arn: fn.FunctionArn ?? `arn:${ctx.partition}:lambda:${ctx.region}:${ctx.accountId}:function:${id}`,
          id,
          type: 'AWS::Lambda::Function',
          region: ctx.region,
          accountId: ctx.accountId,
          // ListFunctions returns no tags; reading them costs a ListTags call per function.
          tags: {},
          data: fn,
        };
      }
    }
  },
});
