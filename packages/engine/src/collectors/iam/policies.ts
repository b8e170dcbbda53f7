import type { ManagedPolicyDetail } from '@aws-sdk/client-iam';
import { defineCollector } from '../../core/collector.js';
import { GLOBAL_REGION } from '../../core/resource.js';
import { authorizationDetailsPages } from './authorization-details.js';
import { defaultPolicyDocument, type ParsedPolicyDocument } from './policy-document.js';

/** A customer managed policy, with its default version's document decoded and parsed. */
export type IamManagedPolicy = ManagedPolicyDetail & { readonly defaultDocument: ParsedPolicyDocument };

export const iamPolicies = defineCollector<IamManagedPolicy>({
  id: 'iam.policies',
  service: 'iam',
  scope: 'global',
  permissions: ['iam:GetAccountAuthorizationDetails'],
  async *collect(ctx) {
    // LocalManagedPolicy = customer managed only; AWS managed policies are not ours to fix.
    for await (const page of authorizationDetailsPages(ctx, 'LocalManagedPolicy')) {
      for (const policy of page.Policies ?? []) {
        // Some emulators (moto) leave PolicyName out of this listing; the ARN ends with it.
        const name = policy.PolicyName ?? policy.Arn?.slice(policy.Arn.lastIndexOf('/') + 1) ?? '';
        yield {
          arn: policy.Arn ?? `arn:${ctx.partition}:iam::${ctx.accountId}:policy${policy.Path ?? '/'}${name}`,
          id: name,
          type: 'AWS::IAM::ManagedPolicy',
          region: GLOBAL_REGION,
          accountId: ctx.accountId,
          // GetAccountAuthorizationDetails returns no policy tags; no check needs them.
          tags: {},
          data: { ...policy, defaultDocument: defaultPolicyDocument(policy) },
        };
      }
    }
  },
});
