import type { RoleDetail } from '@aws-sdk/client-iam';
import { defineCollector } from '../../core/collector.js';
import { GLOBAL_REGION, tagsFromList } from '../../core/resource.js';
import { authorizationDetailsPages } from './authorization-details.js';

export const iamRoles = defineCollector<RoleDetail>({
  id: 'iam.roles',
  service: 'iam',
  scope: 'global',
  permissions: ['iam:GetAccountAuthorizationDetails'],
  async *collect(ctx) {
    for await (const page of authorizationDetailsPages(ctx, 'Role')) {
      for (const role of page.RoleDetailList ?? []) {
        const name = role.RoleName ?? '';
        yield {
          arn: role.Arn ?? `arn:${ctx.partition}:iam::${ctx.accountId}:role${role.Path ?? '/'}${name}`,
          id: name,
          type: 'AWS::IAM::Role',
          region: GLOBAL_REGION,
          accountId: ctx.accountId,
          tags: tagsFromList(role.Tags),
          data: role,
        };
      }
    }
  },
});
