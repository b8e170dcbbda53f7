import { GetAccountSummaryCommand, type SummaryKeyType } from '@aws-sdk/client-iam';
import { defineCollector } from '../../core/collector.js';
import { GLOBAL_REGION } from '../../core/resource.js';

/**
 * GetAccountSummary's SummaryMap (e.g. AccountMFAEnabled: 1 when the root user has MFA,
 * AccountAccessKeysPresent: 1 when it has access keys). A key may be absent.
 */
export type AccountSummary = Readonly<Partial<Record<SummaryKeyType, number>>>;

export const iamAccountSummary = defineCollector<AccountSummary>({
  id: 'iam.account-summary',
  service: 'iam',
  scope: 'global',
  permissions: ['iam:GetAccountSummary'],
  async *collect(ctx) {
    const client = ctx.aws.client('iam', ctx.region);
    const { SummaryMap } = await client.send(new GetAccountSummaryCommand({}));
    // The summary is about the account and its root user, so it carries the root's ARN.
    yield {
      arn: `arn:${ctx.partition}:iam::${ctx.accountId}:root`,
      id: ctx.accountId,
      type: 'AWS::IAM::AccountSummary',
      region: GLOBAL_REGION,
      accountId: ctx.accountId,
      tags: {},
      data: SummaryMap ?? {},
    };
  },
});
