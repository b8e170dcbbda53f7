import { describe, expect, it } from 'vitest';
import { awsError, collectAll, stubbedContext } from '../collector-test-kit.js';
import { iamPasswordPolicy } from './password-policy.js';

describe('iam.password-policy', () => {
  it('yields one account resource with the policy', async () => {
    const { ctx, calls } = stubbedContext(() => ({ PasswordPolicy: { MinimumPasswordLength: 14, PasswordReusePrevention: 24 } }));
    const resources = await collectAll(iamPasswordPolicy, ctx);
    expect(calls.map((call) => call.command)).toEqual(['GetAccountPasswordPolicy']);
    expect(resources).toEqual([
      {
        arn: 'arn:aws:iam::123456789012:account-password-policy', id: '123456789012', type: 'AWS::IAM::AccountPasswordPolicy',
        region: 'global', accountId: '123456789012', tags: {},
        data: { policy: { MinimumPasswordLength: 14, PasswordReusePrevention: 24 } },
      },
    ]);
  });

  it('turns NoSuchEntity (no policy configured) into policy: null', async () => {
    const { ctx } = stubbedContext(() => { throw awsError('NoSuchEntityException'); });
    const resources = await collectAll(iamPasswordPolicy, ctx);
    expect(resources.map((resource) => resource.data)).toEqual([{ policy: null }]);
  });

  it('lets AccessDenied through so it never reads as "no policy"', async () => {
    const { ctx } = stubbedContext(() => { throw awsError('AccessDenied'); });
    await expect(collectAll(iamPasswordPolicy, ctx)).rejects.toMatchObject({ name: 'AccessDenied' });
  });
});
