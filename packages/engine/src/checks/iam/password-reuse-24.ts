import { defineCheck, fail, noSettings, pass } from '../../core/check.js';
import { iamPasswordPolicy } from '../../collectors/iam/password-policy.js';

// 24 is both the CIS requirement and the highest value IAM accepts.
const REMEMBERED = 24;

export const passwordReuse24 = defineCheck({
  id: 'iam.password-reuse-24',
  title: 'The IAM password policy prevents reuse of the last 24 passwords',
  kind: 'security',
  severity: 'medium',
  description:
    'When users may cycle back to an old password, a password that leaked once keeps coming back. ' +
    'Remembering the last 24 passwords makes reuse impractical.',
  remediation: {
    text: 'In IAM > Account settings, edit the password policy and prevent reuse of the last 24 passwords.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
  },
  compliance: ['CIS-5.0:1.8'],
  uses: { passwordPolicy: iamPasswordPolicy },
  settings: noSettings,
  evaluate: ({ passwordPolicy }) =>
    passwordPolicy.map((account) => {
      const { policy } = account.data;
      if (!policy) return fail(account, 'The account has no IAM password policy, so passwords may be reused');
      const remembered = policy.PasswordReusePrevention;
      if (remembered === undefined) return fail(account, 'The password policy does not prevent password reuse');
      return remembered >= REMEMBERED
        ? pass(account, `The password policy prevents reuse of the last ${remembered} passwords`)
        : fail(account, `The password policy prevents reuse of only the last ${remembered} passwords, fewer than ${REMEMBERED}`);
    }),
});
