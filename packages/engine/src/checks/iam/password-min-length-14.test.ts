import type { PasswordPolicy } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { aResource, runCheck } from '../check-test-kit.js';
import { passwordMinLength14 } from './password-min-length-14.js';

const account = (policy: PasswordPolicy | null) => aResource({ policy }, { id: '123456789012', region: 'global' });

describe('iam.password-min-length-14', () => {
  it.each([
    { name: 'no password policy', policy: null, status: 'fail' },
    { name: 'length 8', policy: { MinimumPasswordLength: 8 }, status: 'fail' },
    { name: 'length 13', policy: { MinimumPasswordLength: 13 }, status: 'fail' },
    { name: 'length exactly 14', policy: { MinimumPasswordLength: 14 }, status: 'pass' },
    { name: 'length 32', policy: { MinimumPasswordLength: 32 }, status: 'pass' },
    { name: 'policy without a length', policy: {}, status: 'fail' },
  ])('$name -> $status', ({ policy, status }) => {
    expect(runCheck(passwordMinLength14, { passwordPolicy: [account(policy)] }).map((o) => o.status)).toEqual([status]);
  });

  it('says what the length is', () => {
    const [outcome] = runCheck(passwordMinLength14, { passwordPolicy: [account({ MinimumPasswordLength: 10 })] });
    expect(outcome?.message).toBe("The password policy's minimum length is 10, below 14");
  });
});
