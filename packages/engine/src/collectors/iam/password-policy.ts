import { GetAccountPasswordPolicyCommand, type IAMClient, type PasswordPolicy } from '@aws-sdk/client-iam';
import { defineCollector } from '../../core/collector.js';
import { GLOBAL_REGION } from '../../core/resource.js';

/** The account's password policy; `policy: null` when none is set (AWS then applies its defaults). */
export interface AccountPasswordPolicy {
  readonly policy: PasswordPolicy | null;
}

export const iamPasswordPolicy = defineCollector<AccountPasswordPolicy>({
  id: 'iam.password-policy',
  service: 'iam',
  scope: 'global',
  permissions: ['iam:GetAccountPasswordPolicy'],
  async *collect(ctx) {
    const client = ctx.aws.client('iam', ctx.region);
    yield {
      arn: `arn:${ctx.partition}:iam::${ctx.accountId}:account-password-policy`,
      id: ctx.accountId,
      type: 'AWS::IAM::AccountPasswordPolicy',
      region: GLOBAL_REGION,
      accountId: ctx.accountId,
      tags: {},
      data: { policy: await readPasswordPolicy(client) },
    };
  },
});

async function readPasswordPolicy(client: IAMClient): Promise<PasswordPolicy | null> {
  try {
    const { PasswordPolicy: policy } = await client.send(new GetAccountPasswordPolicyCommand({}));
    return policy ?? null;
  } catch (error) {
    // NoSuchEntity is how IAM says "no custom password policy": a finding, not a failure.
    if (error instanceof Error && (error.name === 'NoSuchEntityException' || error.name === 'NoSuchEntity')) return null;
    throw error;
  }
}
