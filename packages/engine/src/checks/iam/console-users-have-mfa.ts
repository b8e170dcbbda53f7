import { defineCheck, fail, noSettings, pass, unknown } from '../../core/check.js';
import { iamCredentialReport } from '../../collectors/iam/credential-report.js';
import { userRows } from './report-rows.js';

export const consoleUsersHaveMfa = defineCheck({
  id: 'iam.console-users-have-mfa',
  title: 'IAM users with a console password have MFA',
  kind: 'security',
  severity: 'high',
  description:
    'A console password alone can be phished, guessed or reused from another breach. MFA makes a ' +
    'stolen password useless on its own.',
  remediation: {
    text: 'Assign an MFA device to the user (or remove its console password if it does not need one).',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable.html',
  },
  compliance: ['CIS-5.0:1.9'],
  uses: { report: iamCredentialReport },
  settings: noSettings,
  evaluate: ({ report }) =>
    userRows(report).map((user) => {
      const { passwordEnabled, mfaActive } = user.data;
      if (passwordEnabled === null) return unknown(user, `The credential report does not say whether ${user.id} has a console password`);
      if (!passwordEnabled) return pass(user, `${user.id} has no console password`);
      return mfaActive
        ? pass(user, `${user.id} has a console password and MFA`)
        : fail(user, `${user.id} has a console password but no MFA device`);
    }),
});
