import { defineCheck, fail, noSettings, pass } from '../../core/check.js';
import { iamPasswordPolicy } from '../../collectors/iam/password-policy.js';

const MIN_LENGTH = 14;

export const passwordMinLength14 = defineCheck({
  id: 'iam.password-min-length-14',
  title: 'The IAM password policy requires at least 14 characters',
  kind: 'security',
  severity: 'medium',
  description:
    'Short passwords fall quickly to guessing and cracking. Without a password policy IAM accepts ' +
    'passwords of 8 characters; CIS asks for at least 14.',
  remediation: {
    text: 'In IAM > Account settings, edit the password policy and set the minimum length to 14 or more.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
  },
  compliance: ['CIS-5.0:1.7'],
  uses: { passwordPolicy: iamPasswordPolicy },
  settings: noSettings,
  evaluate: ({ passwordPolicy }) =>
    passwordPolicy.map((account) => {
      const { policy } = account.data;
      if (!policy) return fail(account, 'The account has no IAM password policy (IAM then accepts 8-character passwords)');
      const length = policy.MinimumPasswordLength;
      if (length === undefined || length < MIN_LENGTH) {
        return fail(account, `The password policy's minimum length is ${length ?? 'not set'}, below ${MIN_LENGTH}`);
      }
      return pass(account, `The password policy requires at least ${length} characters`);
    }),
});
