import type { PasswordPolicy } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { aResource, runCheck } from '../check-test-kit.js';
import { passwordReuse24 } from './password-reuse-24.js';

const account = (policy: PasswordPolicy | null) => aResource({ policy }, { id: '123456789012', region: 'global' });

describe('iam.password-reuse-24', () => {
  it.each([
    { name: 'no password policy', policy: null, status: 'fail' },
    { name: 'reuse prevention not set', policy: { MinimumPasswordLength: 20 }, status: 'fail' },
    { name: 'remembers 5', policy: { PasswordReusePrevention: 5 }, status: 'fail' },
    { name: 'remembers 23', policy: { PasswordReusePrevention: 23 }, status: 'fail' },
    { name: 'remembers exactly 24', policy: { PasswordReusePrevention: 24 }, status: 'pass' },
  ])('$name -> $status', ({ policy, status }) => {
    expect(runCheck(passwordReuse24, { passwordPolicy: [account(policy)] }).map((o) => o.status)).toEqual([status]);
  });

  it('returns nothing when no policy resource was collected', () => {
    expect(runCheck(passwordReuse24, { passwordPolicy: [] })).toEqual([]);
  });
});
