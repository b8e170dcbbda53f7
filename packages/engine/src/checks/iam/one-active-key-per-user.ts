import { defineCheck, fail, noSettings, pass } from '../../core/check.js';
import { iamCredentialReport } from '../../collectors/iam/credential-report.js';
import { userRows } from './report-rows.js';

export const oneActiveKeyPerUser = defineCheck({
  id: 'iam.one-active-key-per-user',
  title: 'IAM users have at most one active access key',
  kind: 'security',
  severity: 'medium',
  description:
    'A second active key is meant only for the short overlap of a rotation. Two long-lived active ' +
    'keys double the credentials that can leak, and the older one is often forgotten.',
  remediation: {
    text: 'Find which key is still in use (last-used date), move everything to it, then deactivate and delete the other.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console',
  },
  compliance: ['CIS-5.0:1.12'],
  uses: { report: iamCredentialReport },
  settings: noSettings,
  evaluate: ({ report }) =>
    userRows(report).map((user) => {
      const active = user.data.accessKeys.filter((key) => key.active).length;
      return active > 1
        ? fail(user, `${user.id} has ${active} active access keys`)
        : pass(user, `${user.id} has ${active === 1 ? 'one active access key' : 'no active access key'}`);
    }),
});
