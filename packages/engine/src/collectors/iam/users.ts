import type { UserDetail } from '@aws-sdk/client-iam';
import { defineCollector } from '../../core/collector.js';
import { GLOBAL_REGION, tagsFromList } from '../../core/resource.js';
import { authorizationDetailsPages } from './authorization-details.js';

export const iamUsers = defineCollector<UserDetail>({
  id: 'iam.users',
  service: 'iam',
  scope: 'global',
  permissions: ['iam:GetAccountAuthorizationDetails'],
  async *collect(ctx) {
    for await (const page of authorizationDetailsPages(ctx, 'User')) {
      for (const user of page.UserDetailList ?? []) {
        const name = user.UserName ?? '';
        yield {
          arn: user.Arn ?? `arn:${ctx.partition}:iam::${ctx.accountId}:user${user.Path ?? '/'}${name}`,
          id: name,
          type: 'AWS::IAM::User',
          region: GLOBAL_REGION,
          accountId: ctx.accountId,
          tags: tagsFromList(user.Tags),
          data: user,
        };
      }
    }
  },
});
